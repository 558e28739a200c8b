// The pdfkit adapter: the version check, and each internal member it touches behaves as it
// assumes. Every property is checked on real pdfkit output, read back by pdftotext or zlib.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import {
  PDFKIT_VERSION,
  checkDocument,
  collectOutput,
  finalStreams,
  pageFont,
  pageGraphicsState,
  replaceMetadataAndColour,
} from '../../src/adapters/pdfkit.js';
import { installedVersion, requirePinned } from '../../src/adapters/pinned.js';
import { loadFontSet } from '../../src/fonts/index.js';
import { hex4 } from '../../src/render/pdf/hex.js';
import { toUnicodeCmap } from '../../src/render/pdf/tounicode.js';

const root = join(import.meta.dirname, '..', '..');
const fonts = loadFontSet({ system: false }, { cwd: root });
const fangsong = fonts.roles.fangsong.font;
const dir = mkdtempSync(join(tmpdir(), 'gongwen-adapter-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DATE = new Date('2024-07-16T00:00:00Z');
const newDoc = (): PDFKit.PDFDocument =>
  new PDFDocument({ size: [595, 842], margin: 0, font: '', compress: true, bufferPages: true, info: { Title: 'T', CreationDate: DATE, ModDate: DATE } } as PDFKit.PDFDocumentOptions);

/** pdfkit's own output, through its public stream. */
function streamed(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

function draw(doc: PDFKit.PDFDocument): void {
  doc.registerFont('F', fangsong.bytes);
  doc.addPage().font('F').fontSize(16).text('公文排版', 80, 100, { lineBreak: false });
}

const text = (pdf: Buffer): string => {
  const f = join(dir, `${createHash('md5').update(pdf).digest('hex')}.pdf`);
  writeFileSync(f, pdf);
  return execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' });
};
const withoutId = (pdf: Buffer): string => pdf.toString('latin1').replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, '/ID');

describe('pdfkit adapter', () => {
  it('is written against the installed pdfkit, and refuses another version in Chinese first', () => {
    expect(installedVersion('pdfkit')).toBe(PDFKIT_VERSION);
    expect(() => requirePinned('pdfkit', PDFKIT_VERSION, 'x', '0.21.0')).toThrow(/^pdfkit 版本 0\.21\.0 与 gongwen 需要的 0\.20\.2 不符/);
    expect(() => checkDocument(newDoc())).not.toThrow();
  });

  it('_write: the bytes it gathers are the PDF pdfkit streams, and _finalize: the ID is their MD5', async () => {
    const own = newDoc();
    const ownBytes = streamed(own);
    draw(own);
    own.end();
    const doc = newDoc();
    const done = collectOutput(doc);
    draw(doc);
    doc.end();
    const ours = await done;
    expect(withoutId(ours)).toBe(withoutId(await ownBytes));
    const xref = ours.lastIndexOf('\nxref\n') + 1;
    const id = createHash('md5').update(ours.subarray(0, xref)).digest('hex');
    expect(ours.toString('latin1')).toContain(`/ID [<${id}> <${id}>]`);
    expect(text(ours)).toContain('公文排版');
  });

  it('_addInfo and _normalizeColor: its XMP packet and its colours are the ones written', async () => {
    const doc = new PDFDocument({ size: [595, 842], margin: 0, font: '', compress: false, subset: 'PDF/A-2b', pdfVersion: '1.7', info: { Title: 'T' } } as PDFKit.PDFDocumentOptions);
    replaceMetadataAndColour(doc, (info) => `<gw:title>${String(info['Title'])}</gw:title>`, () => [255, 0, 0]);
    const done = collectOutput(doc);
    doc.addPage().rect(10, 10, 10, 10).fillColor([0, 100, 100, 0]).fill();
    doc.end();
    const pdf = (await done).toString('latin1');
    expect(pdf).toContain('<gw:title>T</gw:title>');
    // The CMYK fill became the RGB one the hook returned.
    expect(pdf).toContain('/DeviceRGB cs\n1 0 0 scn');
    expect(pdf).not.toContain('/DeviceCMYK');
  });

  it('page.ext_gstates: the graphics state is named in the page resources, one object per document', async () => {
    const doc = newDoc();
    const done = collectOutput(doc);
    for (let p = 0; p < 2; p++) {
      doc.addPage();
      doc.addContent(`/${pageGraphicsState(doc, 'GsTest', { Type: 'ExtGState', BM: 'Multiply' })} gs`);
    }
    doc.end();
    const pdf = (await done).toString('latin1');
    expect(pdf.match(/\/BM \/Multiply/g)).toHaveLength(1);
    expect(pdf.match(/\/ExtGState <<\n\/GsTest \d+ 0 R/g)).toHaveLength(2);
  });

  it('_font: glyphs encoded through pageFont are in the subset, with their widths and text', async () => {
    const doc = newDoc();
    const done = collectOutput(doc);
    doc.registerFont('F', fangsong.bytes);
    doc.addPage().font('F').fontSize(16);
    const font = pageFont(doc, hex4)!;
    const glyphs = [...'红头文件'].map((c) => font.face.glyphForCodePoint(c.codePointAt(0)!));
    doc.addContent(`BT /${font.id} 16 Tf 1 0 0 -1 80 100 Tm <${font.encode(glyphs)}> Tj ET`);
    doc.end();
    expect(text(await done)).toContain('红头文件');
  });

  it('_pageBuffer and _fontFamilies: the final streams, deflated as pdfkit would, give pdfkit’s very bytes', async () => {
    const own = newDoc();
    const ownDone = collectOutput(own);
    draw(own);
    own.end();
    const doc = newDoc();
    const done = collectOutput(doc);
    draw(doc);
    const streams = finalStreams(doc, toUnicodeCmap);
    // The page, the font program and its ToUnicode CMap at least.
    expect(streams.length).toBeGreaterThanOrEqual(3);
    for (const s of streams) s.use(deflateSync(s.bytes));
    doc.end();
    expect((await done).equals(await ownDone)).toBe(true);
  });
});
