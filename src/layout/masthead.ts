// The 简报 报头 (spec §12): marking, red series name (shrunk to one line), the big letter-spaced
// word, 期号, editor left and date right, each on its grid slot. Every text stays within the
// 版心: the big word gives up letter spacing first, then every text narrows and shrinks (fit.ts).

import type { MastheadBlock } from '../model/types.js';
import * as B from '../spec/bulletin.js';
import * as L from '../spec/layout.js';
import type { PlanContext } from './context.js';
import { fitText } from './fit.js';
import { LEFT, RIGHT, WIDTH, slotBaseline, slotTop, textBaseline } from './page.js';
import type { FixedPiece, MastheadPlan } from './plan.js';
import { cellFor, naturalWidth, shapeText } from './text.js';

/** `hScale` for the plan only when the text was narrowed. */
const scaled = (h: number): { hScale?: number } => (h < 1 ? { hScale: h } : {});

export function planMasthead(pc: PlanContext, m: MastheadBlock): { plan: MastheadPlan; fixed: FixedPiece[] } {
  const p = pc.pitch;
  const fixed: FixedPiece[] = [];
  const plan: Partial<MastheadPlan> = {};
  if (m.marking) {
    const f = fitText(pc, m.marking, { role: 'hei', size: B.MARKING_SIZE_PT }, WIDTH, B.MIN_H_SCALE, m.line);
    fixed.push({ kind: 'text', chars: f.chars, x: LEFT, baseline: slotBaseline(L.MASTHEAD_MARKING_SLOT, p, f.size) });
    plan.marking = { text: m.marking, slot: L.MASTHEAD_MARKING_SLOT, size: f.size, ...scaled(f.hScale) };
  }
  // Series name: red song, shrunk to one line (half points) down to its smallest size, then narrowed.
  let size: number = B.SERIES_NAME_SIZE_PT;
  const natural = naturalWidth(shapeText(pc.shaper, m.name, { role: 'song', size, color: 'red' }, m.line));
  if (natural > WIDTH) size = Math.max(B.SERIES_NAME_MIN_SIZE_PT, Math.floor(((size * WIDTH) / natural) * 2) / 2);
  const name = fitText(pc, m.name, { role: 'song', size, color: 'red' }, WIDTH, B.MIN_H_SCALE, m.line);
  fixed.push({ kind: 'text', chars: name.chars, x: LEFT + (WIDTH - name.width) / 2, baseline: slotBaseline(L.MASTHEAD_NAME_SLOT, p, name.size) });
  plan.name = { text: m.name, slot: L.MASTHEAD_NAME_SLOT, size: name.size, hScale: name.hScale };
  // The big word, letter-spaced as far as the 版心 allows (工作简报 at 66 pt keeps less than 1 字).
  const text = m.heading.replace(/[\s\u3000]+/g, '');
  const n = [...text].length;
  const plain = naturalWidth(shapeText(pc.shaper, text, { role: 'song', size: B.HEADING_SIZE_PT, color: 'red' }, m.line));
  const ls = n > 1 ? Math.max(0, Math.min(B.HEADING_LETTER_SPACING_EM * B.HEADING_SIZE_PT, (WIDTH - plain) / (n - 1))) : 0;
  const word = fitText(pc, text, { role: 'song', size: B.HEADING_SIZE_PT, color: 'red' }, WIDTH, B.MIN_H_SCALE, m.line, () => ls * (n - 1));
  fixed.push({
    kind: 'text',
    chars: word.chars,
    x: LEFT + (WIDTH - word.width) / 2,
    baseline: textBaseline(slotTop(L.MASTHEAD_HEADING_SLOT, p), L.MASTHEAD_HEADING_SLOTS * p, word.size),
    letterSpacing: ls,
  });
  plan.heading = { text, slot: L.MASTHEAD_HEADING_SLOT, slots: L.MASTHEAD_HEADING_SLOTS, size: word.size, letterSpacing: ls, ...scaled(word.hScale) };
  const issue = fitText(pc, m.issue, { role: 'fangsong', size: B.ISSUE_SIZE_PT }, WIDTH, B.MIN_H_SCALE, m.line);
  fixed.push({ kind: 'text', chars: issue.chars, x: LEFT + (WIDTH - issue.width) / 2, baseline: slotBaseline(L.MASTHEAD_ISSUE_SLOT, p, issue.size) });
  plan.issue = { text: m.issue, slot: L.MASTHEAD_ISSUE_SLOT, size: issue.size, ...scaled(issue.hScale) };
  // Editor left (inset 1 字) and date right, at least 1 字 apart: the editor gives way.
  const es = B.EDITOR_LINE_SIZE_PT;
  const inset = B.EDITOR_LEFT_INSET_CHARS * cellFor(es);
  const date = fitText(pc, m.date, { role: 'fangsong', size: es }, WIDTH - inset, B.MIN_H_SCALE, m.line);
  const editor = fitText(pc, m.editor, { role: 'fangsong', size: es }, Math.max(cellFor(es), WIDTH - inset - date.width - cellFor(es)), B.MIN_H_SCALE, m.line);
  const base = slotBaseline(L.MASTHEAD_EDITOR_SLOT, p, es);
  fixed.push({ kind: 'text', chars: editor.chars, x: LEFT + inset, baseline: base });
  fixed.push({ kind: 'text', chars: date.chars, x: RIGHT - date.width, baseline: base });
  plan.editor = { text: m.editor, date: m.date, slot: L.MASTHEAD_EDITOR_SLOT, size: es, inset, ...scaled(editor.hScale) };
  return { plan: plan as MastheadPlan, fixed };
}
