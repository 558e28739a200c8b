// 简报 (bulletin): office convention, not defined by GB/T 9704 (spec §12). Every value is [C]
// and configurable; paper, 版心, fonts and page numbers are those of gbt9704.ts.

import { SIZE_PT } from './gbt9704.js';

/** 报头 marking line (内部刊物 注意保存): 版心 line 1, flush left, 3号黑体. */
export const MARKING_SIZE_PT = SIZE_PT.sanhao;
/** Series name above the big word: red 小标宋, 一号–小初, shrunk to fit one line. */
export const SERIES_NAME_SIZE_PT = SIZE_PT.yihao;
export const SERIES_NAME_MIN_SIZE_PT = SIZE_PT.xiaoer;
/** The big red 简报 word: 60–72 pt typical, minimum 初号. */
export const HEADING_SIZE_PT = 66;
/** Letter spacing of the big word, 字 of its own size. */
export const HEADING_LETTER_SPACING_EM = 1;
/** Narrowest horizontal scale of a 报头 text before it is shrunk to stay within the 版心 (as the issuer mark) [C]. */
export const MIN_H_SCALE = 0.5;
/** 期号 line: 3号仿宋, centred, directly below the name. */
export const ISSUE_SIZE_PT = SIZE_PT.sanhao;
/** Editor (left) / date (right) line: 3号, inset 1 字 on the left. */
export const EDITOR_LINE_SIZE_PT = SIZE_PT.sanhao;
export const EDITOR_LEFT_INSET_CHARS = 1;
/** Red separator about 4 mm below the editor/date line, 版心 wide. */
export const MASTHEAD_RULE_GAP_MM = 4;
export const MASTHEAD_RULE_THICKNESS_MM = 0.75;
/** First article title 2 blank lines below the red rule; later ones 1 blank line before. */
export const FIRST_ARTICLE_GAP_LINES = 2;
export const NEXT_ARTICLE_GAP_LINES = 1;
