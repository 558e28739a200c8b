// The ToUnicode CMap the writer makes ahead of pdfkit is the text pdfkit's own method writes.

import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import { toUnicodeCmap } from '../../src/render/pdf/tounicode.js';

const root = join(import.meta.dirname, '..', '..');
const fonts = loadFontSet({ system: false }, { cwd: root });

/** pdfkit's EmbeddedFont.toUnicodeCmap, run on `unicode`: the string it ends its stream with. */
function pdfkitCmap(unicode: number[][]): string {
  const doc = new PDFDocument({ autoFirstPage: false });
  const f = fonts.roles.fangsong.font;
  doc.registerFont('f', Buffer.from(f.bytes));
  doc.font('f');
  const proto = Object.getPrototypeOf((doc as unknown as { _font: object })._font) as { toUnicodeCmap(this: unknown): unknown };
  let written = '';
  proto.toUnicodeCmap.call({ unicode, document: { ref: () => ({ end: (s: string) => void (written = s) }) } });
  return written;
}

describe('ToUnicode CMap', () => {
  it('is pdfkit’s text: ranges of 256 glyphs, UTF-16 with surrogate pairs, several code points per glyph', () => {
    const unicode: number[][] = [[0]];
    for (let gid = 1; gid < 600; gid++) unicode.push([0x4e00 + gid]);
    unicode[7] = [0x20000]; // 𠀀: a surrogate pair
    unicode[8] = [0x66, 0x69]; // one glyph for "fi"
    unicode[300] = [0x1f600, 0x41];
    expect(toUnicodeCmap(unicode)).toBe(pdfkitCmap(unicode));
    expect(toUnicodeCmap(unicode)).toContain('3 beginbfrange');
    expect(toUnicodeCmap(unicode)).toContain('<d840 dc00>');
  });

  it('maps a glyph without text (a composite glyph’s component) to an empty string', () => {
    const cmap = toUnicodeCmap([[0], [0x4e00], undefined, [0x4e01]]);
    expect(cmap).toContain('<0000> <0003> [<0000> <4e00> <> <4e01>]');
  });
});
