// Width estimates in 字 (one full-width character), for the few places where the DOCX must
// position something relative to text that Word or LibreOffice will lay out: the seal over
// the date, the unsealed signature block, wrapped 版记 rows, the size of the issuer mark; and the
// widths that must match the PDF layout's (title lines, joint marks).

import type { FontSet } from '../../fonts/types.js';
import { isFullWidth } from '../../layout/index.js';
import { ShapeContext, naturalWidth, shapeText } from '../../layout/text.js';
import type { TextWidth } from './context.js';

/** True for characters set half-width (ASCII and the half-width forms). */
const isHalfWidth = (cp: number): boolean => cp < 0x2000 || (cp >= 0xff61 && cp <= 0xffdc);

/** Width of `text` in 字: full-width characters count 1, Latin letters and digits ½. */
export const widthEm = (text: string): number => {
  let w = 0;
  for (const ch of text) w += isHalfWidth(ch.codePointAt(0) ?? 0) ? 0.5 : 1;
  return w;
};

/**
 * Width in 字 as LibreOffice sets it: it always adds about ¼ em between Chinese and Latin
 * text or digits (autoSpaceDE/DN are ignored there), so mixed lines take more room.
 */
export const renderedWidthEm = (text: string): number => {
  let w = widthEm(text);
  let prevHalf: boolean | undefined;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (/\s/.test(ch)) continue;
    const half = isHalfWidth(cp);
    if (prevHalf !== undefined && half !== prevHalf) w += 0.25;
    prevHalf = half;
  }
  return w;
};

/** Advance of a half-width character (Latin, digits) when no font is at hand, em. */
export const HALF_WIDTH_ESTIMATE_EM = 0.55;

/** Text width without fonts: full-width characters 1 em, others HALF_WIDTH_ESTIMATE_EM. */
export const estimatedWidth: TextWidth = (text, _role, size) => {
  let w = 0;
  for (const ch of text) w += isFullWidth(ch.codePointAt(0) ?? 0) ? 1 : HALF_WIDTH_ESTIMATE_EM;
  return w * size;
};

/**
 * Text width measured as the PDF layout measures it: full-width characters take their
 * cell, others the advance of the face that serves the role. Used where the DOCX must make
 * the same decision as the PDF (title lines, the joint issuer mark).
 */
export const fontWidth = (fonts: FontSet, file = ''): TextWidth => {
  const ctx = new ShapeContext(fonts, file);
  return (text, role, size) => naturalWidth(shapeText(ctx, text, { role, size }));
};
