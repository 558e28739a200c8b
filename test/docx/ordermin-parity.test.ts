// The DOCX of an order and of minutes states what the plan decided [GB/T 9704 10.2, 10.3,
// 7.3.5.3]: the mark's space before (20 or 35 mm below the 版心 top), the header's grid lines
// before the body, the signer's title and the date right-indented by the plan's insets, the
// seal's extent and place, the attendance lists' indents with their 黑体 labels.

import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import type { FontSet } from '../../src/fonts/types.js';
import { planDocument, type DocumentPlan } from '../../src/layout/index.js';
import type { GongwenDocument } from '../../src/model/types.js';
import { readAndCompose } from '../../src/pipeline/build.js';
import { writeDocx } from '../../src/render/docx/index.js';
import { loadConfig } from '../../src/source/index.js';
import { loadTemplates } from '../../src/template/render.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CHAR_PT = (156 * 72) / 25.4 / 28;
/** Word's grid: one 字 = 315 twip at 16 pt on the 28-character grid. */
const CHAR_TWIP = 315;

let fonts: FontSet;
let order: { doc: GongwenDocument; plan: DocumentPlan; xml: string };
let minutes: { doc: GongwenDocument; plan: DocumentPlan; xml: string };
beforeAll(async () => {
  fonts = loadFontSet({ system: false });
  const config = loadConfig({ cwd: ROOT });
  const templates = loadTemplates();
  const load = async (file: string) => {
    const { doc } = readAndCompose(join(ROOT, 'content', file), config, templates);
    const plan = planDocument(doc, fonts);
    const xml = strFromU8(unzipSync(new Uint8Array(await writeDocx(doc, plan)))['word/document.xml']!);
    return { doc, plan, xml };
  };
  order = await load('orders/2024-3-campus-safety-regulation.md');
  minutes = await load('minutes/2024-9-bureau-office-meeting.md');
});

const paragraphs = (xml: string): string[] => xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
const text = (p: string): string => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const rightInset = (p: string): number => Number(/<w:ind w:right="(\d+)"/.exec(p)![1]) / CHAR_TWIP;
/** Twips of the paragraphs before index `end`: exact lines with their spacing, else one grid line. */
const heightBefore = (ps: string[], end: number): number =>
  ps.slice(0, end).reduce((sum, p) => {
    const sp = /<w:spacing w:before="(\d+)" w:after="(\d+)" w:line="(\d+)" w:lineRule="exact"\/>/.exec(p);
    return sum + (sp ? Number(sp[1]) + Number(sp[2]) + Number(sp[3]) : 579);
  }, 0);

