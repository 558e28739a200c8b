// GFM tables in the flow: equal columns, cell text wrapped, a ruled grid; one flow line per
// table row, as many grid lines high as its tallest cell.

import type { TableBlock } from '../model/types.js';
import { TABLE_CELL_PAD_CHARS, TABLE_RULE_PT } from '../spec/layout.js';
import type { PlanContext } from './context.js';
import type { Flow } from './flow.js';
import { BODY, CELL, LEFT, RIGHT, WIDTH } from './page.js';
import type { LinePiece } from './plan.js';
import { breakStyled, shape } from './text.js';


export function planTable(pc: PlanContext, flow: Flow, t: TableBlock): void {
  const cols = Math.max(t.header.length, ...t.rows.map((r) => r.length));
  if (!cols) return;
  const colW = WIDTH / cols;
  const pad = CELL * TABLE_CELL_PAD_CHARS;
  [t.header, ...t.rows].forEach((row, ri) => {
    const cells = Array.from({ length: cols }, (_, c) => {
      const chars = shape(pc.shaper, row[c] ?? [], { role: ri === 0 ? 'hei' : 'fangsong', size: BODY }, t.line);
      return { chars, lines: breakStyled(chars, colW - 2 * pad, colW - 2 * pad) };
    });
    const span = Math.max(1, ...cells.map((c) => c.lines.length));
    const rule = (x1: number, row: number, x2: number, row2: number): LinePiece => ({ kind: 'rule', x1, row, x2, row2, thickness: TABLE_RULE_PT, color: 'black' });
    const pieces: LinePiece[] = [rule(LEFT, 0, RIGHT, 0), rule(LEFT, span, RIGHT, span)];
    for (let c = 0; c <= cols; c++) pieces.push(rule(LEFT + c * colW, 0, LEFT + c * colW, span));
    cells.forEach((cell, c) => {
      const a = t.align[c] ?? 'left';
      cell.lines.forEach((ln, k) => {
        const inner = colW - 2 * pad;
        const x = LEFT + c * colW + pad + (a === 'center' ? (inner - ln.width) / 2 : a === 'right' ? inner - ln.width : 0);
        pieces.push({ kind: 'text', chars: cell.chars, line: { ...ln, justified: false }, x, row: k, size: BODY });
      });
    });
    flow.push({ role: 'table', span, body: true, pieces });
  });
}
