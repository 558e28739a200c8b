// The DOCX rendered by LibreOffice, measured with an independent PDF reader: 28 characters
// per full line, 22 lines per full page, the 版心 edges, page numbers, the issuer mark at
// 72 mm, the red rule 4 mm below the number and the 版记 at the bottom of the last page.
// Skipped (with a message) only when `soffice` is not on PATH; CI installs it.
//
// The official faces (仿宋_GB2312, 方正小标宋简体 …) are not free, so a private fontconfig file
// maps their names to the free Noto faces shipped on npm, as an office machine maps them to
// the installed faces. Geometry is checked against the format, not against a font.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isRed,
  lineChars,
  ptToMm,
  readPdfGeometry,
  type PdfGeometry,
  type PdfLine,
  type PdfPage,
} from '../helpers/pdf-geometry.js';
import { loadFontSet } from '../../src/fonts/index.js';
import { fontsConf } from '../helpers/libreoffice.js';
import { bulletin, docxOf, evenColophonReply, longReply, reply } from './fixtures.js';

const hasSoffice = ((process.env.PATH ?? '').split(':') as string[]).some((d) => d && existsSync(join(d, 'soffice')));
if (!hasSoffice) console.warn('test/docx/libreoffice.test.ts: soffice is not on PATH, LibreOffice rendering tests skipped');

/** Em box of an ideograph: 0.88 em above the baseline, 0.12 em below. */
const emTopMm = (l: PdfLine): number => ptToMm(l.baseline - 0.88 * l.size);
const emBottomMm = (l: PdfLine): number => ptToMm(l.baseline + 0.12 * l.size);
const x0 = (l: PdfLine): number => ptToMm(l.x0);
const x1 = (l: PdfLine): number => ptToMm(l.x1);

const isPageNumber = (l: PdfLine): boolean => /^—\s*\d+\s*—$/.test(lineChars(l));
const bodyLines = (p: PdfPage): PdfLine[] =>
  p.lines.filter((l) => Math.abs(l.size - 16) < 0.3 && !l.red && !isPageNumber(l) && ptToMm(l.baseline) < 265);
const isCjkOnly = (s: string): boolean => /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…]+$/.test(s);

