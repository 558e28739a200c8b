// The preview page in headless Chromium (Debian's `chromium`, driven by playwright-core): the
// list shows the documents, a save redraws the pages without a reload, an error appears with
// its line and goes when fixed, the editor completes keys and saves, traversal gets a 4xx.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServe, type ServeSession } from '../../src/cli/serve.js';
import { exampleProject } from '../cli/helpers.js';
import { planJobs } from '../../src/pipeline/inputs.js';
import { collect, loader } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`跳过浏览器测试：找不到 ${CHROMIUM}（Debian 软件包 chromium；.ci/run 会安装它）`);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const REPLY = join('content', 'replies', '2024-proposal-031-A.md');
let dir: string;
let s: ServeSession;
let browser: Browser;
let page: Page;
/** Script errors, CSP refusals and failed loads the page reported. */
const pageErrors: string[] = [];

/** The id and version the page last drew, from the marker it sets after drawing. */
const rendered = (): Promise<string | undefined> => page.evaluate(() => document.body.dataset.rendered);
/** A fingerprint of the pixels of the first page. */
const pixels = (): Promise<string> => page.evaluate(() => (document.querySelector('#pages canvas') as HTMLCanvasElement).toDataURL());

describe.skipIf(!HAVE_CHROMIUM)('the preview page in Chromium', () => {
  let original: string;

  beforeAll(async () => {
    dir = exampleProject();
    original = readFileSync(join(dir, REPLY), 'utf8');
    s = await startServe(
      { inputs: ['content'], cwd: dir, formats: ['pdf', 'docx'], outDir: 'output', write: false, load: loader(dir), port: 0, open: false },
      collect(),
    );
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    await page.goto(s.server.url);
  });

  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('lists the documents with type, 文号, title and status, and draws the selected one', async () => {
    // The server answers before the first builds are done: the list fills in as they finish.
    // The documents of the example project (attachment files are not documents of their own).
    const examples = planJobs(['content'], 'output', dir).map((j) => j.file);
    const count = (folder: string): number => examples.filter((f) => f.includes(`${folder}/`)).length;
    await page.waitForFunction((n) => document.querySelectorAll('#docs li[data-status="ok"]').length === n, examples.length, { timeout: 60_000 });
    const items = await page.$$eval('#docs li[data-id]', (lis) => lis.map((li) => ({ text: li.textContent ?? '', status: li.getAttribute('data-status') })));
    expect(items.every((i) => i.status === 'ok')).toBe(true);
    expect(items.filter((i) => i.text.includes('简报'))).toHaveLength(count('bulletins'));
    expect(items.filter((i) => i.text.includes('提案答复'))).toHaveLength(count('replies'));
    const reply = items.find((i) => i.text.includes('2024-proposal-031-A.md'))!;
    expect(reply.text).toMatch(/〔2024〕\d+号/);
    expect(reply.text).toContain('答复');
    expect(items.some((i) => i.text.includes('第12期'))).toBe(true);

    await page.click('#docs li:has-text("2024-proposal-031-A.md")');
    await page.waitForFunction(() => (document.body.dataset.rendered ?? '').endsWith(':1') && document.querySelectorAll('#pages canvas').length > 0);
    expect(await page.getAttribute('#dl-pdf', 'href')).toMatch(/^\/files\/[0-9a-f]{12}\.pdf\?download=1/);
    expect(await page.getAttribute('#dl-docx', 'href')).toMatch(/^\/files\/[0-9a-f]{12}\.docx\?download=1/);
  });

  it('redraws the pages after a save without reloading the page', async () => {
    await page.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true));
    const before = await pixels();
    const id = (await rendered())!.split(':')[0];
    writeFileSync(join(dir, REPLY), original.replace(/^(title|标题):.*$/m, '').replace('---\n', '---\ntitle: 关于改进学校午餐配送的答复\n'));
    await page.waitForFunction((want) => document.body.dataset.rendered === want, `${id}:2`, { timeout: 20_000 });
    expect(await pixels()).not.toBe(before);
    expect(await page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad)).toBe(true);
    expect(await page.textContent('#doc-title')).toBe('关于改进学校午餐配送的答复');
  });

  it('shows an error with its line, keeps the last good preview, and clears the error when fixed', async () => {
    const good = readFileSync(join(dir, REPLY), 'utf8');
    const line = good.split('\n').findIndex((l) => /^(category|办理结果):/.test(l)) + 1;
    expect(line).toBeGreaterThan(1);
    const id = (await rendered())!.split(':')[0];
    const shown = await pixels();
    writeFileSync(join(dir, REPLY), good.replace(/^((category|办理结果):).*$/m, '$1 D'));
    await page.waitForSelector('#problems li', { timeout: 20_000 });
    const problem = await page.textContent('#problems li');
    expect(problem).toContain(`${REPLY}:${line}:1`);
    expect(problem).toMatch(/办理结果|category/);
    expect(await page.getAttribute(`#docs li[data-id="${id}"]`, 'data-status')).toBe('failed');
    expect(await page.isVisible('#stale')).toBe(true);
    expect(await pixels()).toBe(shown);

    writeFileSync(join(dir, REPLY), good);
    await page.waitForFunction((want) => document.body.dataset.rendered === want, `${id}:3`, { timeout: 20_000 });
    expect(await page.$$('#problems li')).toHaveLength(0);
    expect(await page.isHidden('#report')).toBe(true);
    expect(await page.getAttribute(`#docs li[data-id="${id}"]`, 'data-status')).toBe('ok');
  });

  it('edits in the page: key completion from the schema, and Ctrl-S saves and redraws', async () => {
    const id = (await rendered())!.split(':')[0];
    await page.click('#edit-toggle');
    await page.waitForFunction(() => (document.getElementById('source') as HTMLTextAreaElement).value.startsWith('---'));
    // Type the start of a key on a new front-matter line: the schema's key is offered.
    await page.evaluate(() => {
      const a = document.getElementById('source') as HTMLTextAreaElement;
      const at = a.value.indexOf('\n') + 1;
      a.setSelectionRange(at, at);
      a.focus();
    });
    await page.keyboard.type('publ');
    await page.waitForSelector('#complete button[data-word="publicity"]');
    await page.keyboard.press('Tab');
    await page.keyboard.type('主动公开\n');
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => document.getElementById('save-state')!.textContent === '已保存');
    expect(readFileSync(join(dir, REPLY), 'utf8')).toMatch(/^---\npublicity: 主动公开\n/);
    await page.waitForFunction((want) => document.body.dataset.rendered === want, `${id}:4`, { timeout: 20_000 });
  });

  it('ran without a script error or a refused load', () => {
    expect(pageErrors).toEqual([]);
  });

  it('gets a 4xx for traversal requests made from the page origin', async () => {
    for (const p of ['..%2f..%2fetc%2fpasswd', '%2e%2e/%2e%2e/etc/passwd', 'pdfjs/..%2f..%2fpackage.json', 'content/']) {
      const r = await page.request.get(s.server.url + p);
      expect(r.status(), p).toBeGreaterThanOrEqual(400);
      expect(r.status(), p).toBeLessThan(500);
    }
  });
});
