// The face handed to pdfkit. pdfkit accepts an already parsed fontkit font, so a document
// does not parse the font file again; this wrapper also makes the two per-document costs
// that remain cheaper without changing a byte of the output:
// - shaping: pdfkit shapes every run twice (once to measure it, once to encode it) and
//   never caches runs shaped with explicit features; here each (features, text) is shaped
//   once per process and handed out as a fresh copy (pdfkit scales the positions in place).
//   A run that shaping provably leaves alone (plain Chinese text, see plainshaping.ts) never
//   reaches pdfkit: the writer draws it from plainRun() below (render/pdf/textobject.ts);
// - subsetting: fontkit decodes every outline point of each glyph it copies into a subset
//   just to learn whether the glyph is composite; the header's contour count tells that, and
//   the component ids are read from the glyph's bytes (which sparse.ts reads from disk first).

import type { Font, Glyph } from 'fontkit';
import { PlainShaper, type PlainRun } from './plainshaping.js';
import { ensureOutlines } from './sparse.js';
import { writeTrueTypeSubset, type HeadTable, type HheaTable, type MaxpTable } from './ttfwriter.js';

/** fontkit's shaping result (what pdfkit reads of it). */
interface GlyphRun {
  glyphs: Glyph[];
  positions: Position[];
  readonly advanceWidth: number;
}
/** The parts of a fontkit font pdfkit calls that the local declarations leave out. */
interface Shaping {
  layout(text: string, features?: Record<string, boolean>): GlyphRun;
  createSubset(): object;
}

/** Shaped runs kept per face; the cache is dropped when full so memory stays flat. */
const MAX_RUNS = 4000;

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface Shaped {
  glyphs: Glyph[];
  positions: Position[];
}

/** One glyph's position; a class, so that pdfkit's loop over its keys stays monomorphic. */
class GlyphPosition implements Position {
  constructor(
    public xAdvance: number,
    public yAdvance: number,
    public xOffset: number,
    public yOffset: number,
  ) {}
}

/** A copy pdfkit may scale in place, with GlyphRun's advanceWidth. */
function copyRun(s: Shaped): GlyphRun {
  return runOf(
    s.glyphs.slice(),
    s.positions.map((p) => new GlyphPosition(p.xAdvance, p.yAdvance, p.xOffset, p.yOffset)),
  );
}

/** A run pdfkit owns: it scales the positions in place. */
function runOf(glyphs: Glyph[], positions: GlyphPosition[]): GlyphRun {
  return {
    glyphs,
    positions,
    get advanceWidth() {
      let w = 0;
      for (const p of positions) w += p.xAdvance;
      return w;
    },
  };
}

// fontkit's TrueType subset (not exported): the parts this file touches.
interface TtfSubset {
  font: FontInternals;
  glyphs: number[];
  glyf: Uint8Array[];
  offset: number;
  loca: { offsets: number[]; version: 0 | 1 };
  hmtx: { metrics: Array<{ advance: number; bearing: number }>; bearings: number[] };
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
}
interface FontInternals {
  loca: { offsets: number[]; version: 0 | 1 };
  head: HeadTable;
  hhea: HheaTable;
  maxp: MaxpTable;
  stream: { buffer: Uint8Array };
  _variationProcessor?: unknown;
  directory: { tables: Record<string, unknown> };
  getGlyph(gid: number): Glyph & { _getMetrics(): { leftBearing: number } };
}
type SubsetClass = new (font: unknown) => object;

const fastSubsets = new WeakMap<SubsetClass, SubsetClass>();

// Composite glyph flags (OpenType 'glyf'): argument size, transform size, continuation.
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
/** numberOfContours and the bounding box precede the components. */
const GLYPH_HEADER_BYTES = 10;

/** Offsets of the component glyph ids in a composite glyph (fontkit's component.pos). */
function componentPositions(glyph: DataView): number[] {
  const out: number[] = [];
  let pos = GLYPH_HEADER_BYTES;
  let flags = MORE_COMPONENTS;
  while (flags & MORE_COMPONENTS && pos + 4 <= glyph.byteLength) {
    flags = glyph.getUint16(pos);
    out.push(pos + 2);
    pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) pos += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8;
  }
  return out;
}

