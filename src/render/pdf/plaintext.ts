// Text operators for a run whose glyphs shaping leaves as they are (plainshaping.ts): the
// exact operators pdfkit's text() writes for such a run (q, flip, BT, Tm, Tf, Tr, Tc, Tz, one
// TJ, ET, Q) and the same bookkeeping of the font subset, without pdfkit's option handling,
// measuring and per-glyph position objects. Any other run goes through pdfkit.

import type { Font, Glyph } from 'fontkit';
import { plainRun } from '../../fonts/pdfface.js';

/** pdfkit's EmbeddedFont: what its encode() updates for every glyph drawn. */
interface EmbeddedFont {
  id: string;
  font: Font;
  /** 1000 / unitsPerEm. */
  scale: number;
  subset: { includeGlyph(gid: number): number };
  widths: Array<number | undefined>;
  unicode: Array<number[] | undefined>;
  ref(): unknown;
}
interface PdfkitInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  x: number;
  y: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(s: string): void;
  save(): void;
  restore(): void;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void;
}

export interface PlainTextOptions {
  /** Text render mode: 0 fill, 2 fill and stroke (the outline of emphasised text). */
  mode: 0 | 2;
  characterSpacing: number;
  /** Horizontal scaling, % (pdfkit's option, written as given). */
  horizontalScaling: number;
  features: Record<string, boolean>;
}

/** PDF number as pdfkit writes it (six decimals at most). */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * Draw `text` in the current font and size with its alphabetic baseline at (x, y), top-down
 * page coordinates. Returns false, drawing nothing, when the run needs pdfkit's shaping.
 */
export function drawPlainText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, o: PlainTextOptions): boolean {
  const d = doc as unknown as PdfkitInternals;
  const font = d._font;
  const run = text.length > 0 && !text.includes('\n') ? plainRun(font.font, text, o.features) : undefined;
  if (!run) return false;
  d.x = x;
  d.y = y;
  d.save();
  d.transform(1, 0, 0, -1, 0, d.page.height);
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  d.addContent('BT');
  d.addContent(`1 0 0 1 ${num(x)} ${num(d.page.height - y)} Tm`);
  d.addContent(`/${font.id} ${num(d._fontSize)} Tf`);
  if (o.mode) d.addContent(`${o.mode} Tr`);
  if (o.characterSpacing) d.addContent(`${num(o.characterSpacing)} Tc`);
  if (o.horizontalScaling !== 100) d.addContent(`${o.horizontalScaling} Tz`);
  // Every advance is the glyph's own: one string, no adjustments (pdfkit writes a 0 after it).
  d.addContent(`[<${hexGlyphs(font, run.glyphs)}> 0] TJ`);
  d.addContent('ET');
  d.restore();
  return true;
}

function hexGlyphs(font: EmbeddedFont, glyphs: readonly Glyph[]): string {
  let hex = '';
  for (const g of glyphs) {
    const gid = font.subset.includeGlyph(g.id);
    hex += gid.toString(16).padStart(4, '0');
    if (font.widths[gid] == null) font.widths[gid] = g.advanceWidth * font.scale;
    if (font.unicode[gid] == null) font.unicode[gid] = g.codePoints;
  }
  return hex;
}
