// The plan's rules, on synthetic models (no PDF): header slots, the issuer mark, keep-with-next,
// the signature carried with body lines, （此页无正文）, the seal, the 版记 on an even page.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import type { FontSet } from '../../src/fonts/types.js';
import { planDocument, topLineSlots, type DocumentPlan, type PagePlan } from '../../src/layout/index.js';
import type { Block, GongwenDocument } from '../../src/model/types.js';
import { evenColophonReply, sealPng } from '../docx/fixtures.js';

// The format, restated from GB/T 9704 (not imported from the spec module).
const MM = 72 / 25.4;
const TYPE_TOP = 37 * MM;
const TYPE_W = 156 * MM;

let fonts: FontSet;
beforeAll(() => {
  fonts = loadFontSet({ system: false });
});

const doc = (blocks: Block[], options: Partial<GongwenDocument['options']> = {}, noBodyText = '（此页无正文）'): GongwenDocument => ({
  file: 'plan.md',
  info: { type: 'reply', title: 't', author: 'a', subject: 's', isoDate: '2024-01-01' },
  options: { lineMode: 'grid', colophonOnEvenPage: false, noBodyTextNotice: false, boldLevel3: false, ...options },
  labels: { noBodyText },
  blocks,
});
/** A one-line body paragraph (20 characters after the 2-字 indent). */
const line = (k: number): Block => ({ kind: 'paragraph', style: 'body', runs: [{ text: `第${'一二三四五六七八九十'[k % 10]}段各部门要坚持以人民为中心的思想。` }] });
const lines = (n: number): Block[] => Array.from({ length: n }, (_, k) => line(k));
const signature = (seal = false): Block => ({ kind: 'signature', issuers: ['某某市教育局'], date: '2024年1月1日', ...(seal ? { seal: sealPng() } : {}) });

const text = (pl: PagePlan['lines'][number]): string =>
  pl.line.pieces.map((p) => (p.kind === 'text' ? (p.line ? p.chars.slice(p.line.start, p.line.end) : p.chars).map((c) => c.ch).join('') : '')).join('');
const roles = (p: PagePlan): string[] => p.lines.map((l) => l.line.role);
const plan = (d: GongwenDocument): DocumentPlan => planDocument(d, fonts);

describe('header [7.2]', () => {
  it('puts 份号, 密级 and 紧急程度 on lines 1–3, and each alone by its rule', () => {
    expect(topLineSlots(['copyNumber', 'secrecy', 'urgency'])).toEqual([0, 1, 2]);
    expect(topLineSlots(['secrecy'])).toEqual([1]);
    expect(topLineSlots(['secrecy', 'urgency'])).toEqual([1, 2]);
    expect(topLineSlots(['copyNumber', 'urgency'])).toEqual([0, 1]);
    expect(topLineSlots(['urgency'])).toEqual([0]);
  });

  it('stacks the header below them: mark 35 mm down, number 2 lines under it, the rule, then the title gap', () => {
    const p = plan(
      doc([
        { kind: 'copyNumber', text: '000001' },
        { kind: 'secrecy', text: '机密★1年' },
        { kind: 'urgency', text: '特急' },
        { kind: 'issuerMark', lines: ['某某市教育局'], suffix: '文件' },
        { kind: 'docNumber', number: '某教〔2024〕1号', signers: [], signerLabel: '签发人：' },
        { kind: 'redRule' },
        { kind: 'title', text: '关于做好冬季校园安全工作的通知' },
        ...lines(2),
      ]),
    );
    const h = p.header;
    expect(h.top.map((t) => [t.kind, t.slot])).toEqual([['copyNumber', 0], ['secrecy', 1], ['urgency', 2]]);
    expect(h.mark!.top).toBeCloseTo(35 * MM, 3);
    // The mark reaches into the grid line of its em-box bottom; 2 blank lines follow it.
    expect(h.mark!.slots).toBe(Math.ceil(h.mark!.bottom / p.pitch));
    expect(h.docNumber!.slot).toBe(h.mark!.slots + 2);
    // The rule 4 mm below the number's em box, the first free line wholly below it.
    const rule = h.rule!;
    expect(rule.holderSlot).toBe(h.docNumber!.numberSlot);
    expect(rule.freeSlot * p.pitch).toBeGreaterThanOrEqual(rule.y + rule.thickness / 2);
    expect((rule.freeSlot - 1) * p.pitch).toBeLessThan(rule.y + rule.thickness / 2);
    expect(h.lines).toBe(rule.freeSlot);
    // 2 blank lines under the rule, then the title.
    expect(p.titles[0]!.gapBefore).toBe(2);
    const first = p.pages[0]!.lines.find((l) => l.line.role === 'title')!;
    expect(first.slot).toBe(h.lines + 2);
  });

  it('keeps a short mark at 58 pt × 70 %; narrows a long one to whole per cents; shrinks a huge one in half points', () => {
    const mark = (name: string) => plan(doc([{ kind: 'issuerMark', lines: [name] }, ...lines(1)])).header.mark!;
    expect([mark('某某市教育局文件').size, mark('某某市教育局文件').hScale]).toEqual([58, 0.7]);
    const long = mark('某某市某某区教育体育局文件');
    expect(long.size).toBe(58);
    expect(long.hScale).toBeLessThan(0.7);
    expect(long.hScale).toBeGreaterThanOrEqual(0.5);
    expect(Math.round(long.hScale * 100)).toBeCloseTo(long.hScale * 100, 9);
    const huge = mark('某'.repeat(24));
    expect(huge.hScale).toBe(0.5);
    expect(huge.size).toBeLessThan(58);
    expect(huge.size * 2).toBe(Math.round(huge.size * 2));
    for (const m of [long, huge]) expect(m.namesWidth).toBeLessThanOrEqual(150 * MM + 0.01);
  });

  it('sets a joint mark: names stacked in one centred column, the suffix 0.5 em to their right, centred on them', () => {
    const m = plan(doc([{ kind: 'issuerMark', lines: ['某某市教育局', '某某市财政局', '某某市人力资源和社会保障局'], suffix: '文件' }, ...lines(1)])).header.mark!;
    expect(m.names).toEqual(['某某市教育局', '某某市财政局', '某某市人力资源和社会保障局']);
    expect(m.suffix).toBe('文件');
    expect(m.suffixX - (m.namesX + m.namesWidth)).toBeCloseTo(0.5 * m.size * m.hScale, 6);
    // The names and the suffix together are centred on the 版心.
    expect(m.namesX + (m.suffixX + m.suffixWidth) - TYPE_W).toBeCloseTo(0, 3);
    expect(m.suffixX + m.suffixWidth).toBeLessThanOrEqual(TYPE_W);
    const middle = (m.top + m.bottom) / 2;
    expect(m.suffixTop + m.size / 2).toBeCloseTo(middle, 6);
  });
});

