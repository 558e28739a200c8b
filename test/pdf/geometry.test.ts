// Geometric tests of generated PDFs, measured with an independent reader (pdf.js), never
// with the layout's own numbers. Expected values come from GB/T 9704-2012 in millimetres.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import type { FontSet } from '../../src/fonts/types.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { GongwenDocument } from '../../src/model/types.js';
import { writePdf } from '../../src/render/pdf/index.js';
import { isRed, mmToPt, ptToMm, readPdfGeometry, type PdfGeometry, type PdfLine } from '../helpers/pdf-geometry.js';
import { bulletinDoc, replyDoc } from './fixtures.js';

// The format, restated here from the standard (not imported from the layout).
const LEFT = mmToPt(28);
const RIGHT = mmToPt(184);
const TOP = mmToPt(37);
const BOTTOM = mmToPt(262);
const PITCH = mmToPt(225) / 22;
const CELL = mmToPt(156) / 28;
const HALF_MM = mmToPt(0.5);
const CLOSING = new Set([...'，。、；：？！）》」』”’〕】…']);
const OPENING = new Set([...'（《「『“‘〔【']);

let fonts: FontSet;
const built = new Map<string, { pdf: Buffer; geo: PdfGeometry; doc: GongwenDocument }>();
async function build(name: string, doc: GongwenDocument): Promise<{ pdf: Buffer; geo: PdfGeometry; doc: GongwenDocument }> {
  const pdf = await writePdf(layoutDocument(doc, fonts), fonts);
  const r = { pdf, geo: await readPdfGeometry(pdf), doc };
  built.set(name, r);
  return r;
}

beforeAll(async () => {
  fonts = loadFontSet({ system: false });
  await build('reply', replyDoc());
  await build('bulletin', bulletinDoc());
  await build('long', replyDoc({}, 70));
  await build('blong', bulletinDoc({}, 4, 18));
});

const bodyLines = (ls: PdfLine[]): PdfLine[] => ls.filter((l) => Math.abs(l.size - 16) < 0.1 && !l.red);
const isPureCjk = (l: PdfLine): boolean => l.glyphs.every((g) => g.glyphWidth > 15);

