// Tables, figures and Latin text on the grid, read back from real outputs: bulletins built by
// the CLI from test fixtures (grid-fixtures.ts) in a temporary project, the PDFs read with
// pdf.js (test/helpers/pdf-geometry.ts) and the DOCX XML unzipped.

import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxPart, project, run } from '../cli/helpers.js';
import { mmToPt, readPdfGeometry, type PdfGeometry, type PdfLine } from '../helpers/pdf-geometry.js';
import { GRID_FIXTURES } from './grid-fixtures.js';

const LEFT = mmToPt(28);
const RIGHT = mmToPt(184);
const TOP = mmToPt(37);
const BOTTOM = mmToPt(262);
const PITCH = mmToPt(225) / 22;
/** Tolerance of positions read back, pt. */
const TOL = 0.6;

let dir = '';
let code = -1;
let err = '';
const pdfs = new Map<string, PdfGeometry>();
const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');
const body = (l: PdfLine): boolean => Math.abs(l.size - 16) < 0.6;

beforeAll(async () => {
  dir = project(GRID_FIXTURES);
  const r = await run(dir, 'build', '.', '--out', 'out');
  code = r.code;
  err = r.err;
  for (const n of ['two-page-table', 'long-column', 'photo-caption', 'urls-codes']) pdfs.set(n, await readPdfGeometry(join(dir, 'out', `${n}.pdf`)));
}, 120_000);

describe('bulletins with tables, figures and Latin text', () => {
  it('build without errors', () => {
    expect(err.split('\n').filter((l) => l.trim() && !l.startsWith('警告'))).toEqual([]);
    expect(code).toBe(0);
  });

  it('every text line stays within the 版心', () => {
    for (const [name, geo] of pdfs) {
      for (const p of geo.pages) {
        for (const l of p.lines) {
          if (/^—\s*\d+\s*—$/.test(l.text.trim())) continue; // page numbers sit below the 版心
          expect(l.x0, `${name} p${p.index}: ${l.text}`).toBeGreaterThanOrEqual(LEFT - TOL);
          expect(l.x1, `${name} p${p.index}: ${l.text}`).toBeLessThanOrEqual(RIGHT + TOL);
        }
      }
    }
  });
});

describe('a table over several pages', () => {
  const pagesWithRows = (): Array<{ index: number; lines: PdfLine[] }> =>
    pdfs.get('two-page-table')!.pages.filter((p) => p.lines.some((l) => /^\d+\s*(城关区|江北区|江南区|高新区|经开区|临江县|青山县|石门县|白沙县|龙泉县|新桥县|东湖县|西岭县|南塘县|北湾县|安平县|永和县|长乐县)/.test(l.text.trim())));

  it('goes on to more than one page', () => {
    expect(pagesWithRows().length).toBeGreaterThanOrEqual(2);
  });

  it('repeats its header row at the top of every page it goes on to, under 续表1', () => {
    const pages = pagesWithRows();
    for (const [k, p] of pages.entries()) {
      const lines = p.lines.filter(body);
      const header = lines.findIndex((l) => squash(l.text).startsWith('序号县（市、区）排查隐患已整改整改率主要问题'));
      expect(header, `page ${p.index}`).toBeGreaterThanOrEqual(0);
      if (k > 0) {
        // The page's first line is 续表1, the header row right below it.
        expect(squash(lines[0]!.text)).toBe('续表1');
        expect(header).toBe(1);
        expect(lines[1]!.baseline - lines[0]!.baseline).toBeCloseTo(PITCH, 0);
      }
    }
  });

  it('never ends a page with its header row', () => {
    for (const p of pagesWithRows()) {
      const lines = p.lines.filter(body);
      const last = lines[lines.length - 1]!;
      expect(squash(last.text).startsWith('序号'), `page ${p.index}`).toBe(false);
    }
  });

  it('keeps every row whole and on whole grid lines, so the text after it is on the grid', () => {
    const geo = pdfs.get('two-page-table')!;
    for (const p of geo.pages.slice(1)) {
      // Pages after page 1: every 16 pt line sits on a grid line of the 版心.
      for (const l of p.lines.filter(body)) {
        // Baselines sit (pitch − size)/2 + 0.88 em below the top of their grid line.
        const row = (l.baseline - TOP - ((PITCH - 16) / 2 + 0.88 * 16)) / PITCH;
        expect(Math.abs(row - Math.round(row)), `p${p.index}: ${l.text}`).toBeLessThan(0.06);
      }
    }
    // A row's cells never start on one page and end on another: every row number appears once, with its county.
    const text = squash(geo.pages.map((p) => p.text).join(''));
    for (const c of ['城关区', '临江县', '长乐县']) expect(text.split(c).length - 1).toBe(1);
  });

  it('right-aligns the numbers and states the same table in the DOCX', () => {
    const xml = docxPart(new Uint8Array(readFileSync(join(dir, 'out', 'two-page-table.docx'))));
    const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
    expect(tbl).toContain('<w:tblW w:w="8844" w:type="dxa"/>');
    expect(tbl).toContain('<w:tblLayout w:type="fixed"/>');
    const cols = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols.length).toBe(6);
    expect(cols.reduce((a, b) => a + b, 0)).toBe(8844);
    // The text column is the widest; 序号 the narrowest.
    expect(Math.max(...cols)).toBe(cols[5]);
    expect(Math.min(...cols)).toBe(cols[0]);
    const rows = [...tbl.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.length).toBe(19);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).every((r) => !r.includes('<w:tblHeader/>'))).toBe(true);
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    // Row heights in whole grid lines (579 twip each).
    for (const r of rows) expect(Number(/<w:trHeight w:val="(\d+)"/.exec(r)![1]) % 579).toBe(0);
    // The numbers' cells are set flush right.
    const cells = [...rows[1]!.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells[2]).toContain('<w:jc w:val="right"/>');
    expect(cells[1]).toContain('<w:jc w:val="left"/>');
  });
});

