// Chinese line breaking (spec §10, W3C clreq): 避头尾, unbreakable units, 标点挤压 and
// justification. Pure: it knows characters and widths, not fonts or pages.
//
//   - closing marks (，。、；：？！）》」』”’〕】… ·) never start a line;
//   - opening marks (（《「『“‘〔【) never end a line;
//   - `——` and `……` never split; a Latin word, a number (2018, 0374-2699897, 3.5%) never
//     splits, and a number stays with a unit character that follows it (2018年, 76号) and
//     with a 第 before it; a long token (URL, e-mail, code) breaks after its separators
//     (`/`, `.`, `-`, `_`, `?`, `&`, `=` …) with no hyphen added, so the lines before it
//     keep 28 characters;
//   - resolved «先挤进，后推出»: squeeze punctuation (a full-width mark gives up half its em)
//     so the offending mark fits, or push a character down and spread the freed space over
//     the line's gaps, choosing the breaks over the whole paragraph so that full lines keep
//     28 cells (27 or 29 only when unavoidable). No hanging punctuation, no overflow.

import { BREAK_COST, BREAK_WINDOW, LONG_TOKEN_MIN_CHARS, MAX_SPREAD_EM, MAX_SQUEEZE_EM, PUNCT_SQUEEZE_EM, WIDTH_EPSILON_PT } from '../spec/layout.js';

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
const DATE_PARTS = new Set([...'年月'].map((c) => c.codePointAt(0)!));
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

const CLASSES: readonly CharClass[] = ['open', 'close', 'stop', 'middot', 'dash', 'ellipsis', 'ideo', 'space', 'half'];
/** Class index + 1 of each BMP code point seen so far (0: not yet): the breaker asks many times per character. */
const bmpClasses = new Uint8Array(0x10000);

export function classify(cp: number): CharClass {
  if (cp > 0xffff) return classOf(cp);
  const known = bmpClasses[cp]!;
  if (known) return CLASSES[known - 1]!;
  const c = classOf(cp);
  bmpClasses[cp] = CLASSES.indexOf(c) + 1;
  return c;
}

function classOf(cp: number): CharClass {
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
  if (ca === 'half' && cb === 'half') return isTokenBreak(chars, i);
  if (isDigit(a) && NUMBER_UNITS.has(b)) return false; // 2018年, 76号, 3%
  // A date never splits: 2018年12月24日 (no break after 年 or 月 when a number follows).
  if (isDigit(b) && DATE_PARTS.has(a) && i >= 2 && isDigit(chars[i - 2]!.ch.codePointAt(0)!)) return false;
  if (ORDINAL_PREFIX.has(a) && isDigit(b)) return false; // 第5
  // A half-width sign glued to the next/previous CJK mark, e.g. "2018）" is handled above
  // by the close/stop rule; "（2018" by the open rule.
  return true;
}

/** Whether [s, e) is one character followed only by closing marks (a 孤字 last line). */
function isOrphan(chars: readonly BreakChar[], s: number, e: number): boolean {
  let n = 0;
  for (let k = s; k < e; k++) {
    const c = classify(chars[k]!.ch.codePointAt(0)!);
    if (c !== 'close' && c !== 'stop' && c !== 'space') n++;
  }
  return n <= 1;
}

/** Separators a long token may break after. */
const TOKEN_SEPARATORS = new Set([...'/.-_?&=#@:;,~+'].map((c) => c.codePointAt(0)!));
const isHalf = (c: { ch: string } | undefined): boolean => !!c && classify(c.ch.codePointAt(0)!) === 'half';

/**
 * Whether i (between two half-width characters) is a break inside a long token: right after a
 * separator that the next character does not continue (`https://` breaks after the second `/`),
 * in a run of at least LONG_TOKEN_MIN_CHARS half-width characters.
 */
export function isTokenBreak(chars: readonly { ch: string }[], i: number): boolean {
  const a = chars[i - 1]!.ch.codePointAt(0)!;
  const b = chars[i]!.ch.codePointAt(0)!;
  if (!TOKEN_SEPARATORS.has(a) || TOKEN_SEPARATORS.has(b)) return false;
  let s = i - 1;
  while (s > 0 && isHalf(chars[s - 1])) s--;
  let e = i;
  while (e < chars.length && isHalf(chars[e])) e++;
  // Leave at least two characters on either side.
  return e - s >= LONG_TOKEN_MIN_CHARS && i - s >= 2 && e - i >= 2;
}

