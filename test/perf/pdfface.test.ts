// The speed-ups around pdfkit change no byte: a PDF drawn with the parsed, wrapped faces
// equals one for which pdfkit parses every font file itself; the decoded-WOFF disk cache
// gives back the bytes the decoder makes.

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFontSet, type FontSet, type LoadedFont } from '../../src/fonts/index.js';
import { cachedSfnt } from '../../src/fonts/sfntcache.js';
import { woffToSfnt } from '../../src/fonts/woff.js';
import { loadConfig } from '../../src/source/index.js';
import { BUILTIN_TEMPLATE_DIR, loadTemplates } from '../../src/template/render.js';
import { readAndCompose } from '../../src/pipeline/build.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { GlyphRun, LaidOutDocument } from '../../src/layout/types.js';
import { writePdf } from '../../src/render/pdf/index.js';
import { pdfkitFace } from '../../src/fonts/pdfface.js';

const root = join(import.meta.dirname, '..', '..');
const fonts = loadFontSet({ system: false }, { cwd: root });

/** The same font set without the parsed faces: pdfkit parses the bytes, as it did before. */
function unparsed(set: FontSet): FontSet {
  const strip = (f: LoadedFont): LoadedFont => ({ ...f, face: undefined });
  const roles = Object.fromEntries(Object.entries(set.roles).map(([k, r]) => [k, { ...r, font: strip(r.font) }]));
  return { roles: roles as FontSet['roles'], fallbacks: set.fallbacks.map(strip), faceFor: set.faceFor };
}

/** Any example's document information (title, dates) for a synthetic page. */
async function sampleDoc() {
  const config = loadConfig({ cwd: root });
  const file = join(root, 'content', 'replies', readdirSync(join(root, 'content', 'replies'))[0]!);
  return layoutDocument(readAndCompose(file, config, loadTemplates(BUILTIN_TEMPLATE_DIR)).doc, fonts);
}

describe('PDF faces handed to pdfkit', () => {
  const config = loadConfig({ cwd: root });
  const templates = loadTemplates(BUILTIN_TEMPLATE_DIR);
  const files = ['bulletins', 'replies'].flatMap((d) =>
    readdirSync(join(root, 'content', d)).map((f) => join(root, 'content', d, f)),
  );

  it.each(files)('draws %s byte for byte as pdfkit parsing the fonts itself (twice, plain and PDF/A)', async (file) => {
    const laid = layoutDocument(readAndCompose(file, config, templates).doc, fonts);
    for (const pdfa of [false, true]) {
      const reference = await writePdf(laid, unparsed(fonts), { pdfa });
      // Twice: the second run reuses shaped runs and decoded tables of the first.
      expect((await writePdf(laid, fonts, { pdfa })).equals(reference)).toBe(true);
      expect((await writePdf(laid, fonts, { pdfa })).equals(reference)).toBe(true);
    }
  });

  it('draws every kind of run as pdfkit does: emphasis, scaling, spacing, runs that need shaping', async () => {
    const base = { ...JSON.parse(JSON.stringify((await sampleDoc()).info)) };
    const run = (text: string, extra: Partial<GlyphRun>, y: number): GlyphRun => ({
      kind: 'text', x: 80, baseline: y, text, fontId: fonts.roles.fangsong.font.id, role: 'fangsong',
      size: 16, charSpacing: 0, hScale: 1, color: 'black', width: 0, ...extra,
    });
    const runs: GlyphRun[] = [
      run('关于做好冬季校园安全工作的通知', {}, 100),
      run('重点强调的内容', { bold: true }, 130),
      run('标题压缩到九成宽', { hScale: 0.9, fontId: fonts.roles.song.font.id, role: 'song', size: 22 }, 160),
      run('字距收紧', { charSpacing: -0.7 }, 190),
      run('破折号——省略号……', { color: 'red' }, 220),
      run('e\u0301 和 2024 年 office 2024', {}, 250),
      run('楷体：编者按', { fontId: fonts.roles.kai.font.id, role: 'kai', bold: true, charSpacing: 0.5 }, 280),
      run('黑体 1/2 ½', { fontId: fonts.roles.hei.font.id, role: 'hei', hScale: 0.8 }, 310),
    ];
    const laid: LaidOutDocument = { info: base, pages: [{ number: 1, items: runs }], warnings: [] };
    for (const pdfa of [false, true]) {
      const reference = await writePdf(laid, unparsed(fonts), { pdfa });
      expect((await writePdf(laid, fonts, { pdfa })).equals(reference)).toBe(true);
    }
  });

  it('gives the same bytes however the thread pool and image decoding interleave (documents built side by side)', async () => {
    // A sealed reply (a PNG with alpha, decoded asynchronously by pdfkit) and the others.
    const sealed = files.find((f) => f.endsWith('2024-proposal-031-A.md'))!;
    const laid = files.map((f) => layoutDocument(readAndCompose(f, config, templates).doc, fonts));
    expect(laid[files.indexOf(sealed)]!.pages.some((p) => p.items.some((i) => i.kind === 'image'))).toBe(true);
    for (const pdfa of [false, true]) {
      const outs = await Promise.all([0, 1, 2].flatMap(() => laid.map((l) => writePdf(l, fonts, { pdfa }))));
      for (let k = laid.length; k < outs.length; k++) expect(outs[k]!.equals(outs[k % laid.length]!)).toBe(true);
      // pdfkit writes a seal's objects when its asynchronous PNG decoding ends: always after
      // the fonts, which are written when the document ends (at once when it has an image).
      const pdf = outs[files.indexOf(sealed)]!.toString('latin1');
      expect(pdf.indexOf('/Subtype /Image')).toBeGreaterThan(pdf.lastIndexOf('/FontFile2'));
    }
  });

  it('shapes with the features asked for, and leaves the caller’s object as it was', () => {
    // fontkit writes its plan's features into the object it gets; the next call would read
    // them back as the caller's (the fraction features, then global, change 1/2 in the 楷体).
    const face = pdfkitFace(fonts.roles.kai.font.face!);
    // (A literal: the reference drawings above hand PDF_FEATURES itself to fontkit.)
    const asked = () => ({ kern: false, liga: false, clig: false, calt: false });
    const features = asked();
    // A combining mark sends a run through fontkit's shaping.
    for (const text of ['e\u0301 1/2', '第1/2页\u0301', '1/2\u0301']) {
      const first = face.layout(text, features).glyphs.map((g) => g.id);
      expect(features).toEqual(asked());
      expect(face.layout(text, features).glyphs.map((g) => g.id)).toEqual(first);
    }
  });
});

describe('decoded WOFF cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-sfnt-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores the decoded font and reads it back unchanged', () => {
    const woff = fonts.roles.kai.font.path;
    const previous = process.env['GONGWEN_CACHE_DIR'];
    process.env['GONGWEN_CACHE_DIR'] = dir;
    try {
      const decoded = woffToSfnt(readFileSync(woff));
      let calls = 0;
      const decode = (): Buffer => {
        calls++;
        return woffToSfnt(readFileSync(woff));
      };
      expect(cachedSfnt(woff, decode).equals(decoded)).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith('.sfnt'))).toHaveLength(1);
      expect(cachedSfnt(woff, decode).equals(decoded)).toBe(true);
      expect(calls).toBe(1);
    } finally {
      if (previous === undefined) delete process.env['GONGWEN_CACHE_DIR'];
      else process.env['GONGWEN_CACHE_DIR'] = previous;
    }
  });
});
