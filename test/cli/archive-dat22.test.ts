// `gongwen build --archive` with archive settings (DA/T 22 档号, catalogue, records, 归档章)
// and `gongwen verify` running the 四性 checks: two batches into one archive, read back with
// independent readers (exceljs, pdftotext, pdf.js).

import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { filesUnder, GOOD_REPLY, pdfText, project, run } from './helpers.js';
import { isRed, mmToPt, readPdfGeometry } from '../helpers/pdf-geometry.js';

const sha = (f: string): string => createHash('sha256').update(readFileSync(f)).digest('hex');

const CONFIG = `defaults:
  issuer: 江川市教育局
  printer: 江川市教育局办公室
output: output
archive:
  全宗号: J012
  全宗名称: 江川市教育局
  保管期限: D30
`;

/** A reply with its own number, date and body text (and optionally a 保管期限). */
const reply = (n: number, date: string, extra = ''): string =>
  GOOD_REPLY.replace('江教提〔2024〕31号', `江教提〔2024〕${n}号`)
    .replace('date: 2024-07-16', `date: ${date}${extra}`)
    .replace('我市课后服务工作全面开展。', `第${n}号答复：我市课后服务工作全面开展。`);

const COLUMNS = ['序号', '档号', '文号', '责任者', '题名', '日期', '密级', '页数', '备注'];

/** The catalogue CSV as rows of cells (simple: the test data has no commas or quotes). */
function csvRows(file: string): string[][] {
  const text = readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text
    .slice(1)
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(','));
}

const ARCH = (dir: string, rel: string): string => join(dir, 'arch', ...rel.split('/'));
const PDF = (n: number): string => `2024/提案答复/江教提〔2024〕${n}号.pdf`;

async function pages(file: string): Promise<number> {
  return (await readPdfGeometry(readFileSync(file))).pages.length;
}

