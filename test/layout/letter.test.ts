// The plan's rules of 信函格式 (GB/T 9704 10.1) and of joint issuers' seals (7.3.5.1), on
// synthetic models; the numbers of the format are restated here, not imported.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import type { FontSet } from '../../src/fonts/types.js';
import { planDocument, type DocumentPlan } from '../../src/layout/index.js';
import type { Block, GongwenDocument, ImageData } from '../../src/model/types.js';
import { naturalWidth } from '../../src/layout/text.js';
import { sealPng } from '../docx/fixtures.js';

const MM = 72 / 25.4;
const TYPE_TOP = 37 * MM;
const TYPE_LEFT = 28 * MM;
const TYPE_RIGHT = (28 + 156) * MM;
const PAGE_H = 297 * MM;

let fonts: FontSet;
beforeAll(() => {
  fonts = loadFontSet({ system: false });
});

const doc = (blocks: Block[], format?: 'letter'): GongwenDocument => ({
  file: 'letter.md',
  info: { type: 'letter', title: 't', author: 'a', subject: 's', isoDate: '2024-01-01', ...(format ? { format } : {}) },
  options: { lineMode: 'grid', colophonOnEvenPage: false, noBodyTextNotice: false, boldLevel3: false },
  labels: { noBodyText: '' },
  blocks,
});
const para = (k: number): Block => ({ kind: 'paragraph', style: 'body', runs: [{ text: `第${k}段，各单位要按照要求认真做好相关工作，确保各项任务落到实处。` }] });
const body = (n: number): Block[] => Array.from({ length: n }, (_, k) => para(k));
const letterHead = (extra: Block[] = []): Block[] => [
  ...extra,
  { kind: 'issuerMark', lines: ['江川市教育局'] },
  { kind: 'docNumber', number: '江教函〔2024〕12号', signers: [], signerLabel: '' },
  { kind: 'redRule' },
  { kind: 'title', text: '江川市教育局关于同意设立教育实践基地的复函' },
  { kind: 'addressee', text: '江川师范学院：' },
];
const plan = (d: GongwenDocument): DocumentPlan => planDocument(d, fonts);

describe('信函格式 header [10.1]', () => {
  it('sets the name 30 mm from the paper top, the first double rule 4 mm under it and the number 14 pt under that, on a grid line', () => {
    const p = plan(doc([...letterHead(), ...body(3)], 'letter'));
    const h = p.header;
    const mark = h.mark!;
    expect(mark.names).toEqual(['江川市教育局']);
    expect(TYPE_TOP + mark.top).toBeCloseTo(30 * MM, 3);
    expect(mark.size).toBeGreaterThanOrEqual(22);
    expect(mark.size).toBeLessThanOrEqual(30);
    const [upper, lower] = h.letter!.rules;
    // Thick over thin under the mark, 4 mm (less the half point the size is rounded by).
    expect(upper.strokes[0]!.thickness).toBeGreaterThan(upper.strokes[1]!.thickness);
    expect(upper.top - (TYPE_TOP + mark.bottom)).toBeGreaterThanOrEqual(4 * MM - 1e-6);
    expect(upper.top - (TYPE_TOP + mark.bottom)).toBeLessThan(4 * MM + 0.5);
    // Thin over thick, its bottom 20 mm above the paper bottom; both 170 mm, centred on the 版心.
    expect(lower.strokes[0]!.thickness).toBeLessThan(lower.strokes[1]!.thickness);
    expect(PAGE_H - lower.bottom).toBeCloseTo(20 * MM, 3);
    for (const r of [upper, lower]) {
      expect(r.x2 - r.x1).toBeCloseTo(170 * MM, 3);
      expect((r.x1 + r.x2) / 2).toBeCloseTo((TYPE_LEFT + TYPE_RIGHT) / 2, 3);
    }
    // The number flush right on its slot, its em top 14 pt under the rule, on the grid.
    const n = h.docNumber!;
    expect(n.right).toBe(true);
    const emTop = TYPE_TOP + n.slot * p.pitch + (p.pitch - 16) / 2;
    expect(emTop - upper.bottom).toBeCloseTo(14, 3);
    const fixed = p.pages[0]!.fixed.filter((f) => f.kind === 'text');
    const num = fixed.find((f) => f.kind === 'text' && f.chars.map((c) => c.ch).join('') === '江教函〔2024〕12号');
    expect(num).toBeDefined();
  });

  it('stacks 份号, 密级 and 紧急程度 flush left from the number line down, and the title 2 lines below the last', () => {
    const p = plan(
      doc(
        [
          ...letterHead([
            { kind: 'copyNumber', text: '000012' },
            { kind: 'secrecy', text: '秘密' },
            { kind: 'urgency', text: '特急' },
          ]),
          ...body(2),
        ],
        'letter',
      ),
    );
    const h = p.header;
    const first = h.docNumber!.slot;
    expect(h.top.map((t) => t.slot)).toEqual([first, first + 1, first + 2]);
    const title = p.pages[0]!.lines.find((l) => l.line.role === 'title')!;
    expect(title.slot).toBe(first + 2 + 3);
  });

  it('leaves page 1 without a number, numbers page 2, and keeps the 版记’s own rules', () => {
    const p = plan(
      doc([...letterHead(), ...body(30), { kind: 'colophon', rows: [{ kind: 'labelled', label: '抄送：', text: '市教育科学研究院。' }] }], 'letter'),
    );
    expect(p.pages.length).toBeGreaterThan(1);
    expect(p.pages[0]!.number).toBeNull();
    expect(p.pages[0]!.numberText).toBeUndefined();
    expect(p.pages[1]!.number).toBe(2);
    expect(p.pages[1]!.numberSide).toBe('left');
    const last = p.pages[p.colophon!.page]!;
    // No 印发 row, so no thin rule: only the thick first and last rules of the 版记 (7.4.1).
    expect(last.fixed.filter((f) => f.kind === 'rule' && f.color === 'black')).toHaveLength(2);
    // The double rules are on page 1 only.
    expect(p.pages.slice(1).some((pg) => pg.fixed.some((f) => f.kind === 'rule' && f.color === 'red'))).toBe(false);
  });
});

