// The seal (GB/T 9704 7.3.5.1) measured in the PDF: centred on the date, pressing on the issuer
// name and date (both slightly below its centre), top within one line below the body, never over
// the body, and blended like ink (Multiply) so the black text under the red stays visible.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { ImageData } from '../../src/model/types.js';
import { writePdf } from '../../src/render/pdf/index.js';
import { mmToPt, readPdfGeometry, type PdfGeometry } from '../helpers/pdf-geometry.js';
import { replyDoc } from './fixtures.js';
import { rgbPng } from '../helpers/png.js';

const TOP = mmToPt(37);
const PITCH = mmToPt(225) / 22;

/** A solid red square PNG, no alpha: the worst case for covering text. */
const redPng = (size: number): Uint8Array => rgbPng(size, size, () => [230, 30, 30]);

let pdf: Buffer;
let geo: PdfGeometry;

beforeAll(async () => {
  const fonts = loadFontSet({ system: false });
  const doc = replyDoc({}, 3);
  const seal: ImageData = { src: 'seal.png', bytes: redPng(64), format: 'png', width: 64, height: 64 };
  const sig = doc.blocks.find((b) => b.kind === 'signature')!;
  if (sig.kind === 'signature') sig.seal = seal;
  pdf = await writePdf(layoutDocument(doc, fonts), fonts);
  geo = await readPdfGeometry(pdf);
}, 60_000);

describe('seal', () => {
  const parts = () => {
    const page = geo.pages.find((p) => p.lines.some((l) => l.text === '2018年12月24日'))!;
    const date = page.lines.find((l) => l.text === '2018年12月24日')!;
    const name = page.lines.find((l) => l.text === '许昌市教育局')!;
    const img = page.images.find((i) => i.width > mmToPt(30))!;
    return { page, date, name, img };
  };

  it('is 42 mm wide and centred on the date', () => {
    const { date, img } = parts();
    expect(img.width).toBeCloseTo(mmToPt(42), 0);
    expect(img.x + img.width / 2).toBeCloseTo((date.x0 + date.x1) / 2, 0);
  });

  it('presses on the name and the date, both slightly below its centre', () => {
    const { date, name, img } = parts();
    const centre = img.y + img.height / 2;
    const mid = (l: { baseline: number; size: number }): number => l.baseline - 0.38 * l.size; // em-box centre
    for (const l of [name, date]) {
      expect(mid(l)).toBeGreaterThan(centre);
      expect(l.baseline).toBeLessThan(img.y + img.height);
    }
    expect(mid(name) - centre).toBeLessThan(PITCH); // the name right under the centre
    expect(mid(date) - centre).toBeLessThan(img.height / 2);
  });

  it('starts at most one line below the body and covers none of it', () => {
    const { page, name, img } = parts();
    const above = page.lines.filter((l) => l.baseline < name.baseline - 0.5 && l.size > 15 && l.size < 17);
    const bodyBottom = Math.max(...above.map((l) => l.baseline + 0.12 * l.size));
    expect(img.y).toBeGreaterThanOrEqual(bodyBottom);
    expect(img.y - bodyBottom).toBeLessThanOrEqual(PITCH);
    expect(img.y).toBeGreaterThan(TOP);
  });

  it('is drawn with the Multiply blend mode', () => {
    expect(pdf.includes(Buffer.from('/BM /Multiply'))).toBe(true);
  });

  it('lets the black date show through the red (raster, when poppler is installed)', () => {
    const { page, date } = parts();
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-seal-'));
    const f = join(dir, 'seal.pdf');
    writeFileSync(f, pdf);
    const dpi = 100;
    try {
      execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page.index), '-l', String(page.index), '-aa', 'no', '-aaVector', 'no', f, join(dir, 'p')]);
    } catch {
      return;
    }
    // PPM: header "P6\nW H\n255\n" then RGB bytes.
    const file = execFileSync('sh', ['-c', `ls ${dir}/p*.ppm`], { encoding: 'utf8' }).trim();
    const buf = readFileSync(file);
    const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
    const w = Number(m[1]);
    const off = m[0].length;
    const s = dpi / 72;
    let dark = 0;
    let red = 0;
    for (let y = Math.round((date.baseline - 14) * s); y < Math.round(date.baseline * s); y++) {
      for (let x = Math.round(date.x0 * s); x < Math.round(date.x1 * s); x++) {
        const i = off + 3 * (y * w + x);
        const [r, g, b] = [buf[i]!, buf[i + 1]!, buf[i + 2]!];
        if (r < 90 && g < 90 && b < 90) dark++;
        if (r > 180 && g < 90 && b < 90) red++;
      }
    }
    expect(red).toBeGreaterThan(0); // the seal does lie over the date
    expect(dark).toBeGreaterThan(50); // and the glyphs are still black
  });
});
