// A document's streams compressed off the main thread. pdfkit deflates every stream on the
// main thread as it writes it. Once the pages are drawn, the page contents, the font subsets
// (CJK outlines, some 100 KB a document) and their ToUnicode CMaps are final: they go to the
// compressor together (deflatethread.ts), and pdfkit then writes the ready bytes, while the
// main thread composes and lays out the next documents. Not for documents with images: see
// writePdf. Pages must be buffered (pdfkit's bufferPages) so that none is written before.

import { finalStreams } from '../../adapters/pdfkit.js';
import type { Compressor } from './deflatethread.js';
import { toUnicodeCmap } from './tounicode.js';

/**
 * Deflate the page contents and font programs of `doc` with `compressor`; resolves when the
 * document may be ended.
 */
export async function deflateOffThread(doc: PDFKit.PDFDocument, compressor: Compressor): Promise<void> {
  const streams = finalStreams(doc, toUnicodeCmap);
  if (streams.length === 0) return;
  const deflated = await compressor.deflateAll(streams.map((s) => s.bytes));
  deflated.forEach((z, i) => streams[i]!.use(Buffer.from(z.buffer, z.byteOffset, z.byteLength)));
}
