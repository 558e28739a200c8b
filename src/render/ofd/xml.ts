// The XML of OFD parts: elements in the ofd: namespace, numbers in mm with a fixed number of
// decimals, and points converted to mm (OFD's unit of length [GB/T 33190 7.2]).

import { el, esc } from '../docx/xml.js';
import { ptToMm } from '../../spec/units.js';
import { OFD_MM_DECIMALS, OFD_NAMESPACE } from '../../spec/ofd.js';

export { esc };

const SCALE = 10 ** OFD_MM_DECIMALS;

/** A number as written: at most OFD_MM_DECIMALS decimals, no trailing zeros, no `-0`. */
export function num(n: number): string {
  const r = Math.round(n * SCALE) / SCALE;
  return String(r === 0 ? 0 : r);
}

/** A length in pt, written in mm. */
export const mm = (pt: number): string => num(ptToMm(pt));

/** `<ofd:name …>inner</ofd:name>`; attributes with undefined values are left out. */
export const o = (name: string, attrs: Record<string, string | number | undefined> = {}, inner?: string): string =>
  el(`ofd:${name}`, attrs, inner);

/** A whole part: the XML declaration and the root element, which declares the namespace. */
export const part = (root: string, attrs: Record<string, string | number | undefined>, inner: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${o(root, { 'xmlns:ofd': OFD_NAMESPACE, ...attrs }, inner)}`;

/** A box `x y w h` in mm from pt (ST_Box). */
export const box = (x: number, y: number, w: number, h: number): string => [x, y, w, h].map(mm).join(' ');
