// The fonts of an OFD package: one embedded file per face the pages draw with, holding only
// the glyphs drawn (the same subset writer as the PDF's), and for every run the glyph ids of
// its characters in that file (the TextObject's CGTransform). A face whose licence forbids
// embedding stops the document: an OFD must carry its fonts. A subset is completed into a
// standalone font file (fontfile.ts) with a cmap of the characters drawn.

import type { Font } from 'fontkit';
import type { LoadedFont } from '../../fonts/types.js';
import { plainRun, pdfkitFace } from '../../fonts/pdfface.js';
import { fontTable, hasTable, rawTable, subsetOf } from '../../adapters/fontkit.js';
import { PDF_FEATURES } from '../pdf/constants.js';
import { completeSubset } from './fontfile.js';

/**
 * The embedding licence of a face: OS/2 fsType as fontkit decodes it (OpenType 'OS/2': bit 1
 * restricted licence, 2 preview & print, 3 editable, 8 no subsetting, 9 bitmap only).
 */
interface FsType {
  noEmbedding?: boolean;
  viewOnly?: boolean;
  editable?: boolean;
  noSubsetting?: boolean;
  bitmapOnly?: boolean;
}

/** Why a face cannot be embedded, for the message. */
export type EmbeddingRefusal = 'restricted' | 'bitmapOnly' | 'noOutlines';

export class FontEmbeddingError extends Error {
  constructor(
    readonly font: LoadedFont,
    readonly reason: EmbeddingRefusal,
  ) {
    super(`font ${font.path} cannot be embedded (${reason})`);
    this.name = 'FontEmbeddingError';
  }
}

/** One face as embedded: its file name in the package and how its glyph ids are mapped. */
interface Embedded {
  font: LoadedFont;
  face: Font;
  /** Glyph id in the face → id in the embedded file (the face's own ids when embedded whole). */
  include(gid: number): number;
  /** The file; `cmap` (code point → glyph id in the file) completes a subset. */
  bytes(cmap: ReadonlyMap<number, number>): Uint8Array;
  /** `.ttf` or `.otf`, as the file's outlines are. */
  ext: string;
}

const fsTypeOf = (face: Font): FsType => fontTable<{ fsType?: FsType }>(face, 'OS/2')?.fsType ?? {};
const isTrueType = (face: Font): boolean => hasTable(face, 'glyf');

/** Check the licence and open the face for embedding (a subset when allowed and TrueType). */
function embed(font: LoadedFont): Embedded {
  const face = font.face;
  if (!face) throw new FontEmbeddingError(font, 'noOutlines');
  const fsType = fsTypeOf(face);
  // Restricted unless a less restrictive permission is set beside it (the least one applies).
  if (fsType.noEmbedding && !fsType.viewOnly && !fsType.editable) throw new FontEmbeddingError(font, 'restricted');
  if (fsType.bitmapOnly) throw new FontEmbeddingError(font, 'bitmapOnly');
  const trueType = isTrueType(face);
  if (trueType && !fsType.noSubsetting) {
    // The PDF's subset writer (pdfkitFace), so both formats embed the same glyph programs;
    // completed with the tables readers need to draw the file (fontfile.ts).
    const subset = subsetOf(pdfkitFace(face));
    return { font, face, include: (gid) => subset.includeGlyph(gid), bytes: (cmap) => completeSubset(subset.encode(), (tag) => rawTable(face, tag), cmap), ext: 'ttf' };
  }
  // CFF outlines (fontkit subsets them as a bare CFF table, not a font file) or a face that
  // forbids subsetting: the whole file, glyph ids unchanged.
  return { font, face, include: (gid) => gid, bytes: () => new Uint8Array(font.bytes), ext: trueType ? 'ttf' : 'otf' };
}

/** A run's characters and their glyphs in the embedded file. */
export interface RunGlyphs {
  /** The characters (code points) of the run, in order. */
  chars: string[];
  /** One glyph id per character. */
  glyphs: number[];
  /** Advance of each character in em (the glyph's own width). */
  advances: number[];
}

/** The faces of one document, embedded as they are first drawn. */
export class DocumentFonts {
  private readonly embedded = new Map<string, Embedded>();
  /** Per face: each character drawn → its glyph in the embedded file (the first one drawn). */
  private readonly cmaps = new Map<string, Map<number, number>>();
  /** Faces in the order first drawn (the order of the resources). */
  readonly order: string[] = [];

  constructor(private readonly faces: ReadonlyMap<string, LoadedFont>) {}

  private of(fontId: string): Embedded {
    let e = this.embedded.get(fontId);
    if (!e) {
      const f = this.faces.get(fontId);
      if (!f) throw new Error(`font ${fontId} is not in the font set`);
      e = embed(f);
      this.embedded.set(fontId, e);
      this.cmaps.set(fontId, new Map());
      this.order.push(fontId);
    }
    return e;
  }

  /** The face behind an id (for its names and metrics). */
  font(fontId: string): LoadedFont {
    return this.of(fontId).font;
  }

  /**
   * The glyphs of `text` drawn with `fontId`, as the PDF draws them (shaped with the same
   * features), one per character; included in the face's embedded file.
   */
  glyphs(fontId: string, text: string): RunGlyphs {
    const e = this.of(fontId);
    const chars = [...text];
    const upm = e.font.unitsPerEm;
    let glyphs: Array<{ id: number; advanceWidth: number }> | undefined = plainRun(e.face, text, PDF_FEATURES)?.glyphs;
    if (!glyphs) {
      const shaped = pdfkitFace(e.face).layout(text, { ...PDF_FEATURES }).glyphs;
      // One glyph per character (no ligature, no decomposition): what the layout measured.
      glyphs = shaped.length === chars.length ? shaped : chars.map((c) => e.face.glyphForCodePoint(c.codePointAt(0)!));
    }
    const ids = glyphs.map((g) => e.include(g.id));
    const cmap = this.cmaps.get(fontId)!;
    chars.forEach((c, i) => {
      const cp = c.codePointAt(0)!;
      if (!cmap.has(cp)) cmap.set(cp, ids[i]!);
    });
    return {
      chars,
      glyphs: ids,
      advances: glyphs.map((g) => g.advanceWidth / upm),
    };
  }

  /** The embedded files, in the order the faces were first drawn. */
  files(): Array<{ fontId: string; font: LoadedFont; ext: string; bytes: Uint8Array }> {
    return this.order.map((id) => {
      const e = this.embedded.get(id)!;
      return { fontId: id, font: e.font, ext: e.ext, bytes: e.bytes(this.cmaps.get(id)!) };
    });
  }
}
