// Width estimates in 字 (one full-width character), for the few places where the DOCX must
// position something relative to text that Word or LibreOffice will lay out: the seal over
// the date, the unsealed signature block, wrapped 版记 rows, the size of the issuer mark.

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
