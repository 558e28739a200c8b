// The writer's text objects (each run writes only the text state that changed) put every glyph
// where pdfkit's own text() puts it: the same position, size, scaling, colour, render mode
// and outline. Both PDFs are read back by pdf.js, not by the writer.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import { loadConfig } from '../../src/source/index.js';
import { BUILTIN_TEMPLATE_DIR, loadTemplates } from '../../src/template/render.js';
import { readAndCompose } from '../../src/pipeline/build.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { GlyphRun, LaidOutDocument, Rule } from '../../src/layout/types.js';
import { PDF_FEATURES, writePdf } from '../../src/render/pdf/index.js';
import { BOLD_STROKE_EM } from '../../src/render/pdf/constants.js';
import { PAGE_H_PT, PAGE_W_PT, RED_CMYK } from '../../src/spec/gbt9704.js';
import { readPdfGeometry, type PdfGlyph } from '../helpers/pdf-geometry.js';

const root = join(import.meta.dirname, '..', '..');
const fonts = loadFontSet({ system: false }, { cwd: root });
const { fangsong, song, kai, hei } = fonts.roles;

/** The document information of an example, for a synthetic document. */
function info(): LaidOutDocument['info'] {
  const file = join(root, 'content', 'replies', readdirSync(join(root, 'content', 'replies'))[0]!);
  const config = loadConfig({ cwd: root });
  return layoutDocument(readAndCompose(file, config, loadTemplates(BUILTIN_TEMPLATE_DIR)).doc, fonts).info;
}

const run = (text: string, y: number, extra: Partial<GlyphRun> = {}): GlyphRun => ({
  kind: 'text', x: 80, baseline: y, text, fontId: fangsong.font.id, role: 'fangsong',
  size: 16, charSpacing: 0, hScale: 1, color: 'black', width: 0, ...extra,
});
const rule = (y: number): Rule => ({ kind: 'rule', x1: 80, y1: y, x2: 515, y2: y, thickness: 1, color: 'red' });

/** Runs that change one part of the state at a time, back again, across a rule and a page. */
const pages: LaidOutDocument['pages'] = [
  {
    number: 1,
    items: [
      run('关于做好冬季校园安全工作的通知', 100),
      run('同一样式的第二段', 100, { x: 330 }),
      run('重点强调的内容', 130, { bold: true }),
      run('再回到常规文字', 130, { x: 260 }),
      run('标题压缩到九成宽', 160, { hScale: 0.9, fontId: song.font.id, role: 'song', size: 22 }),
      run('字距收紧', 190, { charSpacing: -0.7 }),
      run('字距还原', 190, { x: 200 }),
      rule(200),
      run('破折号——省略号……', 220, { color: 'red' }),
      run('红色加粗', 220, { color: 'red', bold: true, x: 300 }),
      run('e\u0301 和 2024 年 office 2024', 250),
      run('楷体：编者按', 280, { fontId: kai.font.id, role: 'kai', bold: true, charSpacing: 0.5 }),
      run('黑体 1/2 ½', 310, { fontId: hei.font.id, role: 'hei', hScale: 0.8 }),
      run('最后一行仿宋', 340),
    ],
  },
  {
    number: 2,
    items: [run('第二页接着写', 100, { charSpacing: -0.7 }), run('加粗', 130, { bold: true, fontId: hei.font.id, role: 'hei' })],
  },
];

