// Makes docs/serve.png, the README's picture of `gongwen serve`: the example documents in a
// temporary copy, one reply selected with the editor open, drawn by Debian's chromium.
// `node scripts/serve-screenshot.mjs [out.png]`
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(root, 'docs', 'serve.png');
const dir = mkdtempSync(join(tmpdir(), 'gw-shot-'));
cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
cpSync(join(root, 'gongwen.config.yaml'), join(dir, 'gongwen.config.yaml'));

const loader = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const server = spawn(process.execPath, ['--import', loader, join(root, 'src', 'cli.ts'), 'serve', '--port', '0'], { cwd: dir });
const url = await new Promise((done, fail) => {
  let text = '';
  server.stdout.on('data', (b) => {
    text += b;
    const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
    if (m) done(m[0]);
  });
  server.on('exit', () => fail(new Error('serve stopped: ' + text)));
});

// The page's own text uses the desktop's fonts; a bare machine may have no Chinese one, so
// fontconfig is also pointed at the Noto Sans SC that npm installed.
const sans = join(root, 'node_modules', '@expo-google-fonts', 'noto-sans-sc');
const fontsConf = join(dir, 'fonts.conf');
writeFileSync(
  fontsConf,
  `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>` +
    `<dir>${join(sans, '400Regular')}</dir><dir>${join(sans, '700Bold')}</dir><cachedir>${join(dir, 'fc-cache')}</cachedir></fontconfig>`,
);
const browser = await chromium.launch({
  env: { ...process.env, FONTCONFIG_FILE: fontsConf },
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 720 }, deviceScaleFactor: 1 });
  await page.goto(url);
  await page.waitForSelector('#docs li[data-id]');
  await page.click('#docs li:has-text("2024-proposal-031-A.md")');
  await page.waitForFunction(() => (document.body.dataset.rendered ?? '').length > 0);
  await page.click('#edit-toggle');
  await page.waitForFunction(() => document.getElementById('source').value.startsWith('---'));
  await page.screenshot({ path: out });
  console.log(out);
} finally {
  await browser.close();
  server.kill('SIGINT');
  rmSync(dir, { recursive: true, force: true });
}
