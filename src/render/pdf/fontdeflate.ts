// Font programs compressed on the libuv thread pool. pdfkit deflates every stream on the
// main thread as it writes it; the font subsets are most of those bytes (CJK outlines, some
// 100 KB a document). Once the pages are drawn the subsets are final, so they are encoded and
// deflated in the background, and the stream pdfkit then writes for each takes the ready
// bytes: the same deflate with the same settings, so the same bytes as pdfkit's own. Meanwhile
// the main thread can compose and lay out the next document. Not for documents with images:
// see writePdf.

import { promisify } from 'node:util';
import { deflate } from 'node:zlib';

const deflateAsync = promisify(deflate);

interface EmbeddedFont {
  subset?: { encode?(): Uint8Array };
}
interface PdfReference {
  data: Record<string, unknown>;
  compress: boolean;
  write(chunk: Uint8Array): void;
  finalize(): void;
  end(chunk?: Uint8Array): void;
}
interface PdfkitInternals {
  _fontFamilies: Record<string, EmbeddedFont>;
  ref(data?: Record<string, unknown>): PdfReference;
}

/**
 * Deflate the font programs of `doc` off the main thread; resolves when the document may be
 * ended. Streams whose bytes were deflated here are written as they are, flagged FlateDecode
 * in the same place pdfkit puts the flag.
 */
export async function deflateFontPrograms(doc: PDFKit.PDFDocument): Promise<void> {
  const d = doc as unknown as PdfkitInternals;
  const ready = new WeakMap<Uint8Array, Buffer>();
  const jobs: Promise<void>[] = [];
  for (const font of new Set(Object.values(d._fontFamilies))) {
    const program = font.subset?.encode?.();
    if (program) jobs.push(deflateAsync(program).then((z) => void ready.set(program, z)));
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
