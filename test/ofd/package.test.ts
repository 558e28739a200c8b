// Builds every example as PDF and OFD through the CLI and reads the OFD back with the
// independent reader in read.ts: the package's structure by the element names and order of
// GB/T 33190, the A4 page area, the text of every page against the PDF's (read by pdf.js),
// the embedded fonts (their glyphs are the faces' glyphs), the seal as multimedia, and the
// same bytes for the same input.

import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, existsSync, readdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
import { exampleProject, run, tmp } from '../cli/helpers.js';
import { readPdfGeometry } from '../helpers/pdf-geometry.js';
import { loadFontSet } from '../../src/fonts/index.js';
import { all, child, descendants, openOfd, pageText, type OfdDocument, type XmlNode } from './read.js';

const EXAMPLES = ['replies/2024-proposal-031-A', 'replies/2024-proposal-047-B', 'bulletins/2024-12-campus-safety', 'bulletins/2024-13-teacher-training'];

/** Children each element may have, in the order the schema's sequences give (equal rank: interleaved). */
const SCHEMA: Record<string, string[][]> = {
  'ofd:OFD': [['ofd:DocBody']],
  'ofd:DocBody': [['ofd:DocInfo'], ['ofd:DocRoot'], ['ofd:Versions'], ['ofd:Signatures']],
  'ofd:DocInfo': ['DocID', 'Title', 'Author', 'Subject', 'Abstract', 'CreationDate', 'ModDate', 'DocUsage', 'Cover', 'Keywords', 'Creator', 'CreatorVersion', 'CustomDatas'].map((n) => [`ofd:${n}`]),
  'ofd:Keywords': [['ofd:Keyword']],
  'ofd:CustomDatas': [['ofd:CustomData']],
  'ofd:Document': ['CommonData', 'Pages', 'Outlines', 'Permissions', 'Actions', 'VPreferences', 'Bookmarks', 'Attachments', 'Annotations', 'CustomTags', 'Extensions'].map((n) => [`ofd:${n}`]),
  'ofd:CommonData': ['MaxUnitID', 'PageArea', 'PublicRes', 'DocumentRes', 'TemplatePage', 'DefaultCS'].map((n) => [`ofd:${n}`]),
  'ofd:PageArea': ['PhysicalBox', 'ApplicationBox', 'ContentBox', 'BleedBox'].map((n) => [`ofd:${n}`]),
  'ofd:Pages': [['ofd:Page']],
  'ofd:Page': ['Template', 'PageRes', 'Area', 'Content', 'Actions'].map((n) => [`ofd:${n}`]),
  'ofd:Res': ['ColorSpaces', 'DrawParams', 'Fonts', 'MultiMedias', 'CompositeGraphicUnits'].map((n) => [`ofd:${n}`]),
  'ofd:ColorSpaces': [['ofd:ColorSpace']],
  'ofd:Fonts': [['ofd:Font']],
  'ofd:Font': [['ofd:FontFile']],
  'ofd:MultiMedias': [['ofd:MultiMedia']],
  'ofd:MultiMedia': [['ofd:MediaFile']],
  'ofd:Content': [['ofd:Layer']],
  'ofd:Layer': [['ofd:TextObject', 'ofd:PathObject', 'ofd:ImageObject', 'ofd:CompositeObject', 'ofd:PageBlock']],
  'ofd:TextObject': [['ofd:Actions'], ['ofd:Clips'], ['ofd:FillColor'], ['ofd:StrokeColor'], ['ofd:CGTransform', 'ofd:TextCode']],
  'ofd:CGTransform': [['ofd:Glyphs']],
  'ofd:PathObject': [['ofd:Actions'], ['ofd:Clips'], ['ofd:StrokeColor'], ['ofd:FillColor'], ['ofd:AbbreviatedData']],
  'ofd:ImageObject': [['ofd:Actions'], ['ofd:Clips'], ['ofd:Border']],
};
/** Elements with text content only. */
const LEAVES = new Set(
  ['DocID', 'Title', 'Author', 'Subject', 'CreationDate', 'ModDate', 'Keyword', 'Creator', 'CustomData', 'DocRoot', 'MaxUnitID', 'PhysicalBox', 'PublicRes', 'DocumentRes', 'ColorSpace', 'FontFile', 'MediaFile', 'FillColor', 'StrokeColor', 'Glyphs', 'TextCode', 'AbbreviatedData'].map((n) => `ofd:${n}`),
);

