// An independent reader draws our OFD: ofd.js (npm, pure JavaScript, Apache-2.0) in headless
// Chromium, through its public API (parseOfdDocument, renderOfd). The reader names a font by
// its FamilyName and leaves the drawing to the fonts the system has; as a viewer with font
// embedding would, the harness hands the browser each embedded font file (FontFace) under a
// name of its own and points the reader's font table at it. Then the page is compared with
// the PDF's page drawn by pdftoppm: both scaled to one grid, their cells with ink compared.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { all, child, openOfd } from './read.js';

/** The reader's browser bundle (its `ofd` global). */
export const OFD_JS = createRequire(import.meta.url).resolve('ofd.js/lib/ofd.umd.min.js');

/**
 * Pixels per mm the reader draws at: renderOfd sizes a page to the width it is given (to
 * 0.1 px/mm). It sizes images at 96 dpi whatever that scale (its CTM divided by 0.2642 mm per
 * px): drawn at 3.8 px/mm (96.5 dpi), a seal is as large as on the page (0.5 % off).
 */
const READER_PX_PER_MM = 3.8;
const A4_W_MM = 210;
const A4_H_MM = 297;
/** renderOfd leaves 10 px of the width it is given beside the page. */
const READER_MARGIN_PX = 10;
const MM_PER_INCH = 25.4;

interface Rendered {
  /** PNG of the page as the reader drew it. */
  png: Buffer;
  /** Problems the reader reported (script errors, refused fonts). */
  errors: string[];
}

/** The embedded font files of a package, by font id. */
function embeddedFonts(ofd: Buffer): Array<[string, string]> {
  const doc = openOfd(ofd);
  return doc.res.flatMap((r) =>
    all(r.node, 'ofd:Font').map((f): [string, string] => [f.attrs['ID']!, Buffer.from(doc.pkg.files[`${r.baseDir}/${child(f, 'ofd:FontFile')!.text}`]!).toString('base64')]),
  );
}

/** Page `index` (0-based) of an OFD as ofd.js draws it. */
export async function renderOfdPage(browser: Browser, ofd: Buffer, index: number): Promise<Rendered> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.text().startsWith('OTS')) errors.push(m.text());
  });
  try {
    await page.setContent('<!doctype html><html><body style="margin:0;background:#fff"><div id="root"></div></body></html>');
    await page.addScriptTag({ content: readFileSync(OFD_JS, 'utf8') });
    const screenWidth = A4_W_MM * READER_PX_PER_MM + READER_MARGIN_PX;
    const drawn = await page.evaluate(
      async ({ b64, fonts, index, screenWidth }) => {
        const bytes = (s: string): Uint8Array => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
        type Doc = { fontResObj: Record<string, string> };
        const reader = (globalThis as unknown as { ofd: { parseOfdDocument(o: object): void; renderOfd(w: number, d: Doc): HTMLElement[] } }).ofd;
        const docs = await new Promise<Doc[]>((resolve, reject) => reader.parseOfdDocument({ ofd: bytes(b64).buffer, success: resolve, fail: reject }));
        const doc = docs[0]!;
        for (const [id, file] of fonts) {
          const face = new FontFace(`embedded-${id}`, bytes(file).buffer as ArrayBuffer);
          await face.load();
          document.fonts.add(face);
          doc.fontResObj[id] = face.family;
        }
        const pages = reader.renderOfd(screenWidth, doc);
        const root = document.getElementById('root')!;
        root.appendChild(pages[index]!);
        await document.fonts.ready;
        return pages.length;
      },
      { b64: ofd.toString('base64'), fonts: embeddedFonts(ofd), index, screenWidth },
    );
    if (drawn <= index) throw new Error(`the reader drew ${drawn} pages`);
    const png = await page.locator('#root > div').first().screenshot();
    return { png, errors };
  } finally {
    await page.close();
  }
}

