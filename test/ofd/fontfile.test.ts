// The OFD's embedded font files are complete OpenType files: read back by fontkit, the cmap
// (format 4, and format 12 for a character beyond the BMP) leads each character drawn to its
// glyph, whose outline is the face's; the directory's checksums hold.

import { describe, expect, it } from 'vitest';
import { create, type Font } from 'fontkit';
import { loadFontSet } from '../../src/fonts/index.js';
import { DocumentFonts } from '../../src/render/ofd/fonts.js';
import { REPO } from '../cli/helpers.js';

/** 𠂇 (U+20087, CJK Extension B) lies beyond the BMP. */
const TEXT = '公文𠂇办理';

const outline = (g: object): string => (g as { path: { toSVG(): string } }).path.toSVG();

const wordSum = (b: Buffer, from: number, to: number): number => {
  let s = 0;
  for (let i = from; i < to; i += 4) s = (s + (i + 4 <= b.length ? b.readUInt32BE(i) : Buffer.concat([b.subarray(i, to), Buffer.alloc(4)]).readUInt32BE(0))) >>> 0;
  return s;
};

describe('embedded font files', () => {
  const set = loadFontSet({}, { cwd: REPO });
  const face = [...Object.values(set.roles).map((r) => r.font), ...set.fallbacks].find((f) => f.postscriptName === 'NotoSerifSC-Regular')!;
  const fonts = new DocumentFonts(new Map([[face.id, face]]));
  const { glyphs } = fonts.glyphs(face.id, TEXT);
  const bytes = Buffer.from(fonts.files()[0]!.bytes);
  const file = create(bytes) as Font;

  it('map every character drawn to its glyph, beyond the BMP too', () => {
    [...TEXT].forEach((ch, i) => {
      const g = file.glyphForCodePoint(ch.codePointAt(0)!);
      expect(g.id, ch).toBe(glyphs[i]);
      expect(outline(g), ch).toBe(outline(face.face!.glyphForCodePoint(ch.codePointAt(0)!)));
    });
    expect(file.familyName).toBe(face.familyName);
  });

  it('carry checksums: each table its own, the whole file 0xB1B0AFBA', () => {
    const n = bytes.readUInt16BE(4);
    for (let i = 0; i < n; i++) {
      const rec = 12 + 16 * i;
      const tag = bytes.toString('latin1', rec, rec + 4);
      const off = bytes.readUInt32BE(rec + 8);
      const len = bytes.readUInt32BE(rec + 12);
      // head's checksum is taken with checkSumAdjustment as 0.
      const sum = tag === 'head' ? (wordSum(bytes, off, off + len) - bytes.readUInt32BE(off + 8)) >>> 0 : wordSum(bytes, off, off + len);
      expect(bytes.readUInt32BE(rec + 4), tag).toBe(sum);
    }
    expect(wordSum(bytes, 0, bytes.length)).toBe(0xb1b0afba);
  });
});
