// PDF writer: draws a laid-out document with pdfkit. It makes no layout decision: every
// glyph run, rule and image is placed where src/layout put it. Fonts are embedded as
// subsets; bytes are deterministic (dates from the document, ID from the content).

import PDFDocument from 'pdfkit';
import type { FontSet, LoadedFont } from '../../fonts/types.js';
import type { GlyphRun, LaidOutDocument, PlacedImage, Rule } from '../../layout/types.js';
import { PAGE_H_PT, PAGE_W_PT, RED_CMYK } from '../../spec/gbt9704.js';
import { BOLD_STROKE_EM, PDF_FEATURES, PDF_VERSION, PDFA_SUBSET } from './constants.js';
import { preparePdfa } from './pdfa.js';
import { pdfkitFace } from '../../fonts/pdfface.js';
import { buildDate } from '../build-date.js';
import { PageText, type TextStyle } from './textobject.js';
import { deflateOffThread } from './deflate.js';
import { poolCompressor, type Compressor } from './deflatethread.js';
import { checkDocument, collectOutput, pageGraphicsState, registerFace } from '../../adapters/pdfkit.js';

export interface PdfOptions {
  /** Produce PDF/A-2b (archive). The hook sets pdfkit's conformance subset; see pdfaOptions. */
  pdfa?: boolean;
  /** Compresses the streams once the pages are drawn (default: libuv's thread pool). */
  compressor?: Compressor;
}

/** pdfkit constructor options for PDF/A-2b: conformance subset, version and tagging. */
export function pdfaOptions(): Record<string, unknown> {
  return { subset: PDFA_SUBSET, pdfVersion: PDF_VERSION, tagged: true };
}

/** Every face the document draws with, keyed by LoadedFont.id. */
function facesById(fonts: FontSet): Map<string, LoadedFont> {
  const m = new Map<string, LoadedFont>();
  for (const r of Object.values(fonts.roles)) m.set(r.font.id, r.font);
  for (const f of fonts.fallbacks) m.set(f.id, f);
  return m;
}

export { PDF_FEATURES };

/** Write the PDF; resolves to its bytes. */
export async function writePdf(laid: LaidOutDocument, fonts: FontSet, opts: PdfOptions = {}): Promise<Buffer> {
  const date = buildDate(laid.info.isoDate);
  const doc = new PDFDocument({
    size: [PAGE_W_PT, PAGE_H_PT],
    margin: 0,
    autoFirstPage: false,
    // No default Helvetica: every run names its face, and loading its metrics costs time.
    font: '',
    compress: true,
    // Pages stay in memory until the end, so that their contents can be deflated off the main thread.
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: laid.info.title,
      Author: laid.info.author,
      Subject: laid.info.subject,
      ...(laid.info.keywords?.length ? { Keywords: laid.info.keywords.join(', ') } : {}),
      Creator: 'gongwen',
      Producer: 'gongwen (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
    ...(opts.pdfa ? pdfaOptions() : {}),
  } as PDFKit.PDFDocumentOptions);
  checkDocument(doc);
  if (opts.pdfa) preparePdfa(doc);
  const done = collectOutput(doc);

  const faces = facesById(fonts);
  const registered = new Set<string>();
  let current: string | undefined;
  const useFont = (id: string): void => {
    if (id === current) return;
    if (!registered.has(id)) {
      const f = faces.get(id);
      if (!f) throw new Error(`font ${id} is not in the font set`);
      // The parsed face (pdfkit accepts a fontkit font): no re-parse per document.
      if (f.face) registerFace(doc, id, pdfkitFace(f.face));
      else if (f.collectionFace) doc.registerFont(id, f.bytes, f.collectionFace);
      else doc.registerFont(id, f.bytes);
      registered.add(id);
    }
    doc.font(id);
    current = id;
  };

  for (const page of laid.pages) {
    doc.addPage({ size: [PAGE_W_PT, PAGE_H_PT], margin: 0 });
    const text = new PageText(doc);
    for (const item of page.items) {
      if (item.kind === 'text') {
        drawText(doc, item, useFont, text);
        continue;
      }
      text.close();
      if (item.kind === 'rule') drawRule(doc, item);
      else drawImage(doc, item);
    }
    text.close();
  }
  // pdfkit decodes a PNG with alpha (the seal) asynchronously and writes its objects when the
  // decoding ends; waiting for the compression here would let that moment fall before or after
  // the fonts and change the object order. Documents with images end at once, as pdfkit expects.
  if (!laid.pages.some((p) => p.items.some((i) => i.kind === 'image'))) await deflateOffThread(doc, opts.compressor ?? poolCompressor);
  doc.end();
  return done;
}

