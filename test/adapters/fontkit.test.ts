// The fontkit adapter: the version check, and each internal member it touches behaves as it
// assumes, checked against fontkit's own public results and the font file's bytes.

import { describe, expect, it } from 'vitest';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import {
  FONTKIT_VERSION,
  beforeGlyphReads,
  fontTable,
  hasTable,
  isPlainTrueType,
  leftBearing,
  rawTable,
  subsetOf,
  subsetWithProgram,
} from '../../src/adapters/fontkit.js';
import { installedVersion, requirePinned } from '../../src/adapters/pinned.js';
import { loadFontSet } from '../../src/fonts/index.js';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const fonts = loadFontSet({ system: false }, { cwd: root });
/** A fresh parse of a bundled TrueType face (nothing wrapped or watched). */
const fresh = (): Font => fontkit.create(fonts.roles.fangsong.font.bytes) as Font;

describe('fontkit adapter', () => {
  it('is written against the installed fontkit, and refuses another version in Chinese first', () => {
    expect(installedVersion('fontkit')).toBe(FONTKIT_VERSION);
    expect(() => requirePinned('fontkit', FONTKIT_VERSION, 'x', '2.1.0')).toThrow(/^fontkit 版本 2\.1\.0 与 gongwen 需要的 2\.0\.4 不符/);
  });

  it('directory and stream.buffer: a raw table is the stored bytes fontkit decodes', () => {
    const face = fresh();
    const head = rawTable(face, 'head')!;
    // unitsPerEm sits at byte 18 of 'head'.
    expect(new DataView(head.buffer, head.byteOffset, head.byteLength).getUint16(18)).toBe(face.unitsPerEm);
    expect(fontTable<{ unitsPerEm: number }>(face, 'head')!.unitsPerEm).toBe(face.unitsPerEm);
    expect(rawTable(face, 'zzzz')).toBeUndefined();
  });

  it('_variationProcessor: a static TrueType face is plain', () => {
    expect(isPlainTrueType(fresh())).toBe(true);
  });

  it('_getMetrics: the left bearing is the hmtx entry of the glyph', () => {
    const face = fresh();
    const hmtx = fontTable<{ metrics: { get(i: number): { advance: number; bearing: number } } }>(face, 'hmtx')!;
    for (const ch of '公文A1') {
      const g = face.glyphForCodePoint(ch.codePointAt(0)!);
      expect(leftBearing(g)).toBe(hmtx.metrics.get(g.id).bearing);
    }
  });

  it('getGlyph: every glyph fontkit makes is announced first, shaping included', () => {
    const face = fresh();
    const seen: number[] = [];
    beforeGlyphReads(face, (gid) => seen.push(gid));
    const run = face.layout('红头', { kern: false });
    for (const g of run.glyphs) expect(seen).toContain(g.id);
  });

  it('TTFSubset: encode() is the program given, over fontkit’s own growing glyph list', () => {
    const face = fresh();
    const calls: number[][] = [];
    const subset = subsetWithProgram(face, face.createSubset(), (glyphs, include) => {
      include(glyphs.length + 41); // a composite would add its components while encoding
      calls.push([...glyphs]);
      return new Uint8Array([1, 2, 3]);
    }) as { includeGlyph(gid: number): number; encode(): Uint8Array };
    expect(subset.includeGlyph(40)).toBe(1); // glyph 0 is always there
    expect([...subset.encode()]).toEqual([1, 2, 3]);
    expect(calls).toEqual([[0, 40, 43]]);
  });

  it('OS/2 and glyf: the embedding licence bits are the stored fsType, and the outline table is found', () => {
    const face = fresh();
    const os2 = rawTable(face, 'OS/2')!;
    // fsType sits at byte 8 of 'OS/2'; fontkit decodes it into named flags.
    const bits = new DataView(os2.buffer, os2.byteOffset, os2.byteLength).getUint16(8);
    const fsType = fontTable<{ fsType?: Record<string, boolean> }>(face, 'OS/2')!.fsType!;
    expect(Boolean(fsType['noEmbedding'])).toBe((bits & 0x0002) !== 0);
    expect(Boolean(fsType['noSubsetting'])).toBe((bits & 0x0100) !== 0);
    expect(hasTable(face, 'glyf')).toBe(true);
    expect(hasTable(face, 'CFF ')).toBe(false);
  });

  it('createSubset: includeGlyph numbers glyphs in order, encode() gives a font program holding them', () => {
    const face = fresh();
    const subset = subsetOf(face);
    const gid = face.glyphForCodePoint('公'.codePointAt(0)!).id;
    expect(subset.includeGlyph(gid)).toBe(1);
    const program = fontkit.create(Buffer.from(subset.encode())) as Font;
    expect(program.numGlyphs).toBe(2);
    expect(() => subsetOf({ createSubset: () => ({}) } as unknown as Font)).toThrow(/fontkit 的 Subset 缺少 includeGlyph、encode/);
  });
});
