// Chinese line breaking (spec §10, W3C clreq): 避头尾, unbreakable units, 标点挤压 and
// justification. Pure: it knows characters and widths, not fonts or pages.
//
//   - closing marks (，。、；：？！）》」』”’〕】… ·) never start a line;
//   - opening marks (（《「『“‘〔【) never end a line;
//   - `——` and `……` never split; a Latin word, a number (2018, 0374-2699897, 3.5%) never
//     splits, and a number stays with a unit character that follows it (2018年, 76号) and
//     with a 第 before it;
//   - resolved «先挤进，后推出»: first squeeze punctuation (a full-width mark gives up half
//     its em) so the offending mark fits; otherwise push the previous character down and
//     spread the freed space over the line's gaps. No hanging punctuation, no overflow.

import { PUNCT_SQUEEZE_EM, WIDTH_EPSILON_PT } from '../spec/layout.js';

/** Character classes that matter for breaking. */
export type CharClass =
  | 'open' // opening bracket / quote: never at line end
  | 'close' // closing bracket / quote: never at line start
  | 'stop' // 、，。；：？！ (and full-width ,.;:?!): never at line start
  | 'middot' // · interpunct: never at line start
  | 'dash' // — (a pair never splits)
  | 'ellipsis' // … (a pair never splits)
  | 'ideo' // ideographs and other full-width letters
  | 'space' // breakable white space
  | 'half'; // Latin letters, digits and half-width signs: words never split

const OPEN = new Set([...'（《「『“‘〔【〖〈｛［｟(['].map((c) => c.codePointAt(0)!));
const CLOSE = new Set([...'）》」』”’〕】〗〉｝］｠'].map((c) => c.codePointAt(0)!));
const STOP = new Set([...'、，。；：？！．，﹐﹑﹒﹔﹕﹖﹗％'].map((c) => c.codePointAt(0)!));
/** Marks whose glyph sits in the left half of the em (squeezable on the right). */
const SQUEEZE_RIGHT = new Set([...'、，。；：）》」』”’〕】〗〉｝］'].map((c) => c.codePointAt(0)!));
/** Marks whose glyph sits in the right half of the em (squeezable on the left). */
const SQUEEZE_LEFT = new Set([...'（《「『“‘〔【〖〈｛［'].map((c) => c.codePointAt(0)!));
/** Characters a number keeps on its line when they follow it. */
const NUMBER_UNITS = new Set(
  [...'年月日号时分秒个名位所份期条项次元角万亿千百岁届人件篇页章节%％℃‰'].map((c) => c.codePointAt(0)!),
);
const ORDINAL_PREFIX = new Set([...'第'].map((c) => c.codePointAt(0)!));

const isDigit = (cp: number): boolean => (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);

/** True when a code point is set full width (one 字 cell) in Chinese text. */
export function isFullWidth(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) || // radicals, CJK symbols and punctuation, kana, CJK ideographs
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xfe10 && cp <= 0xfe1f) ||
    (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3ffff) || // Extension B and later
    cp === 0x2014 || // — (one half of ——)
    cp === 0x2026 || // … (one half of ……)
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x00b7 || // · in Chinese text
    cp === 0x2605 || // ★ (密级)
    cp === 0x2606 ||
    cp === 0x25cb || // ○ (二〇一八)
    cp === 0x203b || // ※
    (cp >= 0x2460 && cp <= 0x24ff) || // ①
    (cp >= 0x2160 && cp <= 0x217f) // Ⅰ
  );
}

export function classify(cp: number): CharClass {
  if (cp === 0x20 || cp === 0x09 || cp === 0xa0) return 'space';
  if (cp === 0x2014) return 'dash';
  if (cp === 0x2026) return 'ellipsis';
  if (cp === 0x00b7 || cp === 0x30fb) return 'middot';
  if (OPEN.has(cp) && isFullWidth(cp)) return 'open';
  if (CLOSE.has(cp)) return 'close';
  if (STOP.has(cp)) return 'stop';
  if (isFullWidth(cp)) return 'ideo';
  return 'half';
}

