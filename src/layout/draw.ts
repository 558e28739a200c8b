// Drawing a plan: its pages' pieces → positioned glyph runs, rules and images (LaidOutDocument),
// which the PDF writer writes. No decision is made here; positions follow from the plan's
// slots and pitches.

import type { DocumentPlan, FixedPiece, LinePiece, PagePlan } from './plan.js';
import { slotTop, textBaseline } from './page.js';
import { lineRuns, solidRuns } from './text.js';
import type { GlyphRun, LaidOutDocument, Page, PageItem } from './types.js';

/** Draws every page of the plan. */
export function drawPages(plan: DocumentPlan): LaidOutDocument {
  return { info: plan.info, pages: plan.pages.map(drawPage), warnings: plan.warnings };
}

const drawFixed = (p: FixedPiece): PageItem[] => {
  if (p.kind !== 'text') return [p];
  return p.line ? lineRuns(p.chars, p.line, p.x, p.baseline) : solidRuns(p.chars, p.x, p.baseline, p.letterSpacing ?? 0);
};

const drawPiece = (p: LinePiece, top: number, pitch: number): PageItem[] => {
  const y = top + p.row * pitch;
  switch (p.kind) {
    case 'text': {
      const base = textBaseline(y, pitch, p.size);
      return p.line ? lineRuns(p.chars, p.line, p.x, base) : solidRuns(p.chars, p.x, base, p.letterSpacing ?? 0);
    }
    case 'rule':
      return [{ kind: 'rule', x1: p.x1, y1: y, x2: p.x2, y2: top + p.row2 * pitch, thickness: p.thickness, color: p.color }];
    case 'image':
      return [{ kind: 'image', x: p.x, y: y + p.dy, width: p.width, height: p.height, image: p.image, ...(p.blend ? { blend: p.blend } : {}) }];
  }
};

function drawPage(p: PagePlan): Page {
  const items: PageItem[] = [];
  // Images (the seal) are drawn over the text.
  const later: PageItem[] = [];
  for (const f of p.fixed) (f.kind === 'image' ? later : items).push(...drawFixed(f));
  for (const pl of p.lines) {
    for (const it of pl.line.pieces.flatMap((piece) => drawPiece(piece, slotTop(pl.slot, p.pitch), p.pitch))) (it.kind === 'image' ? later : items).push(it);
  }
  items.push(...later);
  if (p.numberText) items.push(...drawFixed(p.numberText));
  return { number: p.number, items: sortReading(items) };
}

/** Reading order: by baseline, then x (rules and images keep their place after the text). */
function sortReading(items: PageItem[]): PageItem[] {
  const texts = items.filter((i): i is GlyphRun => i.kind === 'text');
  const others = items.filter((i) => i.kind !== 'text');
  texts.sort((a, b) => (Math.abs(a.baseline - b.baseline) > 0.5 ? a.baseline - b.baseline : a.x - b.x));
  return [...texts, ...others];
}