describe.skipIf(!hasSoffice)('DOCX rendered by LibreOffice', () => {
  let dir = '';
  const pdf: Record<string, PdfGeometry> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongwen-docx-lo-'));
    const fixed28 = longReply();
    fixed28.options = { ...fixed28.options, lineMode: 'fixed28' };
    const docs = { bulletin: bulletin(), reply: reply(), long: longReply(), even: evenColophonReply(30), fixed28 };
    for (const [name, doc] of Object.entries(docs)) {
      await writeFile(join(dir, `${name}.docx`), await docxOf(doc));
    }
    await writeFile(join(dir, 'fonts.conf'), fontsConf(dir));
    await mkdir(join(dir, 'out'));
    const res = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        join(dir, 'out'),
        ...Object.keys(docs).map((n) => join(dir, `${n}.docx`)),
      ],
      { env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') }, encoding: 'utf8', timeout: 180_000 },
    );
    for (const name of Object.keys(docs)) {
      const path = join(dir, 'out', `${name}.pdf`);
      if (!existsSync(path)) throw new Error(`soffice did not write ${name}.pdf: ${res.stderr || res.stdout}`);
      pdf[name] = await readPdfGeometry(path);
    }
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('sets 28 characters on every full pure-CJK line', () => {
    const counts: number[] = [];
    for (const name of ['reply', 'long', 'bulletin']) {
      for (const p of pdf[name]!.pages) {
        for (const l of bodyLines(p)) {
          const text = lineChars(l);
          if (isCjkOnly(text) && Math.abs(x0(l) - 28) < 0.6 && x1(l) > 182) counts.push([...text].length);
        }
      }
    }
    expect(counts.length).toBeGreaterThan(40);
    // 避头尾 may push one character in or out (±1); the common count is 28.
    const mode = counts.filter((c) => c === 28).length;
    expect(mode / counts.length).toBeGreaterThan(0.9);
    expect(counts.every((c) => Math.abs(c - 28) <= 1)).toBe(true);
  });

  it('sets 22 lines on every full page, 28.95 pt apart, inside the 225 mm 版心', () => {
    const pages = pdf.long!.pages;
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const p of pages.slice(1, -2)) {
      const lines = bodyLines(p);
      expect(lines.length, `page ${p.index}`).toBe(22);
      // The first line's em box sits in the first grid row: at its top, or centred in it.
      expect(emTopMm(lines[0]!)).toBeGreaterThan(37 - 1);
      expect(emTopMm(lines[0]!)).toBeLessThan(37 + ptToMm((28.95 - 16) / 2) + 1);
      expect(emBottomMm(lines[21]!)).toBeLessThan(262 + 1);
      const pitch = (lines[21]!.baseline - lines[0]!.baseline) / 21;
      expect(pitch).toBeCloseTo(28.95, 1);
    }
  });

  it('keeps text inside the 版心 edges (28 and 184 mm, ±1 mm)', () => {
    for (const name of ['reply', 'long', 'bulletin']) {
      for (const p of pdf[name]!.pages) {
        for (const l of p.lines.filter((l) => !isPageNumber(l))) {
          expect(x0(l), `${name} p${p.index} ${lineChars(l)}`).toBeGreaterThan(28 - 1);
          expect(x1(l), `${name} p${p.index} ${lineChars(l)}`).toBeLessThan(184 + 1);
        }
        const body = bodyLines(p);
        const full = body.filter((l) => x1(l) > 182);
        if (full.length) expect(Math.max(...full.map(x1))).toBeCloseTo(184, 0);
      }
    }
  });

  it('numbers pages — N — in 14 pt, 7 mm below the 版心, right on odd and left on even pages', () => {
    for (const name of ['reply', 'long']) {
      for (const p of pdf[name]!.pages) {
        const n = p.lines.find(isPageNumber);
        expect(n, `${name} p${p.index}`).toBeDefined();
        expect(lineChars(n!)).toContain(String(p.index));
        expect(n!.size).toBeCloseTo(14, 0);
        // Dash centre ≈ 0.3 em above the baseline: 262 + 7 = 269 mm.
        expect(ptToMm(n!.baseline - 0.3 * n!.size)).toBeCloseTo(269, -0.5);
        if (p.index % 2 === 1) expect(x1(n!)).toBeCloseTo(184 - 4.94, 0);
        else expect(x0(n!)).toBeCloseTo(28 + 4.94, 0);
      }
    }
  });

  it('puts the red issuer mark top at 72 mm (±1)', () => {
    const p1 = pdf.reply!.pages[0]!;
    const mark = p1.lines.find((l) => l.red && l.size > 30)!;
    expect(mark).toBeDefined();
    expect(lineChars(mark)).toBe('某某市教育局文件');
    expect(Math.abs(emTopMm(mark) - 72)).toBeLessThan(1);
  });

  it('draws the red rule 156 mm wide, 4 mm below the number', () => {
    const p1 = pdf.reply!.pages[0]!;
    const rule = p1.rules.find((r) => isRed(r.color))!;
    expect(rule).toBeDefined();
    expect(ptToMm(rule.x1)).toBeCloseTo(28, 0);
    expect(ptToMm(rule.x2 - rule.x1)).toBeCloseTo(156, 0);
    const num = p1.lines.find((l) => lineChars(l).includes('签发人'))!;
    const gap = ptToMm(rule.y - rule.thickness / 2) - emBottomMm(num);
    expect(Math.abs(gap - 4)).toBeLessThan(0.5);
  });

  it('keeps page-1 body lines on the grid of the following pages', () => {
    const [p1, p2] = pdf.long!.pages;
    const grid = bodyLines(p2!)[0]!.baseline;
    for (const l of bodyLines(p1!).filter((l) => ptToMm(l.baseline) > 140)) {
      const k = (l.baseline - grid) / 28.95;
      expect(Math.abs(k - Math.round(k)), lineChars(l)).toBeLessThan(0.06);
    }
  });

  it('pins the 版记 to the bottom of the last page: last rule at 262 mm (±1), rules 156 mm', () => {
    for (const name of ['reply', 'long', 'bulletin']) {
      const pages = pdf[name]!.pages;
      const last = pages[pages.length - 1]!;
      const rules = last.rules.filter((r) => !isRed(r.color) && ptToMm(r.x2 - r.x1) > 150);
      expect(rules.length, name).toBeGreaterThanOrEqual(3);
      const bottom = rules.reduce((a, r) => (r.y > a.y ? r : a));
      expect(Math.abs(ptToMm(bottom.y) - 262), name).toBeLessThan(1);
      for (const r of rules) expect(ptToMm(r.x1)).toBeCloseTo(28, 0);
      expect(last.text).toContain('印发');
      for (const p of pages.slice(0, -1)) expect(p.text).not.toContain('印发');
    }
  });

  it('shows the 简报 masthead in red with its rule', () => {
    const p1 = pdf.bulletin!.pages[0]!;
    const red = p1.lines.filter((l) => l.red).map(lineChars);
    expect(red.some((t) => t.includes('简') && t.includes('报'))).toBe(true);
    expect(red.some((t) => t.includes('活动'))).toBe(true);
    const rule = p1.rules.find((r) => isRed(r.color))!;
    expect(ptToMm(rule.x2 - rule.x1)).toBeCloseTo(156, 0);
  });

  it('puts the 版记 on an even page after a blank page, neither numbered (colophonOnEvenPage) [7.5]', () => {
    const pages = pdf.even!.pages;
    expect(pages.length % 2).toBe(0);
    const [blank, last] = pages.slice(-2) as [PdfPage, PdfPage];
    expect(blank.lines).toHaveLength(0);
    expect(last.text).toContain('印发');
    expect(last.lines.some(isPageNumber)).toBe(false);
    for (const p of pages.slice(0, -2)) {
      expect(p.lines.some(isPageNumber), `page ${p.index}`).toBe(true);
      expect(p.text).not.toContain('印发');
    }
    const rules = last.rules.filter((r) => !isRed(r.color) && ptToMm(r.x2 - r.x1) > 150);
    expect(Math.abs(ptToMm(Math.max(...rules.map((r) => r.y))) - 262)).toBeLessThan(1);
  });

  it('lineMode fixed28: lines 28 pt apart, 22 on a full page', () => {
    const p = pdf.fixed28!.pages[1]!;
    const lines = bodyLines(p);
    expect(lines).toHaveLength(22);
    expect((lines[21]!.baseline - lines[0]!.baseline) / 21).toBeCloseTo(28, 1);
  });
});
