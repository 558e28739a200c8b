// The plan's rules for attachments on their own pages, tables, images and long Latin tokens, on
// synthetic models (no PDF): GB/T 9704 7.3.7 and the table/figure conventions of spec §13.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import type { FontSet } from '../../src/fonts/types.js';
import { breakLines, planDocument, type DocumentPlan, type PagePlan } from '../../src/layout/index.js';
import { isTokenBreak } from '../../src/layout/linebreak.js';
import { autoColumnWidths } from '../../src/layout/table.js';
import type { Block, GongwenDocument, Run } from '../../src/model/types.js';
import { photoPng } from '../helpers/png.js';

const MM = 72 / 25.4;
const TYPE_W = 156 * MM;

let fonts: FontSet;
beforeAll(() => {
  fonts = loadFontSet({ system: false });
});

const doc = (blocks: Block[], options: Partial<GongwenDocument['options']> = {}): GongwenDocument => ({
  file: 'flow.md',
  info: { type: 'notice', title: 't', author: 'a', subject: 's', isoDate: '2024-01-01' },
  options: { lineMode: 'grid', colophonOnEvenPage: false, noBodyTextNotice: false, boldLevel3: false, ...options },
  labels: { noBodyText: '', tableContinued: '续表' },
  blocks,
});
const para = (text: string): Block => ({ kind: 'paragraph', style: 'body', runs: [{ text }] });
const lines = (n: number): Block[] => Array.from({ length: n }, () => para('各部门要坚持以人民为中心的发展思想。'));
const plan = (d: GongwenDocument): DocumentPlan => planDocument(d, fonts);
const text = (pl: PagePlan['lines'][number]): string =>
  pl.line.pieces.map((p) => (p.kind === 'text' ? (p.line ? p.chars.slice(p.line.start, p.line.end) : p.chars).map((c) => c.ch).join('') : '')).join('');
const cells = (...xs: string[]): Run[][] => xs.map((text) => [{ text }]);

describe('attachments on their own pages [7.3.7]', () => {
  const blocks = (): Block[] => [
    { kind: 'title', text: '关于做好冬季校园安全工作的通知' },
    ...lines(3),
    { kind: 'attachmentNote', label: '附件：', items: ['1.排查清单', '2.联络员名单'] },
    { kind: 'signature', issuers: ['某某市教育局'], date: '2024年1月1日' },
    { kind: 'attachmentPage', label: '附件1', title: '江川市中小学冬季安全隐患排查清单' },
    ...lines(2),
    { kind: 'attachmentPage', label: '附件2', title: '冬季校园安全工作联络员名单' },
    ...lines(1),
    { kind: 'colophon', rows: [{ kind: 'printed', printer: '某某市教育局办公室', date: '2024年1月1日印发' }] },
  ];

  it('starts each on a new page: the label on line 1, the title on line 3, the body after a blank line', () => {
    const p = plan(doc(blocks()));
    expect(p.pages.length).toBe(3);
    for (const [k, label] of [[1, '附件1'], [2, '附件2']] as const) {
      const page = p.pages[k]!;
      const first = page.lines.find((l) => l.line.pieces.length)!;
      expect(first.slot).toBe(0);
      expect(text(first)).toBe(label);
      const title = page.lines.find((l) => l.line.role === 'title')!;
      expect(title.slot).toBe(2);
      const body = page.lines.find((l) => l.slot > 2 && l.line.role === 'body')!;
      expect(body.slot).toBe(4);
    }
    expect(p.attachmentPages.map((a) => [a.label, a.lines, a.gapBefore, a.gapAfter])).toEqual([
      ['附件1', ['江川市中小学冬季安全隐患排查清单'], 1, 1],
      ['附件2', ['冬季校园安全工作联络员名单'], 1, 1],
    ]);
  });

  it('numbers the pages on and keeps the 版记 on the last page', () => {
    const p = plan(doc(blocks()));
    expect(p.pages.map((x) => x.number)).toEqual([1, 2, 3]);
    expect(p.colophon?.page).toBe(2);
  });
});

