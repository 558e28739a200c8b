// The one place that reaches into pdfkit beyond its public API (pdfkit 0.20.2, js/pdfkit.js).
// Everything else draws through PDFKit's public methods and calls the typed functions here:
// - the output: every piece pdfkit writes, gathered directly, and a trailer /ID hashed from
//   the bytes (PDFDocument._write, _finalize, _id, _offset);
// - PDF/A: pdfkit's XMP packet and colour normalisation replaced (_addInfo, _normalizeColor);
// - a blend mode pdfkit has no API for (an ExtGState in page.ext_gstates);
// - text drawn without pdfkit's text(): the current font's subset bookkeeping (_font, an
//   EmbeddedFont: subset, widths, unicode, ref) and the page's font resources;
// - streams compressed off the main thread: the buffered pages (_pageBuffer), the embedded
//   fonts (_fontFamilies: subset.encode, toUnicodeCmap) and the references they write
//   (PDFReference: data, compress, buffer, write, finalize, end).
// Loading this module checks the version and the prototype methods; the instance fields are
// checked on each document (checkDocument) before anything is drawn.

import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Font, Glyph } from 'fontkit';
import { AdapterError, requireMethods, requirePinned } from './pinned.js';

export const PDFKIT_VERSION = '0.20.2';
const ADAPTER = 'src/adapters/pdfkit.ts';

/** PDFDocument methods this adapter replaces or calls outside the typings. */
export const PDFKIT_METHODS = ['_write', '_finalize', '_addInfo', '_normalizeColor', 'ref', 'addContent', 'read', 'appendXML'] as const;

requirePinned('pdfkit', PDFKIT_VERSION, ADAPTER);
requireMethods('pdfkit', 'PDFDocument', (PDFDocument as unknown as { prototype: object }).prototype, PDFKIT_METHODS, ADAPTER);

/** pdfkit's PDFReference: an indirect object, with a stream when written to. */
interface Reference {
  data: Record<string, unknown>;
  compress: boolean;
  buffer: Uint8Array[];
  write(chunk: Uint8Array): void;
  finalize(): void;
  end(chunk?: Uint8Array): void;
}
/** pdfkit's EmbeddedFont: what its encode() updates for every glyph drawn. */
interface EmbeddedFont {
  id: string;
  font: Font;
  /** 1000 / unitsPerEm. */
  scale: number;
  subset: { includeGlyph(gid: number): number; encode?(): Uint8Array };
  widths: Array<number | undefined>;
  unicode: Array<number[] | undefined>;
  ref(): unknown;
  toUnicodeCmap?(): Reference;
}
interface Internals {
  _id: Buffer;
  _offset: number;
  _write(data: string | Uint8Array): void;
  _finalize(): void;
  _addInfo(): void;
  _normalizeColor(color: unknown): unknown;
  _font: EmbeddedFont | undefined;
  _fontFamilies: Record<string, EmbeddedFont>;
  _pageBuffer: Array<{ content: Reference }>;
  info: Record<string, unknown>;
  page: { fonts: Record<string, unknown>; ext_gstates: Record<string, unknown> };
  ref(data?: Record<string, unknown>): Reference;
  appendXML(xml: string, newline?: boolean): void;
  read(): Buffer | null;
}
const internals = (doc: PDFKit.PDFDocument): Internals => doc as unknown as Internals;

/** The instance fields this adapter reads, on a freshly made document. */
export const PDFKIT_FIELDS = ['_offset', '_fontFamilies', '_pageBuffer', 'info'] as const;

/** Throw unless `doc` has the fields this adapter reads (call right after `new PDFDocument`). */
export function checkDocument(doc: PDFKit.PDFDocument): void {
  const d = doc as unknown as Record<string, unknown>;
  const missing = PDFKIT_FIELDS.filter((f) => d[f] === undefined);
  if (missing.length) {
    throw new AdapterError(
      `pdfkit 的 PDFDocument 缺少 ${missing.join('、')}：${ADAPTER} 无法使用该版本`,
      `pdfkit's PDFDocument lacks ${missing.join(', ')}: ${ADAPTER} cannot work with this version`,
    );
  }
}

/**
 * The PDF's bytes, gathered as pdfkit writes them, and its file identifier (trailer /ID): an
 * MD5 digest of every byte written before the cross-reference table (ISO 32000-1 14.4), so
 * equal documents get equal IDs and different ones different IDs (pdfkit's own ID hashes the
 * information dictionary alone). pdfkit pushes every piece through a Node stream after
 * converting strings a character at a time; here pieces go straight into one list, strings
 * converted natively. Resolves when pdfkit finalises the file. Call before drawing.
 */
export function collectOutput(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const d = internals(doc);
  // The header, written by the constructor, waits in the stream's buffer.
  const head = d.read();
  const chunks: Uint8Array[] = head ? [head] : [];
  const md5 = createHash('md5');
  if (head) md5.update(head);
  let hashing = true;
  d._write = (data) => {
    // pdfkit ends every string it writes with a line feed; its strings are Latin-1 bytes.
    const bytes = typeof data === 'string' ? Buffer.from(`${data}\n`, 'latin1') : data;
    if (hashing) md5.update(bytes);
    chunks.push(bytes);
    d._offset += bytes.length;
  };
  const finalize = d._finalize.bind(d);
  return new Promise<Buffer>((resolve, reject) => {
    d._finalize = () => {
      hashing = false;
      d._id = md5.digest();
      try {
        finalize();
        resolve(Buffer.concat(chunks));
      } catch (e) {
        reject(e as Error);
      }
    };
  });
}

/**
 * PDF/A hooks: `xmp(info)` writes the XMP properties of the document information (instead
 * of pdfkit's unescaped ones), and `colour` maps every colour before pdfkit normalises it.
 */
