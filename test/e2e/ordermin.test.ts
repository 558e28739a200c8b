// 命令(令)格式 [GB/T 9704 10.2, 7.3.5.3] and 纪要格式 [10.3] read back from the PDFs the CLI
// writes for the examples (pdf.js): the mark's top edge, the 令号 and 期号 lines, no red rule,
// the signer's seal, title and date, the attendance labels in 黑体 with wrapped lines after the
// colon, and 分送 in the 版记.

import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../../src/cli/main.js';
import { MM, isRed, lineChars, readPdfGeometry, type PdfGeometry, type PdfLine, type PdfPage } from '../helpers/pdf-geometry.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = mkdtempSync(join(tmpdir(), 'gw-ordermin-'));
const ORDER = 'orders/2024-3-campus-safety-regulation';
const MINUTES = 'minutes/2024-9-bureau-office-meeting';

// The format, restated from GB/T 9704.
const TOP = 37 * MM;
const LEFT = 28 * MM;
const RIGHT = (28 + 156) * MM;
const PITCH = (225 * MM) / 22;
const CHAR = (156 * MM) / 28;
/** Em-box top of a line: the ideographic em box reaches 0.88 em above the baseline. */
const emTop = (l: PdfLine): number => l.baseline - 0.88 * l.size;
/** Grid row (0-based) of a line of body-size text. */
const row = (l: PdfLine): number => Math.floor((emTop(l) - TOP) / PITCH);
const find = (p: PdfPage, re: RegExp): PdfLine => {
  const l = p.lines.find((x) => re.test(lineChars(x)));
  if (!l) throw new Error(`no line ${re} on page ${p.index}: ${p.lines.map(lineChars).join(' | ')}`);
  return l;
};

let order: PdfGeometry;
let minutes: PdfGeometry;
beforeAll(async () => {
  const err: string[] = [];
  const io = { cwd: ROOT, stdout: () => {}, stderr: (s: string) => err.push(s), isTTY: false };
  const code = await main(['build', join('content', `${ORDER}.md`), join('content', `${MINUTES}.md`), '--out', OUT], io);
  expect(err.join('')).toBe('');
  expect(code).toBe(0);
  order = await readPdfGeometry(join(OUT, `${ORDER.split('/')[1]}.pdf`));
  minutes = await readPdfGeometry(join(OUT, `${MINUTES.split('/')[1]}.pdf`));
}, 120_000);

describe('命令(令)格式 read back from the PDF', () => {
  it('sets the red mark 20 mm below the 版心 top (57 mm from the paper top), unscaled', () => {
    const mark = find(order.pages[0]!, /^江川市人民政府令$/);
    expect(mark.red).toBe(true);
    expect(emTop(mark) / MM).toBeCloseTo(57, 1);
    expect(mark.glyphs.every((g) => Math.abs(g.hScale - 1) < 1e-3)).toBe(true);
  });

  it('centres the 令号 two blank lines below the mark, the body two blank lines below the 令号, no red rule', () => {
    const p = order.pages[0]!;
    const mark = find(p, /^江川市人民政府令$/);
    const no = find(p, /^第3号$/);
    const body = find(p, /^《江川市中小学校园安全管理办法》/);
    expect((no.x0 + no.x1) / 2).toBeCloseTo(LEFT + (RIGHT - LEFT) / 2, 0);
    const markLastRow = Math.floor((emTop(mark) + mark.size - TOP) / PITCH);
    expect(row(no)).toBe(markLastRow + 3);
    expect(row(body)).toBe(row(no) + 3);
    expect(p.rules.filter((r) => isRed(r.color))).toEqual([]);
  });

  it('signs as 7.3.5.3: 2 blank lines, the seal 4 字 from the right, the title 2 字 to its left and centred on it, 1 blank line, the date 4 字 from the right', () => {
    const p = order.pages[order.pages.length - 1]!;
    const seal = p.images.find((i) => i.width > 40 && i.width < 100)!;
    expect(seal).toBeDefined();
    const title = find(p, /^市长$/);
    const date = find(p, /^2024年12月20日$/);
    const bodyLast = find(p, /^施行。$/);
    expect(RIGHT - (seal.x + seal.width)).toBeCloseTo(4 * CHAR, 0);
    expect(seal.x - title.x1).toBeCloseTo(2 * CHAR, 0);
    // The title's em-box centre on the seal's centre.
    expect(emTop(title) + title.size / 2).toBeCloseTo(seal.y + seal.height / 2, 0);
    expect(RIGHT - date.x1).toBeCloseTo(4 * CHAR, 0);
    // Rows: the seal starts after 2 blank lines, 1 blank line lies between its last row and the date.
    expect(Math.floor((seal.y - TOP) / PITCH)).toBe(row(bodyLast) + 3);
    expect(row(date)).toBe(Math.floor((seal.y + seal.height - TOP) / PITCH) + 2);
    // The name is not printed beside its seal.
    expect(p.lines.some((l) => lineChars(l).includes('周明远'))).toBe(false);
  });
});