/** The same runs drawn by pdfkit's public text(), each in its own text object with its whole state. */
async function pdfkitReference(): Promise<Buffer> {
  const doc = new PDFDocument({ size: [PAGE_W_PT, PAGE_H_PT], margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  for (const f of [fangsong, song, kai, hei]) doc.registerFont(f.font.id, Buffer.from(f.font.bytes));
  const colour = (c: 'black' | 'red'): PDFKit.Mixins.ColorValue => (c === 'red' ? ([...RED_CMYK] as [number, number, number, number]) : 'black');
  for (const page of pages) {
    doc.addPage({ size: [PAGE_W_PT, PAGE_H_PT], margin: 0 });
    for (const item of page.items) {
      if (item.kind === 'rule') {
        doc.save().moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.thickness).strokeColor(colour(item.color)).stroke().restore();
        continue;
      }
      if (item.kind !== 'text') continue;
      doc.save();
      doc.font(item.fontId).fontSize(item.size).fillColor(colour(item.color));
      if (item.bold) doc.lineWidth(item.size * BOLD_STROKE_EM).strokeColor(colour(item.color));
      doc.text(item.text, item.x, item.baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
        characterSpacing: item.charSpacing,
        horizontalScaling: item.hScale * 100,
        features: { ...PDF_FEATURES },
        ...(item.bold ? { fill: true, stroke: true } : {}),
      } as unknown as PDFKit.Mixins.TextOptions);
      doc.restore();
    }
  }
  doc.end();
  return done;
}

/** What a reader sees of a glyph; font names without the subset tag (pdfkit numbers them in order of use). */
const seen = (g: PdfGlyph) => ({
  char: g.char,
  x: g.x.toFixed(2),
  baseline: g.baseline.toFixed(2),
  size: g.size.toFixed(2),
  hScale: g.hScale.toFixed(3),
  font: g.font.replace(/^[A-Z]{6}\+/, ''),
  color: [g.color.r, g.color.g, g.color.b].map(Math.round).join(','),
  renderMode: g.renderMode,
  outline: g.renderMode === 2 ? `${g.lineWidth.toFixed(3)} ${[g.strokeColor.r, g.strokeColor.g, g.strokeColor.b].map(Math.round).join(',')}` : '',
});

describe('text objects of the PDF writer', () => {
  it('place every glyph as pdfkit’s own text() does: position, size, scaling, font, colour, render mode, outline', async () => {
    const ours = await readPdfGeometry(await writePdf({ info: info(), pages, warnings: [] }, fonts));
    const reference = await readPdfGeometry(await pdfkitReference());
    expect(ours.pages).toHaveLength(2);
    for (let p = 0; p < 2; p++) {
      const a = ours.pages[p]!.glyphs.map(seen);
      const b = reference.pages[p]!.glyphs.map(seen);
      expect(a.length).toBeGreaterThan(5);
      expect(a).toEqual(b);
    }
    // The cases the comparison must cover: emphasis outlined in red and in black, scaled text.
    const all = ours.pages.flatMap((p) => p.glyphs);
    expect(all.filter((g) => g.renderMode === 2 && g.color.r > 200).length).toBeGreaterThan(0);
    expect(all.filter((g) => g.renderMode === 2 && g.color.r < 60).length).toBeGreaterThan(0);
    expect(all.filter((g) => g.renderMode === 0 && Math.abs(g.hScale - 0.9) < 0.01).length).toBeGreaterThan(0);
    expect(ours.pages[0]!.rules).toHaveLength(1);
  });

  it('write a run’s text state once for the runs that share it', async () => {
    // Two runs in the same style on one line: one font selection for both.
    const same: LaidOutDocument = { info: info(), pages: [{ number: 1, items: [run('第一段文字', 100), run('第二段文字', 100, { x: 300 })] }], warnings: [] };
    const pdf = await writePdf(same, fonts);
    const { inflateSync } = await import('node:zlib');
    // The page's content stream: the first stream of the file after the page object names it.
    const text = pdf.toString('latin1');
    const contents = [...text.matchAll(/\/Contents (\d+) 0 R/g)].map((m) => m[1]);
    expect(contents).toHaveLength(1);
    const at = text.indexOf(`\n${contents[0]} 0 obj`);
    const start = text.indexOf('stream\n', at) + 'stream\n'.length;
    const length = Number(/\/Length (\d+)/.exec(text.slice(at, start))![1]);
    const ops = inflateSync(pdf.subarray(start, start + length)).toString('latin1');
    expect(ops.match(/ Tf\b/g)).toHaveLength(1);
    expect(ops.match(/\bBT\b/g)).toHaveLength(1);
    expect(ops.match(/ Tj\b/g)).toHaveLength(2);
  });
});
