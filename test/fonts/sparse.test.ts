// Outlines read on demand: the sparse file holds every other table at once, outline bytes
// once asked for, and a face parsed from it gives the same glyphs as one parsed from the
// whole file.

import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFontSet, type FontSet, type LoadedFont } from '../../src/fonts/index.js';
import { loadConfig } from '../../src/source/index.js';
import { BUILTIN_TEMPLATE_DIR, loadTemplates } from '../../src/template/render.js';
import { readAndCompose } from '../../src/pipeline/build.js';
import { layoutDocument } from '../../src/layout/index.js';
import { writePdf } from '../../src/render/pdf/index.js';
import { SparseFont, ensureOutlines, watchOutlines } from '../../src/fonts/sparse.js';

const root = join(import.meta.dirname, '..', '..');
const fonts = loadFontSet({ system: false }, { cwd: root });
const serif = fonts.roles.fangsong.font.path;

interface Internals {
  directory: { tables: Record<string, { offset: number; length: number }> };
  loca: { offsets: number[] };
  getGlyph(id: number): { advanceWidth: number; path: { toSVG(): string } };
}

describe('sparse font files', () => {
  // First, before anything asks a LoadedFont for its whole bytes.
  it('draws a document from faces with outlines read as needed, byte for byte as from whole files', async () => {
    const serifFace = fonts.roles.fangsong.font.face as unknown as { stream: { buffer: Buffer } };
    expect(serifFace.stream.buffer.equals(readFileSync(serif))).toBe(false); // outlines not read yet
    const config = loadConfig({ cwd: root });
    const file = join(root, 'content', 'bulletins', readdirSync(join(root, 'content', 'bulletins'))[0]!);
    const laid = layoutDocument(readAndCompose(file, config, loadTemplates(BUILTIN_TEMPLATE_DIR)).doc, fonts);
    const mine = await writePdf(laid, fonts, {});
    // pdfkit parsing each file whole by itself (the bytes getter reads what is still missing).
    const whole = (f: LoadedFont): LoadedFont => ({ ...f, face: undefined });
    const reference = await writePdf(
      laid,
      { roles: Object.fromEntries(Object.entries(fonts.roles).map(([k, r]) => [k, { ...r, font: whole(r.font) }])) as FontSet['roles'], fallbacks: fonts.fallbacks.map(whole), faceFor: fonts.faceFor },
      {},
    );
    expect(mine.equals(reference)).toBe(true);
  });

  it('reads every table but the outlines at once, outline blocks on demand, the rest on request', () => {
    const whole = readFileSync(serif);
    const sparse = SparseFont.open(serif)!;
    expect(sparse.bytes.length).toBe(whole.length);
    const tables = (fontkit.create(whole) as unknown as Internals).directory.tables;
    for (const [tag, t] of Object.entries(tables)) {
      const mine = sparse.bytes.subarray(t.offset, t.offset + t.length);
      const file = whole.subarray(t.offset, t.offset + t.length);
      if (tag === 'glyf') expect(mine.equals(file)).toBe(false); // not read yet
      else expect(mine.equals(file), tag).toBe(true);
    }
    const glyf = tables['glyf']!;
    sparse.ensure(100_000, 100_600);
    expect(sparse.bytes.subarray(glyf.offset + 100_000, glyf.offset + 100_600).equals(whole.subarray(glyf.offset + 100_000, glyf.offset + 100_600))).toBe(true);
    expect(sparse.complete().equals(whole)).toBe(true);
  });

  it('gives the same glyphs (advance and outline) as the whole file, composites included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-sparse-'));
    for (const role of ['fangsong', 'hei', 'kai'] as const) {
      const whole = Buffer.from(fonts.roles[role].font.bytes);
      const file = join(dir, `${role}.ttf`);
      writeFileSync(file, whole);
      const full = fontkit.create(whole) as unknown as Internals & Font;
      const sparse = SparseFont.open(file)!;
      const face = fontkit.create(sparse.bytes) as unknown as Internals & Font;
      watchOutlines(face, sparse);
      // Composite glyphs (numberOfContours < 0) draw their components through getGlyph.
      const glyf = full.directory.tables['glyf']!.offset;
      const o = full.loca.offsets;
      const composites = [...Array(full.numGlyphs).keys()].filter((g) => o[g + 1]! > o[g]! && whole[glyf + o[g]!]! & 0x80);
      const ids = [...'关于做好冬季校园安全工作的通知，各学院：2024年12月（一）“双减”——落实……']
        .map((c) => full.glyphForCodePoint(c.codePointAt(0)!).id)
        .concat([1, 2, 3, full.numGlyphs - 1], composites);
      if (role === 'kai') expect(composites.length).toBeGreaterThan(0);
      for (const id of ids) {
        const a = face.getGlyph(id);
        const b = full.getGlyph(id);
        expect(a.advanceWidth).toBe(b.advanceWidth);
        expect(a.path.toSVG(), `${role} glyph ${id}`).toBe(b.path.toSVG());
      }
    }
  });

  it('declines what it cannot read in part: WOFF, collections and non-fonts', () => {
    const woff = join(root, 'node_modules', '@fontsource', 'lxgw-wenkai', 'files', 'lxgw-wenkai-latin-500-normal.woff');
    expect(SparseFont.open(woff)).toBeUndefined();
    expect(SparseFont.open(join(root, 'package.json'))).toBeUndefined();
  });

  it('leaves a face read whole alone', () => {
    const face = fontkit.create(readFileSync(serif)) as unknown as Font;
    expect(() => ensureOutlines(face, 0, 10)).not.toThrow();
  });
});
