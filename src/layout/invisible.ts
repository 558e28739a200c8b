// Invisible format characters: joiners (ZWJ, ZWNJ), bidi controls, the byte-order mark, soft
// hyphens, variation selectors. They steer shaping in other writing systems and print nothing
// here, so they take no width, draw no glyph (never a missing-glyph box) and raise no warning.

import { getCategory } from 'unicode-properties';

/** Format characters (category Cf) that print a visible sign: Arabic and Syriac number marks, Kaithi. */
const VISIBLE_FORMAT = new Set([0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06dd, 0x070f, 0x0890, 0x0891, 0x08e2, 0x110bd, 0x110cd]);

/** Whether a code point is an invisible format character or a variation selector. */
export function isInvisible(cp: number): boolean {
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || (cp >= 0x180b && cp <= 0x180f)) return true;
  // Every Cf character lies above U+00AC: plain text skips the table look-up.
  return cp >= 0xad && !VISIBLE_FORMAT.has(cp) && getCategory(cp) === 'Cf';
}