describe('joint issuers with seals [7.3.5.1]', () => {
  const names = ['江川市教育局', '江川市应急管理局', '江川市财政局', '江川市人力资源和社会保障局', '江川市卫生健康委员会'];
  const joint = (n: number, lines = 3): DocumentPlan => {
    const seals: ImageData[] = Array.from({ length: n }, () => sealPng());
    return plan(
      doc([
        { kind: 'issuerMark', lines: names.slice(0, n), suffix: '文件' },
        { kind: 'docNumber', number: '江教〔2024〕125号', signers: [], signerLabel: '' },
        { kind: 'redRule' },
        { kind: 'title', text: '关于做好学校防汛工作的通知' },
        ...body(lines),
        { kind: 'signature', issuers: names.slice(0, n), date: '2024年12月27日', seal: seals[0], seals },
      ]),
    );
  };

  for (const n of [2, 3, 4, 5]) {
    it(`places ${n} seals: one per issuer, ≤ 3 a row, none touching, none past the 版心, the last on the date`, () => {
      const p = joint(n);
      const s = p.signatures[0]!;
      const j = s.joint!;
      expect(j.seals.map((x) => x.issuer)).toEqual(Array.from({ length: n }, (_, k) => k));
      expect(j.rows.every((r) => r.names.length <= 3)).toBe(true);
      expect(j.rows.flatMap((r) => r.names.map((x) => x.text))).toEqual(names.slice(0, n));
      // Boxes on the page: rows' name lines are `line` grid lines apart.
      const box = (k: number) => {
        const seal = j.seals[k]!;
        const row = j.rows.find((r) => r.names.some((x) => x.issuer === k))!;
        const y = row.line * p.pitch + seal.top;
        return { x0: seal.x, x1: seal.x + seal.width, y0: y, y1: y + seal.height };
      };
      for (let a = 0; a < n; a++) {
        const A = box(a);
        expect(A.x0).toBeGreaterThanOrEqual(-1e-6);
        expect(TYPE_LEFT + A.x1).toBeLessThanOrEqual(TYPE_RIGHT + 1e-6);
        for (let b = a + 1; b < n; b++) {
          const B = box(b);
          const apart = A.x1 < B.x0 || B.x1 < A.x0 || A.y1 < B.y0 || B.y1 < A.y0;
          expect(apart, `seals ${a} and ${b} touch`).toBe(true);
        }
      }
      // The last seal is centred on the date.
      const page = p.pages.find((pg) => pg.lines.some((l) => l.line.role === 'date'))!;
      const date = page.lines.find((l) => l.line.role === 'date')!.line.pieces[0]!;
      const dateW = date.kind === 'text' ? naturalWidth(date.chars) : 0;
      const lastBox = box(n - 1);
      expect(TYPE_LEFT + (lastBox.x0 + lastBox.x1) / 2).toBeCloseTo((date.kind === 'text' ? date.x : 0) + dateW / 2, 1);
      // The first row's top within 1 line of the body above the signature.
      const firstName = page.lines.find((l) => l.line.role === 'signature')!;
      const bodyAbove = page.lines.filter((l) => l.line.body && l.slot < firstName.slot).pop()!;
      const sealTop = TYPE_TOP + firstName.slot * page.pitch + Math.min(...j.seals.filter((x) => j.rows[0]!.names.some((m) => m.issuer === x.issuer)).map((x) => x.top));
      const bodyBottom = TYPE_TOP + (bodyAbove.slot + 1) * page.pitch;
      expect(sealTop).toBeGreaterThan(bodyBottom - 1e-6);
      expect(sealTop - bodyBottom).toBeLessThanOrEqual(page.pitch);
    });
  }
});
