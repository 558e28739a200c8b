import { describe, expect, it } from 'vitest';
import { mkdtempSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { FontCache, loadFontSet, FONT_ROLES } from '../../src/fonts/index.js';
import { bundledPath } from '../../src/fonts/resolve.js';
import { BUNDLED_FACES } from '../../src/fonts/catalog.js';
import { readFontBytes, shareFontBytes } from '../../src/fonts/load.js';
import { readsOutlinesOnDemand } from '../../src/fonts/sparse.js';

/** All 6,763 hanzi of GB 2312 (rows 16–87), decoded through the GBK decoder. */
function gb2312Hanzi(): string[] {
  const dec = new TextDecoder('gbk');
  const out: string[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let col = 0xa1; col <= 0xfe; col++) {
      if (row === 0xd7 && col > 0xf9) continue; // row 55 ends at 55-89
      out.push(dec.decode(new Uint8Array([row, col])));
    }
  }
  return out;
}

const isolated = { system: false, folders: [] as string[] };

describe('fonts', () => {
  it('has 6,763 GB2312 hanzi in the test alphabet', () => {
    expect(new Set(gb2312Hanzi()).size).toBe(6763);
  });

  it('every bundled role face covers all GB2312 hanzi', () => {
    const set = loadFontSet(isolated);
    const hanzi = gb2312Hanzi();
    for (const role of FONT_ROLES) {
      const f = set.roles[role].font;
      const missing = hanzi.filter((c) => !f.hasGlyph(c.codePointAt(0)!));
      expect({ role, missing: missing.length }).toEqual({ role, missing: 0 });
      expect(f.origin).toBe('bundled');
      expect(set.roles[role].standIn).toBe(true);
    }
  });

  it('decodes the WOFF 楷体 stand-in into an sfnt', () => {
    const kai = loadFontSet(isolated).roles.kai.font;
    expect(kai.bytes.readUInt32BE(0)).toBe(0x00010000);
    expect(kai.familyName).toMatch(/WenKai/);
    expect(kai.advanceEm('永'.codePointAt(0)!)).toBeCloseTo(1, 2);
  });

  it('parses each font once per cache, and never shares a face between caches', () => {
    const cache = new FontCache();
    const a = loadFontSet(isolated, {}, cache);
    const b = loadFontSet({ ...isolated }, {}, cache);
    expect(b).toBe(a);
    const other = loadFontSet(isolated, {}, new FontCache());
    expect(other.roles.fangsong.font.face).not.toBe(a.roles.fangsong.font.face);
    expect(a.roles.fangsong.font).toBe(a.roles.songti.font);
  });

  it('falls back to a face that has the glyph (outside GB2312, Extension B)', () => {
    const set = loadFontSet(isolated);
    for (const ch of ['堃', '喆', '赟', '𪚥']) {
      const face = set.faceFor('fangsong', ch.codePointAt(0)!);
      expect(face, ch).toBeDefined();
      expect(face!.hasGlyph(ch.codePointAt(0)!)).toBe(true);
    }
    expect(set.faceFor('fangsong', '𪚥'.codePointAt(0)!)!.id).not.toBe(set.roles.fangsong.font.id);
  });

  it('prefers an official face in ./fonts over the bundled stand-in', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-fonts-'));
    mkdirSync(join(dir, 'fonts'));
    // Any real TTF stands in for simhei.ttf: the file name identifies the official face.
    copyFileSync(bundledPath(BUNDLED_FACES.hei), join(dir, 'fonts', 'simhei.ttf'));
    const set = loadFontSet({ system: false }, { cwd: dir });
    expect(set.roles.hei.font.origin).toBe('folder');
    expect(set.roles.hei.standIn).toBe(false);
    expect(set.roles.fangsong.font.origin).toBe('bundled');
  });

  it('uses an explicit file from the configuration first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-fonts-'));
    const file = join(dir, 'my-fangsong.ttf');
    copyFileSync(bundledPath(BUNDLED_FACES.hei), file);
    const set = loadFontSet({ system: false, folders: [], files: { fangsong: file } }, { cwd: dir });
    expect(set.roles.fangsong.font.origin).toBe('config');
    expect(set.roles.fangsong.font.path).toBe(file);
  });
});

describe('project font folder as a fallback', () => {
  it('draws a character no role face has with any font of ./fonts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-fonts-'));
    mkdirSync(join(dir, 'fonts'));
    // The 楷体 stand-in has 𪚥 (Extension B) while the 仿宋 stand-in lacks it; a project font that
    // is not an official face must still be tried before the bundled faces.
    copyFileSync(bundledPath(BUNDLED_FACES.kai), join(dir, 'fonts', 'extra-face.woff'));
    const set = loadFontSet({ system: false }, { cwd: dir });
    const cp = '𪚥'.codePointAt(0)!;
    expect(set.roles.fangsong.font.hasGlyph(cp)).toBe(false);
    expect(set.fallbacks[0]!.origin).toBe('folder');
    expect(set.fallbacks[0]!.hasGlyph(cp)).toBe(true);
  });
});

describe('font bytes shared with build workers', () => {
  it('shares what a worker would have to read whole, and a worker reads it from memory', () => {
    const set = loadFontSet({ system: false }, { cwd: join(import.meta.dirname, '..', '..') });
    const faces = [...Object.values(set.roles).map((r) => r.font), ...set.fallbacks];
    const shared = shareFontBytes(faces);
    // Faces that read outlines on demand are opened again by the worker for next to nothing.
    for (const f of faces) expect(f.path in shared, f.path).toBe(!readsOutlinesOnDemand(f.face));
    expect(faces.some((f) => readsOutlinesOnDemand(f.face))).toBe(true);
    // A face read whole (here: one given without its parsed face) is shared.
    const kai = set.roles.kai.font;
    const whole = shareFontBytes([{ ...kai, face: undefined }]);
    expect(whole[kai.path]!.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(whole[kai.path]!).equals(kai.bytes)).toBe(true);
    // Adopted under a path that does not exist: the bytes come from memory, not the disk.
    const path = join(tmpdir(), 'gongwen-no-such-font.ttf');
    const cache = new FontCache();
    cache.adopt({ [path]: whole[kai.path]! });
    const read = readFontBytes(path, cache.preread);
    expect(read.buffer).toBe(whole[kai.path]!.buffer);
    expect(read.equals(kai.bytes)).toBe(true);
  });
});
