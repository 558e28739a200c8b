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
