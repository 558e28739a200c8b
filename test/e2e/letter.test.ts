// 信函格式 (GB/T 9704 10.1) and joint seals (7.3.5.1) in real output: a reply as offices send
// it, rebuilt as a 复函 with `格式: 信函`, the 函 example and the joint 通知 built through the
// CLI; the PDFs read back with pdf.js and the independent checker, the DOCX as XML and as
// LibreOffice sets it.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxPart, exampleProject, hasTool, run } from '../cli/helpers.js';
import { isRed, lineChars, mmToPt, ptToMm, readPdfGeometry, type PdfGeometry, type PdfLine } from '../helpers/pdf-geometry.js';

const hasSoffice = hasTool('soffice');

/** The seed reply of content/, sent as a 复函 in 信函格式 (as many published replies are). */
const letterReply = (seed: string): string =>
  seed.replace('number: 江教提〔2024〕31号', 'number: 江教函〔2024〕31号\nformat: letter').replace(/^printer: .*\n/m, '');

const emTop = (l: PdfLine): number => l.baseline - 0.88 * l.size;
const emBottom = (l: PdfLine): number => l.baseline + 0.12 * l.size;

let dir = '';
const pdf: Record<string, PdfGeometry> = {};
const out = (name: string): string => join(dir, 'out', name);

beforeAll(async () => {
  dir = exampleProject();
  const seed = readFileSync(join(dir, 'content', 'replies', '2024-proposal-031-A.md'), 'utf8');
  writeFileSync(join(dir, 'content', 'replies', 'letter-031.md'), letterReply(seed));
  const r = await run(
    dir,
    'build',
    'content/replies/letter-031.md',
    'content/letters/2024-12-research-base.md',
    'content/notices/2024-125-flood-season.md',
    '--out',
    'out',
  );
  expect(r.code, r.err).toBe(0);
  for (const n of ['letter-031', '2024-12-research-base', '2024-125-flood-season']) pdf[n] = await readPdfGeometry(out(`${n}.pdf`));
}, 120_000);

describe('信函格式 in the PDF [10.1]', () => {
  for (const name of ['letter-031', '2024-12-research-base']) {
    it(`${name}: the name 30 mm from the top, double rules, the number right under the first, no number on page 1`, () => {
      const g = pdf[name]!;
      const p1 = g.pages[0]!;
      const mark = p1.lines.filter((l) => l.red).sort((a, b) => b.size - a.size)[0]!;
      expect(lineChars(mark)).toBe('江川市教育局');
      expect(p1.text).not.toMatch(/江川市教育局文件/);
      expect(ptToMm(emTop(mark))).toBeGreaterThan(29);
      expect(ptToMm(emTop(mark))).toBeLessThan(31);
      const reds = p1.rules.filter((r) => isRed(r.color)).sort((a, b) => a.y - b.y);
      expect(reds).toHaveLength(4);
      for (const r of reds) expect(ptToMm(r.x2 - r.x1)).toBeCloseTo(170, 0);
      // Thick over thin 4 mm under the mark; thin over thick 20 mm above the paper bottom.
      const [a, b, c, d] = reds as [(typeof reds)[0], (typeof reds)[0], (typeof reds)[0], (typeof reds)[0]];
      expect(a.thickness).toBeGreaterThan(b.thickness);
      expect(c.thickness).toBeLessThan(d.thickness);
      expect(ptToMm(a.y - a.thickness / 2 - emBottom(mark))).toBeCloseTo(4, 0);
      expect(ptToMm(p1.height - (d.y + d.thickness / 2))).toBeCloseTo(20, 0);
      // The number flush right at the 版心 edge, 14 pt under the first rule.
      const num = p1.lines.find((l) => /江教函〔2024〕\d+号/.test(lineChars(l)))!;
      expect(ptToMm(num.x1)).toBeCloseTo(184, 0);
      expect(emTop(num) - (b.y + b.thickness / 2)).toBeGreaterThan(13.5);
      expect(emTop(num) - (b.y + b.thickness / 2)).toBeLessThan(14.5);
      // No page number on page 1; page 2 has its own.
      expect(p1.lines.some((l) => /^—\s*\d+\s*—$/.test(lineChars(l)))).toBe(false);
      expect(g.pages[1]!.lines.some((l) => /^—\s*2\s*—$/.test(lineChars(l)))).toBe(true);
    });
  }

  it('sets the 版记 without 印发 row, between its thick first and last rules, at the bottom of the 版心', () => {
    const g = pdf['letter-031']!;
    const last = g.pages[g.pages.length - 1]!;
    const cc = last.lines.find((l) => lineChars(l).startsWith('抄送：'))!;
    expect(cc).toBeDefined();
    expect(ptToMm(emBottom(cc))).toBeGreaterThan(255);
    expect(ptToMm(emBottom(cc))).toBeLessThanOrEqual(262.5);
    expect(g.pages.some((p) => /\d+日印发/.test(p.text.replace(/\s/g, '')))).toBe(false);
    // 10.1 leaves out the 印发 row and its separating thin rule; the 版记's own rules (7.4.1) stay.
    const black = last.rules.filter((r) => !isRed(r.color) && ptToMm(r.x2 - r.x1) > 150).sort((a, b) => a.y - b.y);
    expect(black).toHaveLength(2);
    expect(ptToMm(black[0]!.y)).toBeLessThan(ptToMm(emTop(cc)) + 0.5);
    expect(ptToMm(black[1]!.y)).toBeCloseTo(262, 0);
  });
});

