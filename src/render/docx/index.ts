// DOCX writer: the document model and its plan → a .docx that Word, WPS and LibreOffice lay out at
// GB/T 9704 precision. The docx library writes the package, the section (paper, margins,
// grid, odd/even footers with PAGE fields) and the metadata; our modules write the styles,
// the body (with DrawingML the library lacks) and the font table, and package.ts makes
// the bytes deterministic.

import { Document, DocumentGridType, Footer, Paragraph, SectionType, type ISectionOptions } from 'docx';
import type { DocumentPlan } from '../../layout/plan.js';
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
import { SECTION_BREAK_PLACEHOLDER, body, bodyXml, colophonSection } from './body.js';
import { newCtx } from './context.js';
import { fontTableXml, resolveFontNames } from './fonts.js';
import { pageNumberFooters } from './footer.js';
import { finishPackage, packageFiles } from './package.js';
import { stylesXml } from './styles.js';

export interface DocxOptions {
  /** Family names written for each font role (default: the official names, e.g. 仿宋_GB2312). */
  fontNames?: Partial<Record<FontRole, string>>;
}

export { DEFAULT_DOCX_FONT_NAMES } from './fonts.js';
export { S as DOCX_STYLE_IDS } from './styles.js';

const validIsoDate = (s: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) ? s : '1980-01-01');

/**
 * Writes `doc` as a DOCX file with the layout decisions of `plan` (planDocument of the same
 * document); the same model, plan and options always give the same bytes.
 */
export async function writeDocx(doc: GongwenDocument, plan: DocumentPlan, opts: DocxOptions = {}): Promise<Buffer> {
  const fonts = resolveFontNames(opts.fontNames);
  const pitch = doc.options.lineMode === 'fixed28' ? DOCX_LINE_PITCH_FIXED28_TWIP : DOCX_LINE_PITCH_TWIP;
  const ctx = newCtx(fonts, doc.options, pitch);
  const parts = body(ctx, doc.blocks, plan);
  const ownSection = colophonSection(plan);

  const sectionProperties: ISectionOptions['properties'] = {
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
  };
  // The plan leaves page 1 unnumbered in 信函格式 [S 10.1]: a title page with an empty footer.
  const blankFirst = plan.pages[0]?.numbered === false && plan.pages[0]?.number === null;
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
        properties: blankFirst ? { ...sectionProperties, titlePage: true } : sectionProperties,
        footers: pageNumberFooters(blankFirst),
        // Placeholder: package.ts puts the real body in its place.
        children: [new Paragraph('')],
      },
      ...(ownSection
        ? [
            {
              // The 版记 section: no page numbers on its pages [S 7.5].
              properties: {
                ...sectionProperties,
                type: SectionType.NEXT_PAGE,
              },
              footers: emptyFooters(),
              children: [new Paragraph('')],
            },
          ]
        : []),
    ],
  });
  return finishPackage(await packageFiles(document), {
    bodyXml: bodyXml(parts),
    stylesXml: stylesXml(fonts, pitch),
    fontTableXml: fontTableXml(fonts),
    media: ctx.media.parts,
    isoDate: validIsoDate(doc.info.isoDate),
    author: doc.info.author,
    sectionBreak: ownSection ? SECTION_BREAK_PLACEHOLDER : undefined,
  });
}

/** Footers with an empty paragraph: odd and even pages of the 版记 section carry no number. */
const emptyFooters = (): { default: Footer; even: Footer } => ({
  default: new Footer({ children: [new Paragraph({ style: 'GwPageNumber' })] }),
  even: new Footer({ children: [new Paragraph({ style: 'GwPageNumber' })] }),
});
