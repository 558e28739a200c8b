// The subset font program written by ttfwriter is byte for byte fontkit's own, for the
// bundled TrueType faces and any glyph set; a subset too large for short loca offsets
// switches to long ones and still reads back.

import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import { pdfkitFace } from '../../src/fonts/pdfface.js';
import { writeTrueTypeSubset, type HeadTable, type HheaTable, type MaxpTable } from '../../src/fonts/ttfwriter.js';

const root = join(import.meta.dirname, '..', '..');
const fonts = loadFontSet({ system: false }, { cwd: root });
const faces = [...new Map(Object.values(fonts.roles).map((r) => [r.font.id, r.font])).values()].map(
  (f) => [f.familyName, f.face!] as const,
);

interface Subset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}
const subsetOf = (face: Font, gids: number[]): Subset => {
  const s = (face as unknown as { createSubset(): Subset }).createSubset();
  for (const g of gids) s.includeGlyph(g);
  return s;
};

/** A deterministic spread of glyph ids (a small LCG: the same sets on every run). */
function glyphSets(face: Font): number[][] {
  let x = 9704;
  const rnd = (n: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % n);
  const text = '关于做好冬季校园安全工作的通知，各学院、各部门：2024年12月24日（星期二）“双减”——落实……';
  // Composite glyphs (numberOfContours < 0), whose components join the subset as it is written.
  const f = face as unknown as { directory: { tables: Record<string, { offset: number }> }; stream: { buffer: Uint8Array }; loca: { offsets: number[] } };
  const glyf = f.directory.tables['glyf']!.offset;
  const composites: number[] = [];
  for (let g = 0; g < face.numGlyphs; g++) {
    const o = f.loca.offsets;
    if (o[g + 1]! > o[g]! && f.stream.buffer[glyf + o[g]!]! & 0x80) composites.push(g);
  }
  return [
    [],
    composites,
    [composites[0] ?? 1, 5, 7, ...composites.slice(1)],
    [...text].map((c) => face.glyphForCodePoint(c.codePointAt(0)!).id),
    Array.from({ length: 600 }, () => rnd(face.numGlyphs)),
    Array.from({ length: 50 }, (_, i) => face.numGlyphs - 1 - i),
  ];
}

describe.each(faces)('subset of %s', (_name, face) => {
  it('equals fontkit’s own encoding for every glyph set', () => {
    const fast = pdfkitFace(face);
    for (const gids of glyphSets(face)) {
      const mine = subsetOf(fast, gids).encode();
      const theirs = subsetOf(face, gids).encode();
      expect(Buffer.from(mine).equals(Buffer.from(theirs))).toBe(true);
    }
  });

  it('reads back as a font with the glyphs and advances asked for', () => {
    const gids = glyphSets(face)[1]!;
    const sub = fontkit.create(Buffer.from(subsetOf(pdfkitFace(face), gids).encode())) as Font;
    expect(sub.numGlyphs).toBeGreaterThanOrEqual(new Set(gids).size);
    // Subset glyph k+1 is the k-th new glyph asked for (0 is .notdef).
    const firsts = [...new Set(gids)].filter((g) => g !== 0);
    firsts.forEach((g, k) => {
      const orig = (face as unknown as { getGlyph(id: number): { advanceWidth: number } }).getGlyph(g);
      const copy = (sub as unknown as { getGlyph(id: number): { advanceWidth: number } }).getGlyph(k + 1);
      expect(copy.advanceWidth).toBe(orig.advanceWidth);
    });
  });
});

describe('short loca offsets', () => {
  it('switch to long offsets when the glyphs pass 128 KiB', () => {
    const face = faces[0]![1] as unknown as { head: HeadTable; hhea: HheaTable; maxp: MaxpTable };
    const glyf = Array.from({ length: 3 }, () => new Uint8Array(50_000).fill(1));
    const offsets = [0, 50_000, 100_000, 150_000];
    const bytes = writeTrueTypeSubset({
      head: face.head,
      hhea: face.hhea,
      maxp: face.maxp,
      locaVersion: 0,
      locaOffsets: offsets,
      glyf,
      metrics: glyf.map(() => ({ advance: 1000, bearing: 0 })),
    });
    const back = fontkit.create(Buffer.from(bytes)) as unknown as { head: { indexToLocFormat: number }; loca: { offsets: number[] } };
    expect(back.head.indexToLocFormat).toBe(1);
    expect([...back.loca.offsets]).toEqual(offsets);
    // Small enough: short offsets, as the font had them.
    const small = writeTrueTypeSubset({
      head: face.head,
      hhea: face.hhea,
      maxp: face.maxp,
      locaVersion: 0,
      locaOffsets: [0, 100, 200],
      glyf: [new Uint8Array(100), new Uint8Array(100)],
      metrics: [{ advance: 1000, bearing: 0 }, { advance: 1000, bearing: 0 }],
    });
    const sb = fontkit.create(Buffer.from(small)) as unknown as { head: { indexToLocFormat: number }; loca: { offsets: number[] } };
    expect(sb.head.indexToLocFormat).toBe(0);
    expect([...sb.loca.offsets]).toEqual([0, 100, 200]);
  });
});
