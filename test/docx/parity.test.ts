// The DOCX states what the plan decided, as the PDF draws it: title lines, the lines of
// 份号/密级/紧急程度 and the header's height, the mark’s size and scale, the joint mark,
// signature insets, the seal's extent, the 版记's page. Read from the XML; the LibreOffice
// render test checks the resulting geometry.

import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import type { FontSet } from '../../src/fonts/types.js';
import { layoutDocument, planDocument } from '../../src/layout/index.js';
import type { Block, GongwenDocument } from '../../src/model/types.js';
import { planJobs } from '../../src/pipeline/inputs.js';
import { readAndCompose } from '../../src/pipeline/build.js';
import { writeDocx } from '../../src/render/docx/index.js';
import { loadConfig } from '../../src/source/index.js';
import { loadTemplates } from '../../src/template/render.js';
import { TITLE_SIZE_PT } from '../../src/spec/gbt9704.js';
import { evenColophonReply, longReply, reply } from './fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');

const documentXml = async (doc: GongwenDocument): Promise<string> =>
  strFromU8(unzipSync(new Uint8Array(await writeDocx(doc, planDocument(doc, fonts))))['word/document.xml']!);

const paragraphs = (xml: string): string[] => xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];

/** Lines of every Title paragraph: the text between its w:br. */
const docxTitles = (xml: string): string[][] =>
  paragraphs(xml)
    .filter((p) => p.includes('w:val="Title"'))
    .map((p) =>
      p
        .split('<w:br/>')
        .map((part) => [...part.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    );

/** Lines of every title in the PDF layout: 22 pt runs grouped by baseline, consecutive lines grouped by title. */
const pdfTitles = (doc: GongwenDocument, fonts: FontSet): string[][] => {
  const titles: string[][] = [];
  for (const page of layoutDocument(doc, fonts).pages) {
    let last: number | undefined;
    const byLine = new Map<number, string>();
    for (const it of page.items) {
      if (it.kind !== 'text' || Math.abs(it.size - TITLE_SIZE_PT) > 0.01 || it.color !== 'black') continue;
      const key = Math.round(it.baseline * 10);
      byLine.set(key, (byLine.get(key) ?? '') + it.text);
    }
    for (const [key, text] of [...byLine.entries()].sort((a, b) => a[0] - b[0])) {
      // Lines of one title are one grid line apart; anything further starts a new title.
      if (last !== undefined && key - last < 400) titles[titles.length - 1]!.push(text);
      else titles.push([text]);
      last = key;
    }
  }
  return titles;
};

/** The documents of content/ as a build of the folder takes them (attachment files are part of their document). */
const examples = (): string[] => planJobs(['content'], join(ROOT, 'output'), ROOT).map((j) => j.file);

let fonts: FontSet;
beforeAll(() => {
  fonts = loadFontSet({ system: false });
});

describe('DOCX title lines equal the PDF title lines', () => {
  const config = loadConfig({ cwd: ROOT });
  const templates = loadTemplates();

  for (const file of examples()) {
    it(`for the example ${file.slice(ROOT.length + 1)}`, async () => {
      const { doc } = readAndCompose(file, config, templates);
      const pdf = pdfTitles(doc, fonts);
      // An order or minutes usually have no title (GB/T 9704 10.2, 10.3); an attachment page has its own (7.3.7).
      expect(pdf.length).toBe(doc.blocks.filter((b) => b.kind === 'title' || b.kind === 'attachmentPage').length);
      expect(docxTitles(await documentXml(doc))).toEqual(pdf);
    });
  }

  const titled = (text: string): GongwenDocument => {
    const d = reply();
    d.blocks = d.blocks.map((b): Block => (b.kind === 'title' ? { ...b, text, lines: undefined } : b));
    return d;
  };
  const LONG = [
    '关于进一步加强和改进新时代中小学校园安全管理工作推动平安校园建设提质增效的实施意见',
    '对市政协十届三次会议第031号提案的答复',
    '关于2024年度全市教育系统安全生产和消防安全工作检查情况的通报',
    '关于印发《江川市中小学课后服务工作指引（2024年修订）》的通知',
  ];
  for (const text of LONG) {
    it(`for the generated title «${text.slice(0, 12)}…»`, async () => {
      const doc = titled(text);
      const pdf = pdfTitles(doc, fonts);
      expect(pdf).toHaveLength(1);
      expect(pdf[0]!.length).toBeGreaterThan(1);
      expect(docxTitles(await documentXml(doc))).toEqual(pdf);
      // One paragraph, lines broken with w:br, the text unchanged.
      expect(pdf[0]!.join('')).toBe(text);
    });
  }
});

describe('份号, 密级 and 紧急程度 on the plan’s lines [7.2.1–7.2.3]', () => {
  it('writes a blank first line when only 密级 is given, and the mark counts both lines', async () => {
    const d = reply();
    d.blocks = [{ kind: 'secrecy', text: '机密★1年' }, ...d.blocks.filter((b) => b.kind !== 'copyNumber' && b.kind !== 'secrecy' && b.kind !== 'urgency')];
    expect(planDocument(d, fonts).header.top.map((t) => t.slot)).toEqual([1]);
    const ps = paragraphs(await documentXml(d));
    expect(ps[0]).not.toContain('<w:t');
    expect(ps[1]).toContain('GwSecrecy');
    expect(ps[1]).toContain('机密★1年');
    // The mark's space before: 35 mm (1984 twip) less the two lines above.
    expect(ps[2]).toContain('GwIssuerMark');
    expect(ps[2]).toMatch(new RegExp(`w:before="${1984 - 2 * 579}"`));
  });

  it('takes as many grid lines before the title as the plan: header lines and the title gap', async () => {
    for (const d of [reply(), withTop(reply())]) {
      const plan = planDocument(d, fonts);
      const ps = paragraphs(await documentXml(d));
      const title = ps.findIndex((p) => p.includes('w:val="Title"'));
      // Each paragraph before the title is one grid line, except the mark's exact lines with their spacing.
      const twips = ps.slice(0, title).reduce((sum, p) => {
        const sp = /<w:spacing w:before="(\d+)" w:after="(\d+)" w:line="(\d+)" w:lineRule="exact"\/>/.exec(p);
        return sum + (sp ? Number(sp[1]) + Number(sp[2]) + Number(sp[3]) : 579);
      }, 0);
      expect(twips).toBe((plan.header.lines + plan.titles[0]!.gapBefore) * 579);
      for (const t of plan.header.top) expect(ps[t.slot]).toContain(t.text);
    }
  });

  it('states the mark’s size and horizontal scale as planned', async () => {
    const d = reply();
    d.blocks = d.blocks.map((b): Block => (b.kind === 'issuerMark' ? { ...b, lines: ['某某省某某市某某区教育体育局'] } : b));
    const m = planDocument(d, fonts).header.mark!;
    expect(m.hScale).toBeLessThan(0.7);
    const p = paragraphs(await documentXml(d)).find((x) => x.includes('GwIssuerMark'))!;
    expect(p).toContain(`<w:w w:val="${Math.round(m.hScale * 100)}"/>`);
    expect(p).toContain(`<w:sz w:val="${m.size * 2}"/>`);
  });
});

/** The reply with 份号, 密级 and 紧急程度 above its mark. */
const withTop = (d: GongwenDocument): GongwenDocument => ({
  ...d,
  blocks: [{ kind: 'copyNumber', text: '000001' }, { kind: 'secrecy', text: '机密★1年' }, { kind: 'urgency', text: '特急' }, ...d.blocks],
});

describe('signature and seal as planned [7.3.5]', () => {
  const CHAR_PT = (156 * 72) / 25.4 / 28;
  it('indents the issuer and the date by the plan’s insets, in 字', async () => {
    for (const d of [reply(), longReply()]) {
      const s = planDocument(d, fonts).signatures[0]!;
      const ps = paragraphs(await documentXml(d));
      const right = (style: string): number => Number(/<w:ind w:right="(\d+)"/.exec(ps.find((p) => p.includes(`w:val="${style}"`))!)![1]) / 315;
      expect(right('GwSignature')).toBeCloseTo(s.names[0]!.rightInset / CHAR_PT, 2);
      expect(right('GwDate')).toBeCloseTo(s.date.rightInset / CHAR_PT, 2);
    }
  });

  it('gives the seal the plan’s extent, centred where the plan centres it', async () => {
    const d = longReply();
    const seal = planDocument(d, fonts).signatures[0]!.seal!;
    const xml = await documentXml(d);
    const anchor = /<wp:anchor[^>]*>(?:(?!<\/wp:anchor>)[\s\S])*?name="印章"[\s\S]*?<\/wp:anchor>/.exec(xml)![0];
    const [cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(anchor)!.slice(1).map(Number) as [number, number];
    expect(cx / 12700).toBeCloseTo(seal.width, 0);
    expect(cy / 12700).toBeCloseTo(seal.height, 0);
    const v = Number(/<wp:positionV relativeFrom="paragraph"><wp:posOffset>(-?\d+)/.exec(anchor)![1]);
    expect(v / 12700).toBeCloseTo(seal.top, 0);
  });
});

describe('joint issuer mark (names stacked, suffix centred on their right) [7.2.4]', () => {
  it('indents the names to one column and anchors the suffix in a text box beside them', async () => {
    const d = reply();
    d.blocks = d.blocks.map((b): Block =>
      b.kind === 'issuerMark' ? { kind: 'issuerMark', lines: ['某某市教育局', '某某市财政局', '某某市人力资源和社会保障局'], suffix: '文件' } : b,
    );
    const m = planDocument(d, fonts).header.mark!;
    const ps = paragraphs(await documentXml(d)).filter((p) => p.includes('GwIssuerMark'));
    expect(ps).toHaveLength(3);
    const ind = ps.map((p) => /<w:ind w:left="(\d+)" w:right="(\d+)"/.exec(p)!.slice(1).map(Number));
    // Same column for every name; the right indent leaves room for the suffix.
    expect(new Set(ind.map((i) => i.join()))).toHaveProperty('size', 1);
    expect(ind[0]![1]).toBeGreaterThan(ind[0]![0]!);
    // Text of the names without the suffix; the suffix in a text box of the last name.
    expect(ps[0]).not.toContain('文件');
    expect(ps[2]).toMatch(/<w:txbxContent>[\s\S]*文件/);
    expect(ps[2]).toMatch(/<wp:positionV relativeFrom="paragraph"><wp:posOffset>-\d+/);
    // Where the plan puts the names' column and the suffix.
    expect(ind[0]![0]).toBe(Math.round(m.namesX * 20));
    const h = Number(/<wp:positionH relativeFrom="margin"><wp:posOffset>(\d+)/.exec(ps[2]!)![1]);
    expect(h / 12700).toBeCloseTo(m.suffixX, 0);
  });
});

describe('layout options of the model', () => {
  const parts = async (doc: GongwenDocument, _withFonts = true): Promise<Record<string, string>> => {
    const files = unzipSync(new Uint8Array(await writeDocx(doc, planDocument(doc, fonts))));
    return Object.fromEntries(Object.entries(files).filter(([k]) => /\.(xml|rels)$/.test(k)).map(([k, v]) => [k, strFromU8(v)]));
  };

  it('lineMode fixed28: a 560-twip grid and exact 560-twip lines', async () => {
    const d = reply();
    d.options = { ...d.options, lineMode: 'fixed28' };
    const x = await parts(d, false);
    expect(x['word/document.xml']).toMatch(/<w:docGrid w:type="lines" w:linePitch="560"\/>/);
    expect(x['word/styles.xml']).toMatch(/w:styleId="Normal"[\s\S]*?<w:spacing w:before="0" w:after="0" w:line="560" w:lineRule="exact"\/>/);
    expect(x['word/styles.xml']).not.toContain('w:line="579"');
  });

  it('boldLevel3: level-3 headings bold', async () => {
    const d = reply();
    const plain = (await parts(d, false))['word/document.xml']!;
    d.options = { ...d.options, boldLevel3: true };
    const bold = (await parts(d, false))['word/document.xml']!;
    const h3 = (xml: string): string => paragraphs(xml).find((p) => p.includes('GwHeading3'))!;
    expect(h3(plain)).not.toContain('<w:b/>');
    expect(h3(bold)).toContain('<w:b/>');
  });

  describe('colophonOnEvenPage: the 版记 on the plan’s page', () => {
    const sections = (xml: string): number => (xml.match(/<w:sectPr/g) ?? []).length;
    const anchor = (xml: string): string => paragraphs(xml).find((p) => p.includes('name="版记"'))!;

    it('stays after the body when the PDF keeps it there', async () => {
      const doc = (await parts(evenColophonReply(12), true))['word/document.xml']!;
      expect(sections(doc)).toBe(1);
      expect(anchor(doc)).not.toContain('pageBreakBefore');
    });

    it('moves to the next (even, numbered) page when the body ends on an odd page', async () => {
      const pdf = layoutDocument(evenColophonReply(0), fonts).pages;
      expect(pdf.length % 2).toBe(0);
      expect(pdf[pdf.length - 1]!.number).toBe(pdf.length);
      const doc = (await parts(evenColophonReply(0), true))['word/document.xml']!;
      expect(sections(doc)).toBe(1);
      expect(anchor(doc)).toContain('<w:pageBreakBefore/>');
    });

    it('after an unnumbered blank page: a section of its own with empty footers [7.5]', async () => {
      const pdf = layoutDocument(evenColophonReply(30), fonts).pages;
      expect(pdf.slice(-2).map((p) => p.number)).toEqual([null, null]);
      const x = await parts(evenColophonReply(30), true);
      const doc = x['word/document.xml']!;
      expect(sections(doc)).toBe(2);
      // The body's section ends in a paragraph; the 版记 section starts on a new page with a
      // blank page, then the 版记 on the page after it.
      expect(doc).toMatch(/<w:pPr>(?:(?!<\/w:p>)[\s\S])*<w:sectPr>[\s\S]*?<\/w:sectPr><\/w:pPr>/);
      const last = doc.slice(doc.lastIndexOf('<w:sectPr'));
      expect(last).toContain('<w:type w:val="nextPage"/>');
      expect(anchor(doc)).toContain('<w:pageBreakBefore/>');
      const refs = [...last.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
      expect(refs.map((m) => m[1]).sort()).toEqual(['default', 'even']);
      const rels = x['word/_rels/document.xml.rels']!;
      for (const [, , id] of refs) {
        const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
        expect(x[`word/${target}`]).toBeDefined();
        expect(x[`word/${target}`]).not.toMatch(/<w:t[ >]|PAGE/);
      }
    });

  });
});
