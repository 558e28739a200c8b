// Constants of the OFD writer (GB/T 33190-2016, and GB/T 42133-2022 for the archival profile).
// Positions come from src/layout; here are only the format's fixed values and how the
// format's colours are written in OFD.

import { RED_CMYK } from './gbt9704.js';

/** Namespace of every OFD element [GB/T 33190 7.1]. */
export const OFD_NAMESPACE = 'http://www.ofdspec.org/2016';
/** Version of the format written in OFD.xml [GB/T 33190 7.4]. */
export const OFD_VERSION = '1.0';
/** DocType of an ordinary document [GB/T 33190 7.4] and of the archival profile [GB/T 42133]. */
export const OFD_DOC_TYPE = 'OFD';
export const OFD_A_DOC_TYPE = 'OFD-A';
/** Bits per colour component of the RGB colour space [GB/T 33190 8.3.1]. */
export const OFD_BITS_PER_COMPONENT = 8;
/** Largest component value at that depth. */
const COMPONENT_MAX = 2 ** OFD_BITS_PER_COMPONENT - 1;

/**
 * An RGB colour for OFD from CMYK percentages (the PDF's ink), by the plain conversion
 * R = 255 (1 − C)(1 − K): OFD readers differ on how they scale CMYK values, RGB they agree on.
 */
export function cmykPercentToRgb(cmyk: readonly [number, number, number, number]): [number, number, number] {
  const [c, m, y, k] = cmyk.map((v) => v / 100) as [number, number, number, number];
  const ch = (v: number): number => Math.round(COMPONENT_MAX * (1 - v) * (1 - k));
  return [ch(c), ch(m), ch(y)];
}

/** Red ink [GB/T 9704 6.2] in the RGB colour space: the PDF's CMYK red, converted. */
export const OFD_RED_RGB = cmykPercentToRgb(RED_CMYK);
export const OFD_BLACK_RGB: readonly [number, number, number] = [0, 0, 0];

/** Decimals kept of a length in mm (a micrometre: far below what a page can show). */
export const OFD_MM_DECIMALS = 3;
