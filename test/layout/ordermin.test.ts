// The plan of 命令(令)格式 [GB/T 9704 10.2, 7.3.5.3] and 纪要格式 [10.3] on synthetic models:
// the mark's place, the number and body lines below it, no rule, the signer's seal, title and
// date, the attendance lists.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import type { FontSet } from '../../src/fonts/types.js';
import { planDocument, type DocumentPlan, type PagePlan } from '../../src/layout/index.js';
import type { Block, DocFormat, GongwenDocument } from '../../src/model/types.js';
import { sealPng } from '../docx/fixtures.js';

// The format, restated from GB/T 9704 (not imported from the spec module).
const MM = 72 / 25.4;
const TYPE_W = 156 * MM;
const RIGHT = (28 + 156) * MM;
const CHAR = TYPE_W / 28;

let fonts: FontSet;
beforeAll(() => {
  fonts = loadFontSet({ system: false });
});

const doc = (format: DocFormat, blocks: Block[]): GongwenDocument => ({
  file: 'plan.md',
  info: { type: format === 'order' ? 'order' : 'minutes', title: 't', author: 'a', subject: 's', isoDate: '2024-01-01', format },
  options: { lineMode: 'grid', colophonOnEvenPage: false, noBodyTextNotice: false, boldLevel3: false },
  labels: { noBodyText: '' },
  blocks,
});
const para = (t: string): Block => ({ kind: 'paragraph', style: 'body', runs: [{ text: t }] });
const BODY = para('《江川市中小学校园安全管理办法》已经市人民政府常务会议通过，现予公布，自2025年3月1日起施行。');
const order = (seal: boolean): GongwenDocument =>
  doc('order', [
    { kind: 'issuerMark', lines: ['江川市人民政府令'] },
    { kind: 'docNumber', number: '第3号', signers: [], signerLabel: '' },
    BODY,
    { kind: 'signature', issuers: ['周明远'], signerTitle: '市长', date: '2024年12月20日', ...(seal ? { seal: sealPng() } : {}) },
  ]);

const placed = (p: DocumentPlan, role: string): Array<PagePlan['lines'][number]> => p.pages.flatMap((pg) => pg.lines.filter((l) => l.line.role === role));

describe('命令(令)格式 [10.2]', () => {
  it('sets the mark 20 mm below the 版心 top, the 令号 2 lines below it, the body 2 lines below that, and no rule', () => {
    const p = planDocument(order(true), fonts);
    const h = p.header;
    expect(h.mark!.top).toBeCloseTo(20 * MM, 3);
    expect(h.docNumber!.number).toBe('第3号');
    expect(h.docNumber!.slot).toBe(h.mark!.slots + 2);
    expect(h.rule).toBeUndefined();
    expect(h.lines).toBe(h.docNumber!.numberSlot + 1 + 2);
    expect(placed(p, 'body')[0]!.slot).toBe(h.lines);
    // Centred number.
    expect(h.docNumber!.inset).toBe(0);
  });

  it('keeps a short mark unscaled and shrinks a long one in size, not in width', () => {
    const mark = (name: string) => planDocument(doc('order', [{ kind: 'issuerMark', lines: [name] }, BODY]), fonts).header.mark!;
    expect(mark('某某令').hScale).toBe(1);
    const long = mark('中华人民共和国某某部部长令');
    expect(long.hScale).toBe(1);
    expect(long.size).toBeLessThan(58);
    expect(long.namesWidth).toBeLessThanOrEqual(150 * MM + 0.01);
  });

  it('signs with the signature seal 4 字 from the right, the title 2 字 left of it and centred on it, the date after 1 blank line [7.3.5.3]', () => {
    const p = planDocument(order(true), fonts);
    const s = p.signatures[0]!;
    expect(s.gapLines).toBe(2);
    expect(s.names).toEqual([]);
    const seal = s.seal!;
    const sealRight = 28 * MM + seal.x + seal.width;
    expect(RIGHT - sealRight).toBeCloseTo(4 * CHAR, 1);
    expect(s.signer!.title.text).toBe('市长');
    expect(RIGHT - s.signer!.title.rightInset).toBeCloseTo(28 * MM + seal.x - 2 * CHAR, 1);
    expect(s.date.rightInset).toBeCloseTo(4 * CHAR, 1);
    // The seal's lines: odd, the title on the middle one, the seal centred on it.
    const n = s.signer!.lines;
    expect(n % 2).toBe(1);
    expect(seal.height).toBeLessThanOrEqual(n * p.pitch);
    const body = placed(p, 'body').at(-1)!;
    const sig = placed(p, 'signature')[0]!;
    const date = placed(p, 'date')[0]!;
    expect(sig.slot).toBe(body.slot + 1 + 2);
    expect(date.slot).toBe(sig.slot + n + 1);
    // Seal centre = centre of the title's line, both relative to the date line's top.
    const titleCentre = -(n + 1) * p.pitch + ((n - 1) / 2 + 0.5) * p.pitch;
    expect(seal.top + seal.height / 2).toBeCloseTo(titleCentre, 3);
    // The group moves together (never a seal without its date).
    expect(new Set([sig.line.group, date.line.group]).size).toBe(1);
  });

  it('without a seal image prints the name in the seal’s place, on the title’s line', () => {
    const p = planDocument(order(false), fonts);
    const s = p.signatures[0]!;
    expect(s.seal).toBeUndefined();
    expect(s.signer!.lines).toBe(1);
    expect(s.signer!.name).toEqual({ text: '周明远', rightInset: expect.closeTo(4 * CHAR, 1) });
    // Title ends 2 字 before the name starts: name width = 3 characters.
    expect(s.signer!.title.rightInset).toBeCloseTo(4 * CHAR + 3 * CHAR + 2 * CHAR, 0);
    const sig = placed(p, 'signature')[0]!;
    expect(placed(p, 'date')[0]!.slot).toBe(sig.slot + 2);
  });
});

