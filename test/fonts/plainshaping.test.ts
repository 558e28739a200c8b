// The shaping short cut gives what fontkit's layout() gives, glyph for glyph and unit for
// unit, for every code point of the bundled faces it accepts and for real runs; it refuses
// what shaping could change.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import { PlainShaper, isPlainCodePoint, shapingTriggers } from '../../src/fonts/plainshaping.js';
import { PDF_FEATURES } from '../../src/render/pdf/index.js';

const root = join(import.meta.dirname, '..', '..');
const fonts = loadFontSet({ system: false }, { cwd: root });
const faces = Object.entries(fonts.roles).map(([role, r]) => [`${role} (${r.font.familyName})`, r.font.face!] as const);

/** fontkit's own result, in the same terms. */
function shaped(face: Font, text: string) {
  const run = face.layout(text, { ...PDF_FEATURES }); // fontkit writes into the object
  return {
    glyphs: run.glyphs.map((g) => g.id),
    positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
  };
}
function plain(ps: PlainShaper, text: string) {
  const run = ps.run(text);
  return run && { glyphs: run.glyphs.map((g) => g.id), positions: run.advances.map((a) => [a, 0, 0, 0]) };
}

/** Lines of the example documents, as the writer draws them (a paragraph is several runs). */
const exampleText = ['bulletins', 'replies']
  .flatMap((d) => readdirSync(join(root, 'content', d)).map((f) => readFileSync(join(root, 'content', d, f), 'utf8')))
  .join('\n')
  .split(/\n+/)
  .filter((l) => l.trim());

const tricky = [
  '关于做好2024年冬季校园安全工作的通知',
  '电话：0571-87654321，邮箱：office@example.edu.cn',
  '《中华人民共和国教育法》（2021年修正）第三十条',
  '“双减”——落实……到位',
  'PDF/A-2b office fi ffi fl 1/2 ½',
  '〔2024〕31号 第12期 总第256期',
  '①②③ ㈠㈡ Ⅰ Ⅱ ＡＢＣ１２３',
  '𠀀𪚥 䶮 丨',
];

describe.each(faces)('plain shaping of %s', (_name, face) => {
  const ps = PlainShaper.for(face, PDF_FEATURES)!;

  it('proves the face harmless for most of its characters', () => {
    expect(ps).toBeDefined();
    const cps = face.characterSet.filter(isPlainCodePoint);
    const accepted = cps.filter((cp) => ps.run(String.fromCodePoint(cp)));
    // Nearly every Chinese character and punctuation mark takes the short cut.
    expect(accepted.length).toBeGreaterThan(cps.length * 0.95);
  });

  it('gives fontkit’s glyph and advance for every character it accepts', () => {
    const differ: string[] = [];
    for (const cp of face.characterSet) {
      const s = String.fromCodePoint(cp);
      const mine = plain(ps, s);
      if (mine && JSON.stringify(mine) !== JSON.stringify(shaped(face, s))) differ.push(cp.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('gives fontkit’s run for every example line and tricky string it accepts', () => {
    let accepted = 0;
    for (const text of [...exampleText, ...tricky]) {
      // The writer draws runs of one face: split where a character needs real shaping,
      // and compare both the whole line (often refused) and the pieces.
      for (const piece of [text, ...text.split(/[0-9—…]+/)]) {
        const mine = plain(ps, piece);
        if (!mine) continue;
        accepted++;
        expect(mine, piece).toEqual(shaped(face, piece));
      }
    }
    expect(accepted).toBeGreaterThan(exampleText.length / 2);
  });

  it('refuses marks, ignorables, variation selectors and the fraction slash', () => {
    for (const s of ['e\u0301', 'a\u200bb', '葛\ufe00', '1\u20442', '\u00ad', '\u0301']) expect(ps.run(s), s).toBeUndefined();
  });
});

describe('shaping triggers', () => {
  it('grow when features are switched on (ligatures and kerning match more glyphs)', () => {
    for (const [, face] of faces) {
      const off = shapingTriggers(face, PDF_FEATURES)!;
      const on = shapingTriggers(face, { kern: false, liga: true, calt: true });
      if (!on) continue;
      for (const g of off) expect(on.has(g)).toBe(true);
    }
    const song = fonts.roles.song.font.face!;
    expect(shapingTriggers(song, { kern: false, liga: true })!.size).toBeGreaterThan(shapingTriggers(song, PDF_FEATURES)!.size);
  });

  it('refuse every run whose glyphs fontkit does change', () => {
    let changed = 0;
    for (const [name, face] of faces) {
      const ps = PlainShaper.for(face, PDF_FEATURES)!;
      for (const s of ['——', '……', '———', '2024', 'office 2024', '第10期', 'fi', '½', 'ＡＢ１２']) {
        const r = shaped(face, s);
        const cmap = [...s].map((c) => face.glyphForCodePoint(c.codePointAt(0)!).id);
        if (JSON.stringify(r.glyphs) === JSON.stringify(cmap)) continue;
        changed++;
        expect(ps.run(s), `${name}: ${s}`).toBeUndefined();
      }
    }
    // The bundled 宋体 and 黑体 join two or three dashes into one long glyph (ccmp).
    expect(changed).toBeGreaterThan(0);
  });
});