describe('joint seals in the PDF [7.3.5.1]', () => {
  it('presses one seal on each issuer, side by side, apart, inside the 版心, the last on the date', () => {
    const g = pdf['2024-125-flood-season']!;
    const page = g.pages.find((p) => p.images.length)!;
    const imgs = [...page.images].sort((a, b) => a.x - b.x);
    expect(imgs).toHaveLength(2);
    const [l, r] = imgs as [(typeof imgs)[0], (typeof imgs)[0]];
    expect(Math.abs(l.y - r.y)).toBeLessThan(0.5);
    expect(r.x - (l.x + l.width)).toBeGreaterThan(mmToPt(2));
    expect(l.x).toBeGreaterThanOrEqual(mmToPt(28) - 0.5);
    expect(r.x + r.width).toBeLessThanOrEqual(mmToPt(184) + 0.5);
    const name = (s: string) => page.lines.flatMap((ln) => (lineChars(ln).includes(s) ? [ln] : []))[0]!;
    const line = page.lines.find((ln) => lineChars(ln).includes('江川市应急管理局'))!;
    const host = line.glyphs.filter((g2) => g2.char !== ' ');
    expect(host.length).toBeGreaterThan(0);
    const date = name('2024年12月27日');
    const dateCentre = (date.x0 + date.x1) / 2;
    expect(r.x + r.width / 2).toBeCloseTo(dateCentre, 0);
    // Each seal over its own name: the names' centres under the seals' centres.
    const text = lineChars(line);
    expect(text.indexOf('江川市教育局')).toBeLessThan(text.indexOf('江川市应急管理局'));
    // The seals' top within one line (29 pt) of the last body line above.
    const body = page.lines.filter((ln) => Math.abs(ln.size - 16) < 0.3 && ln.baseline < line.baseline - 40).pop()!;
    expect(l.y - emBottom(body)).toBeGreaterThan(0);
    expect(l.y - emBottom(body)).toBeLessThan(29 + 3);
  });
});

describe('信函格式 and joint seals in the DOCX', () => {
  it('states the plan: title page without number, the mark and rules anchored to the page, no 印发 row', () => {
    const xml = docxPart(readFileSync(out('letter-031.docx')));
    expect(xml).toContain('<w:titlePg/>');
    expect(xml.match(/name="红色双线"/g)).toHaveLength(4);
    expect(xml).toMatch(/name="发文机关标志"[\s\S]*?/);
    expect(xml).toMatch(/<wp:positionV relativeFrom="page">/);
    expect(xml).not.toMatch(/日印发/);
    expect(xml).not.toContain('江川市教育局文件');
    expect(xml).toContain('江教函〔2024〕31号');
  });

  it('anchors one seal per issuer in the row of names', () => {
    const xml = docxPart(readFileSync(out('2024-125-flood-season.docx')));
    expect(xml.match(/<wp:docPr id="\d+" name="印章"/g)).toHaveLength(2);
    expect(xml).toMatch(/<w:tab w:val="center"/);
  });
});

describe.skipIf(!hasSoffice)('信函格式 as LibreOffice sets the DOCX', () => {
  const fontsConf = (d: string): string => {
    const req = createRequire(import.meta.url);
    const serif = dirname(req.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
    const sans = dirname(req.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
    const alias = (n: string, to: string) => `<alias binding="same"><family>${n}</family><prefer><family>${to}</family></prefer></alias>`;
    return `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${serif}/400Regular</dir><dir>${sans}/400Regular</dir>
<cachedir>${d}/fc-cache</cachedir>${alias('仿宋_GB2312', 'Noto Serif SC')}${alias('楷体_GB2312', 'Noto Serif SC')}${alias('宋体', 'Noto Serif SC')}${alias('方正小标宋简体', 'Noto Serif SC')}${alias('黑体', 'Noto Sans SC')}</fontconfig>`;
  };
  let lo: PdfGeometry;
  beforeAll(async () => {
    writeFileSync(join(dir, 'fonts.conf'), fontsConf(dir));
    const res = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), out('letter-031.docx')],
      { env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') }, encoding: 'utf8', timeout: 180_000 },
    );
    const path = join(dir, 'lo', 'letter-031.pdf');
    if (!existsSync(path)) throw new Error(`soffice did not write the PDF: ${res.stderr || res.stdout}`);
    lo = await readPdfGeometry(path);
  }, 200_000);

  it('puts the mark 30 mm from the top, the rules where the PDF has them, the number right, no page number on page 1', () => {
    const p1 = lo.pages[0]!;
    const mark = p1.lines.filter((l) => l.red).sort((a, b) => b.size - a.size)[0]!;
    expect(lineChars(mark)).toBe('江川市教育局');
    expect(ptToMm(emTop(mark))).toBeGreaterThan(29);
    expect(ptToMm(emTop(mark))).toBeLessThan(31.5);
    const want = pdf['letter-031']!.pages[0]!.rules.filter((r) => isRed(r.color)).map((r) => r.y).sort((a, b) => a - b);
    const got = p1.rules.filter((r) => isRed(r.color)).map((r) => r.y).sort((a, b) => a - b);
    expect(got).toHaveLength(4);
    got.forEach((y, k) => expect(Math.abs(y - want[k]!)).toBeLessThan(mmToPt(0.5)));
    const num = p1.lines.find((l) => lineChars(l).replace(/\s/g, '').includes('江教函〔2024〕31号'))!;
    expect(ptToMm(num.x1)).toBeCloseTo(184, 0);
    expect(p1.lines.some((l) => /^—\s*\d+\s*—$/.test(lineChars(l)))).toBe(false);
    expect(lo.pages[1]!.lines.some((l) => /^—\s*2\s*—$/.test(lineChars(l).trim()))).toBe(true);
  });
});