const colour = (c: 'black' | 'red'): PDFKit.Mixins.ColorValue =>
  c === 'red' ? ([...RED_CMYK] as [number, number, number, number]) : 'black';

function drawText(doc: PDFKit.PDFDocument, r: GlyphRun, useFont: (id: string) => void, text: PageText): void {
  useFont(r.fontId);
  const hScale = r.hScale !== 1 ? r.hScale * 100 : 100;
  const style: TextStyle = {
    size: r.size,
    characterSpacing: r.charSpacing,
    horizontalScaling: hScale,
    mode: r.bold ? 2 : 0,
    colour: colour(r.color),
    colourKey: r.color,
    // CJK faces have no bold: emphasis is the glyph filled and outlined (render mode 2).
    outline: r.size * BOLD_STROKE_EM,
    features: PDF_FEATURES,
  };
  if (text.show(r.text, r.x, r.baseline, style)) return;
  // A run that needs shaping: pdfkit's own text(), in its own q … Q.
  text.close();
  doc.fontSize(r.size).fillColor(style.colour);
  if (r.bold) {
    doc.save();
    doc.lineWidth(style.outline).strokeColor(style.colour);
  }
  // pdfkit hands `features` to fontkit, which takes a feature object as well as a list (the
  // typings know only the list).
  const options: Record<string, unknown> = {
    lineBreak: false,
    baseline: 'alphabetic',
    characterSpacing: r.charSpacing,
    // A copy: fontkit writes its plan's features into the object it is given (a face pdfkit
    // parsed itself is not wrapped by pdfkitFace, which copies them too).
    features: { ...PDF_FEATURES },
    ...(hScale !== 100 ? { horizontalScaling: hScale } : {}),
    ...(r.bold ? { fill: true, stroke: true } : {}),
  };
  doc.text(r.text, r.x, r.baseline, options as PDFKit.Mixins.TextOptions);
  if (r.bold) doc.restore();
}

function drawRule(doc: PDFKit.PDFDocument, r: Rule): void {
  doc.save();
  doc.moveTo(r.x1, r.y1).lineTo(r.x2, r.y2).lineWidth(r.thickness).lineCap('butt').strokeColor(colour(r.color)).stroke();
  doc.restore();
}

function drawImage(doc: PDFKit.PDFDocument, im: PlacedImage): void {
  if (im.blend !== 'multiply') {
    doc.image(Buffer.from(im.image.bytes), im.x, im.y, { width: im.width, height: im.height });
    return;
  }
  // pdfkit has no blend-mode API: an ExtGState with /BM /Multiply, shared by the document, named
  // in the page's resources. Blend modes are allowed in PDF/A-2 (ISO 19005-2 6.4).
  const gs = pageGraphicsState(doc, MULTIPLY_GS, { Type: 'ExtGState', BM: 'Multiply' });
  doc.save();
  doc.addContent(`/${gs} gs`);
  doc.image(Buffer.from(im.image.bytes), im.x, im.y, { width: im.width, height: im.height });
  doc.restore();
}

/** Resource name of the Multiply graphics state (pdfkit names its own Gs1, Gs2, …). */
const MULTIPLY_GS = 'GsMultiply';