/** A table of the font file as it is stored, or undefined when the font has none. */
function rawTable(font: FontInternals, tag: string): Uint8Array | undefined {
  const entry = font.directory.tables[tag] as { offset: number; length: number } | undefined;
  return entry && font.stream.buffer.subarray(entry.offset, entry.offset + entry.length);
}

/**
 * fontkit's TTFSubset with a header-only check for composite glyphs, and the font program
 * written by ttfwriter (same bytes out).
 */
function fastSubsetClass(base: SubsetClass): SubsetClass {
  let cls = fastSubsets.get(base);
  if (!cls) {
    cls = class extends base {
      encode(this: TtfSubset & { encoded?: { glyphs: number; bytes: Uint8Array } }): Uint8Array {
        // The same glyphs give the same program: hand out the one already written (the PDF
        // writer encodes the subsets early to compress them off the main thread).
        if (this.encoded && this.encoded.glyphs === this.glyphs.length) return this.encoded.bytes;
        const font = this.font;
        this.glyf = [];
        this.offset = 0;
        this.loca = { offsets: [], version: font.loca.version };
        this.hmtx = { metrics: [], bearings: [] };
        // Composite glyphs add their components to the list while it is walked.
        for (let i = 0; i < this.glyphs.length; i++) this._addGlyph(this.glyphs[i]!);
        this.loca.offsets.push(this.offset);
        const bytes = writeTrueTypeSubset({
          head: font.head,
          hhea: font.hhea,
          maxp: font.maxp,
          locaVersion: font.loca.version,
          locaOffsets: this.loca.offsets,
          glyf: this.glyf,
          metrics: this.hmtx.metrics,
          cvt: rawTable(font, 'cvt '),
          prep: rawTable(font, 'prep'),
          fpgm: rawTable(font, 'fpgm'),
        });
        this.encoded = { glyphs: this.glyphs.length, bytes };
        return bytes;
      }

      _addGlyph(this: TtfSubset, gid: number): number {
        const g = glyphRecord(this.font, gid);
        let buffer = g.outline;
        if (g.composite) {
          // The component ids become ids of this subset (which may add them to it).
          buffer = new Uint8Array(buffer);
          const view = new DataView(buffer.buffer);
          for (const pos of componentPositions(view)) view.setUint16(pos, this.includeGlyph(view.getUint16(pos)));
        }
        this.glyf.push(buffer);
        this.loca.offsets.push(this.offset);
        this.hmtx.metrics.push(g);
        this.offset += buffer.length;
        return this.glyf.length - 1;
      }
    };
    fastSubsets.set(base, cls);
  }
  return cls;
}

/** What a subset takes of one glyph of the face: the same for every document. */
interface GlyphRecord {
  /** The outline bytes as stored in the font file. */
  outline: Uint8Array;
  /** numberOfContours < 0: the components' ids must be renumbered in each subset. */
  composite: boolean;
  advance: number;
  bearing: number;
}

const glyphRecords = new WeakMap<FontInternals, Array<GlyphRecord | undefined>>();

/** The glyph's record, made once per face (outline read from disk first if need be). */
function glyphRecord(font: FontInternals, gid: number): GlyphRecord {
  let records = glyphRecords.get(font);
  if (!records) {
    records = [];
    glyphRecords.set(font, records);
  }
  let r = records[gid];
  if (!r) {
    const glyph = font.getGlyph(gid);
    const cur = font.loca.offsets[gid]!;
    const next = font.loca.offsets[gid + 1]!;
    ensureOutlines(font as unknown as Font, cur, next);
    const glyfAt = (font.directory.tables['glyf'] as { offset: number }).offset;
    const outline = font.stream.buffer.subarray(glyfAt + cur, glyfAt + next);
    r = {
      outline,
      composite: outline.length >= 2 && (outline[0]! & 0x80) !== 0,
      advance: glyph.advanceWidth,
      bearing: glyph._getMetrics().leftBearing,
    };
    records[gid] = r;
  }
  return r;
}