describe('命令 in the DOCX as planned', () => {
  it('puts the mark 20 mm (1134 twip) below the 版心 top, then 令号 and body on the plan’s lines, with no rule', () => {
    const ps = paragraphs(order.xml);
    const mark = ps.findIndex((p) => p.includes('GwIssuerMark'));
    expect(mark).toBe(0);
    expect(ps[0]).toContain('w:before="1134"');
    expect(text(ps[mark]!)).toBe('江川市人民政府令');
    const no = ps.findIndex((p) => text(p) === '第3号');
    expect(heightBefore(ps, no)).toBe(order.plan.header.docNumber!.slot * 579);
    const body = ps.findIndex((p) => text(p).startsWith('《江川市'));
    expect(heightBefore(ps, body)).toBe(order.plan.header.lines * 579);
    expect(order.xml).not.toContain('版头分隔线');
  });

  it('right-indents the signer’s title and the date by the plan’s insets, the title on the seal’s middle line', () => {
    const s = order.plan.signatures[0]!;
    const ps = paragraphs(order.xml);
    const title = ps.findIndex((p) => text(p) === '市长');
    const date = ps.findIndex((p) => text(p) === '2024年12月20日' && p.includes('GwDate'));
    expect(rightInset(ps[title]!)).toBeCloseTo(s.signer!.title.rightInset / CHAR_PT, 2);
    expect(rightInset(ps[date]!)).toBeCloseTo(s.date.rightInset / CHAR_PT, 2);
    // Between them: the seal's lines below the middle one and the blank line.
    const n = s.signer!.lines;
    expect(date - title).toBe((n - 1) / 2 + 1 + 1);
    const body = ps.findIndex((p) => text(p).startsWith('《江川市'));
    expect(title - body).toBe(s.gapLines + (n - 1) / 2 + 1);
  });

  it('gives the signature seal the plan’s extent and place, behind the text', () => {
    const seal = order.plan.signatures[0]!.seal!;
    const anchor = /<wp:anchor[^>]*>(?:(?!<\/wp:anchor>)[\s\S])*?name="印章"[\s\S]*?<\/wp:anchor>/.exec(order.xml)![0];
    expect(anchor).toContain('behindDoc="1"');
    const [cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(anchor)!.slice(1).map(Number) as [number, number];
    expect(cx / 12700).toBeCloseTo(seal.width, 0);
    expect(cy / 12700).toBeCloseTo(seal.height, 0);
    const v = Number(/<wp:positionV relativeFrom="paragraph"><wp:posOffset>(-?\d+)/.exec(anchor)![1]);
    expect(v / 12700).toBeCloseTo(seal.top, 0);
  });
});

describe('命令 without a seal image in the DOCX as planned', () => {
  it('ends the title and the name (in the seal’s place) at right tab stops where the plan ends them', async () => {
    const doc: GongwenDocument = {
      ...order.doc,
      blocks: order.doc.blocks.map((b) => (b.kind === 'signature' ? { kind: 'signature', issuers: b.issuers, date: b.date, signerTitle: b.signerTitle! } : b)),
    };
    const plan = planDocument(doc, fonts);
    const sig = plan.signatures[0]!.signer!;
    expect(sig.name?.text).toBe('周明远');
    const xml = strFromU8(unzipSync(new Uint8Array(await writeDocx(doc, plan)))['word/document.xml']!);
    const p = paragraphs(xml).find((x) => text(x).includes('周明远'))!;
    expect(text(p)).toBe('市长周明远');
    const tabs = [...p.matchAll(/<w:tab w:val="right" w:pos="(\d+)"\/>/g)].map((m) => (8844 - Number(m[1])) / CHAR_TWIP);
    expect(tabs[0]).toBeCloseTo(sig.title.rightInset / CHAR_PT, 1);
    expect(tabs[1]).toBeCloseTo(sig.name!.rightInset / CHAR_PT, 1);
    expect(xml).not.toContain('name="印章"');
  });
});

describe('纪要 in the DOCX as planned', () => {
  it('puts the mark 35 mm (1984 twip) below the 版心 top and the body on the plan’s line, with no rule', () => {
    const ps = paragraphs(minutes.xml);
    expect(ps[0]).toContain('GwIssuerMark');
    expect(ps[0]).toContain('w:before="1984"');
    const body = ps.findIndex((p) => text(p).startsWith('2024年11月27日'));
    expect(heightBefore(ps, body)).toBe(minutes.plan.header.lines * 579);
    expect(minutes.xml).not.toContain('版头分隔线');
  });

  it('writes each list with its 黑体 label, indented as planned, wrapped lines after the colon, 1 blank line above the first', () => {
    const ps = paragraphs(minutes.xml);
    expect(minutes.plan.attendance.map((a) => a.label)).toEqual(['出席：', '请假：', '列席：']);
    for (const a of minutes.plan.attendance) {
      const i = ps.findIndex((p) => text(p).startsWith(a.label));
      const p = ps[i]!;
      expect(text(p)).toBe(a.label + a.text);
      expect(p).toMatch(/<w:rStyle w:val="GwLabel"\/>[\s\S]*?出席：|<w:rStyle w:val="GwLabel"\/>[\s\S]*?请假：|<w:rStyle w:val="GwLabel"\/>[\s\S]*?列席：/);
      const left = Number(/<w:ind w:left="(\d+)"/.exec(p)![1]);
      const hanging = Number(/w:hanging="(\d+)"/.exec(p)![1]);
      expect(left / CHAR_TWIP).toBeCloseTo((a.indent + a.labelWidth) / CHAR_PT, 2);
      expect(hanging / CHAR_TWIP).toBeCloseTo(a.labelWidth / CHAR_PT, 2);
      expect(text(ps[i - 1]!) === '').toBe(a.gapLines === 1);
    }
  });

  it('prints the distribution as 分送 in the 版记', () => {
    expect(minutes.xml).toContain('分送：');
    expect(minutes.plan.colophon!.rows[0]).toMatchObject({ kind: 'labelled', label: '分送：' });
  });
});