describe('pagination [spec §8]', () => {
  it('keeps a heading with the line after it', () => {
    const p = plan(doc([...lines(21), { kind: 'heading', level: 1, runs: [{ text: '一、总体要求' }] }, line(0)]));
    expect(p.pages).toHaveLength(2);
    expect(p.pages[0]!.lines).toHaveLength(21);
    expect(roles(p.pages[1]!).slice(0, 2)).toEqual(['heading', 'body']);
    expect(p.pages[1]!.lines[0]!.slot).toBe(0);
  });

  it('carries the last 2 body lines with a signature that does not fit', () => {
    const p = plan(doc([...lines(21), signature()]));
    expect(p.pages).toHaveLength(2);
    expect(roles(p.pages[0]!)).toEqual(Array(19).fill('body'));
    expect(roles(p.pages[1]!)).toEqual(['body', 'body', 'blank', 'signature', 'date']);
    expect(p.pages[1]!.lines.map((l) => l.slot)).toEqual([0, 1, 2, 3, 4]);
    expect(text(p.pages[1]!.lines[0]!)).toContain('第');
  });

  it('heads a signature page without body with the model\'s （此页无正文） label when asked', () => {
    const blocks = [...lines(2), { kind: 'blankLine', count: 19 } as Block, signature()];
    const off = plan(doc(blocks));
    expect(roles(off.pages[1]!)).toEqual(['blank', 'signature', 'date']);
    const on = plan(doc(blocks, { noBodyTextNotice: true }, '（本页无正文）'));
    expect(roles(on.pages[1]!)[0]).toBe('notice');
    expect(text(on.pages[1]!.lines[0]!)).toBe('（本页无正文）');
  });

  it('numbers pages odd right, even left', () => {
    const p = plan(doc(lines(50)));
    expect(p.pages.map((x) => [x.number, x.numberSide])).toEqual([[1, 'right'], [2, 'left'], [3, 'right']]);
  });
});

