// A document's streams compressed off the main thread. pdfkit deflates every stream on the
// main thread as it writes it. Once the pages are drawn, the page contents, the font subsets
// (CJK outlines, some 100 KB a document) and their ToUnicode CMaps are final: they go to the
// compression thread together (deflatethread.ts), and pdfkit then writes the ready bytes,
// while the main thread composes and lays out the next documents. Not for documents with
// images: see writePdf. Pages must be buffered (pdfkit's bufferPages) so that none is written
// before.

import { deflateAll } from './deflatethread.js';
import { toUnicodeCmap } from './tounicode.js';

interface EmbeddedFont {
  subset?: { encode?(): Uint8Array };
  /** Code points of each glyph of the subset (pdfkit's EmbeddedFont). */
  unicode?: Array<number[] | undefined>;
  toUnicodeCmap?(): PdfReference;
}
interface PdfReference {
  data: Record<string, unknown>;
  compress: boolean;
  buffer: Uint8Array[];
  write(chunk: Uint8Array): void;
  finalize(): void;
  end(chunk?: Uint8Array): void;
}
interface PdfkitInternals {
  _fontFamilies: Record<string, EmbeddedFont>;
  _pageBuffer: Array<{ content: PdfReference }>;
  ref(data?: Record<string, unknown>): PdfReference;
}

/**
 * Deflate the page contents and font programs of `doc` off the main thread; resolves when the
 * document may be ended. Streams deflated here are written as they are, flagged FlateDecode
 * where pdfkit puts the flag.
 */
export async function deflateOffThread(doc: PDFKit.PDFDocument): Promise<void> {
  const d = doc as unknown as PdfkitInternals;
  const streams: Uint8Array[] = [];
  /** What to do with each stream's deflated bytes, in the order of `streams`. */
  const uses: Array<(z: Buffer) => void> = [];
  const add = (bytes: Uint8Array, use: (z: Buffer) => void): void => {
    streams.push(bytes);
    uses.push(use);
  };
  // Page contents: pdfkit set the filter as they were written; the stream becomes the bytes.
  for (const { content } of d._pageBuffer) {
    if (!content.compress || content.buffer.length === 0) continue;
    add(Buffer.concat(content.buffer), (z) => {
      content.buffer = [z];
      content.compress = false;
    });
  }
  // Font programs: pdfkit makes their streams when the document ends; the ref hook below
  // hands each the bytes deflated here.
  const ready = new WeakMap<Uint8Array, Buffer>();
  for (const font of new Set(Object.values(d._fontFamilies))) {
    const subset = font.subset;
    const program = subset?.encode?.();
    if (!subset || !program) continue;
    // The subset is final: pdfkit's embed() gets this very program (fontkit's own subsets
    // would encode a new copy, which the hook below would not recognise).
    subset.encode = () => program;
    add(program, (z) => void ready.set(program, z));
    // Its ToUnicode CMap is final too: pdfkit writes a string with a line end appended.
    if (font.unicode && font.toUnicodeCmap) {
      add(Buffer.from(`${toUnicodeCmap(font.unicode)}\n`, 'latin1'), (z) => {
        font.toUnicodeCmap = () => {
          const r = d.ref();
          r.compress = false;
          r.write(z);
          r.data['Filter'] = 'FlateDecode';
          r.end();
          return r;
        };
      });
    }
  }
  if (streams.length === 0) return;
  const deflated = await deflateAll(streams);
  deflated.forEach((z, i) => uses[i]!(Buffer.from(z.buffer, z.byteOffset, z.byteLength)));
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
}