/** Whether a break before i keeps only the 避头尾 rules and `——`/`……` (units such as numbers may be cut). */
function kinsokuOk(chars: readonly BreakChar[], i: number): boolean {
  // A measure narrower than one character cuts after each one, up to the very end.
  if (i >= chars.length) return true;
  const ca = classify(chars[i - 1]!.ch.codePointAt(0)!);
  const cb = classify(chars[i]!.ch.codePointAt(0)!);
  if (cb === 'close' || cb === 'stop' || cb === 'middot' || cb === 'dash' || cb === 'ellipsis') return false;
  return ca !== 'open';
}

/** How much of character i may be squeezed, pt: half an em of a full-width mark whose glyph sits in one half. */
export function squeezable(c: BreakChar): number {
  const cp = c.ch.codePointAt(0)!;
  return SQUEEZE_RIGHT.has(cp) || SQUEEZE_LEFT.has(cp) ? PUNCT_SQUEEZE_EM * c.em : 0;
}
/**
 * How much of character k may be squeezed where it stands, pt. An opening mark gives up its left
 * half neither at the line start (it would stick out of the 版心) nor right after a closing mark
 * that gives up its right half: a pair such as `》（` or `”“` is set in 1.5 em (GB/T 15834,
 * clreq), so the two glyphs never share one origin and the text reads back in order.
 */
export function squeezeAt(chars: readonly BreakChar[], k: number, lineStart: number): number {
  const c = chars[k]!;
  const q = squeezable(c);
  if (q === 0 || !squeezesLeft(c.ch)) return q;
  if (k === lineStart) return 0;
  const p = chars[k - 1];
  return p && squeezable(p) > 0 && !squeezesLeft(p.ch) ? 0 : q;
}

/** True when the squeezable half of the mark is on its left (opening marks). */
export const squeezesLeft = (ch: string): boolean => SQUEEZE_LEFT.has(ch.codePointAt(0)!);

const isSpace = (c: BreakChar): boolean => classify(c.ch.codePointAt(0)!) === 'space';

/**
 * Break a paragraph into lines. `measure(k)` is the width available to line k (the first line
 * is usually shorter by the indent). Every line but the last is justified to its measure.
 *
 * The breaks are chosen over the whole paragraph, not line by line: a shortest-path search
 * over the break opportunities (Knuth–Plass style) minimises the total cost of the lines'
 * adjustments (spec/layout.ts BREAK_COST). A line may be squeezed by at most MAX_SQUEEZE_EM
 * (half-ems of marks, never of its final character: no hanging punctuation) and is spread
 * by more than MAX_SPREAD_EM only when no other set of breaks exists. So a cluster such as
 * `《方案》），` followed by an unbreakable `0374-2699897` moves the breaks of the lines
 * before it instead of leaving a 26-character line. Each line start looks at no more than
 * BREAK_WINDOW break opportunities, so the time is linear in the paragraph length.
 *
 * The line number of a line is taken from the best way to reach its start, so a measure
 * that differs by line (a first-line indent) is honoured exactly for the first line.
 */
