// The 简报 报头 (spec §12): marking, red series name (shrunk to one line), the big letter-spaced
// word, 期号, editor left and date right, each on its grid slot.

import type { MastheadBlock } from '../model/types.js';
import * as B from '../spec/bulletin.js';
import * as L from '../spec/layout.js';
import type { PlanContext } from './context.js';
import { LEFT, RIGHT, WIDTH, slotBaseline, slotTop, textBaseline } from './page.js';
import type { FixedPiece, MastheadPlan } from './plan.js';
import { cellFor, naturalWidth, shapeText } from './text.js';

export function planMasthead(pc: PlanContext, m: MastheadBlock): { plan: MastheadPlan; fixed: FixedPiece[] } {
  const p = pc.pitch;
  const fixed: FixedPiece[] = [];
  const plan: Partial<MastheadPlan> = {};
  if (m.marking) {
    const size = B.MARKING_SIZE_PT;
    const chars = shapeText(pc.shaper, m.marking, { role: 'hei', size }, m.line);
    fixed.push({ kind: 'text', chars, x: LEFT, baseline: slotBaseline(L.MASTHEAD_MARKING_SLOT, p, size) });
    plan.marking = { text: m.marking, slot: L.MASTHEAD_MARKING_SLOT, size };
  }
  // Series name: red song, shrunk to one line (half points), then narrowed (whole per cent).
  let size: number = B.SERIES_NAME_SIZE_PT;
  let h = 1;
  const nameAt = (s: number, hs: number) => shapeText(pc.shaper, m.name, { role: 'song', size: s, color: 'red', hScale: hs }, m.line);
  let chars = nameAt(size, h);
  if (naturalWidth(chars) > WIDTH) {
    size = Math.max(B.SERIES_NAME_MIN_SIZE_PT, Math.floor(((size * WIDTH) / naturalWidth(chars)) * 2) / 2);
    chars = nameAt(size, h);
    if (naturalWidth(chars) > WIDTH) {
      h = Math.floor((WIDTH * 100) / naturalWidth(chars)) / 100;
      chars = nameAt(size, h);
    }
  }
  fixed.push({ kind: 'text', chars, x: LEFT + (WIDTH - naturalWidth(chars)) / 2, baseline: slotBaseline(L.MASTHEAD_NAME_SLOT, p, size) });
  plan.name = { text: m.name, slot: L.MASTHEAD_NAME_SLOT, size, hScale: h };
  // The big word, letter-spaced.
  const hs = B.HEADING_SIZE_PT;
  const text = m.heading.replace(/[\s\u3000]+/g, '');
  const word = shapeText(pc.shaper, text, { role: 'song', size: hs, color: 'red' }, m.line);
  const ls = B.HEADING_LETTER_SPACING_EM * hs;
  const ww = naturalWidth(word) + ls * (word.length - 1);
  fixed.push({
    kind: 'text',
    chars: word,
    x: LEFT + (WIDTH - ww) / 2,
    baseline: textBaseline(slotTop(L.MASTHEAD_HEADING_SLOT, p), L.MASTHEAD_HEADING_SLOTS * p, hs),
    letterSpacing: ls,
  });
  plan.heading = { text, slot: L.MASTHEAD_HEADING_SLOT, slots: L.MASTHEAD_HEADING_SLOTS, size: hs, letterSpacing: ls };
  const is = B.ISSUE_SIZE_PT;
  const issue = shapeText(pc.shaper, m.issue, { role: 'fangsong', size: is }, m.line);
  fixed.push({ kind: 'text', chars: issue, x: LEFT + (WIDTH - naturalWidth(issue)) / 2, baseline: slotBaseline(L.MASTHEAD_ISSUE_SLOT, p, is) });
  plan.issue = { text: m.issue, slot: L.MASTHEAD_ISSUE_SLOT, size: is };
  const es = B.EDITOR_LINE_SIZE_PT;
  const base = slotBaseline(L.MASTHEAD_EDITOR_SLOT, p, es);
  const editor = shapeText(pc.shaper, m.editor, { role: 'fangsong', size: es }, m.line);
  const date = shapeText(pc.shaper, m.date, { role: 'fangsong', size: es }, m.line);
  const inset = B.EDITOR_LEFT_INSET_CHARS * cellFor(es);
  fixed.push({ kind: 'text', chars: editor, x: LEFT + inset, baseline: base });
  fixed.push({ kind: 'text', chars: date, x: RIGHT - naturalWidth(date), baseline: base });
  plan.editor = { text: m.editor, date: m.date, slot: L.MASTHEAD_EDITOR_SLOT, size: es, inset };
  return { plan: plan as MastheadPlan, fixed };
}
