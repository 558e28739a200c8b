// Shaping: turn styled runs into characters with faces and widths (for the line breaker),
// and broken lines back into glyph runs placed on the page.

import type { FontSet, LoadedFont } from '../fonts/types.js';
import type { FontRole, Run } from '../model/types.js';
import { BODY_SIZE_PT, CHAR_PITCH_PT } from '../spec/gbt9704.js';
import type { BrokenLine, BreakChar, CharClass } from './linebreak.js';
import { breakLines, classify, isFullWidth, squeezesLeft } from './linebreak.js';
import { isInvisible } from './invisible.js';
import type { GlyphRun, LayoutWarning } from './types.js';

export type Color = 'black' | 'red';

/** One character ready for breaking and drawing. */
export interface StyledChar extends BreakChar {
  cp: number;
  cls: CharClass;
  full: boolean;
  role: FontRole;
  face: LoadedFont;
  size: number;
  /** Glyph advance of the face at `size`, pt. */
  adv: number;
  color: Color;
  bold: boolean;
  hScale: number;
}

export interface TextStyle {
  role: FontRole;
  size: number;
  color?: Color;
  bold?: boolean;
  hScale?: number;
}

/** Width of one 字 at a size: on the body grid 15.793 pt for 3号, the size itself otherwise [S 3.1]. */
export const cellFor = (size: number): number => (size === BODY_SIZE_PT ? CHAR_PITCH_PT : size);

/** Where glyph fallbacks and warnings go while laying out one document. */
export class ShapeContext {
  readonly warnings: LayoutWarning[] = [];
  private readonly warned = new Set<string>();
  constructor(
    readonly fonts: FontSet,
    readonly file: string,
  ) {}

  face(role: FontRole, cp: number, line: number | undefined): LoadedFont {
    const own = this.fonts.roles[role].font;
    if (cp < 0x21 || own.hasGlyph(cp)) return own;
    const alt = this.fonts.faceFor(role, cp);
    const ch = String.fromCodePoint(cp);
    const key = `${role}:${cp}:${line ?? ''}`;
    if (!this.warned.has(key)) {
      this.warned.add(key);
      const u = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      this.warnings.push({
        file: this.file,
        line,
        message: alt
          ? `字符「${ch}」(${u}) 不在${role}字体 ${own.familyName} 中，改用 ${alt.familyName} 显示`
          : `字符「${ch}」(${u}) 在所有可用字体中都没有字形`,
      });
    }
    return alt ?? own;
  }
}

/**
 * Characters already shaped, per font set and style: a StyledChar is never changed once made,
 * so every occurrence of a character in one style shares one object (a document holds tens
 * of thousands of characters but a few thousand distinct ones).
 */
const shapedChars = new WeakMap<FontSet, { byStyle: Map<string, Map<number, StyledChar>>; count: number }>();
/** Distinct (style, character) pairs kept per font set before the cache starts again. */
const MAX_SHAPED_CHARS = 50_000;

/** The shaped characters of one style, and a function that keeps a new one. */
function charsOf(fonts: FontSet, styleKey: string): { known: Map<number, StyledChar>; keep(c: StyledChar): void } {
  let cache = shapedChars.get(fonts);
  if (!cache || cache.count > MAX_SHAPED_CHARS) {
    cache = { byStyle: new Map(), count: 0 };
    shapedChars.set(fonts, cache);
  }
  let known = cache.byStyle.get(styleKey);
  if (!known) cache.byStyle.set(styleKey, (known = new Map()));
  const c = cache;
  const k = known;
  return {
    known,
    keep: (ch) => {
      k.set(ch.cp, ch);
      c.count++;
    },
  };
}

/** Shape runs into characters. `line` is the block's source line (a run's own line wins). */
export function shape(ctx: ShapeContext, runs: readonly Run[], style: TextStyle, line?: number): StyledChar[] {
  const out: StyledChar[] = [];
  const hScale = style.hScale ?? 1;
  const color = style.color ?? 'black';
  for (const run of runs) {
    const role = run.font ?? style.role;
    const bold = (run.bold ?? false) || (style.bold ?? false);
    const { known, keep } = charsOf(ctx.fonts, `${role}|${style.size}|${hScale}|${color}|${bold ? 1 : 0}`);
    const own = ctx.fonts.roles[role].font;
    const text = run.text.replace(/[\r\n]+/g, ' ');
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      let c = known.get(cp);
      if (c === undefined) {
        // Never kept among the known characters: each occurrence is skipped here.
        if (isInvisible(cp)) continue;
        // A character the role's face lacks goes through ctx.face each time (it warns per line).
        const face = ctx.face(role, cp, run.line ?? line);
        const adv = (face.advanceEm(cp) ?? 1) * style.size * hScale;
        const full = isFullWidth(cp);
        const cell = cellFor(style.size) * hScale;
        c = {
          ch: String.fromCodePoint(cp),
          cp,
          cls: classify(cp),
          full,
          role,
          face,
          size: style.size,
          adv,
          width: full ? cell : adv,
          em: cell,
          color,
          bold,
          hScale,
        };
        if (face === own) keep(c);
      }
      out.push(c);
    }
  }
  return out;
}