const postHeaders = new WeakMap<Font, { italicAngle: number; isFixedPitch: number }>();

/** The fixed header of the 'post' table, read from the font bytes as fontkit would decode it. */
function postHeader(face: Font): unknown {
  let h = postHeaders.get(face);
  if (h) return h;
  const post = rawTable(face as unknown as FontInternals, 'post');
  if (!post || post.length < 16) return (face as unknown as { post: unknown }).post;
  const view = new DataView(post.buffer, post.byteOffset, 16);
  h = { italicAngle: view.getInt32(4) / 65536, isFixedPitch: view.getUint32(12) };
  postHeaders.set(face, h);
  return h;
}

const featureKeys = new WeakMap<object, string>();

/** A key for a feature set; the writer passes one options object for every plain run. */
function featuresKey(features: Record<string, boolean> | undefined): string {
  if (!features) return '';
  let k = featureKeys.get(features);
  if (k === undefined) {
    k = Object.entries(features).join(';');
    featureKeys.set(features, k);
  }
  return k;
}

const wrapped = new WeakMap<Font, Font>();
const plainRuns = new WeakMap<Font, ReturnType<typeof plainRunsOf>>();

/**
 * The glyphs of a run drawn with `face` (one from pdfkitFace, or one pdfkit parsed itself),
 * when shaping provably leaves the run as the cmap has it (what the face's layout() would
 * give pdfkit); undefined otherwise.
 */
export function plainRun(face: Font, text: string, features: Record<string, boolean> | undefined): PlainRun | undefined {
  let of = plainRuns.get(face);
  if (!of) {
    of = plainRunsOf(face);
    plainRuns.set(face, of);
  }
  return of(text, features);
}

/** The plain runs of a face, per feature set (a face that shaping may change gets none). */
function plainRunsOf(face: Font): (text: string, features: Record<string, boolean> | undefined) => PlainRun | undefined {
  const shapers = new Map<string, PlainShaper | null>();
  return (text, features) => {
    const fk = featuresKey(features);
    let plain = shapers.get(fk);
    if (plain === undefined) {
      plain = PlainShaper.for(face, features) ?? null;
      shapers.set(fk, plain);
    }
    return plain?.run(text);
  };
}

/** The face to give pdfkit's registerFont for `face` (one wrapper per face). */
export function pdfkitFace(face: Font): Font {
  let w = wrapped.get(face);
  if (w) return w;
  const runs = new Map<string, Shaped>();
  const internals = face as unknown as FontInternals;
  const shaping = face as unknown as Shaping;
  const plainTrueType = internals.directory.tables['glyf'] !== undefined && !internals._variationProcessor;
  w = Object.create(face) as Font;
  // The writer's plain runs of this wrapper come from the face itself.
  plainRuns.set(w, plainRunsOf(face));
  Object.defineProperties(w, {
    layout: {
      value: (text: string, features?: Record<string, boolean>): GlyphRun => {
        const key = `${featuresKey(features)}\u0000${text}`;
        let s = runs.get(key);
        if (!s) {
          // fontkit writes the features of its plan into the object it is given, and reads
          // them back as the caller's on the next call (switching the fraction features on
          // for every run): give it a copy, so every run is shaped as asked.
          const run = shaping.layout(text, features && { ...features });
          s = { glyphs: run.glyphs, positions: run.positions };
          if (runs.size >= MAX_RUNS) runs.clear();
          runs.set(key, s);
        }
        return copyRun(s);
      },
    },
    // pdfkit reads only isFixedPitch (and, through fontkit, italicAngle) of the 'post' table,
    // but fontkit decodes the whole table, glyph names included: some 60 ms for the 楷体.
    post: { get: () => postHeader(face) },
    createSubset: {
      value: () => {
        const subset = shaping.createSubset();
        if (!plainTrueType || typeof (subset as { _addGlyph?: unknown })._addGlyph !== 'function') return subset;
        const Fast = fastSubsetClass(subset.constructor as SubsetClass);
        return new Fast(face);
      },
    },
  });
  wrapped.set(face, w);
  return w;
}
