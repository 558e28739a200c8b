// GFM tables in the flow [spec §13, C]: column widths from the cells' content (the automatic
// table layout of browsers and Word: each column between its narrowest unbreakable piece and its
// unbroken text), cell text wrapped, numbers right-aligned, a ruled grid. One flow line per row,
// a whole number of grid lines high, so the body after a table is back on the grid; the header
// row is kept with the first body row and repeated, under a 续表N line, at the top of every page the
// table goes on to;
// a row taller than a page is cut at line boundaries.

import type { Run, TableBlock } from '../model/types.js';
import { LINES_PER_PAGE } from '../spec/gbt9704.js';
import { TABLE_CELL_PAD_CHARS, TABLE_KEEP_WHOLE_CHARS, TABLE_MIN_COLUMN_CHARS, TABLE_RULE_PT, WIDTH_EPSILON_PT } from '../spec/layout.js';
import type { PlanContext } from './context.js';
import type { Flow } from './flow.js';
import { canBreakBefore } from './linebreak.js';
import { BODY, LEFT, WIDTH } from './page.js';
import type { FlowLine, LinePiece, TablePlan } from './plan.js';
import { breakStyled, cellFor, naturalWidth, shape, type StyledChar } from './text.js';

type Align = 'left' | 'center' | 'right';

/** A cell that holds a number (amounts, counts, shares): set flush right. */
const NUMERIC = /^[-+−]?[\d,，.．]+[%％‰]?$/;
const runsText = (runs: readonly Run[] | undefined): string => (runs ?? []).map((r) => r.text).join('').trim();

/**
 * Widest piece of `chars` that no line break may cut (its min-content width), pt; a text no
 * wider than `whole` pt is one piece.
 */
export function minContentWidth(chars: readonly StyledChar[], whole = 0): number {
  if (naturalWidth(chars) <= whole + WIDTH_EPSILON_PT) return naturalWidth(chars);
  let widest = 0;
  let w = 0;
  for (let k = 0; k < chars.length; k++) {
    if (k > 0 && canBreakBefore(chars, k)) w = 0;
    w += chars[k]!.width;
    widest = Math.max(widest, w);
  }
  return widest;
}

/**
 * Column widths of a table `total` wide from each column's min- and max-content widths (CSS 2.1
 * §17.5.2.2 automatic layout, as browsers and Word's AutoFit do): every column gets its minimum;
 * the rest is shared in proportion to what each still wants (max − min); when every column has
 * its maximum, what is left is shared in proportion to the maxima. Below the minima the minima
 * are scaled down (the cells' lines are then cut).
 */
export function autoColumnWidths(min: readonly number[], max: readonly number[], total: number): number[] {
  const sMin = min.reduce((a, b) => a + b, 0);
  const maxes = max.map((m, i) => Math.max(m, min[i]!));
  const sMax = maxes.reduce((a, b) => a + b, 0);
  if (sMin >= total) return min.map((m) => (m * total) / sMin);
  if (sMax <= total) return maxes.map((m) => m + ((total - sMax) * m) / sMax);
  const f = (total - sMin) / (sMax - sMin);
  return min.map((m, i) => m + (maxes[i]! - m) * f);
}