describe('纪要格式 [10.3]', () => {
  const minutes = (): GongwenDocument =>
    doc('minutes', [
      { kind: 'issuerMark', lines: ['江川市教育局局长办公会议纪要'] },
      { kind: 'docNumber', number: '第9期', signers: [], signerLabel: '' },
      BODY,
      { kind: 'attendance', label: '出席：', text: Array.from({ length: 8 }, (_, k) => `陈志刚${'一二三四五六七八九十'[k % 10]}`).join('、') },
      { kind: 'attendance', label: '请假：', text: '许卫东（出差）' },
      { kind: 'attendance', label: '列席：', text: '韩光辉' },
      { kind: 'signature', issuers: ['江川市教育局办公室'], date: '2024年11月28日' },
    ]);

  it('sets the mark 35 mm below the 版心 top, the 期号 2 lines below it, no rule, the body 2 lines below the 期号', () => {
    const p = planDocument(minutes(), fonts);
    expect(p.header.mark!.top).toBeCloseTo(35 * MM, 3);
    expect(p.header.docNumber!.slot).toBe(p.header.mark!.slots + 2);
    expect(p.header.rule).toBeUndefined();
    expect(placed(p, 'body')[0]!.slot).toBe(p.header.docNumber!.numberSlot + 3);
  });

  it('puts the lists 1 blank line below the body, each on a new line, indented 2 字, wrapped lines after the colon', () => {
    const p = planDocument(minutes(), fonts);
    expect(p.attendance.map((a) => [a.label, a.gapLines])).toEqual([
      ['出席：', 1],
      ['请假：', 0],
      ['列席：', 0],
    ]);
    const a = p.attendance[0]!;
    expect(a.indent).toBeCloseTo(2 * CHAR, 1);
    expect(a.labelWidth).toBeCloseTo(3 * CHAR, 0);
    const lines = p.pages[0]!.lines.filter((l) => l.line.block === 3 && l.line.role !== 'blank');
    expect(lines.length).toBe(2);
    const x = (l: (typeof lines)[number]): number => (l.line.pieces[0]!.kind === 'text' ? l.line.pieces[0]!.x : NaN);
    expect(x(lines[0]!)).toBeCloseTo(28 * MM + a.indent, 3);
    expect(x(lines[1]!)).toBeCloseTo(28 * MM + a.indent + a.labelWidth, 3);
    const body = p.pages[0]!.lines.filter((l) => l.line.block === 2 && l.line.role !== 'blank').at(-1)!;
    expect(lines[0]!.slot).toBe(body.slot + 2);
    const next = p.pages[0]!.lines.find((l) => l.line.block === 4)!;
    expect(next.slot).toBe(lines[1]!.slot + 1);
    // The label in 黑体, the names in 仿宋.
    const piece = lines[0]!.line.pieces[0]!;
    if (piece.kind !== 'text') throw new Error('text expected');
    expect(piece.chars.slice(0, 3).map((c) => c.role)).toEqual(['hei', 'hei', 'hei']);
    expect(piece.chars[3]!.role).toBe('fangsong');
  });
});
