// The 归档章 (DA/T 22-2015 7.4) as layout items for page 1 of the archived PDF: a red box of
// 3 × 2 cells holding 全宗号, 年度, 件号 / 机构(问题), 保管期限, 页数, each value centred in
// its cell. Sizes and place come from src/spec/archive.ts; text is shaped by the layout's
// own functions, so the PDF writer draws it like any other run.

import type { FontSet } from '../fonts/types.js';
import type { FontRole } from '../model/types.js';
import type { PageItem, Rule } from '../layout/types.js';
import { ShapeContext, naturalWidth, shapeText, solidRuns } from '../layout/text.js';
import { mmToPt } from '../spec/units.js';
import {
  RETENTION,
  STAMP_BASELINE_BELOW_MIDDLE_EM,
  STAMP_CELL_H_MM,
  STAMP_CELL_W_MM,
  STAMP_CELLS,
  STAMP_COLUMNS,
  STAMP_RIGHT_PT,
  STAMP_ROWS,
  STAMP_RULE_MM,
  STAMP_TEXT_SIZE_PT,
  STAMP_TOP_PT,
  type RetentionCode,
} from '../spec/archive.js';
import { pieceText } from './danghao.js';

/** The values of the stamp (DA/T 22-2015 7.4.2). */
export interface StampFields {
  fonds: string;
  year: string;
  retention: RetentionCode;
  piece: number;
  org?: string;
  pages?: number;
}

/** The stamp's text face: the body face (仿宋), as the printed stamps of offices use. */
const STAMP_ROLE: FontRole = 'fangsong';

/** The text of each cell, in the order of STAMP_CELLS. */
export function stampTexts(s: StampFields): string[] {
  const value: Record<(typeof STAMP_CELLS)[number], string> = {
    fonds: s.fonds,
    year: s.year,
    piece: pieceText(s.piece),
    org: s.org ?? '',
    retention: RETENTION[s.retention].short,
    pages: s.pages !== undefined ? String(s.pages) : '',
  };
  return STAMP_CELLS.map((c) => value[c]);
}

/** Layout items of the stamp. `file` names the document in font warnings. */
export function stampItems(s: StampFields, fonts: FontSet, file: string): PageItem[] {
  const cw = mmToPt(STAMP_CELL_W_MM);
  const ch = mmToPt(STAMP_CELL_H_MM);
  const left = STAMP_RIGHT_PT - cw * STAMP_COLUMNS;
  const top = STAMP_TOP_PT;
  const right = STAMP_RIGHT_PT;
  const bottom = top + ch * STAMP_ROWS;
  const thickness = mmToPt(STAMP_RULE_MM);
  const rule = (x1: number, y1: number, x2: number, y2: number): Rule => ({ kind: 'rule', x1, y1, x2, y2, thickness, color: 'red' });
  const items: PageItem[] = [];
  for (let r = 0; r <= STAMP_ROWS; r++) items.push(rule(left, top + r * ch, right, top + r * ch));
  for (let c = 0; c <= STAMP_COLUMNS; c++) items.push(rule(left + c * cw, top, left + c * cw, bottom));
  const ctx = new ShapeContext(fonts, file);
  stampTexts(s).forEach((text, i) => {
    if (!text) return;
    const chars = shapeText(ctx, text, { role: STAMP_ROLE, size: STAMP_TEXT_SIZE_PT, color: 'red' });
    const col = i % STAMP_COLUMNS;
    const row = Math.floor(i / STAMP_COLUMNS);
    const x = left + col * cw + (cw - naturalWidth(chars)) / 2;
    const baseline = top + row * ch + ch / 2 + STAMP_TEXT_SIZE_PT * STAMP_BASELINE_BELOW_MIDDLE_EM;
    items.push(...solidRuns(chars, x, baseline));
  });
  return items;
}
