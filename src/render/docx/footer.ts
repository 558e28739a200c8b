// Page numbers [GB/T 9704 7.5]: `— N —` in 4号宋体 with a PAGE field, right on odd pages and
// left on even pages (evenAndOddHeaders), inset one 4号 character from the 版心 edge. The
// footer paragraph is off the grid at an exact line height, so its place does not depend
// on the font; the footer distance in src/spec/docx.ts puts the dash line 7 mm below the 版心.

import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { formatPageNumber } from '../../spec/index.js';
import { DOCX_PAGE_NO_INSET_TWIP } from '../../spec/docx.js';
import { S } from './styles.js';

/** Text before and after the number, from the one format of the spec (`— N —`). */
const [PRE, POST] = formatPageNumber(1).split('1') as [string, string];

const pageNumberFooter = (side: 'odd' | 'even'): Footer =>
  new Footer({
    children: [
      new Paragraph({
        style: S.pageNumber,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: DOCX_PAGE_NO_INSET_TWIP } : { left: DOCX_PAGE_NO_INSET_TWIP },
        children: [new TextRun({ children: [PRE, PageNumber.CURRENT, POST] })],
      }),
    ],
  });

/**
 * Footers of the section: `default` serves odd pages once evenAndOddHeaders is on; with
 * `blankFirst` (信函格式, no number on page 1 [S 10.1]) an empty footer for the title page.
 */
export const pageNumberFooters = (blankFirst = false): { default: Footer; even: Footer; first?: Footer } => ({
  default: pageNumberFooter('odd'),
  even: pageNumberFooter('even'),
  ...(blankFirst ? { first: new Footer({ children: [new Paragraph({ style: S.pageNumber })] }) } : {}),
});