export function breakLines(chars: readonly BreakChar[], measure: (line: number) => number): BrokenLine[] {
  const n = chars.length;
  let first = 0;
  while (first < n && isSpace(chars[first]!)) first++;
  let endText = n;
  while (endText > first && isSpace(chars[endText - 1]!)) endText--;
  if (first >= endText) return [];

  // Prefix sums of widths, squeezable widths, and the part of those next to another mark.
  const pw = new Float64Array(n + 1);
  const pq = new Float64Array(n + 1);
  const pp = new Float64Array(n + 1);
  const ph = new Int32Array(n + 1); // half-width characters
  for (let k = 0; k < n; k++) {
    ph[k + 1] = ph[k]! + (classify(chars[k]!.ch.codePointAt(0)!) === 'half' ? 1 : 0);
    const q = squeezeAt(chars, k, -1);
    const paired = q > 0 && ((k > 0 && squeezable(chars[k - 1]!) > 0) || (k + 1 < n && squeezable(chars[k + 1]!) > 0));
    pw[k + 1] = pw[k]! + chars[k]!.width;
    pq[k + 1] = pq[k]! + q;
    pp[k + 1] = pp[k]! + (paired ? q : 0);
  }
  // Break opportunities: where a line may start (a space run is dropped at the break).
  const bps: number[] = [];
  for (let k = first + 1; k < endText; k++) if (!isSpace(chars[k]!) && canBreakBefore(chars, k)) bps.push(k);
  bps.push(endText);
  const inToken = new Uint8Array(n + 1);
  for (const p of bps) if (p < endText && isHalf(chars[p - 1]) && isHalf(chars[p])) inToken[p] = 1;
  /** Index in bps of the first opportunity after position p. */
  const nextBp = (p: number): number => {
    let lo = 0;
    let hi = bps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bps[mid]! <= p) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const space = new Uint8Array(n);
  for (let k = 0; k < n; k++) space[k] = isSpace(chars[k]!) ? 1 : 0;
  const trim = (s: number, e: number): number => {
    while (e > s && space[e - 1]) e--;
    return e;
  };

  const cost = new Float64Array(n + 1).fill(Infinity);
  const prev = new Int32Array(n + 1).fill(-1);
  const lineNo = new Int32Array(n + 1);
  cost[first] = 0;
  const relax = (s: number, e: number, c: number): void => {
    const total = cost[s]! + c;
    if (total < cost[e]! - 1e-9) {
      cost[e] = total;
      prev[e] = s;
      lineNo[e] = lineNo[s]! + 1;
    }
  };

  for (let s = first; s < endText; s++) {
    if (cost[s] === Infinity) continue;
    const W = measure(lineNo[s]!);
    const u = chars[s]!.em || 1;
    // An opening mark at the line start stays whole.
    const atStart = squeezeAt(chars, s, -1) - squeezeAt(chars, s, s);
    let found = false;
    for (let b = nextBp(s), seen = 0; b < bps.length && seen < BREAK_WINDOW; b++, seen++) {
      const p = bps[b]!;
      const e = trim(s, p);
      if (e <= s) continue;
      const last = p === endText;
      const nat = pw[e]! - pw[s]!;
      const adj = nat - W;
      const weight = ph[e]! > ph[s]! ? BREAK_COST.mixedLine : 1;
      if (adj > WIDTH_EPSILON_PT) {
        // Squeeze: only marks before the line's final character give up their half em.
        const cap = Math.min(pq[e - 1]! - pq[s]! - atStart, MAX_SQUEEZE_EM * u);
        if (adj > cap + WIDTH_EPSILON_PT) break; // wider ends only get worse
        const lone = Math.max(0, adj - (pp[e - 1]! - pp[s]! - atStart));
        relax(s, p, weight * (BREAK_COST.squeeze * (adj / u) ** 2 + BREAK_COST.loneMark * (lone / u)));
        found = true;
        continue;
      }
      found = true;
      if (last) {
        relax(s, p, s > first && isOrphan(chars, s, e) ? BREAK_COST.orphanChar : 0);
        continue;
      }
      const sp = -adj / u;
      const c = sp <= WIDTH_EPSILON_PT / u ? 0 : BREAK_COST.spread * sp * sp + Math.max(0, sp - MAX_SPREAD_EM) * BREAK_COST.overSpread;
      relax(s, p, weight * c + (inToken[p] ? BREAK_COST.tokenBreak : 0));
    }
    if (!found) {
      // No opportunity fits (a Latin word or URL longer than the line): cut it, never overflow.
      // Cut as late as fits, at a place that still keeps 避头尾 and `——`/`……` whole when there is one.
      let fit = s + 1;
      while (fit < endText && pw[fit + 1]! - pw[s]! <= W + WIDTH_EPSILON_PT) fit++;
      let c = fit;
      while (c > s + 1 && !kinsokuOk(chars, c)) c--;
      if (!kinsokuOk(chars, c)) c = fit;
      while (c < endText && isSpace(chars[c]!)) c++;
      relax(s, c, BREAK_COST.forcedCut);
    }
  }

  const ends: number[] = [];
  for (let p = endText; p > first; p = prev[p]!) {
    if (prev[p]! < 0) throw new Error('line breaking found no path'); // unreachable: a forced cut always exists
    ends.push(p);
  }
  ends.reverse();
  const lines: BrokenLine[] = [];
  let s = first;
  for (const p of ends) {
    lines.push(place(chars, s, p, measure(lines.length), p !== endText));
    s = p;
  }
  return lines;
}

function squeezeCapacity(chars: readonly BreakChar[], s: number, e: number): number {
  let w = 0;
  for (let k = s; k < e; k++) w += squeezeAt(chars, k, s);
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
    const isMark = (k: number): boolean => k >= 0 && k <= last && squeezeAt(chars, s + k, s) > 0;
    const nextToMark = (k: number): boolean => (k > 0 && squeezable(chars[s + k - 1]!) > 0) || (k < last && squeezable(chars[s + k + 1]!) > 0);
    for (let k = last - 1; k >= 0; k--) if (isMark(k) && nextToMark(k)) order.push(k);
    for (let k = last - 1; k >= 0; k--) if (!order.includes(k)) order.push(k);
    if (need > squeezeCapacity(chars, s, e - 1) + WIDTH_EPSILON_PT) order.push(last);
    for (const k of order) {
      if (need <= 0) break;
      const cut = Math.min(need, squeezeAt(chars, s + k, s));
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
    // A line that is one long token (a URL's middle) is letter-spaced to the measure.
    if (!gaps.length) for (let k = s + 1; k < e; k++) gaps.push(k - 1 - s);
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
