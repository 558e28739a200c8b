// The DOCX of the order and minutes examples rendered by LibreOffice, measured with pdf.js:
// 命令 [GB/T 9704 10.2, 7.3.5.3]: mark top 57 mm from the paper top, 令号 centred, no red
// rule, the signature seal 4 字 from the right with the title 2 字 to its left and centred on
// it, the date 4 字 from the right; 纪要 [10.3]: mark top 72 mm, no red rule, the lists
// indented 2 字 with wrapped lines after the colon, 分送 in the 版记.
// Skipped (with a message) only when `soffice` is not on PATH.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAndCompose } from '../../src/pipeline/build.js';
import { loadConfig } from '../../src/source/index.js';
import { loadTemplates } from '../../src/template/render.js';
import { fontsConf } from '../helpers/libreoffice.js';
import { isRed, lineChars, ptToMm, readPdfGeometry, type PdfGeometry, type PdfLine, type PdfPage } from '../helpers/pdf-geometry.js';
import { docxOf } from './fixtures.js';

const hasSoffice = ((process.env.PATH ?? '').split(':') as string[]).some((d) => d && existsSync(join(d, 'soffice')));
if (!hasSoffice) console.warn('test/docx/ordermin-libreoffice.test.ts: soffice is not on PATH, LibreOffice rendering tests skipped');

const ROOT = join(import.meta.dirname, '..', '..');
const CHAR_MM = 156 / 28;
const emTopMm = (l: PdfLine): number => ptToMm(l.baseline - 0.88 * l.size);
const find = (p: PdfPage, re: RegExp): PdfLine => {
  const l = p.lines.find((x) => re.test(lineChars(x)));
  if (!l) throw new Error(`no line ${re} on page ${p.index}: ${p.lines.map(lineChars).join(' | ')}`);
  return l;
};

describe.skipIf(!hasSoffice)('命令 and 纪要 DOCX rendered by LibreOffice', () => {
  let dir = '';
  const pdf: Record<string, PdfGeometry> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongwen-ordermin-lo-'));
    const config = loadConfig({ cwd: ROOT });
    const templates = loadTemplates();
    const files = { order: 'orders/2024-3-campus-safety-regulation.md', minutes: 'minutes/2024-9-bureau-office-meeting.md' };
    for (const [name, file] of Object.entries(files)) {
      const { doc } = readAndCompose(join(ROOT, 'content', file), config, templates);
      await writeFile(join(dir, `${name}.docx`), await docxOf(doc));
    }
    await writeFile(join(dir, 'fonts.conf'), fontsConf(dir));
    await mkdir(join(dir, 'out'));
    const res = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'out'), ...Object.keys(files).map((n) => join(dir, `${n}.docx`))],
      { env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') }, encoding: 'utf8', timeout: 180_000 },
    );
    for (const name of Object.keys(files)) {
      const path = join(dir, 'out', `${name}.pdf`);
      if (!existsSync(path)) throw new Error(`soffice did not write ${name}.pdf: ${res.stderr || res.stdout}`);
      pdf[name] = await readPdfGeometry(path);
    }
  }, 240_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('命令: the red mark top at 57 mm (±1), 第3号 centred, no red rule', () => {
    const p = pdf.order!.pages[0]!;
    const mark = p.lines.find((l) => l.red && l.size > 30)!;
    expect(lineChars(mark)).toBe('江川市人民政府令');
    expect(Math.abs(emTopMm(mark) - 57)).toBeLessThan(1);
    const no = find(p, /^第3号$/);
    expect(Math.abs(ptToMm((no.x0 + no.x1) / 2) - (28 + 78))).toBeLessThan(1);
    expect(p.rules.filter((r) => isRed(r.color))).toEqual([]);
  });

  it('命令: the seal ends 4 字 from the right, the title 2 字 left of it and on its middle, the date 4 字 from the right', () => {
    const p = pdf.order!.pages.find((pg) => pg.lines.some((l) => lineChars(l) === '市长'))!;
    const seal = p.images.find((i) => ptToMm(i.width) > 15 && ptToMm(i.width) < 35)!;
    expect(seal).toBeDefined();
    const title = find(p, /^市长$/);
    const date = find(p, /^2024年12月20日$/);
    expect(Math.abs(184 - ptToMm(seal.x + seal.width) - 4 * CHAR_MM)).toBeLessThan(1);
    expect(Math.abs(ptToMm(seal.x - title.x1) - 2 * CHAR_MM)).toBeLessThan(1);
    expect(Math.abs(ptToMm(title.baseline - 0.38 * title.size - (seal.y + seal.height / 2)))).toBeLessThan(1.5);
    expect(Math.abs(184 - ptToMm(date.x1) - 4 * CHAR_MM)).toBeLessThan(1);
    expect(date.baseline).toBeGreaterThan(seal.y + seal.height);
  });

  it('纪要: the red mark top at 72 mm (±1), no red rule, the lists indented 2 字 with wrapped lines after the colon, 分送 in the 版记', () => {
    const p1 = pdf.minutes!.pages[0]!;
    const mark = p1.lines.find((l) => l.red && l.size > 20)!;
    expect(lineChars(mark)).toBe('江川市教育局局长办公会议纪要');
    expect(Math.abs(emTopMm(mark) - 72)).toBeLessThan(1);
    expect(p1.rules.filter((r) => isRed(r.color))).toEqual([]);
    const lines = pdf.minutes!.pages.flatMap((p) => p.lines);
    const at = lines.findIndex((l) => lineChars(l).startsWith('出席：'));
    expect(at).toBeGreaterThan(0);
    const l0 = lines[at]!;
    expect(Math.abs(ptToMm(l0.x0) - (28 + 2 * CHAR_MM))).toBeLessThan(0.6);
    const wrapped = lines[at + 1]!;
    expect(Math.abs(ptToMm(wrapped.x0) - (28 + 5 * CHAR_MM))).toBeLessThan(0.6);
    for (const label of ['请假：', '列席：']) expect(lines.some((l) => lineChars(l).startsWith(label)), label).toBe(true);
    const pages = pdf.minutes!.pages;
    const last = pages[pages.length - 1]!;
    const row = find(last, /^分送：/);
    expect(row.size).toBeCloseTo(14, 0);
  });
});