/** Page `index` (0-based) of a PDF drawn by pdftoppm at the reader's resolution, as PNG. */
export function renderPdfPage(pdf: Buffer, index: number): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'gw-ofd-render-'));
  const file = join(dir, 'x.pdf');
  writeFileSync(file, pdf);
  const dpi = READER_PX_PER_MM * MM_PER_INCH;
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(index + 1), '-l', String(index + 1), '-singlefile', file, join(dir, 'p')]);
  return readFileSync(join(dir, 'p.png'));
}

export interface Comparison {
  /** Ink cells of both over ink cells of either. */
  iou: number;
  /** Of each image's ink cells, the share with ink of the other at most one cell away (the lower of the two). */
  near: number;
  /** Ink cells of each image (a blank page has none). */
  dark: [number, number];
}

/**
 * Compare two page images on a grid of `pxPerMm` (both scaled to the A4 page at that size;
 * a cell is ink when its grey, 0–255, is below `ink`). The scaling and counting run in the
 * browser's canvas.
 */
export async function comparePages(browser: Browser, a: Buffer, b: Buffer, pxPerMm: number, ink: number): Promise<Comparison> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ({ a, b, w, h, ink }) => {
        const mask = async (b64: string): Promise<Uint8Array> => {
          const img = new Image();
          img.src = `data:image/png;base64,${b64}`;
          await img.decode();
          const c = document.createElement('canvas');
          c.width = w;
          c.height = h;
          const g = c.getContext('2d')!;
          g.fillStyle = '#fff';
          g.fillRect(0, 0, w, h);
          g.drawImage(img, 0, 0, w, h);
          const px = g.getImageData(0, 0, w, h).data;
          const m = new Uint8Array(w * h);
          for (let i = 0; i < m.length; i++) m[i] = 0.299 * px[4 * i]! + 0.587 * px[4 * i + 1]! + 0.114 * px[4 * i + 2]! < ink ? 1 : 0;
          return m;
        };
        const [ma, mb] = [await mask(a), await mask(b)];
        const near = (m: Uint8Array, i: number): boolean => {
          const x = i % w;
          const y = (i - x) / w;
          for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (m[(y + dy) * w + x + dx]) return true;
          return false;
        };
        let both = 0;
        let either = 0;
        let da = 0;
        let db = 0;
        let aNear = 0;
        let bNear = 0;
        for (let i = 0; i < ma.length; i++) {
          if (ma[i] && mb[i]) both++;
          if (ma[i] || mb[i]) either++;
          if (ma[i]) {
            da++;
            if (near(mb, i)) aNear++;
          }
          if (mb[i]) {
            db++;
            if (near(ma, i)) bNear++;
          }
        }
        return { iou: either ? both / either : 1, near: Math.min(da ? aNear / da : 1, db ? bNear / db : 1), dark: [da, db] as [number, number] };
      },
      { a: a.toString('base64'), b: b.toString('base64'), w: Math.round(A4_W_MM * pxPerMm), h: Math.round(A4_H_MM * pxPerMm), ink },
    );
  } finally {
    await page.close();
  }
}

/** The two pages side by side (OFD left, PDF right) at `pxPerMm`, as PNG. */
export async function sideBySide(browser: Browser, ofd: Buffer, pdf: Buffer, pxPerMm: number): Promise<Buffer> {
  const w = Math.round(A4_W_MM * pxPerMm);
  const h = Math.round(A4_H_MM * pxPerMm);
  const gap = Math.round(pxPerMm * 6);
  const page = await browser.newPage({ viewport: { width: 2 * w + 3 * gap, height: h + 3 * gap } });
  try {
    await page.setContent(
      `<!doctype html><body style="margin:0;background:#d8d8d8;display:flex;gap:${gap}px;padding:${gap}px">` +
        [
          ['OFD · ofd.js', ofd],
          ['PDF · pdftoppm', pdf],
        ]
          .map(([label, p]) => `<figure style="margin:0;font:14px sans-serif;text-align:center">${label}<br><img style="width:${w}px;height:${h}px;background:#fff;margin-top:4px" src="data:image/png;base64,${(p as Buffer).toString('base64')}"></figure>`)
          .join('') +
        '</body>',
    );
    await page.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
    return await page.screenshot({ fullPage: true });
  } finally {
    await page.close();
  }
}