/** One character of the input, with its natural width and how much of it may be squeezed. */
export interface BreakChar {
  /** One code point. */
  ch: string;
  /** Natural advance, pt (a full-width character: one 字 cell). */
  width: number;
  /** Width of one 字 at this character's size, pt (the unit of squeezing and spreading). */
  em: number;
}

export interface BrokenLine {
  /** Index of the first and one past the last character of the line (spaces at the ends dropped). */
  start: number;
  end: number;
  /** x of each character of [start, end) from the line's start, pt. */
  x: number[];
  /** Width each character occupies after squeezing, pt. */
  widths: number[];
  /** How much each character gave up by squeezing, pt (an opening mark loses its left half: draw it that much to the left). */
  cuts: number[];
  /** Total width of the line, pt. */
  width: number;
  /** True when the line is justified to the full measure (every line of a paragraph but its last). */
  justified: boolean;
  /** Squeezed by this much (标点挤压), pt; 0 when not. */
  squeezed: number;
  /** Spread by this much (pushed a character down), pt; 0 when not. */
  spread: number;
}

/** Whether the text may break between characters i−1 and i. */
export function canBreakBefore(chars: readonly { ch: string }[], i: number): boolean {
  if (i <= 0 || i >= chars.length) return true;
  const a = chars[i - 1]!.ch.codePointAt(0)!;
  const b = chars[i]!.ch.codePointAt(0)!;
  const ca = classify(a);
  const cb = classify(b);
  if (cb === 'space') return false; // break after the space, never before it
  if (ca === 'space') return true;
  if (cb === 'close' || cb === 'stop' || cb === 'middot') return false;
  // Strict level: `——` and `……` never start a line either (so never split).
  if (cb === 'dash' || cb === 'ellipsis') return false;
  if (ca === 'open') return false;
  // A long URL or path may break after a solidus that precedes a letter (never 2018/12).
  if (ca === 'half' && cb === 'half') return a === 0x2f && /[A-Za-z]/.test(chars[i]!.ch) && i >= 2 && chars[i - 2]!.ch === '/';
  if (isDigit(a) && NUMBER_UNITS.has(b)) return false; // 2018年, 76号, 3%
  if (ORDINAL_PREFIX.has(a) && isDigit(b)) return false; // 第5
  // A half-width sign glued to the next/previous CJK mark, e.g. "2018）" is handled above
  // by the close/stop rule; "（2018" by the open rule.
  return true;
}

/** How much of character i may be squeezed, pt: half an em of a full-width mark whose glyph sits in one half. */
export function squeezable(c: BreakChar): number {
  const cp = c.ch.codePointAt(0)!;
  return SQUEEZE_RIGHT.has(cp) || SQUEEZE_LEFT.has(cp) ? PUNCT_SQUEEZE_EM * c.em : 0;
}
/** True when the squeezable half of the mark is on its left (opening marks). */
export const squeezesLeft = (ch: string): boolean => SQUEEZE_LEFT.has(ch.codePointAt(0)!);

const isSpace = (c: BreakChar): boolean => classify(c.ch.codePointAt(0)!) === 'space';

/**
 * Break a paragraph into lines. `measure(k)` is the width available to line k (the first line
 * is usually shorter by the indent). Every line but the last is justified to its measure.
 */
