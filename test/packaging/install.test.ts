// The package as users install it: `npm pack` of the checkout ships no tests; the release
// archive and the offline bundle (scripts/pack.mjs, made once) install into temporary prefixes,
// the bundle with npm's network off, and the installed `gongwen` writes a reply as PDF and DOCX
// from an empty folder outside the repository, with the fonts that came inside the package.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO, docxText, hasTool, pdfText } from '../cli/helpers.js';

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
/** Temporary folders of this file (archives and prefixes weigh hundreds of MB), removed at the end. */
const made: string[] = [];
const tmp = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** npm as a child process (the npm running the tests when there is one). */
function npm(cwd: string, argv: string[]): { code: number; out: string; err: string } {
  const cli = process.env['npm_execpath'];
  const [cmd, pre] = cli && /\.c?js$/.test(cli) ? [process.execPath, [cli]] : ['npm', []];
  const r = spawnSync(cmd, [...pre, ...argv], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Install an archive globally into a fresh prefix; the prefix. */
function installGlobal(archive: string, extra: string[]): { prefix: string; err: string } {
  const prefix = tmp('gw-prefix-');
  const r = npm(tmpdir(), ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', ...extra, archive]);
  expect(r.code, r.err).toBe(0);
  return { prefix, err: r.err };
}

/** Run the installed command in `cwd`. */
function gongwen(prefix: string, cwd: string, ...argv: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(join(prefix, 'bin', 'gongwen'), argv, { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function sizeOf(path: string): number {
  const st = statSync(path);
  return st.isDirectory() ? readdirSync(path).reduce((n, f) => n + sizeOf(join(path, f)), 0) : st.size;
}

/** `gongwen new reply`, `build`, `fonts` from an empty folder outside the repository. */
function usesInstalled(prefix: string): void {
  const dir = tmp('gw-user-');
  expect(relative(REPO, dir).startsWith('..')).toBe(true);
  expect(gongwen(prefix, dir, '--version').out.trim()).toBe(VERSION);

  const n = gongwen(prefix, dir, 'new', 'reply');
  expect(n.code, n.err).toBe(0);
  const b = gongwen(prefix, dir, 'build', 'reply.md', '--out', 'out');
  expect(b.code, b.err).toBe(0);
  const pdf = join(dir, 'out', 'reply.pdf');
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  if (hasTool('pdftotext')) expect(pdfText(pdf).replace(/\s+/g, '')).toContain('第001号提案的答复');
  if (hasTool('mutool')) {
    const info = execFileSync('mutool', ['info', pdf], { encoding: 'utf8' });
    for (const face of ['NotoSerifSC-Bold', 'NotoSerifSC-Regular', 'NotoSansSC-Medium', 'LXGWWenKai-Regular']) expect(info).toContain(face);
  }
  expect(docxText(readFileSync(join(dir, 'out', 'reply.docx')))).toContain('第001号提案的答复');

  // Every role has a face; the free ones are the installed package's own files.
  const f = gongwen(prefix, dir, 'fonts');
  expect(f.code, f.err).toBe(0);
  const paths = f.out.split('\n').map((l) => l.trim()).filter((l) => /\.(ttf|otf|ttc|woff)$/i.test(l));
  expect(paths.length).toBeGreaterThanOrEqual(5);
  for (const p of paths) {
    expect(existsSync(p), p).toBe(true);
    if (p.includes('node_modules')) expect(p.startsWith(prefix), p).toBe(true);
  }
}

describe('npm pack of the checkout', () => {
  it('ships bin, templates, starters, LICENSE and NOTICE, and no tests, benchmarks or sources', () => {
    const r = npm(REPO, ['pack', '--dry-run', '--json', '--ignore-scripts']);
    expect(r.code, r.err).toBe(0);
    const files = (JSON.parse(r.out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    for (const f of ['LICENSE', 'NOTICE', 'README.md', 'package.json', 'bin/gongwen.js', 'templates/starters/reply.md', 'templates/starters/bulletin.md']) {
      expect(files).toContain(f);
    }
    expect(files.filter((f) => /^(test|bench|src|content|scripts|output|docs|\.ci)\//.test(f))).toEqual([]);
  });

  it('has no install-time script and no dev tool among its dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
    };
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(pkg.scripts[s]).toBeUndefined();
    for (const d of ['tsx', 'typescript', 'esbuild', 'vitest']) expect(pkg.dependencies[d]).toBeUndefined();
  });

  it('NOTICE lists the libraries compiled into the bundle as they are now', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'notice.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('installed like real software', () => {
  const out = tmp('gw-pack-');
  let release = '';
  let offline = '';

  beforeAll(() => {
    const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'pack.mjs'), '--release', '--offline', '--out', out], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    release = join(out, `gongwen-${VERSION}.tgz`);
    offline = join(out, `gongwen-${VERSION}-offline.tgz`);
  });

  it('the offline bundle installs with npm offline, no registry and an empty cache, and works', () => {
    const { prefix, err } = installGlobal(offline, ['--offline', '--registry', 'http://127.0.0.1:9/', '--cache', tmp('gw-cache-')]);
    expect(err).not.toMatch(/EBADENGINE|install-scripts/);
    usesInstalled(prefix);
  });

  it('the release archive installs with only the faces used, and works', () => {
    const { prefix, err } = installGlobal(release, ['--prefer-offline']);
    expect(err).not.toMatch(/EBADENGINE|install-scripts/);
    const pkgs = join(prefix, 'lib', 'node_modules', 'gongwen', 'node_modules');
    // Three faces of Noto and one of LXGW WenKai (~50 MB), not every weight (~260 MB).
    const fonts = ['@expo-google-fonts/noto-serif-sc', '@expo-google-fonts/noto-sans-sc', '@fontsource/lxgw-wenkai'];
    expect(fonts.reduce((n, f) => n + sizeOf(join(pkgs, f)), 0)).toBeLessThan(60 * 1024 * 1024);
    usesInstalled(prefix);
  });
});
