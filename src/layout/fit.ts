// Fitting a header text into a width (the 版心, 156 mm): narrowed by horizontal scaling in whole
// per cent down to a floor, then shrunk in half points — the steps a DOCX can state, and the
// way the issuer mark is fitted [S 7.2.4 «不超过版心», spec §12 报头].

import type { PlanContext } from './context.js';
import { naturalWidth, shapeText, type StyledChar, type TextStyle } from './text.js';
import { WIDTH_EPSILON_PT } from '../spec/layout.js';

export interface Fitted {
  chars: StyledChar[];
  size: number;
  hScale: number;
  width: number;
}

/** `text` in `style`, made no wider than `max` pt (`extra(size, hScale)` is width beyond the glyphs, e.g. letter spacing). */
export function fitText(
  pc: PlanContext,
  text: string,
  style: TextStyle,
  max: number,
  minHScale: number,
  line?: number,
  extra: (size: number, hScale: number) => number = () => 0,
): Fitted {
  let size = style.size;
  let h = style.hScale ?? 1;
  const at = (s: number, hs: number): Fitted => {
    const chars = shapeText(pc.shaper, text, { ...style, size: s, hScale: hs }, line);
    return { chars, size: s, hScale: hs, width: naturalWidth(chars) + extra(s, hs) };
  };
  let f = at(size, h);
  if (f.width <= max + WIDTH_EPSILON_PT) return f;
  h = Math.max(minHScale, Math.floor((h * max * 100) / f.width) / 100);
  f = at(size, h);
  // Rounding to whole per cent may leave it a hair too wide: one step more.
  if (f.width > max + WIDTH_EPSILON_PT && h > minHScale) f = at(size, (h = Math.max(minHScale, h - 0.01)));
  while (f.width > max + WIDTH_EPSILON_PT && size > 1) {
    size = Math.floor(((size * max) / f.width) * 2) / 2;
    if (size === f.size) size -= 0.5;
    f = at(size, h);
  }
  return f;
}