/** Plans a table into the flow; returns its plan for the DOCX writer. */
export function planTable(pc: PlanContext, flow: Flow, t: TableBlock, block: number): TablePlan | undefined {
  const cols = Math.max(t.header.length, ...t.rows.map((r) => r.length));
  if (!cols) return undefined;
  const size = pc.doc.options.tableSize ?? BODY;
  const pad = cellFor(size) * TABLE_CELL_PAD_CHARS;
  const hasHeader = t.header.some((c) => runsText([...c]) !== '');
  const allRows = hasHeader ? [t.header, ...t.rows] : t.rows;
  const shaped = allRows.map((row, ri) =>
    Array.from({ length: cols }, (_, c) => shape(pc.shaper, row[c] ?? [], { role: hasHeader && ri === 0 ? 'hei' : 'fangsong', size }, t.line)),
  );
  // Column widths from content; short texts stay whole.
  const cell = cellFor(size);
  const minW = Array.from(
    { length: cols },
    (_, c) => Math.max(cell * TABLE_MIN_COLUMN_CHARS, ...shaped.map((r) => minContentWidth(r[c]!, cell * TABLE_KEEP_WHOLE_CHARS))) + 2 * pad,
  );
  const maxW = Array.from({ length: cols }, (_, c) => Math.max(0, ...shaped.map((r) => naturalWidth(r[c]!))) + 2 * pad);
  const widths = autoColumnWidths(minW, maxW, WIDTH);
  const xs = widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [LEFT]);
  // Numbers right-aligned unless the writer aligned the column; header cells centred.
  const align: Align[] = Array.from({ length: cols }, (_, c) => {
    const given = t.align[c];
    if (given) return given;
    const texts = t.rows.map((r) => runsText(r[c])).filter(Boolean);
    return texts.length && texts.every((s) => NUMERIC.test(s)) ? 'right' : 'left';
  });
  const headerAlign: Align[] = Array.from({ length: cols }, (_, c) => t.align[c] ?? 'center');
  const plan: TablePlan = { block, size, pad, columns: widths, align, headerAlign, header: hasHeader, rows: [] };

  const rule = (x1: number, row: number, x2: number, row2: number): LinePiece => ({ kind: 'rule', x1, row, x2, row2, thickness: TABLE_RULE_PT, color: 'black' });
  // On the pages the table goes on to: 续表N (the template's label, N from its 表N caption), then the header row.
  const repeat: FlowLine[] = [];
  const caption = pc.doc.blocks[block - 1];
  const label = pc.doc.labels.tableContinued;
  if (label && hasHeader) {
    const num = caption?.kind === 'paragraph' && caption.style === 'caption' ? (/^表\s*(\d+(?:[.．-]\d+)*)/.exec(runsText(caption.runs)) ?? [])[1] : undefined;
    const chars = shape(pc.shaper, [{ text: `${label}${num ?? ''}` }], { role: 'hei', size: BODY }, t.line);
    repeat.push({ role: 'table', span: 1, keepWithNext: true, body: true, block, pieces: [{ kind: 'text', chars, x: LEFT + (WIDTH - naturalWidth(chars)) / 2, row: 0, size: BODY }] });
  }
  let headerLine: FlowLine | undefined;
  shaped.forEach((cells, ri) => {
    const isHeader = hasHeader && ri === 0;
    const lines = cells.map((chars, c) => breakStyled(chars, widths[c]! - 2 * pad + WIDTH_EPSILON_PT, widths[c]! - 2 * pad + WIDTH_EPSILON_PT));
    const span = Math.max(1, ...lines.map((l) => l.length));
    plan.rows.push({ header: isHeader, span });
    // A row taller than a page (less the repeated header) is cut at line boundaries.
    const most = LINES_PER_PAGE - repeat.reduce((n, l) => n + l.span, 0);
    for (let from = 0; from < span; from += most) {
      const part = Math.min(most, span - from);
      const pieces: LinePiece[] = [rule(xs[0]!, 0, xs[cols]!, 0), rule(xs[0]!, part, xs[cols]!, part)];
      for (let c = 0; c <= cols; c++) pieces.push(rule(xs[c]!, 0, xs[c]!, part));
      lines.forEach((cellLines, c) => {
        const a = isHeader ? headerAlign[c]! : align[c]!;
        const inner = widths[c]! - 2 * pad;
        // Short cells sit in the middle of the row, on whole grid lines.
        const top = span <= most ? Math.floor((span - cellLines.length) / 2) : 0;
        cellLines.forEach((ln, k) => {
          const row = top + k - from;
          if (row < 0 || row >= part) return;
          const x = xs[c]! + pad + (a === 'center' ? (inner - ln.width) / 2 : a === 'right' ? inner - ln.width : 0);
          pieces.push({ kind: 'text', chars: cells[c]!, line: { ...ln, justified: false }, x, row, size });
        });
      });
      const line: FlowLine = {
        role: 'table',
        span: part,
        pieces,
        // The header row never ends a page: it goes with the first body row.
        keepWithNext: isHeader,
        body: true,
        block,
        ...(!isHeader && headerLine ? { repeat } : {}),
      };
      flow.lines.push(line);
      if (isHeader) {
        headerLine = line;
        repeat.push(line);
      }
    }
  });
  return plan;
}
