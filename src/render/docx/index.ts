// DOCX writer: the document model → a .docx that Word, WPS and LibreOffice lay out at
// GB/T 9704 precision. The docx library writes the package, the section (paper, margins,
// grid, odd/even footers with PAGE fields) and the metadata; our modules write the styles,
// the body (with DrawingML the library lacks) and the font table, and package.ts makes
// the bytes deterministic.

import { Document, DocumentGridType, Packer, Paragraph } from 'docx';
import type { FontRole, GongwenDocument } from '../../model/types.js';
import {
  MARGIN_BOTTOM_TWIP,
  MARGIN_LEFT_TWIP,
  MARGIN_RIGHT_TWIP,
  MARGIN_TOP_TWIP,
  PAGE_H_TWIP,
  PAGE_W_TWIP,
} from '../../spec/index.js';
import {
  DOCX_FOOTER_DISTANCE_TWIP,
  DOCX_HEADER_DISTANCE_TWIP,
  DOCX_LINE_PITCH_FIXED28_TWIP,
  DOCX_LINE_PITCH_TWIP,
} from '../../spec/docx.js';
import type { FontSet } from '../../fonts/types.js';
import { body, bodyXml } from './body.js';
import { newCtx } from './context.js';
import { fontTableXml, resolveFontNames } from './fonts.js';
import { pageNumberFooters } from './footer.js';
import { estimatedWidth, fontWidth } from './measure.js';
import { finishPackage } from './package.js';
import { stylesXml } from './styles.js';

export interface DocxOptions {
  /** Family names written for each font role (default: the official names, e.g. 仿宋_GB2312). */
  fontNames?: Partial<Record<FontRole, string>>;
  /**
   * The fonts the PDF is laid out with. Given, the DOCX measures Latin letters and digits
   * by their metrics, so titles break into the same lines as in the PDF; without them a
   * half-width character counts 0.55 em.
   */
  fonts?: FontSet;
}

export { DEFAULT_DOCX_FONT_NAMES } from './fonts.js';
export { S as DOCX_STYLE_IDS } from './styles.js';

const validIsoDate = (s: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? s : '1980-01-01');

/** Writes `doc` as a DOCX file; the same model and options always give the same bytes. */
export async function writeDocx(doc: GongwenDocument, opts: DocxOptions = {}): Promise<Buffer> {
  const fonts = resolveFontNames(opts.fontNames);
  const pitch = doc.options.lineMode === 'fixed28' ? DOCX_LINE_PITCH_FIXED28_TWIP : DOCX_LINE_PITCH_TWIP;
  const width = opts.fonts ? fontWidth(opts.fonts, doc.file) : estimatedWidth;
  const ctx = newCtx(fonts, doc.options, pitch, width);
  const parts = body(ctx, doc);

  const document = new Document({
    title: doc.info.title,
    creator: doc.info.author,
    lastModifiedBy: doc.info.author,
    subject: doc.info.subject,
    keywords: doc.info.keywords?.join(', '),
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_W_TWIP, height: PAGE_H_TWIP },
            margin: {
              top: MARGIN_TOP_TWIP,
              right: MARGIN_RIGHT_TWIP,
              bottom: MARGIN_BOTTOM_TWIP,
              left: MARGIN_LEFT_TWIP,
              header: DOCX_HEADER_DISTANCE_TWIP,
              footer: DOCX_FOOTER_DISTANCE_TWIP,
              gutter: 0,
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: pitch },
        },
        footers: pageNumberFooters(),
        // Placeholder: package.ts puts the real body in its place.
        children: [new Paragraph('')],
      },
    ],
  });
  const packed = await Packer.toBuffer(document);
  return finishPackage(packed, {
    bodyXml: bodyXml(parts),
    stylesXml: stylesXml(fonts, pitch),
    fontTableXml: fontTableXml(fonts),
    media: ctx.media.parts,
    isoDate: validIsoDate(doc.info.isoDate),
    author: doc.info.author,
  });
}