/** Every element of a part is a standard one, under an allowed parent, in schema order. */
function checkStructure(root: XmlNode, where: string): void {
  const top = root.children[0]!;
  expect(top.attrs['xmlns:ofd'], `${where}: namespace`).toBe('http://www.ofdspec.org/2016');
  for (const n of [top, ...descendants(top)]) {
    expect(n.name.startsWith('ofd:'), `${where}: <${n.name}> in the ofd namespace`).toBe(true);
    if (LEAVES.has(n.name)) {
      expect(n.children, `${where}: <${n.name}> holds no elements`).toHaveLength(0);
      continue;
    }
    const ranks = SCHEMA[n.name];
    expect(ranks, `${where}: <${n.name}> is an element the test knows`).toBeDefined();
    let last = 0;
    for (const c of n.children) {
      const rank = ranks!.findIndex((r) => r.includes(c.name));
      expect(rank, `${where}: <${c.name}> may stand in <${n.name}>`).toBeGreaterThanOrEqual(0);
      expect(rank, `${where}: <${c.name}> in schema order in <${n.name}>`).toBeGreaterThanOrEqual(last);
      last = rank;
    }
  }
}

const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');

let dir = '';
const ofd: Record<string, Buffer> = {};
const pdf: Record<string, Buffer> = {};

beforeAll(async () => {
  dir = exampleProject();
  const r = await run(dir, 'build', 'content', '--out', 'out', '-f', 'pdf,ofd');
  expect(r.code, r.err).toBe(0);
  for (const e of EXAMPLES) {
    ofd[e] = readFileSync(join(dir, 'out', `${e}.ofd`));
    pdf[e] = readFileSync(join(dir, 'out', `${e}.pdf`));
  }
}, 300_000);

describe.each(EXAMPLES)('OFD of %s', (name) => {
  let doc: OfdDocument;
  beforeAll(() => {
    doc = openOfd(ofd[name]!);
  });

  it('is a package of standard parts, OFD.xml first', () => {
    expect(doc.pkg.names[0]).toBe('OFD.xml');
    for (const path of doc.pkg.names.filter((n) => n.endsWith('.xml'))) checkStructure(doc.pkg.xml(path), path);
    const top = child(doc.entry, 'ofd:OFD')!;
    expect(top.attrs['Version']).toBe('1.0');
    expect(top.attrs['DocType']).toBe('OFD');
  });

  it('carries the document metadata', () => {
    const info = all(doc.entry, 'ofd:DocInfo')[0]!;
    const text = (n: string): string | undefined => child(info, `ofd:${n}`)?.text;
    expect(text('DocID')).toMatch(/^[0-9a-f]{32}$/);
    expect(text('Title')).toBeTruthy();
    expect(text('Author')).toBe('江川市教育局');
    expect(text('CreationDate')).toMatch(/^20\d\d-\d\d-\d\d$/);
  });

  it('has A4 pages, as many as the PDF, and unique object ids up to MaxUnitID', async () => {
    expect(all(doc.document, 'ofd:PhysicalBox')[0]!.text).toBe('0 0 210 297');
    const geo = await readPdfGeometry(pdf[name]!);
    expect(doc.pages.length).toBe(geo.pages.length);
    const max = Number(all(doc.document, 'ofd:MaxUnitID')[0]!.text);
    const ids = doc.pkg.names
      .filter((n) => n.endsWith('.xml'))
      .flatMap((n) => descendants(doc.pkg.xml(n)).filter((e) => e.name !== 'ofd:OFD' && e.attrs['ID'] !== undefined).map((e) => Number(e.attrs['ID'])));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids)).toBeLessThanOrEqual(max);
  });

  it('holds the same text as the PDF on every page', async () => {
    const geo = await readPdfGeometry(pdf[name]!);
    geo.pages.forEach((p, i) => expect(squash(pageText(doc, i)), `page ${i + 1}`).toBe(squash(p.text)));
  });

  it('embeds every font it draws with, and its glyph ids draw the characters of the text', () => {
    const faces = new Map<string, Font>();
    const set = loadFontSet({}, { cwd: dir });
    for (const f of [...Object.values(set.roles).map((r) => r.font), ...set.fallbacks]) faces.set(f.postscriptName, f.face!);
    const fonts = new Map<string, { file: Font; face: Font }>();
    for (const r of doc.res) {
      for (const f of all(r.node, 'ofd:Font')) {
        const path = `${r.baseDir}/${child(f, 'ofd:FontFile')!.text}`;
        expect(doc.pkg.files[path], path).toBeDefined();
        const file = create(doc.pkg.files[path]!) as Font;
        // A complete OpenType file: the tables a font file must have, each at a 4-byte boundary.
        const tables = (file as unknown as { directory: { tables: Record<string, { offset: number }> } }).directory.tables;
        for (const tag of ['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'OS/2', 'post']) expect(tables[tag], `${path}: ${tag}`).toBeDefined();
        for (const [tag, t] of Object.entries(tables)) expect(t.offset % 4, `${path}: ${tag} aligned`).toBe(0);
        const face = faces.get(f.attrs['FontName']!);
        expect(face, f.attrs['FontName']).toBeDefined();
        fonts.set(f.attrs['ID']!, { file, face: face! });
      }
    }
    expect(fonts.size).toBeGreaterThan(0);
    let checked = 0;
    for (const page of doc.pages) {
      for (const t of all(doc.pkg.xml(page), 'ofd:TextObject')) {
        const font = fonts.get(t.attrs['Font']!);
        expect(font, `font ${t.attrs['Font']}`).toBeDefined();
        const text = [...child(t, 'ofd:TextCode')!.text];
        const glyphs = child(child(t, 'ofd:CGTransform')!, 'ofd:Glyphs')!.text.split(' ').map(Number);
        expect(glyphs).toHaveLength(text.length);
        // The embedded glyph's outline is the face's glyph for the character, and the file's
        // own cmap leads to it (a reader that draws TextCode with the file finds it).
        text.forEach((ch, k) => {
          expect(font!.file.glyphForCodePoint(ch.codePointAt(0)!).id, ch).toBe(glyphs[k]);
          const want = font!.face.glyphForCodePoint(ch.codePointAt(0)!);
          const got = (font!.file as unknown as { getGlyph(id: number): typeof want & { path: { toSVG(): string } } }).getGlyph(glyphs[k]!);
          expect(got.advanceWidth, ch).toBe(want.advanceWidth);
          if (checked++ % 7 === 0) expect(got.path.toSVG(), ch).toBe((want as unknown as { path: { toSVG(): string } }).path.toSVG());
        });
      }
    }
  });
});

