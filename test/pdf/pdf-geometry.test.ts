// The shared PDF reader measures what pdfkit drew, independently of our layout.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { isRed, mmToPt, readPdfGeometry } from '../helpers/pdf-geometry.js';

const require = createRequire(import.meta.url);
const SERIF = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');

function sample(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const bufs: Buffer[] = [];
  doc.on('data', (b: Buffer) => bufs.push(b));
  const done = new Promise<Buffer>((r) => doc.on('end', () => r(Buffer.concat(bufs))));
  doc.registerFont('S', SERIF);
  doc.font('S').fontSize(16).fillColor([0, 80, 80, 0]);
  doc.text('许昌市教育局文件', 80, 200, { lineBreak: false, characterSpacing: -0.2 });
  doc.fillColor('black').fontSize(14).text('— 2 —', 300, 400, { lineBreak: false });
  doc.moveTo(mmToPt(28), 500).lineTo(mmToPt(184), 500).lineWidth(1).strokeColor('#FF0000').stroke();
  doc.rect(mmToPt(28), 600, mmToPt(156), 0.7).fill('black');
  doc.addPage({ size: 'A4', margin: 0 });
  doc.end();
  return done;
}

describe('pdf-geometry reader', () => {
  it('reads glyph positions, sizes, colours, rules and pages', async () => {
    const g = await readPdfGeometry(await sample());
    expect(g.pages).toHaveLength(2);
    const [p1] = g.pages;
    expect(p1!.width).toBeCloseTo(595.28, 1);
    expect(p1!.height).toBeCloseTo(841.89, 1);
    const mark = p1!.lines.find((l) => l.text.includes('许昌'))!;
    expect(mark.text).toBe('许昌市教育局文件');
    expect(mark.size).toBeCloseTo(16, 3);
    expect(mark.x0).toBeCloseTo(80, 2);
    expect(mark.red).toBe(true);
    expect(mark.glyphs[1]!.x - mark.glyphs[0]!.x).toBeCloseTo(15.8, 3);
    // pdfkit puts the baseline at y + ascender; the reader must agree with the font.
    expect(mark.baseline).toBeGreaterThan(200);
    expect(mark.baseline).toBeLessThan(220);
    const pn = p1!.lines.find((l) => l.text.includes('2'))!;
    expect(pn.size).toBeCloseTo(14, 3);
    expect(pn.red).toBe(false);
    expect(p1!.rules).toHaveLength(2);
    const [stroke, fill] = p1!.rules;
    expect(stroke!.source).toBe('stroke');
    expect(stroke!.y).toBeCloseTo(500, 3);
    expect(stroke!.x2 - stroke!.x1).toBeCloseTo(mmToPt(156), 2);
    expect(isRed(stroke!.color)).toBe(true);
    expect(fill!.source).toBe('fill');
    expect(fill!.thickness).toBeCloseTo(0.7, 2);
    expect(g.fonts[0]).toMatch(/NotoSerifSC/);
    expect(p1!.text).toContain('许昌市教育局文件');
  });
});