describe.each(['reply', 'bulletin', 'long', 'blong'])('%s PDF', (name) => {
  const get = (): { pdf: Buffer; geo: PdfGeometry } => built.get(name)!;

  it('is A4 on every page', () => {
    for (const p of get().geo.pages) {
      expect(p.width).toBeCloseTo(595.28, 0);
      expect(p.height).toBeCloseTo(841.89, 0);
    }
  });

  it('keeps all text inside the 版心 (page numbers excepted)', () => {
    for (const p of get().geo.pages) {
      for (const l of p.lines) {
        if (l.text.includes('—') && l.size === 14 && l.baseline > BOTTOM) continue;
        expect(l.x0).toBeGreaterThanOrEqual(LEFT - HALF_MM);
        expect(l.x1).toBeLessThanOrEqual(RIGHT + HALF_MM);
        expect(l.baseline).toBeLessThanOrEqual(BOTTOM + HALF_MM);
        expect(l.baseline - 0.88 * l.size).toBeGreaterThanOrEqual(TOP - HALF_MM);
      }
    }
  });

  it('sets full body lines flush to both 版心 edges with 28 characters at 15.79 pt', () => {
    const counts = new Map<number, number>();
    const pitches: number[] = [];
    for (const p of get().geo.pages) {
      for (const l of bodyLines(p.lines)) {
        if (Math.abs(l.x1 - RIGHT) > HALF_MM || !isPureCjk(l)) continue;
        const cells = Math.round((l.x0 - LEFT) / CELL) + l.glyphs.length;
        counts.set(cells, (counts.get(cells) ?? 0) + 1);
        if (cells === 28) for (let k = 1; k < l.glyphs.length; k++) pitches.push(l.glyphs[k]!.x - l.glyphs[k - 1]!.x);
      }
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(5);
    // The fixtures are punctuation- and Latin-heavy on purpose; lines that squeeze or push one mark hold 27 or 29.
    // One fixture paragraph (《方案》）， then 0374-2699897 right after the first-line indent) has no
    // setting within ±1 at all; that is the only place a line is 2 off.
    const near = (counts.get(27) ?? 0) + (counts.get(28) ?? 0) + (counts.get(29) ?? 0);
    expect(near / total).toBeGreaterThanOrEqual(0.85);
    expect(Math.max(...counts.values())).toBe(counts.get(28));
    for (const c of counts.keys()) expect(Math.abs(c - 28)).toBeLessThanOrEqual(2);
    pitches.sort((a, b) => a - b);
    expect(pitches[Math.floor(pitches.length / 2)]!).toBeCloseTo(CELL, 2);
  });

  it('puts 22 lines on every full page at a 28.99 pt pitch, on one grid from page 1 on', () => {
    const pages = get().geo.pages;
    const origin = TOP + (PITCH - 16) / 2 + 0.88 * 16; // baseline of grid line 0 with the em box centred
    for (const [k, p] of pages.entries()) {
      const ls = p.lines.filter((l) => l.size >= 15.9 && l.size <= 16.1 && l.baseline < BOTTOM + 1);
      for (const l of ls) {
        const slot = (l.baseline - origin) / PITCH;
        expect(Math.abs(slot - Math.round(slot))).toBeLessThan(0.05);
      }
      if (k < pages.length - 1 && k > 0) {
        // A page that is not the last is filled to its 22nd line, except the one whose last 2 body
        // lines went over with the signature (spec §8): the next page then starts with 2 lines of
        // text and holds the date, so the signature never stands alone.
        const last = Math.max(...ls.map((l) => l.baseline));
        const next = pages[k + 1]!.lines.filter((l) => l.baseline < BOTTOM + 1);
        const date = next.findIndex((l) => l.text === '2018年12月24日');
        if (date >= 0 && (last - origin) / PITCH < 20.5) {
          expect(date).toBeGreaterThanOrEqual(3); // 2 carried lines, the issuer, the date
          expect(next[0]!.baseline).toBeCloseTo(origin, 0);
          expect(next[1]!.baseline - next[0]!.baseline).toBeCloseTo(PITCH, 0);
          expect((last - origin) / PITCH).toBeGreaterThan(21 - 2 - 5);
        } else expect((last - origin) / PITCH).toBeCloseTo(21, 1);
      }
    }
  });

  it('breaks no line against 避头尾 and never splits —— or ……', () => {
    for (const p of get().geo.pages) {
      const ls = p.lines.filter((l) => l.baseline < BOTTOM + 1);
      ls.forEach((l, k) => {
        const t = l.glyphs.map((g) => g.char).join('');
        expect(CLOSING.has(t[0]!), `${p.index}: ${t}`).toBe(false);
        if (k < ls.length - 1) expect(OPENING.has(t.at(-1)!), `${p.index}: ${t}`).toBe(false);
        const next = ls[k + 1];
        if (next) {
          const n = next.glyphs[0]!.char;
          expect(t.endsWith('—') && n === '—').toBe(false);
          expect(t.endsWith('…') && n === '…').toBe(false);
          expect(/[0-9]$/.test(t) && /^[0-9]/.test(n)).toBe(false);
        }
      });
    }
  });

  it('numbers pages — N — at 14 pt, 7 mm below the 版心, odd right / even left', () => {
    const pages = get().geo.pages;
    for (const p of pages) {
      const pn = p.lines.find((l) => l.baseline > BOTTOM + 5);
      expect(pn, `page ${p.index}`).toBeDefined();
      expect(pn!.text.replace(/\s/g, '')).toBe(`—${p.index}—`);
      expect(pn!.text).toBe(`— ${p.index} —`);
      expect(pn!.size).toBeCloseTo(14, 1);
      const centre = pn!.baseline - 0.38 * 14;
      expect(ptToMm(centre)).toBeCloseTo(269, 0);
      // Inset one 4号 character (14 pt) from the 版心 edge, ±0.5 mm (the dash sits centred in its cell).
      if (p.index % 2 === 1) expect(Math.abs(pn!.x1 - (RIGHT - 14))).toBeLessThan(HALF_MM);
      else expect(Math.abs(pn!.x0 - (LEFT + 14))).toBeLessThan(HALF_MM);
    }
  });

  it('pins the 版记 to the bottom of the last page: last rule on 262 mm, thick/thin rules, 14 pt rows', () => {
    const last = get().geo.pages.at(-1)!;
    const rules = last.rules.filter((r) => r.x2 - r.x1 > mmToPt(150)).sort((a, b) => a.y - b.y);
    expect(rules.length).toBeGreaterThanOrEqual(3);
    for (const r of rules) {
      expect(r.x1).toBeCloseTo(LEFT, 1);
      expect(r.x2).toBeCloseTo(RIGHT, 1);
      expect(isRed(r.color)).toBe(false);
    }
    const bottom = rules.at(-1)!;
    expect(ptToMm(bottom.y + bottom.thickness / 2)).toBeCloseTo(262, 1);
    expect(ptToMm(bottom.thickness)).toBeCloseTo(0.35, 2);
    expect(ptToMm(rules[0]!.thickness)).toBeCloseTo(0.35, 2);
    for (const r of rules.slice(1, -1)) expect(ptToMm(r.thickness)).toBeCloseTo(0.25, 2);
    const rows = last.lines.filter((l) => l.baseline > rules[0]!.y && l.baseline < bottom.y);
    expect(rows.length).toBeGreaterThan(0);
    for (const l of rows) {
      expect(l.size).toBeCloseTo(14, 1);
      expect(l.x0).toBeGreaterThanOrEqual(LEFT + 14 - 0.5);
      expect(l.x1).toBeLessThanOrEqual(RIGHT - 14 + 0.5);
    }
  });

  it('embeds the fonts as subsets and extracts the text in reading order', () => {
    const { geo, pdf } = get();
    for (const f of geo.fonts) expect(f).toMatch(/^[A-Z]{6}\+/);
    expect(pdf.includes(Buffer.from('/FontFile2'))).toBe(true);
    const text = geo.pages.map((p) => p.text).join('\n').replace(/\s+/g, '');
    expect(text).toContain(name.startsWith('b') ? '郑东新区深化集团化办学' : '许教〔2018〕76号');
  });
});

describe('提案答复 header', () => {
  it('has a red issuer mark 35 mm below the 版心 top, the number 2 lines below, the red rule 4 mm under it', async () => {
    const p1 = built.get('reply')!.geo.pages[0]!;
    const mark = p1.lines.find((l) => l.text.includes('许昌市教育局文件'))!;
    expect(mark.red).toBe(true);
    expect(ptToMm(mark.baseline - 0.88 * mark.size)).toBeCloseTo(72, 0);
    expect(ptToMm(mark.x1 - mark.x0)).toBeLessThanOrEqual(150);
    expect((mark.x0 + mark.x1) / 2).toBeCloseTo((LEFT + RIGHT) / 2, 0);
    const num = p1.lines.find((l) => l.text.includes('许教〔2018〕76号'))!;
    expect(num.x0).toBeCloseTo(LEFT + CELL, 0); // 上行文: left-inset 1 字
    expect(num.text).toContain('签发人：杨钧安');
    expect(num.x1).toBeCloseTo(RIGHT - CELL, 0);
    const signer = num.glyphs.find((g) => g.char === '杨')!;
    expect(signer.font).toMatch(/WenKai/);
    // 2 blank lines: at least two full pitches between the mark's bottom and the number's top.
    expect(num.baseline - 0.88 * 16 - (mark.baseline + 0.12 * mark.size)).toBeGreaterThan(2 * PITCH - 1);
    const rule = p1.rules.find((r) => isRed(r.color))!;
    expect(ptToMm(rule.x2 - rule.x1)).toBeCloseTo(156, 1);
    expect(ptToMm(rule.thickness)).toBeCloseTo(0.5, 1);
    expect(ptToMm(rule.y - (num.baseline + 0.12 * 16))).toBeCloseTo(4, 1);
    const cat = p1.lines.find((l) => l.text.includes('办理结果'))!;
    expect(cat.x1).toBeCloseTo(RIGHT, 0);
    expect(cat.baseline).toBeGreaterThan(rule.y);
    const title = p1.lines.filter((l) => Math.abs(l.size - 22) < 0.1);
    expect(title.map((l) => l.text)).toEqual(['对市政协七届二次会议', '第004号提案的答复']);
    for (const t of title) expect((t.x0 + t.x1) / 2).toBeCloseTo((LEFT + RIGHT) / 2, 0);
    // Title 2 blank lines below the rule.
    expect(title[0]!.baseline - 0.88 * 22 - rule.y).toBeGreaterThan(2 * PITCH - 8);
  });

  it('places the signature and date per 7.3.5.2 and the contact lines after the date', () => {
    const last = built.get('reply')!.geo.pages.at(-1)!;
    const issuer = last.lines.find((l) => l.text === '许昌市教育局')!;
    const date = last.lines.find((l) => l.text === '2018年12月24日')!;
    // The date is wider than the name here: the date is right-inset 2 字, the name starts 2 字 left of it.
    expect(date.x1).toBeCloseTo(RIGHT - 2 * CELL, 0);
    expect(date.x0).toBeCloseTo(issuer.x0 + 2 * CELL, 0);
    expect(issuer.x1).toBeLessThanOrEqual(RIGHT - 2 * CELL + 0.5);
    expect(date.baseline - issuer.baseline).toBeCloseTo(PITCH, 1);
    const contact = last.lines.find((l) => l.text.startsWith('联系单位及电话'))!;
    expect(contact.baseline - date.baseline).toBeCloseTo(PITCH, 1);
    expect(contact.x0).toBeCloseTo(LEFT + 2 * CELL, 0);
    expect(contact.text).toContain('0374-2699897');
  });
});

describe('简报 masthead', () => {
  it('has the red series name and heading, the issue centred, editor/date line and a red rule', () => {
    const p1 = built.get('bulletin')!.geo.pages[0]!;
    const marking = p1.lines.find((l) => l.text.includes('内部刊物'))!;
    expect(marking.x0).toBeCloseTo(LEFT, 0);
    expect(marking.glyphs[0]!.font).toMatch(/Sans/);
    const name = p1.lines.find((l) => l.text.includes('能力作风建设年'))!;
    expect(name.red).toBe(true);
    const heading = p1.lines.find((l) => l.text.replace(/\s/g, '') === '简报')!;
    expect(heading.red).toBe(true);
    expect(heading.size).toBeGreaterThanOrEqual(42);
    expect(heading.glyphs[1]!.x - heading.glyphs[0]!.x).toBeGreaterThan(heading.size * 1.5);
    const issue = p1.lines.find((l) => l.text === '第56期')!;
    expect((issue.x0 + issue.x1) / 2).toBeCloseTo((LEFT + RIGHT) / 2, 0);
    const ed = p1.lines.find((l) => l.text.includes('领导小组办公室') && l.text.includes('2022年7月20日'))!;
    expect(ed.x1).toBeCloseTo(RIGHT, 0);
    const rule = p1.rules.find((r) => isRed(r.color))!;
    expect(ptToMm(rule.x2 - rule.x1)).toBeCloseTo(156, 1);
    expect(ptToMm(rule.y - (ed.baseline + 0.12 * 16))).toBeCloseTo(4, 0);
    const title = p1.lines.find((l) => Math.abs(l.size - 22) < 0.1)!;
    expect(title.baseline - 0.88 * 22 - rule.y).toBeGreaterThan(2 * PITCH - 8);
  });
});

describe('PDF output', () => {
  it('is byte-identical across writes, with dates from the document and its metadata', async () => {
    const doc = replyDoc();
    const a = await writePdf(layoutDocument(doc, fonts), fonts);
    const b = await writePdf(layoutDocument(doc, fonts), fonts);
    expect(a.equals(b)).toBe(true);
    const geo = built.get('reply')!.geo;
    expect(geo.metadata.title).toBe('对市政协七届二次会议第004号提案的答复');
    expect(geo.metadata.author).toBe('许昌市教育局');
    expect(geo.metadata.subject).toBe('许教〔2018〕76号');
    expect(geo.metadata.creationDate).toMatch(/^D:20181224000000/);
  });

  it('draws characters outside GB2312 with a face that has them and warns with file and line', async () => {
    const doc = replyDoc({}, 1);
    doc.blocks.splice(6, 0, { kind: 'paragraph', style: 'body', line: 42, runs: [{ text: '王堃、张喆、李赟、𪚥字与𠀀字。', line: 42 }] });
    const laid = layoutDocument(doc, fonts);
    const geo = await readPdfGeometry(await writePdf(laid, fonts));
    const glyphs = geo.pages.flatMap((p) => p.glyphs);
    for (const ch of ['堃', '喆', '赟', '𪚥']) {
      const g = glyphs.find((x) => x.char === ch);
      expect(g, ch).toBeDefined();
      expect(g!.glyphWidth).toBeGreaterThan(10);
    }
    const w = laid.warnings.find((x) => x.message.includes('𪚥'))!;
    expect(w.file).toBe('content/reply.md');
    expect(w.line).toBe(42);
    // No bundled face has U+20000 (see FALLBACK_FACES): the warning says so, with the place.
    const none = laid.warnings.find((x) => x.message.includes('𠀀'))!;
    expect(none.message).toContain('U+20000');
    expect(none.message).toContain('没有字形');
    expect(none.line).toBe(42);
  });

  it('uses a 28 pt pitch in fixed28 mode', async () => {
    const geo = await readPdfGeometry(await writePdf(layoutDocument(replyDoc({ lineMode: 'fixed28' }, 20), fonts), fonts));
    const ls = bodyLines(geo.pages[1]!.lines).filter((l) => l.baseline < BOTTOM);
    for (let k = 1; k < ls.length; k++) expect(ls[k]!.baseline - ls[k - 1]!.baseline).toBeCloseTo(28, 2);
  });

  it('never leaves the signature alone on a page', () => {
    for (let n = 1; n <= 14; n++) {
      const laid = layoutDocument(replyDoc({}, n), fonts);
      const lineText = (p: (typeof laid.pages)[number], y: number): string =>
        p.items.filter((i) => i.kind === 'text' && Math.abs(i.baseline - y) < 0.5).map((i) => (i as { text: string }).text).join('');
      const page = laid.pages.find((p) => p.items.some((i) => i.kind === 'text' && lineText(p, i.baseline) === '2018年12月24日'))!;
      expect(page, `n=${n}`).toBeDefined();
      const date = page.items.find((i) => i.kind === 'text' && lineText(page, i.baseline) === '2018年12月24日') as { baseline: number };
      const above = page.items.filter((i) => i.kind === 'text' && i.size === 16 && i.baseline < date.baseline - 2 * PITCH);
      expect(above.length, `n=${n}`).toBeGreaterThan(0);
    }
  });

  it('puts the 版记 on an even page when asked, unnumbered after an added blank page', async () => {
    for (let n = 1; n <= 6; n++) {
      const laid = layoutDocument(replyDoc({ colophonOnEvenPage: true }, n), fonts);
      expect(laid.pages.length % 2, `n=${n}`).toBe(0);
    }
  });
});

describe('pdftotext', () => {
  it('reads the document text in order when poppler is installed', () => {
    let out: string;
    try {
      const dir = mkdtempSync(join(tmpdir(), 'gongwen-pdf-'));
      const f = join(dir, 'reply.pdf');
      writeFileSync(f, built.get('reply')!.pdf);
      out = execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' });
    } catch {
      return; // poppler not installed
    }
    const flat = out.replace(/\s+/g, '');
    const order = ['许昌市教育局文件', '许教〔2018〕76号', '对市政协七届二次会议', '民盟许昌市委：', '一、深入推进集团化办学', '抄送：'];
    let pos = -1;
    for (const s of order) {
      const at = flat.indexOf(s, pos + 1);
      expect(at, s).toBeGreaterThan(pos);
      pos = at;
    }
  });
});
