// The archive's rules: DA/T 22-2015《归档文件整理规则》(档号, 归档章, 归档文件目录) and the
// codes it uses. [A n] = DA/T 22-2015 clause n, [D] = derived, [C] = office convention.
// No other module holds an archive size or code.

import { mmToPt } from './units.js';
import { MARGIN_TOP_MM, SIZE_PT, TYPE_RIGHT_PT } from './gbt9704.js';

// ── 档号 [A 6.2] ──────────────────────────────────────────────────────────────
/** 件号 digits, zero padded: `0007` [A 6.2, 6.1.3]. */
export const PIECE_DIGITS = 4;
/** Separator between the parts of a 档号 [A 6.2]. */
export const CODE_SEPARATOR = '-';
/** Separator between 门类代码 and 年度: `WS·2024` [A 6.2]. */
export const CATEGORY_YEAR_SEPARATOR = '·';

/** 保管期限 codes [A 5.2, 6.2]: 永久 Y, 定期30年 D30, 定期10年 D10. */
export const RETENTION = {
  Y: { label: '永久', short: '永久', aliases: ['永久'] },
  D30: { label: '定期30年', short: '30年', aliases: ['30年', '定期30年'] },
  D10: { label: '定期10年', short: '10年', aliases: ['10年', '定期10年'] },
} as const;
export type RetentionCode = keyof typeof RETENTION;
export const RETENTION_CODES = Object.keys(RETENTION) as RetentionCode[];

/** 门类代码 [A 6.2; DA/T 13 档案门类]: 文书 WS is what this tool produces; the others are accepted. */
export const CATEGORIES = {
  WS: '文书',
  KJ: '科技',
  KU: '会计',
  ZY: '专业',
  ZP: '照片',
  LY: '录音',
  LX: '录像',
  SW: '实物',
} as const;
export type CategoryCode = keyof typeof CATEGORIES;
export const DEFAULT_CATEGORY: CategoryCode = 'WS';

/** 全宗号: letters and digits, e.g. `J012` [DA/T 13] (upper case, at most this many). */
export const FONDS_PATTERN = /^[A-Z0-9]{1,8}$/;
/** 机构(问题)代码: digits or the initials of the unit's name, e.g. `BGS` [A 6.2]. */
export const ORG_PATTERN = /^[A-Z0-9]{1,8}$/;

// ── 归档章 [A 7.4] ───────────────────────────────────────────────────────────
/** Cell width, mm [A 7.4 图1: 45 mm × 16 mm in 3 × 2 cells]. */
export const STAMP_CELL_W_MM = 15;
/** Cell height, mm [A 7.4 图1]. */
export const STAMP_CELL_H_MM = 8;
export const STAMP_COLUMNS = 3;
export const STAMP_ROWS = 2;
/** The whole stamp, mm [D]: 45 × 16. */
export const STAMP_W_MM = STAMP_CELL_W_MM * STAMP_COLUMNS;
export const STAMP_H_MM = STAMP_CELL_H_MM * STAMP_ROWS;
/**
 * Cells in reading order [A 7.4 图1]: 全宗号 年度 件号 / 机构(问题) 保管期限 页数.
 * 全宗号, 年度, 保管期限 and 件号 are required; 机构(问题) and 页数 optional [A 7.4.1].
 */
export const STAMP_CELLS = ['fonds', 'year', 'piece', 'org', 'retention', 'pages'] as const;
/** Box and cell rules, mm [C: a thin red line, like the printed stamp]. */
export const STAMP_RULE_MM = 0.3;
/** Value text: 五号 [C]. */
export const STAMP_TEXT_SIZE_PT = SIZE_PT.wuhao;
/**
 * Where on page 1 [A 7.4.1: 首页上端的右上角空白位置]: in the top margin, the right edge on the
 * 版心's right edge, the bottom edge this far above the 版心 top, mm [C].
 */
export const STAMP_GAP_ABOVE_TYPE_MM = 4;
/** Stamp box in points from the paper's top-left corner [D]. */
export const STAMP_RIGHT_PT = TYPE_RIGHT_PT;
export const STAMP_TOP_PT = mmToPt(MARGIN_TOP_MM - STAMP_GAP_ABOVE_TYPE_MM - STAMP_H_MM);
/** Baseline of a cell's text below the cell's vertical middle, em: centres CJK and digits alike [C]. */
export const STAMP_BASELINE_BELOW_MIDDLE_EM = 0.35;

// ── 归档文件目录 [A 8.2] ──────────────────────────────────────────────────────
/** The columns, exactly and in this order [A 8.2]. */
export const CATALOGUE_COLUMNS = ['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注'] as const;
/** Cover fields [A 8.2: 封面 项目]. */
export const CATALOGUE_COVER_FIELDS = ['全宗号', '全宗名称', '年度', '保管期限', '机构(问题)'] as const;
/** 日期 in the catalogue: 8 digits, YYYYMMDD [A 8.2 日期]. */
export const CATALOGUE_DATE_PATTERN = /^\d{8}$/;
/** The printed catalogue: A4 landscape, mm [A 8.2: A4 幅面; landscape for the nine columns]. */
export const CATALOGUE_PAGE_W_MM = 297;
export const CATALOGUE_PAGE_H_MM = 210;
/** Margins of the printed catalogue, mm [C]: binding edge on the left. */
export const CATALOGUE_MARGIN_LEFT_MM = 25;
export const CATALOGUE_MARGIN_RIGHT_MM = 20;
export const CATALOGUE_MARGIN_TOP_MM = 20;
export const CATALOGUE_MARGIN_BOTTOM_MM = 20;
/** Column widths, mm, summing to the text width 297 − 25 − 20 = 252 [C]. */
export const CATALOGUE_COLUMN_W_MM: Readonly<Record<(typeof CATALOGUE_COLUMNS)[number], number>> = {
  序号: 12,
  档号: 48,
  文号: 40,
  责任者: 30,
  题名: 64,
  日期: 20,
  密级: 12,
  页数: 12,
  备注: 14,
};
/** Table text and header: 五号 [C]; title of each table page: 小三 [C]. */
export const CATALOGUE_TEXT_SIZE_PT = SIZE_PT.wuhao;
export const CATALOGUE_HEADING_SIZE_PT = SIZE_PT.xiaosan;
/** Cover: title 小初, fields 三号 [C]. */
export const CATALOGUE_COVER_TITLE_SIZE_PT = SIZE_PT.xiaochu;
export const CATALOGUE_COVER_FIELD_SIZE_PT = SIZE_PT.sanhao;
/** Cover title's top, and the first field's top, from the paper top, mm [C]. */
export const CATALOGUE_COVER_TITLE_TOP_MM = 45;
export const CATALOGUE_COVER_FIELDS_TOP_MM = 95;
/** Cover fields: label column width and line pitch, mm [C]. */
export const CATALOGUE_COVER_LABEL_W_MM = 40;
export const CATALOGUE_COVER_VALUE_W_MM = 110;
export const CATALOGUE_COVER_FIELD_PITCH_MM = 14;
/** The line under a cover value: this many em below the text's top [C]. */
export const CATALOGUE_COVER_RULE_BELOW_EM = 1.25;
/** Cell padding, mm, and minimum row height, mm [C]. */
export const CATALOGUE_CELL_PAD_MM = 1.5;
export const CATALOGUE_MIN_ROW_H_MM = 8;
/** Gap under the page heading, mm [C]. */
export const CATALOGUE_HEADING_GAP_MM = 4;
/** Table rules, pt [C]. */
export const CATALOGUE_RULE_PT = 0.5;