describe('tables', () => {
  it('share the width by content: minima first, the rest by what each column still wants', () => {
    expect(autoColumnWidths([20, 30], [40, 60], 200)).toEqual([80, 120]); // all fit: scaled up by their maxima
    const w = autoColumnWidths([40, 40, 30], [40, 400, 30], 300);
    expect(w[0]).toBe(40);
    expect(w[2]).toBe(30);
    expect(w[1]).toBe(230);
    expect(autoColumnWidths([200, 200], [300, 300], 200)).toEqual([100, 100]);
  });

  const table = (rows: number): Block => ({
    kind: 'table',
    header: cells('管理机制', '主要做法', '数量'),
    rows: Array.from({ length: rows }, (_, k) => cells('责任机制', '层层签订安全责任书，校长为第一责任人，分管领导和班主任分级负责，形成横向到边、纵向到底的责任体系', String(100 + k))),
    align: [null, null, null],
  });

  it('gives a short column its text whole, right-aligns numbers, and fills the 版心', () => {
    const p = plan(doc([para('前言。'), table(2)]));
    const t = p.tables[0]!;
    expect(t.columns.reduce((a, b) => a + b, 0)).toBeCloseTo(TYPE_W, 3);
    expect(t.columns[0]).toBeGreaterThanOrEqual(4 * 16);
    expect(t.columns[1]).toBeGreaterThan(t.columns[0]! * 2);
    expect(t.align).toEqual(['left', 'left', 'right']);
    expect(t.headerAlign).toEqual(['center', 'center', 'center']);
    expect(t.rows[0]).toEqual({ header: true, span: 1 });
    // Every row is a whole number of grid lines.
    for (const r of t.rows) expect(Number.isInteger(r.span)).toBe(true);
  });

  it('keeps the header row with the first body row and repeats it (under 续表) on the next page', () => {
    // 19 lines of body leave 3: the header and a 2-line row would fit, but then the table goes on.
    const p = plan(doc([...lines(19), { kind: 'paragraph', style: 'caption', runs: [{ text: '表3 安全管理机制' }] }, table(12)]));
    for (const page of p.pages) {
      const last = page.lines.filter((l) => l.line.pieces.length).at(-1)!;
      expect(text(last).startsWith('管理机制')).toBe(false);
    }
    const tablePages = p.pages.filter((page) => page.lines.some((l) => l.line.role === 'table'));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of tablePages.slice(1)) {
      expect(text(page.lines[0]!)).toBe('续表3');
      expect(text(page.lines[1]!).startsWith('管理机制')).toBe(true);
    }
    // The caption stays with the table.
    const cap = p.pages.findIndex((page) => page.lines.some((l) => text(l) === '表3 安全管理机制'));
    expect(p.pages[cap]!.lines.some((l) => text(l).startsWith('管理机制'))).toBe(true);
  });

  it('sets the table text at the configured size', () => {
    const p = plan(doc([table(1)], { tableSize: 14 }));
    expect(p.tables[0]!.size).toBe(14);
    const piece = p.pages[0]!.lines.find((l) => l.line.role === 'table')!.line.pieces.find((x) => x.kind === 'text')!;
    expect(piece.kind === 'text' && piece.size).toBe(14);
  });
});

describe('images', () => {
  const image = (w: number, h: number): Block => ({ kind: 'image', image: { src: 'p.png', bytes: photoPng(4, 4), format: 'png', width: w, height: h }, alt: '' });
  const caption: Block = { kind: 'paragraph', style: 'caption', runs: [{ text: '图1 演练现场' }] };

  it('never exceed the 版心 width nor a page', () => {
    const p = plan(doc([image(3000, 6000), caption]));
    const img = p.images[0]!;
    expect(img.width).toBeLessThanOrEqual(TYPE_W + 1e-6);
    expect(img.span).toBeLessThanOrEqual(21);
  });

  it('near a page end are scaled down to stay with their caption, or go on with it', () => {
    const p = plan(doc([...lines(12), image(800, 520), caption]));
    const page = p.pages.find((x) => x.lines.some((l) => l.line.role === 'image'))!;
    expect(page.lines.some((l) => text(l) === '图1 演练现场')).toBe(true);
    expect(p.images[0]!.width).toBeLessThan(TYPE_W);
    const far = plan(doc([...lines(18), image(800, 520), caption]));
    expect(far.pages[1]!.lines.map((l) => l.line.role).slice(0, 2)).toEqual(['image', 'body']);
  });
});

describe('long Latin tokens', () => {
  const chars = (s: string) => [...s].map((ch) => ({ ch, width: /[\x20-\x7e]/.test(ch) ? 8 : 16, em: 16 }));

  it('break after separators of a long URL or code, never inside a short number', () => {
    const url = chars('https://anquan.jcedu.gov.cn/a');
    expect(isTokenBreak(url, 8)).toBe(true); // after https://
    expect(isTokenBreak(url, 7)).toBe(false); // between the two solidi
    expect(isTokenBreak(url, 15)).toBe(true); // after anquan.
    const phone = chars('0374-2699897');
    expect(isTokenBreak(phone, 5)).toBe(false);
    const code = chars('DJCP-4803-2024-XZ-0032');
    expect(isTokenBreak(code, 5)).toBe(true);
  });

  it('keep the lines before them full (no 26-character lines)', () => {
    const text = '请各校登录平台（https://anquan.jcedu.gov.cn/platform/school/index.html?region=jiangchuan&term=2024-winter）填报隐患排查情况，逾期未报的将通报。';
    const ls = breakLines(chars(text), () => 28 * 16);
    for (const l of ls.slice(0, -1)) expect(l.width).toBeCloseTo(28 * 16, 1);
    // No hyphen is added: the lines put together are the text.
    expect(ls.map((l) => text.slice(l.start, l.end)).join('')).toBe(text);
  });
});
