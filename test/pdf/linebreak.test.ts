// Line breaking measured in the PDF with the independent reader: many generated punctuation-heavy
// paragraphs, each justified line counted in cells (indent + glyphs) as a checker would count it.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { Block, GongwenDocument } from '../../src/model/types.js';
import { writePdf } from '../../src/render/pdf/index.js';
import { mmToPt, readPdfGeometry, type PdfLine } from '../helpers/pdf-geometry.js';
import { NO_END, NO_START, paragraphs, settable } from '../layout/generated.js';

const LEFT = mmToPt(28);
const RIGHT = mmToPt(184);
const BOTTOM = mmToPt(262);
const CELL = mmToPt(156) / 28;
const HALF_MM = mmToPt(0.5);

const texts = [...paragraphs(90, 11)];
let lines: PdfLine[] = [];

beforeAll(async () => {
  const fonts = loadFontSet({ system: false });
  const blocks: Block[] = [
    { kind: 'title', text: '关于标点密集段落排版的测试' },
    ...texts.map((t): Block => ({ kind: 'paragraph', style: 'body', runs: [{ text: t }] })),
  ];
  const doc: GongwenDocument = {
    file: 'content/generated.md',
    labels: { noBodyText: '（此页无正文）' },
    info: { type: 'reply', title: '测试', author: '测试', subject: '测试', isoDate: '2024-01-01' },
    blocks,
    options: { lineMode: 'grid', colophonOnEvenPage: false, noBodyTextNotice: false, boldLevel3: false },
  };
  const geo = await readPdfGeometry(await writePdf(layoutDocument(doc, fonts), fonts));
  lines = geo.pages.flatMap((p) => p.lines.filter((l) => Math.abs(l.size - 16) < 0.1 && l.baseline < BOTTOM + 1));
}, 60_000);

const text = (l: PdfLine): string => l.glyphs.map((g) => g.char).join('');
const cells = (l: PdfLine): number => Math.round((l.x0 - LEFT) / CELL) + l.glyphs.length;
const isFull = (l: PdfLine): boolean => Math.abs(l.x1 - RIGHT) < 2;

/** The PDF's body lines grouped back into paragraphs (a paragraph starts with the 2-字 indent). */
function paras(): PdfLine[][] {
  const out: PdfLine[][] = [];
  for (const l of lines) {
    if (Math.abs(l.x0 - (LEFT + 2 * CELL)) < 1 || !out.length) out.push([l]);
    else out.at(-1)!.push(l);
  }
  return out;
}

describe('generated punctuation-heavy paragraphs in the PDF', () => {
  it('reads back every paragraph in order', () => {
    const got = paras().map((p) => p.map(text).join(''));
    for (const [k, t] of texts.entries()) expect(got[k], String(k)).toBe(t);
  });

  it('holds every full line to 28 cells, 27 or 29 only where no setting avoids it, never 26 or 30', () => {
    const hist = new Map<number, number>();
    let feasible = 0;
    for (const p of paras()) {
      const t = p.map(text).join('');
      const ok = settable(t, 26, 28);
      if (ok) feasible++;
      for (const l of p.slice(0, -1)) {
        expect(isFull(l), text(l)).toBe(true);
        const c = cells(l);
        hist.set(c, (hist.get(c) ?? 0) + 1);
        if (ok) expect(Math.abs(c - 28), text(l)).toBeLessThanOrEqual(1);
      }
    }
    expect(feasible / texts.length).toBeGreaterThan(0.9);
    const total = [...hist.values()].reduce((a, b) => a + b, 0);
    expect((hist.get(28) ?? 0) / total).toBeGreaterThan(0.7);
  });

  it('keeps 避头尾, —— and …… whole, and every glyph inside the 版心', () => {
    lines.forEach((l, k) => {
      const t = text(l);
      expect(l.x0).toBeGreaterThanOrEqual(LEFT - HALF_MM);
      expect(l.x1).toBeLessThanOrEqual(RIGHT + HALF_MM);
      const next = lines[k + 1];
      if (!next) return;
      const n = text(next);
      const continues = Math.abs(next.x0 - LEFT) < 1; // the next line continues this paragraph
      if (!continues) return;
      expect(NO_START.has(n[0]!), n).toBe(false);
      expect(NO_END.has(t.at(-1)!), t).toBe(false);
      expect(t.endsWith('—') && n.startsWith('—'), t).toBe(false);
      expect(t.endsWith('…') && n.startsWith('…'), t).toBe(false);
    });
  });
});