describe('OFD package', () => {
  it('holds the seal as a multimedia resource drawn by an ImageObject', () => {
    const doc = openOfd(ofd['replies/2024-proposal-031-A']!);
    const media = doc.res.flatMap((r) => all(r.node, 'ofd:MultiMedia').map((m) => ({ m, path: `${r.baseDir}/${child(m, 'ofd:MediaFile')!.text}` })));
    expect(media.length).toBeGreaterThan(0);
    const seal = readFileSync(join(dir, 'content', 'assets', 'seal-jiangchuan.png'));
    expect(media.some(({ path }) => Buffer.from(doc.pkg.files[path]!).equals(seal))).toBe(true);
    const images = doc.pages.flatMap((p) => all(doc.pkg.xml(p), 'ofd:ImageObject'));
    expect(images.map((i) => i.attrs['ResourceID'])).toContain(media[0]!.m.attrs['ID']);
  });

  it('gives the same bytes for the same input', async () => {
    const r = await run(dir, 'build', 'content', '--out', 'again', '-f', 'ofd');
    expect(r.code, r.err).toBe(0);
    for (const e of EXAMPLES) expect(readFileSync(join(dir, 'again', `${e}.ofd`)).equals(ofd[e]!), e).toBe(true);
  });

  it('is OFD-A in the archive, recorded in its manifest', async () => {
    const r = await run(dir, 'build', 'content/replies/2024-proposal-031-A.md', '--out', 'arch-out', '-f', 'pdf,ofd', '--archive', 'archive');
    expect(r.code, r.err).toBe(0);
    const file = join(dir, 'archive', '2024', '提案答复', '江教提〔2024〕31号.ofd');
    expect(existsSync(file)).toBe(true);
    const doc = openOfd(readFileSync(file));
    expect(child(doc.entry, 'ofd:OFD')!.attrs['DocType']).toBe('OFD-A');
    expect(all(doc.entry, 'ofd:CustomData').map((c) => c.text)).toContain('江教提〔2024〕31号');
    const manifest = JSON.parse(readFileSync(join(dir, 'archive', 'manifest.json'), 'utf8')) as { entries: Array<{ path: string; format: string; conformance?: string }> };
    expect(manifest.entries.find((e) => e.format === 'ofd')).toMatchObject({ path: '2024/提案答复/江教提〔2024〕31号.ofd', conformance: 'OFD-A' });
  });

  it('refuses a font whose licence forbids embedding: a clear error, no OFD written', async () => {
    const set = loadFontSet({}, { cwd: dir });
    const body = set.roles.fangsong.font;
    const bytes = Buffer.from(body.bytes);
    // Set OS/2 fsType (offset 8 of the table) to 2: restricted licence embedding.
    const n = bytes.readUInt16BE(4);
    for (let i = 0; i < n; i++) {
      const rec = 12 + 16 * i;
      if (bytes.toString('latin1', rec, rec + 4) === 'OS/2') bytes.writeUInt16BE(2, bytes.readUInt32BE(rec + 8) + 8);
    }
    const proj = tmp('gw-ofd-font-');
    copyFileSync(join(dir, 'content', 'replies', '2024-proposal-047-B.md'), join(proj, 'r.md'));
    writeFileSync(join(proj, 'restricted.ttf'), bytes);
    writeFileSync(join(proj, 'gongwen.config.yaml'), 'defaults:\n  issuer: 江川市教育局\n  printer: 江川市教育局办公室\nfonts:\n  files:\n    fangsong: restricted.ttf\n');
    const r = await run(proj, 'build', 'r.md', '--out', 'out', '-f', 'ofd');
    expect(r.code).toBe(1);
    expect(r.err).toContain('不允许嵌入');
    expect(r.err).toContain('restricted.ttf');
    expect(existsSync(join(proj, 'out')) ? readdirSync(join(proj, 'out')).filter((f) => f.endsWith('.ofd')) : []).toEqual([]);
  });
});
