// 版记 [GB/T 9704 7.4] / 简报 报尾: its rows (labelled rows wrapped after the label, the 印发 row
// with the date on its own row when both do not fit), bottom-aligned so the last rule lies on
// the 版心 bottom; and the page it sits on: after the body, on the next page when the body
// leaves no room, and with `colophonOnEvenPage` on an even page — after an unnumbered blank
// page when it had to move anyway [S 7.5].

import type { ColophonBlock } from '../model/types.js';
import * as S from '../spec/gbt9704.js';
import { mmToPt } from '../spec/units.js';
import type { PlanContext } from './context.js';
import { newPagePlan } from './paginate.js';
import { LEFT, RIGHT, TOP, WIDTH, textBaseline } from './page.js';
import type { ColophonPlan, ColophonRowPlan, FixedPiece, FixedText, PagePlan } from './plan.js';
import { breakStyled, cellFor, naturalWidth, shapeText } from './text.js';

interface Row {
  /** Pieces of the row, with baselines relative to the row's top. */
  pieces: FixedText[];
  ruleAfter: boolean;
}

/** The rows of a 版记 as planned, and the pieces of each printed grid row. */
function colophonRows(pc: PlanContext, c: ColophonBlock): { rows: ColophonRowPlan[]; lines: Row[] } {
  const size = S.COLOPHON_SIZE_PT;
  const inset = S.COLOPHON_SIDE_INSET_PT;
  const base = textBaseline(0, pc.pitch, size);
  const style = { role: 'fangsong' as const, size };
  const rows: ColophonRowPlan[] = [];
  const lines: Row[] = [];
  c.rows.forEach((r, k) => {
    if (r.kind === 'labelled') {
      const label = shapeText(pc.shaper, r.label, style, c.line);
      const text = shapeText(pc.shaper, r.text, style, c.line);
      const lw = naturalWidth(label);
      const measure = WIDTH - 2 * inset - lw;
      const broken = breakStyled(text, measure, measure);
      broken.forEach((ln, j) => {
        const pieces: FixedText[] = [];
        if (j === 0) pieces.push({ kind: 'text', chars: label, x: LEFT + inset, baseline: base });
        pieces.push({ kind: 'text', chars: text, line: ln, x: LEFT + inset + lw, baseline: base });
        lines.push({ pieces, ruleAfter: j === broken.length - 1 && !!r.ruleAfter });
      });
      rows.push({
        kind: 'labelled',
        label: r.label,
        labelWidth: lw,
        lines: broken.map((ln) => text.slice(ln.start, ln.end).map((ch) => ch.ch).join('')),
        ruleAfter: !!r.ruleAfter,
      });
      return;
    }
    // 7.4.3: the 印发 line is separated from the elements above by a thin rule.
    if (lines.length && !lines[lines.length - 1]!.ruleAfter) {
      lines[lines.length - 1]!.ruleAfter = true;
      rows[rows.length - 1]!.ruleAfter = true;
    }
    const printer = shapeText(pc.shaper, r.printer, style, c.line);
    const date = shapeText(pc.shaper, r.date, style, c.line);
    const datePiece: FixedText = { kind: 'text', chars: date, x: RIGHT - inset - naturalWidth(date), baseline: base };
    const printerPiece: FixedText = { kind: 'text', chars: printer, x: LEFT + inset, baseline: base };
    const ruleAfter = !!r.ruleAfter && k < c.rows.length - 1;
    const dateOwnLine = naturalWidth(printer) + naturalWidth(date) + cellFor(size) > WIDTH - 2 * inset;
    if (!dateOwnLine) lines.push({ pieces: [printerPiece, datePiece], ruleAfter });
    else {
      // A long office name: the date goes to its own row, right-inset 1 字.
      lines.push({ pieces: [printerPiece], ruleAfter: false });
      lines.push({ pieces: [datePiece], ruleAfter });
    }
    if (r.copies) {
      const copies = shapeText(pc.shaper, r.copies, style, c.line);
      lines.push({ pieces: [{ kind: 'text', chars: copies, x: RIGHT - inset - naturalWidth(copies), baseline: base }], ruleAfter: false });
    }
    rows.push({ kind: 'printed', printer: r.printer, date: r.date, dateOwnLine, ...(r.copies ? { copies: r.copies } : {}), ruleAfter });
  });
  return { rows, lines };
}

/** The 版记's pieces, its last rule on the 版心 bottom; thick first and last rules, thin between groups. */
function colophonPieces(pc: PlanContext, lines: readonly Row[]): FixedPiece[] {
  const pitch = pc.pitch;
  const thick = mmToPt(S.COLOPHON_RULE_THICK_MM);
  const thin = mmToPt(S.COLOPHON_RULE_THIN_MM);
  const n = lines.length;
  const top0 = S.TYPE_BOTTOM_PT - n * pitch;
  const rule = (y: number, t: number): FixedPiece => ({ kind: 'rule', x1: LEFT, y1: y, x2: RIGHT, y2: y, thickness: t, color: 'black' });
  // Thick first and last rules lie inside the block (their outer edge on the block edge).
  const out: FixedPiece[] = [rule(top0 + thick / 2, thick)];
  lines.forEach((r, k) => {
    const top = top0 + k * pitch;
    for (const p of r.pieces) out.push({ ...p, baseline: top + p.baseline });
    if (r.ruleAfter && k < n - 1) out.push(rule(top + pitch, thin));
  });
  out.push(rule(S.TYPE_BOTTOM_PT - thick / 2, thick));
  return out;
}

/** Plans the 版记 and puts it on its page (adding pages as needed). */
export function placeColophon(pc: PlanContext, c: ColophonBlock, pages: PagePlan[], slot: number): ColophonPlan {
  const { rows, lines } = colophonRows(pc, c);
  const newPage = (): PagePlan => {
    const p = newPagePlan(pc.pitch);
    pages.push(p);
    return p;
  };
  let page = pages[pages.length - 1]!;
  let placement: ColophonPlan['placement'] = 'same';
  const usedBottom = TOP + slot * page.pitch;
  let alone = false;
  if (usedBottom > S.TYPE_BOTTOM_PT - lines.length * pc.pitch + 1e-6) {
    page = newPage();
    alone = true;
  }
  if (pc.doc.options.colophonOnEvenPage && pages.length % 2 === 1) {
    if (alone) {
      // A blank page before the 版记 page: neither is numbered [S 7.5].
      pages.pop();
      newPage().numbered = false;
      page = newPage();
      page.numbered = false;
      placement = 'blankPage';
    } else {
      page = newPage();
      placement = 'newPage';
    }
  }
  // 信函格式 (10.1): the template leaves out the 印发 row and with it the thin rule that
  // separates it (7.4.3); the 版记's own first and last rules (7.4.1) stay.
  page.fixed.push(...colophonPieces(pc, lines));
  page.colophon = true;
  return { rows, lines: lines.length, placement, page: pages.indexOf(page) };
}