describe('archive with 档号 (DA/T 22)', () => {
  it('numbers by date then number, continues in a second batch, keeps earlier 档号; catalogue, XLSX, PDF and records agree', async () => {
    const dir = project({ 'a.md': reply(31, '2024-07-16'), 'b.md': reply(4, '2024-07-16'), 'c.md': reply(20, '2024-03-01') });
    writeFileSync(join(dir, 'gongwen.config.yaml'), CONFIG);
    let r = await run(dir, 'build', 'a.md', 'b.md', 'c.md', '--archive', 'arch');
    expect(r.code, r.err).toBe(0);
    const csv = ARCH(dir, '2024/归档文件目录-D30.csv');
    const first = csvRows(csv);
    expect(first[0]).toEqual(COLUMNS);
    // c (March) first, then b before a on the same day (4号 before 31号).
    expect(first.slice(1).map((row) => [row[0], row[1], row[2]])).toEqual([
      ['1', 'J012-WS·2024-D30-0001', '江教提〔2024〕20号'],
      ['2', 'J012-WS·2024-D30-0002', '江教提〔2024〕4号'],
      ['3', 'J012-WS·2024-D30-0003', '江教提〔2024〕31号'],
    ]);

    // Second batch: the first three again (unchanged), an earlier-dated new one, and one kept permanently.
    writeFileSync(join(dir, 'd.md'), reply(2, '2024-01-05'));
    writeFileSync(join(dir, 'e.md'), reply(9, '2024-02-01', '\n保管期限: 永久'));
    r = await run(dir, 'build', 'a.md', 'b.md', 'c.md', 'd.md', 'e.md', '--archive', 'arch', '--verbose');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('归档中已有相同文件 arch/2024/提案答复/江教提〔2024〕31号.pdf（档号 J012-WS·2024-D30-0003）');
    const second = csvRows(csv);
    // Earlier rows unchanged; the new item continues the sequence although its date is earlier.
    expect(second.slice(0, 4)).toEqual(first);
    expect(second.slice(1).map((row) => row[1])).toEqual([
      'J012-WS·2024-D30-0001',
      'J012-WS·2024-D30-0002',
      'J012-WS·2024-D30-0003',
      'J012-WS·2024-D30-0004',
    ]);
    expect(second[4]!.slice(2, 6)).toEqual(['江教提〔2024〕2号', '江川市教育局', '对市政协十届三次会议第031号提案的答复', '20240105']);
    const permanent = csvRows(ARCH(dir, '2024/归档文件目录-Y.csv'));
    expect(permanent.slice(1).map((row) => row[1])).toEqual(['J012-WS·2024-Y-0001']);

    // 日期 is YYYYMMDD; 页数 is the archived PDF's page count.
    const numbers = [20, 4, 31, 2];
    for (const [i, row] of second.slice(1).entries()) {
      expect(row[5]).toMatch(/^\d{8}$/);
      expect(Number(row[7])).toBe(await pages(ARCH(dir, PDF(numbers[i]!))));
    }

    // The record of the new item carries its PDF's SHA-256, size, pages and 档号.
    const xml = readFileSync(ARCH(dir, '2024/提案答复/江教提〔2024〕2号.xml'), 'utf8');
    expect(xml).toContain(`<数字摘要 算法="SHA-256">${sha(ARCH(dir, PDF(2)))}</数字摘要>`);
    expect(xml).toContain(`<计算机文件大小 单位="字节">${readFileSync(ARCH(dir, PDF(2))).length}</计算机文件大小>`);
    expect(xml).toContain('<档号>J012-WS·2024-D30-0004</档号>');
    expect(xml).toContain('<格式信息>PDF/A-2b</格式信息>');
    expect(xml).toContain('<主送>致公党江川市委</主送>');
    expect(xml).toContain(`<页数>${await pages(ARCH(dir, PDF(2)))}</页数>`);

    // The XLSX, read back with the library: the same rows as the CSV, as text.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ARCH(dir, '2024/归档文件目录-D30.xlsx'));
    const sheet = wb.getWorksheet('归档文件目录')!;
    const cells: string[][] = [];
    sheet.eachRow((row) => cells.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    expect(cells).toEqual(second.map((row) => row.map((c) => c)));
    const cover = wb.getWorksheet('封面')!;
    expect(cover.getCell('B2').value).toBe('J012');
    expect(cover.getCell('B3').value).toBe('江川市教育局');

    // The printable catalogue: A4 landscape, a cover, every 档号 in the text.
    const catPdf = ARCH(dir, '2024/归档文件目录-D30.pdf');
    const g = await readPdfGeometry(readFileSync(catPdf));
    for (const p of g.pages) {
      expect(p.width).toBeCloseTo(mmToPt(297), 0);
      expect(p.height).toBeCloseTo(mmToPt(210), 0);
    }
    const text = pdfText(catPdf);
    for (const s of ['归档文件目录', '全宗号', '全宗名称', '年度', '保管期限', '机构(问题)', 'J012', '定期30年']) expect(text).toContain(s);
    for (const row of second.slice(1)) expect(text).toContain(row[1]);
    for (const col of COLUMNS) expect(g.pages[1]!.text).toContain(col);

    expect(filesUnder(join(dir, 'arch'))).toContain('说明.txt');
    r = await run(dir, 'verify', 'arch');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('四性检测通过：5 件');
  });

  it('verify fails on a tampered PDF, a tampered record and a missing record, naming the file and field', async () => {
    const dir = project({ 'a.md': reply(31, '2024-07-16'), 'b.md': reply(4, '2024-07-16') });
    writeFileSync(join(dir, 'gongwen.config.yaml'), CONFIG);
    expect((await run(dir, 'build', 'a.md', 'b.md', '--archive', 'arch')).code).toBe(0);
    expect((await run(dir, 'verify', 'arch')).code).toBe(0);

    const pdf = ARCH(dir, PDF(31));
    const good = readFileSync(pdf);
    const bad = Buffer.from(good);
    bad[Math.floor(bad.length / 2)] ^= 0x01;
    writeFileSync(pdf, bad);
    let r = await run(dir, 'verify', 'arch');
    expect(r.code).toBe(1);
    expect(r.err).toContain('已改动：arch/2024/提案答复/江教提〔2024〕31号.pdf');
    expect(r.err).toContain('【真实性】arch/2024/提案答复/江教提〔2024〕31号.pdf：数字摘要');
    writeFileSync(pdf, good);

    const rec = ARCH(dir, '2024/提案答复/江教提〔2024〕4号.xml');
    const xml = readFileSync(rec, 'utf8');
    writeFileSync(rec, xml.replace(/<页数>(\d+)<\/页数>/, (_, n: string) => `<页数>${Number(n) + 1}</页数>`));
    r = await run(dir, 'verify', 'arch', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('changed: arch/2024/提案答复/江教提〔2024〕4号.xml');
    expect(r.err).toMatch(/\[authenticity\] arch\/2024\/提案答复\/江教提〔2024〕4号\.xml: 页数 does not match/);

    rmSync(rec);
    r = await run(dir, 'verify', 'arch');
    expect(r.code).toBe(1);
    expect(r.err).toContain('【完整性】arch/2024/提案答复/江教提〔2024〕4号.xml：元数据');
    writeFileSync(rec, xml);
    expect((await run(dir, 'verify', 'arch')).code).toBe(0);
  });

  it('records the OFD beside the PDF (OFD-A, its own SHA-256); verify checks it', async () => {
    const dir = project({ 'a.md': reply(31, '2024-07-16') });
    writeFileSync(join(dir, 'gongwen.config.yaml'), CONFIG);
    let r = await run(dir, 'build', 'a.md', '-f', 'pdf,ofd', '--archive', 'arch', '--stamp');
    expect(r.code, r.err).toBe(0);
    const ofd = ARCH(dir, '2024/提案答复/江教提〔2024〕31号.ofd');
    const rec = ARCH(dir, '2024/提案答复/江教提〔2024〕31号.xml');
    const xml = readFileSync(rec, 'utf8');
    // The PDF's own fields first, then the OFD under 其他格式.
    expect(xml.match(/<数字摘要 算法="SHA-256">([0-9a-f]{64})<\/数字摘要>/g)).toEqual([
      `<数字摘要 算法="SHA-256">${sha(ARCH(dir, PDF(31)))}</数字摘要>`,
      `<数字摘要 算法="SHA-256">${sha(ofd)}</数字摘要>`,
    ]);
    const other = /<其他格式>([\s\S]*)<\/其他格式>/.exec(xml)?.[1] ?? '';
    expect(other).toContain('<格式信息>OFD-A</格式信息>');
    expect(other).toContain('<计算机文件名>江教提〔2024〕31号.ofd</计算机文件名>');
    expect(other).toContain(`<计算机文件大小 单位="字节">${readFileSync(ofd).length}</计算机文件大小>`);
    expect(xml.indexOf('<格式信息>PDF/A-2b</格式信息>')).toBeLessThan(xml.indexOf('<其他格式>'));
    const manifest = JSON.parse(readFileSync(ARCH(dir, 'manifest.json'), 'utf8')) as { entries: Array<{ path: string; sha256: string; conformance?: string }> };
    expect(manifest.entries.find((e) => e.path.endsWith('.ofd'))).toMatchObject({ sha256: sha(ofd), conformance: 'OFD-A' });
    expect((await run(dir, 'verify', 'arch')).code).toBe(0);

    // A changed OFD: its digest fails, by the OFD's name.
    const good = readFileSync(ofd);
    const bad = Buffer.from(good);
    bad[Math.floor(bad.length / 2)] ^= 0x01;
    writeFileSync(ofd, bad);
    r = await run(dir, 'verify', 'arch');
    expect(r.code).toBe(1);
    expect(r.err).toContain('【真实性】arch/2024/提案答复/江教提〔2024〕31号.ofd：数字摘要');
    writeFileSync(ofd, good);

    // A record that leaves the OFD out: the manifest's OFD is not in it.
    writeFileSync(rec, xml.replace(/\s*<其他格式>[\s\S]*<\/其他格式>/, ''));
    r = await run(dir, 'verify', 'arch');
    expect(r.code).toBe(1);
    expect(r.err).toContain('【完整性】arch/2024/提案答复/江教提〔2024〕31号.xml：其他格式');
    writeFileSync(rec, xml);

    // A missing OFD.
    rmSync(ofd);
    r = await run(dir, 'verify', 'arch');
    expect(r.code).toBe(1);
    expect(r.err).toContain('【完整性】arch/2024/提案答复/江教提〔2024〕31号.ofd：计算机文件名');
    writeFileSync(ofd, good);
    expect((await run(dir, 'verify', 'arch')).code).toBe(0);
  });

  it('--stamp prints the 归档章 on page 1 of the archived PDF only; a changed file needs --force and keeps its 件号', async () => {
    const dir = project({ 'a.md': reply(31, '2024-07-16'), 'b.md': reply(4, '2024-07-16') });
    writeFileSync(join(dir, 'gongwen.config.yaml'), CONFIG);
    let r = await run(dir, 'build', 'a.md', 'b.md', '--archive', 'arch', '--stamp');
    expect(r.code, r.err).toBe(0);
    const archived = await readPdfGeometry(readFileSync(ARCH(dir, PDF(31))));
    const working = await readPdfGeometry(readFileSync(join(dir, 'output', 'a.pdf')));
    expect(archived.pages.length).toBe(working.pages.length);
    // Red text in the top margin, right-aligned on the 版心's right edge (184 mm from the left).
    const top = archived.pages[0]!.lines.filter((l) => l.baseline < mmToPt(37) && l.red);
    const stampText = top.map((l) => l.text).join(' ');
    for (const s of ['J012', '2024', '0002', '30年', String(archived.pages.length)]) expect(stampText).toContain(s);
    expect(working.pages[0]!.lines.filter((l) => l.baseline < mmToPt(37) && l.red)).toEqual([]);
    // The box: red horizontal rules 45 mm long ending at the 版心's right edge, 16 mm apart overall.
    const box = archived.pages[0]!.rules.filter((ru) => isRed(ru.color) && ru.y < mmToPt(37));
    expect(box.length).toBe(3);
    for (const ru of box) {
      expect(ru.x2 - ru.x1).toBeCloseTo(mmToPt(45), 0);
      expect(ru.x2).toBeCloseTo(mmToPt(184), 0);
    }
    const ys = box.map((ru) => ru.y).sort((a, b) => a - b);
    expect(ys[2]! - ys[0]!).toBeCloseTo(mmToPt(16), 0);
    // Other pages are not stamped.
    expect(archived.pages[1]!.lines.filter((l) => l.baseline < mmToPt(37) && l.red)).toEqual([]);
    expect((await run(dir, 'verify', 'arch')).code).toBe(0);

    // Rebuilt unchanged: recognised. Changed: refused without --force; with it, replaced under the same 档号.
    r = await run(dir, 'build', 'a.md', '--archive', 'arch', '--stamp', '--verbose');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('归档中已有相同文件');
    writeFileSync(join(dir, 'a.md'), reply(31, '2024-07-16').replace('全面开展。', '全面开展，成效明显。'));
    r = await run(dir, 'build', 'a.md', '--archive', 'arch', '--stamp');
    expect(r.code).toBe(1);
    expect(r.err).toContain('归档文件已存在且内容不同，未替换：arch/2024/提案答复/江教提〔2024〕31号.pdf');
    r = await run(dir, 'build', 'a.md', '--archive', 'arch', '--stamp', '--force');
    expect(r.code, r.err).toBe(0);
    const rows = csvRows(ARCH(dir, '2024/归档文件目录-D30.csv'));
    expect(rows.slice(1).map((row) => [row[1], row[2]])).toEqual([
      ['J012-WS·2024-D30-0001', '江教提〔2024〕4号'],
      ['J012-WS·2024-D30-0002', '江教提〔2024〕31号'],
    ]);
    expect(pdfText(ARCH(dir, PDF(31)))).toContain('成效明显');
    expect((await run(dir, 'verify', 'arch')).code).toBe(0);
  });

  it('is reproducible: the same sources give byte-identical archives (stamped PDFs, records, CSV, XLSX, PDF catalogue)', async () => {
    const dir = project({ 'a.md': reply(31, '2024-07-16'), 'b.md': reply(4, '2024-07-16') });
    writeFileSync(join(dir, 'gongwen.config.yaml'), CONFIG);
    expect((await run(dir, 'build', 'a.md', 'b.md', '--archive', 'one', '--stamp')).code).toBe(0);
    expect((await run(dir, 'build', 'a.md', 'b.md', '--archive', 'two', '--stamp')).code).toBe(0);
    const files = filesUnder(join(dir, 'one'));
    expect(filesUnder(join(dir, 'two'))).toEqual(files);
    expect(files).toContain('2024/归档文件目录-D30.xlsx');
    for (const f of files) expect(sha(join(dir, 'two', f)), f).toBe(sha(join(dir, 'one', f)));
  });

  it('a document without a 保管期限 is refused by name; --stamp needs the settings and --archive', async () => {
    const dir = project({ 'a.md': reply(31, '2024-07-16') });
    writeFileSync(join(dir, 'gongwen.config.yaml'), CONFIG.replace('  保管期限: D30\n', ''));
    let r = await run(dir, 'build', 'a.md', '--archive', 'arch');
    expect(r.code).toBe(1);
    expect(r.err).toContain('a.md：没有保管期限，未归档');
    const plain = project({ 'a.md': GOOD_REPLY });
    r = await run(plain, 'build', 'a.md', '--archive', 'arch', '--stamp');
    expect(r.code).toBe(2);
    expect(r.err).toContain('归档章需要全宗号');
    r = await run(plain, 'build', 'a.md', '--stamp');
    expect(r.code).toBe(2);
  });
});
