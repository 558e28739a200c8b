// An independent reader renders our OFD (browser.ts: ofd.js in headless Chromium): pages of
// examples drawn by it (page 1, and the last page of a reply: signature, seal, 版记) match the
// PDF's pages drawn by pdftoppm, coarsely (cells with ink on a grid of about 50 dpi), and the
// reader reports no error and refuses none of the embedded fonts. A different page does not
// match: the comparison tells pages apart.
// GONGWEN_OFD_IMAGE=<file.png> also writes the side-by-side picture of the README.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { exampleProject, run } from '../cli/helpers.js';
import { readPdfGeometry } from '../helpers/pdf-geometry.js';
import { comparePages, renderOfdPage, renderPdfPage, sideBySide } from './browser.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
if (!HAVE_CHROMIUM) console.warn(`跳过 OFD 渲染测试：找不到 ${CHROMIUM}（Debian 软件包 chromium；.ci/run 会安装它）`);

const EXAMPLES = ['notices/2024-125-flood-season', 'replies/2024-proposal-031-A', 'bulletins/2024-12-campus-safety'];
/** Pages compared: [example, which, index (0-based; -1 the last)]. */
const PAGES: Array<[string, string, number]> = [...EXAMPLES.map((e): [string, string, number] => [e, 'page 1', 0]), ['replies/2024-proposal-031-A', 'last page', -1]];
/** Grid of the comparison, px per mm (about 50 dpi). */
const GRID_PX_PER_MM = 2;
/** A cell is ink below this grey (0–255): any stroke, whatever the renderer's weight and smoothing. */
const INK = 200;
/** Of each page's ink cells, the share with ink of the other at most one cell away (same page: 0.99; another page: under 0.35). */
const MIN_NEAR = 0.95;
/** Ink cells of both over those of either (same page: 0.57–0.59; another page: about 0.1). */
const MIN_IOU = 0.45;
/** The side-by-side picture: px per mm (about 64 dpi). */
const PICTURE_PX_PER_MM = 2.5;

let browser: Browser;
let dir = '';

describe.skipIf(!HAVE_CHROMIUM)('OFD drawn by ofd.js against the PDF drawn by pdftoppm', () => {
  beforeAll(async () => {
    dir = exampleProject();
    const r = await run(dir, 'build', ...EXAMPLES.map((e) => `content/${e}.md`), '--out', 'out', '-f', 'pdf,ofd');
    expect(r.code, r.err).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  const files = (e: string): { ofd: Buffer; pdf: Buffer } => ({
    ofd: readFileSync(join(dir, 'out', `${basename(e)}.ofd`)),
    pdf: readFileSync(join(dir, 'out', `${basename(e)}.pdf`)),
  });

  it.each(PAGES)('%s, %s', async (e, _which, n) => {
    const { ofd, pdf } = files(e);
    const index = n < 0 ? (await readPdfGeometry(pdf)).pages.length + n : n;
    const drawn = await renderOfdPage(browser, ofd, index);
    expect(drawn.errors).toEqual([]);
    const c = await comparePages(browser, drawn.png, renderPdfPage(pdf, index), GRID_PX_PER_MM, INK);
    expect(c.dark[0], 'the reader drew the page').toBeGreaterThan(c.dark[1] / 2);
    expect(c.near, JSON.stringify(c)).toBeGreaterThan(MIN_NEAR);
    expect(c.iou, JSON.stringify(c)).toBeGreaterThan(MIN_IOU);
    const picture = process.env['GONGWEN_OFD_IMAGE'];
    if (picture && e === EXAMPLES[0] && index === 0) writeFileSync(picture, await sideBySide(browser, drawn.png, renderPdfPage(pdf, index), PICTURE_PX_PER_MM));
  }, 120_000);

  it('tells different pages apart', async () => {
    const { ofd, pdf } = files(EXAMPLES[0]!);
    const drawn = await renderOfdPage(browser, ofd, 0);
    const c = await comparePages(browser, drawn.png, renderPdfPage(pdf, 1), GRID_PX_PER_MM, INK);
    expect(c.near).toBeLessThan(MIN_NEAR);
    expect(c.iou).toBeLessThan(MIN_IOU);
  }, 120_000);
});