describe('signature without seal [7.3.5.2]', () => {
  const CELL = TYPE_W / 28;
  const sig = (issuer: string) => {
    const p = plan(doc([...lines(2), { kind: 'signature', issuers: [issuer], date: '2024年12月24日' }]));
    const s = p.signatures[0]!;
    const width = (role: string) => {
      const l = p.pages[0]!.lines.find((x) => x.line.role === role)!.line.pieces[0]!;
      return l.kind === 'text' ? l.chars.reduce((a, c) => a + c.width, 0) : 0;
    };
    const nameStart = TYPE_W - s.names[0]!.rightInset - width('signature');
    const dateStart = TYPE_W - s.date.rightInset - width('date');
    return { s, nameStart, dateStart };
  };

  it('sets the issuer 2 字 from the right and the date 2 字 right of its first character', () => {
    const { s, nameStart, dateStart } = sig('某'.repeat(10));
    expect(s.gapLines).toBe(1);
    expect(s.names[0]!.rightInset / CELL).toBeCloseTo(2, 6);
    expect((dateStart - nameStart) / CELL).toBeCloseTo(2, 6);
  });

  it('sets a date longer than the issuer 2 字 from the right and the issuer 2 字 before it', () => {
    const { s, nameStart, dateStart } = sig('某某局');
    expect(s.date.rightInset / CELL).toBeCloseTo(2, 6);
    expect((dateStart - nameStart) / CELL).toBeCloseTo(2, 6);
  });
});

describe('seal [7.3.5.1]', () => {
  const sealed = (image = sealPng()) =>
    plan(doc([...lines(3), { kind: 'signature', issuers: ['某某市教育局'], date: '2024年1月1日', seal: image }]));

  it('is 42 mm on its larger side, centred on the date, its top within one line of the body', () => {
    const p = sealed();
    const s = p.signatures[0]!;
    expect(s.seal!.width).toBeCloseTo(42 * MM, 3);
    expect(s.seal!.height).toBeCloseTo(42 * MM, 3);
    // Date 4 字 from the right; the seal's centre on the date's centre.
    expect(s.date.rightInset / (TYPE_W / 28)).toBeCloseTo(4, 6);
    const page = p.pages[0]!;
    const date = page.lines.find((l) => l.line.role === 'date')!;
    const piece = date.line.pieces.find((x) => x.kind === 'text')!;
    const dateW = piece.kind === 'text' ? piece.chars.reduce((a, c) => a + c.width, 0) : 0;
    expect(s.seal!.x + s.seal!.width / 2).toBeCloseTo(TYPE_W - s.date.rightInset - dateW / 2, 3);
    const lastBody = Math.max(...page.lines.filter((l) => l.line.role === 'body').map((l) => l.slot));
    const sealTop = date.slot * p.pitch + s.seal!.top;
    const bodyBottom = (lastBody + 1) * p.pitch;
    expect(sealTop).toBeGreaterThanOrEqual(bodyBottom);
    expect(sealTop - bodyBottom).toBeLessThanOrEqual(p.pitch);
    // Drawn where the plan says.
    const img = date.line.pieces.find((x) => x.kind === 'image')!;
    expect(img.kind === 'image' && TYPE_TOP + date.slot * p.pitch + img.row * p.pitch + img.dy).toBeCloseTo(TYPE_TOP + sealTop, 6);
  });

  it('fits a tall seal image by its height', () => {
    const tall = { ...sealPng(), width: 48, height: 64 };
    const s = sealed(tall).signatures[0]!.seal!;
    expect(s.height).toBeCloseTo(42 * MM, 3);
    expect(s.width).toBeCloseTo((42 * MM * 48) / 64, 3);
  });
});

describe('版记 on an even page [7.4, 7.5]', () => {
  it('stays after the body when the body ends on an even page with room', () => {
    const p = plan(evenColophonReply(12));
    expect(p.colophon!.placement).toBe('same');
    expect(p.pages.length % 2).toBe(0);
    expect(p.colophon!.page).toBe(p.pages.length - 1);
  });

  it('moves to the next, numbered, even page when the body ends on an odd page', () => {
    const p = plan(evenColophonReply(0));
    expect(p.colophon!.placement).toBe('newPage');
    expect(p.pages.length % 2).toBe(0);
    expect(p.pages.at(-1)!.number).toBe(p.pages.length);
    expect(p.pages.at(-1)!.lines).toHaveLength(0);
  });

  it('follows an unnumbered blank page when it has no room on an even page; neither is numbered', () => {
    const p = plan(evenColophonReply(30));
    expect(p.colophon!.placement).toBe('blankPage');
    expect(p.pages.length % 2).toBe(0);
    expect(p.pages.slice(-2).map((x) => [x.number, x.lines.length, x.fixed.length > 0])).toEqual([
      [null, 0, false],
      [null, 0, true],
    ]);
    expect(p.pages.at(-1)!.colophon).toBe(true);
  });

  it('separates the 印发 row by a thin rule [7.4.3] and counts its grid rows', () => {
    const c = plan(evenColophonReply(12)).colophon!;
    expect(c.rows.at(-2)!.ruleAfter).toBe(true);
    expect(c.lines).toBe(c.rows.reduce((n, r) => n + (r.kind === 'labelled' ? r.lines.length : 1 + (r.dateOwnLine ? 1 : 0) + (r.copies ? 1 : 0)), 0));
  });
});
