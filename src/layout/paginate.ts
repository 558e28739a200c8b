// Pagination [spec §8]: the flow onto pages of 22 grid lines. Blank lines never open a page,
// a heading or title chain stays with the line after it, a table row that begins a page gets
// 续表 and the table's header row again, a signature group is placed whole and
// never alone: the page is squeezed, or body lines are carried with it, or （此页无正文）.

import * as S from '../spec/gbt9704.js';
import type { PlanContext } from './context.js';
import { BODY, LEFT } from './page.js';
import type { FixedPiece, FlowLine, PagePlan, PlacedLine } from './plan.js';
import { shrinkImageLine } from './image.js';
import { shapeText } from './text.js';

/** Lines of body text carried with a signature to its page (spec §8 policy). */
const CARRIED_BODY_LINES = 2;

export const newPagePlan = (pitch: number): PagePlan => ({
  numbered: true,
  number: null,
  numberSide: null,
  pitch,
  firstSlot: 0,
  lines: [],
  fixed: [],
  colophon: false,
});

/** Flow lines onto pages; page 1 holds the header (`fixed`, `headerLines` slots). Returns the pages and the slot after the last line. */
export function paginate(
  pc: PlanContext,
  flow: readonly FlowLine[],
  fixed: FixedPiece[],
  headerLines: number,
): { pages: PagePlan[]; slot: number } {
  const cap = S.LINES_PER_PAGE;
  const pages: PagePlan[] = [];
  const newPage = (): PagePlan => {
    const p = newPagePlan(pc.pitch);
    pages.push(p);
    return p;
  };
  let page = newPage();
  page.fixed.push(...fixed);
  page.firstSlot = headerLines;
  let slot = headerLines;
  const place = (line: FlowLine): void => {
    page.lines.push({ line, slot });
    slot += line.span;
  };
  const turn = (): void => {
    page = newPage();
    slot = 0;
  };
  for (let i = 0; i < flow.length; i++) {
    const f = flow[i]!;
    if (f.role === 'pageBreak') {
      if (page.lines.length || slot > page.firstSlot) turn();
      continue;
    }
    if (f.role === 'blank' && slot === 0 && f.group === undefined) continue; // no blank line at a page top
    if (f.group !== undefined) {
      // A group (signature) is placed whole.
      let j = i;
      let need = 0;
      while (j < flow.length && flow[j]!.group === f.group) need += flow[j++]!.span;
      if (slot + need > cap) {
        // The signature block never stands alone on a page (GB/T 9704 7.3.5.5; spec §8
        // «Signature page without body»). In this order:
        //  (1) 7.3.5.5 «tighten line spacing»: set this page's pitch tighter, by at most
        //      SIGNATURE_SQUEEZE_MAX_PT (1 pt), and only when that actually wins the rows the
        //      block needs. On the 22-line grid (28.99 pt) 1 pt never wins a row (637.8 / 27.99
        //      = 22.8), so this only helps with the 28 pt pitch (23 rows at 27.73 pt). Not on
        //      page 1: its body must stay on the grid of the 版头 above it.
        //  (2) spec §8 policy: carry the last 2 body lines — as few as the rule allows, plus a
        //      heading kept with them — to the next page, which then holds body text above the
        //      signature. The page before ends early by those 2 lines plus the rows the block
        //      could not use; it is the one page allowed to end before its 22nd line.
        //  (3) With nothing to carry (page 1 holds ≤ 2 body lines), the block goes over alone,
        //      headed by （此页无正文） only when the document opts in.
        const tight = S.TYPE_H_PT / (slot + need);
        if (page.firstSlot === 0 && pc.pitch - tight <= S.SIGNATURE_SQUEEZE_MAX_PT && slot + need <= Math.floor(S.TYPE_H_PT / tight + 1e-6)) {
          page.pitch = Math.min(page.pitch, tight);
        } else {
          const carried: PlacedLine[] = [];
          const bodyLines = page.lines.filter((p) => p.line.body).length;
          if (bodyLines > CARRIED_BODY_LINES || (pages.length > 1 && bodyLines >= CARRIED_BODY_LINES)) {
            while (
              page.lines.length &&
              (carried.filter((c) => c.line.body).length < CARRIED_BODY_LINES || page.lines[page.lines.length - 1]!.line.keepWithNext)
            ) {
              carried.unshift(page.lines.pop()!);
            }
          }
          turn();
          if (!carried.length && pc.doc.options.noBodyTextNotice) place(noBodyTextLine(pc));
          for (const c of carried) place(c.line);
        }
      }
      for (let k = i; k < j; k++) place(flow[k]!);
      i = j - 1;
      continue;
    }
    // Keep a heading (or title) chain with the line after it.
    let chain = f.span;
    if (f.keepWithNext) {
      let j = i;
      chain = 0;
      while (j < flow.length && flow[j]!.keepWithNext && flow[j]!.group === undefined) chain += flow[j++]!.span;
      if (j < flow.length && flow[j]!.role !== 'pageBreak') chain += flow[j]!.span;
    }
    // An image near the page end is scaled down to the lines left, within IMAGE_MIN_SCALE.
    if (f.minSpan !== undefined && slot + chain > cap && slot > 0) {
      const left = cap - slot - (chain - f.span);
      if (left >= f.minSpan) {
        const g = shrinkImageLine(f, left, page.pitch);
        page.lines.push({ line: g, slot });
        slot += g.span;
        continue;
      }
    }
    if ((slot + chain > cap && chain <= cap && slot > 0 && !(pages.length === 1 && slot === page.firstSlot)) || slot + f.span > cap) {
      turn();
      if (f.role === 'blank') continue;
    }
    // A table row that begins a page has the table's header row set above it again.
    if (f.repeat && slot === 0) f.repeat.forEach(place);
    place(f);
  }
  return { pages, slot };
}

/** （此页无正文）, the label the model gives, on the first line of a signature page [S 7.3.5.5]. */
const noBodyTextLine = (pc: PlanContext): FlowLine => ({
  role: 'notice',
  span: 1,
  keepWithNext: false,
  body: false,
  pieces: [{ kind: 'text', chars: shapeText(pc.shaper, pc.doc.labels.noBodyText, { role: 'fangsong', size: BODY }), x: LEFT, row: 0, size: BODY }],
});