export function breakLines(chars: readonly BreakChar[], measure: (line: number) => number): BrokenLine[] {
  const n = chars.length;
  const lines: BrokenLine[] = [];
  let start = 0;
  while (start < n) {
    while (start < n && isSpace(chars[start]!)) start++;
    if (start >= n) break;
    const W = measure(lines.length);
    let sum = 0;
    let i = start;
    while (i < n && sum + chars[i]!.width <= W + WIDTH_EPSILON_PT) {
      sum += chars[i]!.width;
      i++;
    }
    if (i >= n) {
      lines.push(place(chars, start, n, W, false));
      break;
    }
    // Trailing spaces may overhang: they are dropped at the line end.
    if (isSpace(chars[i]!)) {
      let j = i;
      while (j < n && isSpace(chars[j]!)) j++;
      lines.push(place(chars, start, i, W, true));
      start = j;
      continue;
    }
    if (i > start && canBreakBefore(chars, i)) {
      lines.push(place(chars, start, i, W, true));
      start = i;
      continue;
    }
    // 先挤进: pull the characters up to the next break opportunity onto this line by squeezing.
    let j = i + 1;
    while (j < n && !canBreakBefore(chars, j)) j++;
    const needed = width(chars, start, j) - W;
    const avail = squeezeCapacity(chars, start, j - 1);
    // At most one 字 is squeezed into a line (one mark pulled up, or a mark pair).
    if (needed <= Math.min(avail, chars[i]!.em) + WIDTH_EPSILON_PT) {
      lines.push(place(chars, start, j, W, true));
      start = j;
      continue;
    }
    // 后推出: push down from the last break opportunity on this line.
    let k = i;
    while (k > start && !canBreakBefore(chars, k)) k--;
    if (k > start) {
      lines.push(place(chars, start, k, W, true));
      start = k;
      continue;
    }
    // No break opportunity at all (a Latin word longer than the line): cut it, never overflow.
    const cut = Math.max(i, start + 1);
    lines.push(place(chars, start, cut, W, true));
    start = cut;
  }
  return lines;
}

function width(chars: readonly BreakChar[], s: number, e: number): number {
  let w = 0;
  for (let k = s; k < e; k++) w += chars[k]!.width;
  return w;
}
function squeezeCapacity(chars: readonly BreakChar[], s: number, e: number): number {
  let w = 0;
  for (let k = s; k < e; k++) w += squeezable(chars[k]!);
  return w;
}

/** Position the characters [s, e) on a line of measure W. */
function place(chars: readonly BreakChar[], s: number, e: number, W: number, justify: boolean): BrokenLine {
  while (e > s && isSpace(chars[e - 1]!)) e--;
  const widths = chars.slice(s, e).map((c) => c.width);
  const natural = widths.reduce((a, b) => a + b, 0);
  const cuts = widths.map(() => 0);
  let squeezed = 0;
  let spread = 0;
  if (natural > W + WIDTH_EPSILON_PT) {
    // Squeeze marks next to another mark first, then the rest, right to left. The line-final mark
    // keeps its full em: its glyph box must end on the 版心 edge, not beyond it.
    let need = natural - W;
    const order: number[] = [];
    const last = e - 1 - s;
    const isMark = (k: number): boolean => k >= 0 && k <= last && squeezable(chars[s + k]!) > 0;
    for (let k = last - 1; k >= 0; k--) if (isMark(k) && (isMark(k - 1) || isMark(k + 1))) order.push(k);
    for (let k = last - 1; k >= 0; k--) if (!order.includes(k)) order.push(k);
    if (need > squeezeCapacity(chars, s, e - 1) + WIDTH_EPSILON_PT) order.push(last);
    for (const k of order) {
      if (need <= 0) break;
      const cut = Math.min(need, squeezable(chars[s + k]!));
      widths[k]! -= cut;
      cuts[k] = cut;
      need -= cut;
      squeezed += cut;
    }
  } else if (justify && natural < W - WIDTH_EPSILON_PT) {
    // Spread the free space over the gaps between characters, never inside a Latin word or number.
    const gaps: number[] = [];
    for (let k = s + 1; k < e; k++) {
      const a = classify(chars[k - 1]!.ch.codePointAt(0)!);
      const b = classify(chars[k]!.ch.codePointAt(0)!);
      if (!(a === 'half' && b === 'half') && !(a === 'dash' && b === 'dash') && !(a === 'ellipsis' && b === 'ellipsis'))
        gaps.push(k - 1 - s);
    }
    if (gaps.length) {
      spread = W - natural;
      const each = spread / gaps.length;
      for (const g of gaps) widths[g]! += each;
    }
  }
  const x: number[] = [];
  let acc = 0;
  for (const w of widths) {
    x.push(acc);
    acc += w;
  }
  return { start: s, end: e, x, widths, cuts, width: acc, justified: justify, squeezed, spread };
}