describe('a table with one long-text column', () => {
  it('gives the short column its labels whole and the long column the rest', () => {
    const lines = pdfs.get('long-column')!.pages.flatMap((p) => p.lines);
    // 管理机制 labels never wrap.
    for (const label of ['责任机制', '排查机制', '督导机制']) expect(lines.some((l) => squash(l.text).startsWith(label)), label).toBe(true);
    // The long text runs in lines of more than 10 字.
    const first = lines.find((l) => squash(l.text).includes('层层签订安全责任书'))!;
    const glyphs = first.glyphs.filter((g) => g.char >= '\u4e00' && g.char <= '\u9fff' && g.x > first.x0 + 4 * 16);
    expect(glyphs.length).toBeGreaterThan(10);
    // The short column is as wide as its labels: the long text starts right after 责任机制.
    const label = lines.find((l) => squash(l.text).startsWith('责任机制'))!;
    const long = first.glyphs.find((g) => g.char === '层')!;
    expect(long.x - label.x0).toBeLessThan(6 * 16);
  });
});

describe('a photo with its caption near a page end', () => {
  it('is scaled to stay on the page with its caption below it, within the 版心', () => {
    const geo = pdfs.get('photo-caption')!;
    const page = geo.pages.find((p) => p.images.length)!;
    const img = page.images[0]!;
    expect(img.x).toBeGreaterThanOrEqual(LEFT - TOL);
    expect(img.x + img.width).toBeLessThanOrEqual(RIGHT + TOL);
    expect(img.y).toBeGreaterThanOrEqual(TOP - TOL);
    expect(img.y + img.height).toBeLessThanOrEqual(BOTTOM + TOL);
    // Centred.
    expect(img.x - LEFT).toBeCloseTo(RIGHT - img.x - img.width, 0);
    const caption = page.lines.find((l) => squash(l.text) === '图1城南小学师生有序疏散')!;
    expect(caption).toBeDefined();
    expect(caption.baseline).toBeGreaterThan(img.y + img.height);
    expect(caption.baseline - (img.y + img.height)).toBeLessThan(PITCH);
    expect((caption.x0 + caption.x1) / 2).toBeCloseTo((LEFT + RIGHT) / 2, 0);
    // Near the page end: it was set smaller than the 版心 width it would have had.
    expect(img.width).toBeLessThan(RIGHT - LEFT - 1);
  });
});

describe('a paragraph with URLs and codes', () => {
  it('breaks the long tokens after their separators, with no hyphen added, keeping the lines full', () => {
    const geo = pdfs.get('urls-codes')!;
    const text = squash(geo.pages.map((p) => p.text).join(''));
    for (const token of [
      'https://anquan.jcedu.gov.cn/platform/school/index.html?region=jiangchuan&term=2024-winter',
      'JCEDU-AQ-2024-0086-WINTER',
      'anquan-support@jcedu.gov.cn',
      'https://anquan.jcedu.gov.cn/docs/api/v2/report-upload.html',
      'DJCP-4803-2024-XZ-0032',
    ]) {
      expect(text).toContain(token);
    }
    // Every line of the paragraphs but their last ends on the 版心's right edge.
    const lines = geo.pages[0]!.lines.filter(body);
    const start = lines.findIndex((l) => squash(l.text).startsWith('全市校园安全管理平台'));
    const full = lines.slice(start, start + 3);
    expect(full.length).toBe(3);
    for (const l of full) expect(Math.abs(l.x1 - RIGHT), l.text).toBeLessThan(1.5);
    // The URL was broken inside: some line ends within it, after a separator.
    expect(lines.some((l) => /[/.?&=_-]$/.test(l.text.trim()) && /[a-z]/.test(l.text))).toBe(true);
  });
});

describe('报头 of four and five characters', () => {
  it('stays within the 版心', () => {
    for (const name of ['two-page-table', 'photo-caption']) {
      const p1 = pdfs.get(name)!.pages[0]!;
      const big = p1.lines.reduce((a, b) => (b.size > a.size ? b : a));
      expect(big.size).toBeGreaterThan(40);
      expect(squash(big.text)).toBe(name === 'two-page-table' ? '工作简报' : '学习与参考');
      expect(big.x0).toBeGreaterThanOrEqual(LEFT - TOL);
      expect(big.x1).toBeLessThanOrEqual(RIGHT + TOL);
      // Centred.
      expect(big.x0 - LEFT).toBeCloseTo(RIGHT - big.x1, 0);
    }
  });
});