describe('纪要格式 read back from the PDF', () => {
  const all = (): PdfLine[] => minutes.pages.flatMap((p) => p.lines);

  it('sets the red mark 35 mm below the 版心 top, 第9期 two blank lines below it, and no red rule', () => {
    const p = minutes.pages[0]!;
    const mark = find(p, /^江川市教育局局长办公会议纪要$/);
    expect(mark.red).toBe(true);
    expect(emTop(mark) / MM).toBeCloseTo(72, 1);
    const issue = find(p, /^第9期$/);
    expect(row(issue)).toBe(Math.floor((emTop(mark) + mark.size - TOP) / PITCH) + 3);
    expect(p.rules.filter((r) => isRed(r.color))).toEqual([]);
  });

  it('prints 出席, 请假 and 列席 with their labels in 黑体 (the level-1 heading face), the names in the body face', () => {
    const heading = all().find((l) => lineChars(l).startsWith('一、关于'))!;
    const body = all().find((l) => lineChars(l).startsWith('会议听取了'))!;
    for (const label of ['出席：', '请假：', '列席：']) {
      const l = all().find((x) => lineChars(x).startsWith(label))!;
      expect(l, label).toBeDefined();
      const [a, b, c, name] = l.glyphs;
      for (const g of [a!, b!, c!]) expect(g.font).toBe(heading.glyphs[0]!.font);
      expect(name!.font).toBe(body.glyphs[2]!.font);
      expect(name!.font).not.toBe(a!.font);
      expect(l.x0).toBeCloseTo(LEFT + 2 * CHAR, 0);
    }
  });

  it('aligns the wrapped lines of a list after the colon, and sets each list on the next line', () => {
    const lines = all();
    const first = lines.findIndex((l) => lineChars(l).startsWith('出席：'));
    const l0 = lines[first]!;
    const l1 = lines[first + 1]!;
    const afterColon = l0.glyphs[3]!.x;
    expect(lineChars(l1).startsWith('请假')).toBe(false);
    expect(l1.x0).toBeCloseTo(afterColon, 0);
    expect(l1.baseline - l0.baseline).toBeCloseTo(PITCH, 0);
    const absent = lines.find((l) => lineChars(l).startsWith('请假：'))!;
    expect(absent.baseline - l1.baseline).toBeCloseTo(PITCH, 0);
    // 1 blank line between the body and 出席.
    const prev = lines[first - 1]!;
    expect(l0.baseline - prev.baseline).toBeCloseTo(2 * PITCH, 0);
  });

  it('prints the distribution as 分送 in the 版记, between its rules, in 4号', () => {
    const p = minutes.pages[minutes.pages.length - 1]!;
    const row = find(p, /^分送：/);
    expect(row.size).toBeCloseTo(14, 1);
    const ys = p.rules.filter((r) => r.x2 - r.x1 > 150 * MM).map((r) => r.y);
    expect(ys.length).toBeGreaterThanOrEqual(2);
    expect(row.baseline).toBeGreaterThan(Math.min(...ys));
    expect(row.baseline).toBeLessThan(Math.max(...ys));
    expect(lineChars(row)).toBe('分送：局领导，局机关各科室，局属各单位。');
  });
});
