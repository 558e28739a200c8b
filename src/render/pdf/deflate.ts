// Streams compressed on the libuv thread pool. pdfkit deflates every stream on the main thread
// as it writes it. Once the pages are drawn, the page contents and the font subsets (CJK
// outlines, some 100 KB a document, and their ToUnicode CMaps) are final: they are deflated in
// the background, and pdfkit then writes the ready bytes (the same deflate, with a window sized
// to the stream), while the main thread composes and lays out the next document. Not for
// documents with images: see writePdf. Pages must be buffered (pdfkit's bufferPages) so that
// none is written before.

import { promisify } from 'node:util';
import { deflate, type ZlibOptions } from 'node:zlib';
import { toUnicodeCmap } from './tounicode.js';

const deflateAsync = promisify(deflate);

/** zlib's largest window (32 KiB) and its hash and buffer sizes (memLevel) by default. */
const MAX_WINDOW_BITS = 15;
const MIN_WINDOW_BITS = 9;
const DEFAULT_MEM_LEVEL = 8;
/** Bytes zlib looks ahead of the window (MIN_LOOKAHEAD: longest match + shortest + 1). */
const LOOKAHEAD_BYTES = 262;

/**
 * zlib sizes for `n` bytes of input: a window no larger than the input needs and hash tables
 * to match. With the defaults every stream allocates some 256 KiB (window, chains, hash
 * heads, pending output), while a page's content is 2–6 KB: here about 32 KiB, which the
 * allocator hands back and forth instead of mapping fresh memory per stream (a 200-document
 * batch deflates some 1,700 streams). Matches are the same up to hash collisions: the output
 * grows by about 0.1 %.
 */
export function zlibOptionsFor(n: number): ZlibOptions {
  let windowBits = MIN_WINDOW_BITS;
  while (windowBits < MAX_WINDOW_BITS && 1 << windowBits < n + LOOKAHEAD_BYTES) windowBits++;
  return { windowBits, memLevel: Math.min(DEFAULT_MEM_LEVEL, windowBits - (MAX_WINDOW_BITS - DEFAULT_MEM_LEVEL)) };
}

const deflateSized = (bytes: Uint8Array): Promise<Buffer> => deflateAsync(bytes, zlibOptionsFor(bytes.length));

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
  const jobs: Promise<void>[] = [];
  // Page contents: pdfkit set the filter as they were written; the stream becomes the bytes.
  for (const { content } of d._pageBuffer) {
    if (!content.compress || content.buffer.length === 0) continue;
    jobs.push(
      deflateSized(Buffer.concat(content.buffer)).then((z) => {
        content.buffer = [z];
        content.compress = false;
      }),
    );
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
    jobs.push(deflateSized(program).then((z) => void ready.set(program, z)));
    // Its ToUnicode CMap is final too: pdfkit writes a string with a line end appended.
    if (font.unicode && font.toUnicodeCmap) {
      const cmap = Buffer.from(`${toUnicodeCmap(font.unicode)}\n`, 'latin1');
      jobs.push(
        deflateSized(cmap).then((z) => {
          font.toUnicodeCmap = () => {
            const r = d.ref();
            r.compress = false;
            r.write(z);
            r.data['Filter'] = 'FlateDecode';
            r.end();
            return r;
          };
        }),
      );
    }
  }
  if (jobs.length === 0) return;
  await Promise.all(jobs);
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
