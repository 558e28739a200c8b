// 标题 [GB/T 9704 7.3.1]: the title's lines (split at word boundaries into a trapezoid, longest
// on top, never a one-character line) and the blank lines around it; splitTitle is the rule,
// planTitle puts the lines into the flow.

import type { TitleBlock } from '../model/types.js';
import * as S from '../spec/gbt9704.js';
import * as B from '../spec/bulletin.js';
import * as L from '../spec/layout.js';
import * as Lt from '../spec/letter.js';
import type { PlanContext } from './context.js';
import type { Flow } from './flow.js';
import { canBreakBefore } from './linebreak.js';
import { LEFT, WIDTH } from './page.js';
import type { HeaderPlan, TitlePlan } from './plan.js';
import { naturalWidth, shapeText } from './text.js';

/**
 * Plans a title: the gap above it (2 blank lines below the red rule for the first title, of
 * which the category mark may take one; the article gap in a 简报), its lines (kept with the
 * next line), and 1 blank line below it before the addressee or the body [S 7.3.1, 7.3.2].
 */
export function planTitle(pc: PlanContext, flow: Flow, t: TitleBlock, block: number, header: HeaderPlan, first: boolean): TitlePlan {
  const size = S.TITLE_SIZE_PT;
  let gapBefore = 0;
  if (first && header.letter) {
    // 信函格式: 2 lines below the last element above the title [S 10.1].
    gapBefore = Math.max(0, Lt.LETTER_TITLE_GAP_LINES - (header.lines - header.letter.freeSlot));
  } else if (first && header.rule) {
    const gap = t.article ? B.FIRST_ARTICLE_GAP_LINES : S.TITLE_GAP_BELOW_RED_RULE_LINES;
    gapBefore = Math.max(0, gap - (header.lines - header.rule.freeSlot));
  } else if (!first && t.article) {
    gapBefore = B.NEXT_ARTICLE_GAP_LINES;
  }
  flow.blank(gapBefore);
  const lines = pushTitleLines(pc, flow, t.text, t.lines, t.line);
  const gapAfter = S.ADDRESSEE_GAP_BELOW_TITLE_LINES;
  flow.blank(gapAfter);
  flow.lines[flow.lines.length - 1]!.keepWithNext = true;
  return { block, lines: [...lines], gapBefore, gapAfter };
}

/** A title's lines (the writer's, else split) as centred 2号小标宋 flow lines kept with the next line. */
export function pushTitleLines(pc: PlanContext, flow: Flow, text: string, given: readonly string[] | undefined, line: number | undefined): string[] {
  const size = S.TITLE_SIZE_PT;
  const lines = given?.length
    ? [...given]
    : splitTitle(text, (ch) => naturalWidth(shapeText(pc.shaper, ch, { role: 'song', size })), WIDTH * L.TITLE_MAX_WIDTH_SHARE);
  for (const t of lines) {
    const chars = shapeText(pc.shaper, t, { role: 'song', size }, line);
    const x = LEFT + (WIDTH - naturalWidth(chars)) / 2;
    flow.push({ role: 'title', keepWithNext: true, pieces: [{ kind: 'text', chars, x, row: 0, size }] });
  }
  return lines;
}

/** The platform's Chinese word segmenter (made once: making one loads ICU's dictionaries). */
let wordSegmenter: Intl.Segmenter | undefined;

/**
 * Split a title into lines at word boundaries, longest line on top (梯形), no line of one
 * character, each line within `max` pt. `charWidth` is one character's width, pt: a line is
 * as wide as its characters together.
 */
export function splitTitle(text: string, charWidth: (ch: string) => number, max: number): string[] {
  const chars = [...text];
  const widths = chars.map(charWidth);
  // Width of chars [s, e), each sum taken in reading order from s: running sums from every
  // start a candidate line can have, made once (a three-line title tries every pair of cuts).
  const sumsFrom = new Map<number, Float64Array>();
  const width = (s: number, e: number): number => {
    let sums = sumsFrom.get(s);
    if (!sums) {
      sums = new Float64Array(chars.length - s + 1);
      for (let k = s; k < chars.length; k++) sums[k - s + 1] = sums[k - s]! + widths[k]!;
      sumsFrom.set(s, sums);
    }
    return sums[e - s]!;
  };
  const total = width(0, chars.length);
  if (total <= max) return [text];
  // Word boundaries from the platform's Chinese segmenter, filtered by the breaking rules.
  const seg = (wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));
  const cuts = new Set<number>();
  let pos = 0;
  for (const s of seg.segment(text)) {
    if (pos > 0) cuts.add(pos);
    pos += [...s.segment].length;
  }
  const cs = chars.map((ch) => ({ ch }));
  const ok = [...cuts].filter((k) => canBreakBefore(cs, k) && k >= 2 && chars.length - k >= 2).sort((a, b) => a - b);
  const n = Math.ceil(total / max);
  let best: { edges: number[]; cost: number } | undefined;
  /** Cost of one line break between lines `above` and `below` wide: longest on top, by a tenth. */
  const stepCost = (above: number, below: number): number => {
    const d = above - below;
    return d < 0 ? 1000 + -d : Math.abs(d - max * 0.1);
  };
  const tryLines = (bps: readonly number[]): void => {
    let cost = 0;
    let short = false;
    let prevWidth = 0;
    for (let k = 0; k <= bps.length; k++) {
      const s = k === 0 ? 0 : bps[k - 1]!;
      const e = k === bps.length ? chars.length : bps[k]!;
      const w = width(s, e);
      if (w > max) return;
      if (k > 0) cost += stepCost(prevWidth, w);
      if (e - s < 2) short = true;
      prevWidth = w;
    }
    cost += short ? 10000 : 0;
    if (!best || cost < best.cost) best = { edges: [0, ...bps, chars.length], cost };
  };
  for (let k = Math.max(2, n); k <= Math.max(2, n) + 1 && !best; k++) {
    if (k === 2) for (const a of ok) tryLines([a]);
    else if (k === 3) for (const a of ok) for (const b of ok) if (b > a) tryLines([a, b]);
  }
  const found = best as { edges: number[] } | undefined;
  if (found) return found.edges.slice(1).map((e, k) => chars.slice(found.edges[k], e).join(''));
  // No word boundary fits: cut by width at allowed character breaks.
  const out: string[] = [];
  let start = 0;
  for (let k = 0; k < chars.length; k++) {
    if (k > start && width(start, k + 1) > max && canBreakBefore(cs, k)) {
      out.push(chars.slice(start, k).join(''));
      start = k;
    }
  }
  if (start < chars.length) out.push(chars.slice(start).join(''));
  return out;
}
