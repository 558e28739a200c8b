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
import { fontTable, glyphOf, isPlainTrueType, leftBearing, rawTable, subsetWithProgram, type SubsetProgram } from '../adapters/fontkit.js';
import { writeTrueTypeSubset, type HeadTable, type HheaTable, type MaxpTable } from './ttfwriter.js';

/** fontkit's shaping result (what pdfkit reads of it). */
interface GlyphRun {
  glyphs: Glyph[];
  positions: Position[];
  readonly advanceWidth: number;
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

/** Written programs per subset (its glyph list): the same glyphs give the same program. */
const encoded = new WeakMap<readonly number[], { glyphs: number; bytes: Uint8Array }>();

/**
 * The font program of a TrueType subset: fontkit's own encoding with a header-only check for
 * composite glyphs, written by ttfwriter (same bytes out).
 */
function subsetProgram(face: Font): SubsetProgram {
  return (glyphs, include) => {
    // The PDF writer encodes the subsets early to compress them off the main thread.
    const done = encoded.get(glyphs);
    if (done && done.glyphs === glyphs.length) return done.bytes;
    const glyf: Uint8Array[] = [];
    const offsets: number[] = [];
    const metrics: GlyphRecord[] = [];
    let offset = 0;
    // Composite glyphs add their components to the list while it is walked.
    for (let i = 0; i < glyphs.length; i++) {
      const g = glyphRecord(face, glyphs[i]!);
      let buffer = g.outline;
      if (g.composite) {
        // The component ids become ids of this subset (which may add them to it).
        buffer = new Uint8Array(buffer);
        const view = new DataView(buffer.buffer);
        for (const pos of componentPositions(view)) view.setUint16(pos, include(view.getUint16(pos)));
      }
      glyf.push(buffer);
      offsets.push(offset);
      metrics.push(g);
      offset += buffer.length;
    }
    offsets.push(offset);
    const loca = fontTable<{ version: 0 | 1 }>(face, 'loca')!;
    const bytes = writeTrueTypeSubset({
      head: fontTable<HeadTable>(face, 'head')!,
      hhea: fontTable<HheaTable>(face, 'hhea')!,
      maxp: fontTable<MaxpTable>(face, 'maxp')!,
      locaVersion: loca.version,
      locaOffsets: offsets,
      glyf,
      metrics,
      cvt: rawTable(face, 'cvt '),
      prep: rawTable(face, 'prep'),
      fpgm: rawTable(face, 'fpgm'),
    });
    encoded.set(glyphs, { glyphs: glyphs.length, bytes });
    return bytes;
  };
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

const glyphRecords = new WeakMap<Font, Array<GlyphRecord | undefined>>();

/** The glyph's record, made once per face (outline read from disk first if need be). */
function glyphRecord(font: Font, gid: number): GlyphRecord {
  let records = glyphRecords.get(font);
  if (!records) {
    records = [];
    glyphRecords.set(font, records);
  }
  let r = records[gid];
  if (!r) {
    const glyph = glyphOf(font, gid);
    const offsets = fontTable<{ offsets: number[] }>(font, 'loca')!.offsets;
    const cur = offsets[gid]!;
    const next = offsets[gid + 1]!;
    ensureOutlines(font, cur, next);
    const outline = rawTable(font, 'glyf')!.subarray(cur, next);
    r = {
      outline,
      composite: outline.length >= 2 && (outline[0]! & 0x80) !== 0,
      advance: glyph.advanceWidth,
      bearing: leftBearing(glyph),
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
  const post = rawTable(face, 'post');
  if (!post || post.length < 16) return fontTable(face, 'post');
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
  const plainTrueType = isPlainTrueType(face);
  const program = subsetProgram(face);
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
          const run = face.layout(text, features && { ...features });
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
        const subset = face.createSubset();
        return (plainTrueType && subsetWithProgram(face, subset, program)) || subset;
      },
    },
  });
  wrapped.set(face, w);
  return w;
}
