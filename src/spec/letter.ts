// 信函格式 (GB/T 9704 10.1, spec §9 and §14): the issuer's name as the red mark 30 mm from the
// paper top, red double rules 170 mm long (thick over thin under the mark, thin over thick
// 20 mm above the paper bottom), 份号/密级/紧急程度 left and the number right under the first
// rule, the title 2 lines below, no page number on page 1, a 版记 without 印发 row and rules.

import { SIZE_PT } from './gbt9704.js';

/** Top edge of the mark, mm from the paper top [S 10.1]. */
export const LETTER_MARK_TOP_FROM_PAPER_TOP_MM = 30;
/**
 * Sizes the mark may take, pt: the standard leaves the size to the issuer; 22–30 pt [C]. The
 * layout picks the size in this range that puts the first element under the rule on a grid
 * line (src/layout/letter.ts), so that page 1's body stays on the grid of the other pages.
 */
export const LETTER_MARK_MIN_SIZE_PT = SIZE_PT.erhao;
export const LETTER_MARK_MAX_SIZE_PT = 30;
/** Narrowest horizontal scale of a long name (the mark keeps its height) [C]. */
export const LETTER_MARK_MIN_H_SCALE = 0.5;
/** Widest the mark may be, mm: the 版心 width [C]. */
export const LETTER_MARK_MAX_LINE_MM = 156;
/** Both double rules are 170 mm long, centred on the page [S 10.1]. */
export const LETTER_DOUBLE_RULE_LEN_MM = 170;
/** The first double rule's top edge 4 mm below the mark's bottom edge [S 10.1]. */
export const LETTER_RULE1_GAP_BELOW_MARK_MM = 4;
/** The second double rule's bottom edge 20 mm above the paper bottom [S 10.1]. */
export const LETTER_RULE2_FROM_PAPER_BOTTOM_MM = 20;
/** Strokes of a double rule: thick 0.5 mm, thin 0.25 mm, 0.5 mm apart; the standard gives none [C]. */
export const LETTER_RULE_THICK_MM = 0.5;
export const LETTER_RULE_THIN_MM = 0.25;
export const LETTER_RULE_GAP_MM = 0.5;
/** 份号/密级/紧急程度 and the number: their em top 7/8 of a 3号 height (14 pt) below the first rule [S 10.1]. */
export const LETTER_FIELD_GAP_PT = (SIZE_PT.sanhao * 7) / 8;
/** The title 2 blank lines below the last element above it [S 10.1]. */
export const LETTER_TITLE_GAP_LINES = 2;
