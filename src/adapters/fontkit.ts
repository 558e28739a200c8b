// The one place that reaches into fontkit beyond its public API (fontkit 2.0.4, dist/module.mjs).
// Everything else calls fontkit's public methods (create, layout, createSubset, includeGlyph,
// glyphForCodePoint …) and the typed functions here:
// - parsed tables by tag (font[tag] getters) and the table bytes as stored (directory,
//   stream.buffer), variation fonts told apart (_variationProcessor);
// - a glyph's left side bearing (Glyph._getMetrics);
// - every glyph read announced before fontkit reads its outline (Font.getGlyph wrapped);
// - fontkit's TrueType subset (TTFSubset, not exported) with an encode() of our own, reading
//   its glyph list (glyphs) as includeGlyph grows it.
// Loading this module checks the version; each face is checked (checkFace) before it is used.

import type { Font, Glyph } from 'fontkit';
import { AdapterError, requireMethods, requirePinned } from './pinned.js';

export const FONTKIT_VERSION = '2.0.4';
const ADAPTER = 'src/adapters/fontkit.ts';

requirePinned('fontkit', FONTKIT_VERSION, ADAPTER);

interface FaceInternals {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  stream: { buffer: Uint8Array };
  _variationProcessor?: unknown;
  getGlyph(gid: number, codePoints?: number[]): Glyph;
}
interface GlyphInternals {
  _getMetrics(): { leftBearing: number };
}
interface SubsetInternals {
  glyphs: number[];
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}
const inner = (face: Font): FaceInternals => face as unknown as FaceInternals;

/** Font members this adapter reads or replaces. */
export const FONTKIT_FACE_METHODS = ['getGlyph', 'layout', 'createSubset'] as const;
export const FONTKIT_GLYPH_METHODS = ['_getMetrics'] as const;
export const FONTKIT_SUBSET_METHODS = ['includeGlyph', 'encode'] as const;

const checked = new WeakSet<Font>();

/** Throw unless `face` has what this adapter reads (once per face). */
export function checkFace(face: Font): void {
  if (checked.has(face)) return;
  requireMethods('fontkit', 'Font', face, FONTKIT_FACE_METHODS, ADAPTER);
  const f = face as unknown as Partial<FaceInternals>;
  if (!f.directory?.tables || !(f.stream?.buffer instanceof Uint8Array)) {
    throw new AdapterError(
      `fontkit 的 Font 缺少 directory.tables 或 stream.buffer：${ADAPTER} 无法使用该版本`,
      `fontkit's Font lacks directory.tables or stream.buffer: ${ADAPTER} cannot work with this version`,
    );
  }
  checked.add(face);
}

/** A parsed table of the face (fontkit decodes it on first access), or undefined when absent. */
export function fontTable<T>(face: Font, tag: string): T | undefined {
  return (face as unknown as Record<string, T | undefined>)[tag];
}

/** Whether the face has the table `tag` (without decoding it). */
export function hasTable(face: Font, tag: string): boolean {
  return inner(face).directory.tables[tag] !== undefined;
}

/** A table of the font file as it is stored, or undefined when the face has none. */
export function rawTable(face: Font, tag: string): Uint8Array | undefined {
  const f = inner(face);
  const entry = f.directory.tables[tag];
  return entry && f.stream.buffer.subarray(entry.offset, entry.offset + entry.length);
}

/** A TrueType face without variations: glyf outlines that a subset copies byte for byte. */
export function isPlainTrueType(face: Font): boolean {
  checkFace(face);
  return hasTable(face, 'glyf') && !inner(face)._variationProcessor;
}

/** A subset of a face, as fontkit's createSubset makes it: its includeGlyph and encode are public. */
export interface FontSubset {
  /** Add the face's glyph `gid`; returns its id in the subset. */
  includeGlyph(gid: number): number;
  /** The subset's font program. */
  encode(): Uint8Array;
}

/** A new subset of `face` (its createSubset, through any wrapper), checked to be usable. */
export function subsetOf(face: Font): FontSubset {
  const s = face.createSubset();
  requireMethods('fontkit', 'Subset', s, FONTKIT_SUBSET_METHODS, ADAPTER);
  return s as FontSubset;
}

/** The glyph `gid` of the face (public getGlyph; through any watcher installed below). */
export function glyphOf(face: Font, gid: number): Glyph {
  return inner(face).getGlyph(gid);
}

/** The left side bearing of a glyph, font units, as fontkit's subsets write it into hmtx. */
export function leftBearing(glyph: Glyph): number {
  const g = glyph as unknown as Partial<GlyphInternals>;
  requireMethods('fontkit', 'Glyph', g, FONTKIT_GLYPH_METHODS, ADAPTER);
  return g._getMetrics!().leftBearing;
}

/**
 * Call `before(gid)` whenever fontkit makes a glyph object of `face`: fontkit reads a glyph's
 * outline bytes (for its box, which advanceWidth computes too, or its path) only through a
 * glyph from getGlyph, and a composite reaches its components through getGlyph as well.
 */
export function beforeGlyphReads(face: Font, before: (gid: number) => void): void {
  checkFace(face);
  const f = inner(face);
  const getGlyph = f.getGlyph.bind(face);
  f.getGlyph = (id: number, codePoints?: number[]) => {
    before(id);
    return getGlyph(id, codePoints);
  };
}

/**
 * Writes a subset's font program: `glyphs` are the face's glyph ids in subset order; the list
 * may grow while it is walked, as `include` adds a composite glyph's components (returning
 * each one's subset id).
 */
export type SubsetProgram = (glyphs: readonly number[], include: (gid: number) => number) => Uint8Array;

type SubsetClass = new (font: Font) => SubsetInternals;
const subclasses = new WeakMap<SubsetClass, WeakMap<SubsetProgram, SubsetClass>>();

/**
 * fontkit's own subset of `face` (created through its public createSubset), made an instance
 * of a subclass whose encode() is `program`; includeGlyph and the glyph list stay fontkit's.
 * Undefined when the subset is not the kind this adapter knows (a CFF subset, say).
 */
export function subsetWithProgram(face: Font, created: object, program: SubsetProgram): object | undefined {
  const s = created as Partial<SubsetInternals>;
  if (typeof s.includeGlyph !== 'function' || typeof s.encode !== 'function' || !Array.isArray(s.glyphs)) return undefined;
  const base = created.constructor as SubsetClass;
  let byProgram = subclasses.get(base);
  if (!byProgram) subclasses.set(base, (byProgram = new WeakMap()));
  let cls = byProgram.get(program);
  if (!cls) {
    cls = class extends base {
      override encode(): Uint8Array {
        return program(this.glyphs, (gid) => this.includeGlyph(gid));
      }
    };
    byProgram.set(program, cls);
  }
  return new cls(face);
}