export function replaceMetadataAndColour(
  doc: PDFKit.PDFDocument,
  xmp: (info: Readonly<Record<string, unknown>>) => string,
  colour: (c: unknown) => unknown,
): void {
  const d = internals(doc);
  d._addInfo = function (this: Internals): void {
    this.appendXML(xmp(this.info));
  };
  const normalize = d._normalizeColor.bind(d);
  d._normalizeColor = (c: unknown): unknown => normalize(colour(c));
}

/**
 * Name an ExtGState in the current page's resources, one object per document and name
 * (pdfkit has no blend-mode API). Returns the resource name to select with `gs`.
 */
export function pageGraphicsState(doc: PDFKit.PDFDocument, name: string, state: Record<string, unknown>): string {
  const d = internals(doc);
  let refs = states.get(doc);
  if (!refs) states.set(doc, (refs = new Map()));
  let ref = refs.get(name);
  if (!ref) {
    ref = d.ref(state);
    ref.end();
    refs.set(name, ref);
  }
  d.page.ext_gstates[name] = ref;
  return name;
}
const states = new WeakMap<PDFKit.PDFDocument, Map<string, Reference>>();

/** The current font of a document, as the text writer needs it. */
export interface DrawingFont {
  /** pdfkit's resource name of the font. */
  readonly id: string;
  /** The fontkit face pdfkit draws with (for a registered fontkit font: that very object). */
  readonly face: Font;
  /** The glyphs as 4-digit hex subset ids, each recorded in the subset (width, text). */
  encode(glyphs: readonly Glyph[]): string;
}

const drawing = new WeakMap<EmbeddedFont, DrawingFont>();

/**
 * pdfkit's current font (after doc.font()), named in the current page's resources: what
 * pdfkit's encode() does for a run, without shaping it again. Undefined without a font.
 */
export function pageFont(doc: PDFKit.PDFDocument, hex4: (n: number) => string): DrawingFont | undefined {
  const d = internals(doc);
  const font = d._font;
  if (!font) return undefined;
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  let f = drawing.get(font);
  if (!f) {
    f = {
      id: font.id,
      face: font.font,
      encode(glyphs) {
        let hex = '';
        for (const g of glyphs) {
          const gid = font.subset.includeGlyph(g.id);
          hex += hex4(gid);
          if (font.widths[gid] == null) font.widths[gid] = g.advanceWidth * font.scale;
          if (font.unicode[gid] == null) font.unicode[gid] = g.codePoints;
        }
        return hex;
      },
    };
    drawing.set(font, f);
  }
  return f;
}

/** A stream whose bytes are final: compress `bytes`, then hand the result to `use`. */
export interface FinalStream {
  bytes: Uint8Array;
  use(deflated: Buffer): void;
}

/**
 * The streams of a document whose pages are drawn (bufferPages) that are final already: the
 * page contents, each embedded font's program and its ToUnicode CMap (`cmap(unicode)`: the
 * CMap program pdfkit would write). Once each `use` has been called, pdfkit writes those bytes
 * as they are, flagged FlateDecode where it puts the flag. Not for documents with images: see
 * render/pdf/index.ts.
 */
export function finalStreams(
  doc: PDFKit.PDFDocument,
  cmap: (unicode: ReadonlyArray<readonly number[] | undefined>) => string,
): FinalStream[] {
  const d = internals(doc);
  const out: FinalStream[] = [];
  // Page contents: pdfkit set the filter as they were written; the stream becomes the bytes.
  for (const { content } of d._pageBuffer) {
    if (!content.compress || content.buffer.length === 0) continue;
    out.push({
      bytes: Buffer.concat(content.buffer),
      use: (z) => {
        content.buffer = [z];
        content.compress = false;
      },
    });
  }
  // Font programs: pdfkit makes their streams when the document ends; the ref hook below
  // hands each the bytes compressed here.
  const ready = new WeakMap<Uint8Array, Buffer>();
  for (const font of new Set(Object.values(d._fontFamilies))) {
    const subset = font.subset;
    const program = subset.encode?.();
    if (!program) continue;
    // The subset is final: pdfkit's embed() gets this very program (fontkit's own subsets
    // would encode a new copy, which the hook below would not recognise).
    subset.encode = () => program;
    out.push({ bytes: program, use: (z) => void ready.set(program, z) });
    // Its ToUnicode CMap is final too: pdfkit writes a string with a line end appended.
    if (font.toUnicodeCmap) {
      out.push({
        bytes: Buffer.from(`${cmap(font.unicode)}\n`, 'latin1'),
        use: (z) => {
          font.toUnicodeCmap = () => {
            const r = d.ref();
            r.compress = false;
            r.write(z);
            r.data['Filter'] = 'FlateDecode';
            r.end();
            return r;
          };
        },
      });
    }
  }
  if (out.length === 0) return out;
  const ref = d.ref.bind(d);
  d.ref = (data) => {
    const r = ref(data);
    const end = r.end.bind(r);
    r.end = (chunk) => {
      const z = chunk && ready.get(chunk);
      if (!z || !r.compress) return end(chunk);
      // pdfkit: Length on the first write, then Filter; the stream is z as it is.
      r.compress = false;
      r.write(z);
      r.data['Filter'] = 'FlateDecode';
      r.finalize();
    };
    return r;
  };
  return out;
}

/**
 * Register a parsed fontkit face as font `name`: pdfkit takes any object with a layout()
 * as a parsed font (PDFFontFactory.open), which its typings do not declare.
 */
export function registerFace(doc: PDFKit.PDFDocument, name: string, face: Font): void {
  doc.registerFont(name, face as unknown as PDFKit.Mixins.PDFFontSource);
}