export const shapeText = (ctx: ShapeContext, text: string, style: TextStyle, line?: number): StyledChar[] =>
  shape(ctx, [{ text }], style, line);

/** Natural width of characters set solid (full-width on their cell), pt. */
export const naturalWidth = (chars: readonly StyledChar[]): number => chars.reduce((s, c) => s + c.width, 0);

/** Where inside its cell a proportional full-width glyph (a Latin-width quote, a short dash) is drawn. */
function offsetInCell(chars: readonly StyledChar[], k: number): number {
  const c = chars[k]!;
  if (!c.full || c.adv >= c.em - 0.5) return 0;
  const room = c.em - c.adv;
  if (c.cls === 'open') return room;
  if (c.cls === 'close' || c.cls === 'stop') return 0;
  if (c.cls === 'dash' || c.cls === 'ellipsis') {
    const next = chars[k + 1];
    const prev = chars[k - 1];
    if (next && next.cls === c.cls) return room; // first of a pair: towards its partner
    if (prev && prev.cls === c.cls) return 0;
  }
  return room / 2;
}

/**
 * Glyph runs of characters [start, end) whose positions relative to `x0` are `xs`
 * (one per character), squeezing cuts in `cuts`. Consecutive characters of one face and
 * style with even spacing form one run, so a pure Chinese line is a single run.
 */
export function runsAt(
  chars: readonly StyledChar[],
  start: number,
  xs: readonly number[],
  cuts: readonly number[] | undefined,
  x0: number,
  baseline: number,
): GlyphRun[] {
  const runs: GlyphRun[] = [];
  const drawX: number[] = xs.map((x, k) => {
    const i = start + k;
    const c = chars[i]!;
    const cut = cuts?.[k] ?? 0;
    return x0 + x + offsetInCell(chars, i) - (cut > 0 && squeezesLeft(c.ch) ? cut : 0);
  });
  /** The run being extended, the index of its last character, and how many characters it holds. */
  let cur: { run: GlyphRun; last: number; count: number } | undefined;
  for (let k = 0; k < xs.length; k++) {
    const c = chars[start + k]!;
    if (cur) {
      const p = chars[start + cur.last]!;
      const spacing = drawX[k]! - drawX[cur.last]! - p.adv;
      const same =
        p.face.id === c.face.id &&
        p.size === c.size &&
        p.color === c.color &&
        p.bold === c.bold &&
        p.role === c.role &&
        p.hScale === c.hScale &&
        cur.last === k - 1;
      if (same && (cur.count === 1 || Math.abs(spacing - cur.run.charSpacing) < 0.005)) {
        if (cur.count === 1) cur.run.charSpacing = spacing;
        cur.run.text += c.ch;
        cur.run.width = drawX[k]! + c.adv - cur.run.x;
        cur.last = k;
        cur.count++;
        continue;
      }
    }
    const run: GlyphRun = {
      kind: 'text',
      x: drawX[k]!,
      baseline,
      text: c.ch,
      fontId: c.face.id,
      role: c.role,
      size: c.size,
      charSpacing: 0,
      hScale: c.hScale,
      color: c.color,
      width: c.adv,
      ...(c.bold ? { bold: true } : {}),
    };
    runs.push(run);
    cur = { run, last: k, count: 1 };
  }
  return runs;
}

/** Glyph runs of one broken line. */
export const lineRuns = (chars: readonly StyledChar[], line: BrokenLine, x0: number, baseline: number): GlyphRun[] =>
  runsAt(chars, line.start, line.x, line.cuts, x0, baseline);

/** Glyph runs of characters set solid from x0 (no breaking), e.g. a centred title line. */
export function solidRuns(chars: readonly StyledChar[], x0: number, baseline: number, letterSpacing = 0): GlyphRun[] {
  const xs: number[] = [];
  let acc = 0;
  for (const c of chars) {
    xs.push(acc);
    acc += c.width + letterSpacing;
  }
  return runsAt(chars, 0, xs, undefined, x0, baseline);
}

/** Break styled characters into lines (first line measure may differ). */
export const breakStyled = (chars: readonly StyledChar[], first: number, rest: number): BrokenLine[] =>
  breakLines(chars, (k) => (k === 0 ? first : rest));
