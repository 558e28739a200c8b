// Writes NOTICE: the bundled fonts and the libraries compiled into dist/bundle/, each with the
// licence text its package carries. Generated, so that it stays true when dependencies change.
//
// `node scripts/notice.mjs`: rewrite NOTICE. `node scripts/notice.mjs --check`: exit 1 when
// NOTICE is not what would be written (a dependency was added, removed or upgraded).
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
const LICENCE_FILE = /^(licen[cs]e|copying)([._-].*)?$/i;

/** The fonts the roles and fallbacks use, by package: [{ pkg, files: [{ file, name }] }]. */
export async function usedFonts() {
  const { BUNDLED_FACES, FALLBACK_FACES } = await tsImport('../src/fonts/catalog.ts', import.meta.url);
  const byPkg = new Map();
  for (const face of [...Object.values(BUNDLED_FACES), ...FALLBACK_FACES]) {
    const files = byPkg.get(face.pkg) ?? new Map();
    files.set(face.file, face.name);
    byPkg.set(face.pkg, files);
  }
  return [...byPkg].sort(([a], [b]) => a.localeCompare(b)).map(([pkg, files]) => ({
    pkg,
    files: [...files].map(([file, name]) => ({ file, name })),
  }));
}

const pkgJson = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

/** The licence files of a package folder, in name order. */
export function licenceFiles(dir) {
  return readdirSync(dir).filter((f) => LICENCE_FILE.test(f)).sort();
}

/** Package folders (relative to the repository) whose code esbuild puts into dist/bundle/. */
async function bundledPackages() {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: ['src/cli.ts', 'src/pipeline/worker.ts', 'src/index.ts'],
    outdir: 'dist/notice',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) dirs.add(m[1]);
  }
  return [...dirs];
}

function licenceSection(dir) {
  const p = pkgJson(join(root, dir));
  const head = `${p.name} ${p.version} — ${p.license ?? '(no licence field)'}`;
  const files = licenceFiles(join(root, dir));
  if (files.length === 0) {
    const author = typeof p.author === 'string' ? p.author : p.author?.name;
    return `${head}\nThe package carries no licence file; its package.json names the licence ${p.license}` +
      `${author ? ` and the author ${author}` : ''}.\n`;
  }
  return `${head}\n\n${files.map((f) => readFileSync(join(root, dir, f), 'utf8').trim()).join('\n\n')}\n`;
}

const RULE = `\n${'-'.repeat(78)}\n\n`;

export async function noticeText() {
  const fonts = await usedFonts();
  const libs = (await bundledPackages())
    .map((dir) => ({ dir, name: pkgJson(join(root, dir)).name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.dir.localeCompare(b.dir));
  const own = pkgJson(root);

  const fontList = fonts
    .map(({ pkg, files }) => {
      const p = pkgJson(join(root, 'node_modules', pkg));
      return `- ${pkg} ${p.version} (package ${p.license}):\n` +
        files.map((f) => `    ${f.file} — ${f.name}`).join('\n');
    })
    .join('\n');
  const fontLicences = fonts
    .map(({ pkg }) => {
      const dir = join('node_modules', pkg);
      return licenceSection(dir);
    })
    .join(RULE);

  return [
    `${own.name} — 第三方软件声明 / Third-party notices\n\n` +
      `${own.name} itself is licensed under the MIT License (see LICENSE).\n` +
      'It is distributed together with the following third-party software, each under its own licence.\n' +
      '本软件随附下列第三方字体与程序库，各自适用其许可证，全文见下。\n',
    '1. 字体 Fonts (SIL Open Font License 1.1)\n\n' +
      'The fonts stand in for the official faces when those are not installed. They are shipped\n' +
      'unmodified in their npm packages (node_modules/ of an installed gongwen), with the licence\n' +
      'files of each package; a released package keeps only the font files listed here.\n\n' +
      `${fontList}\n\n${fontLicences}`,
    '2. 程序库 Libraries compiled into dist/bundle/\n\n' +
      'dist/bundle/ contains code of these packages, combined by esbuild. Installed packages under\n' +
      'node_modules/ carry their own licence files.\n\n' +
      libs.map((l) => licenceSection(l.dir)).join(RULE),
  ].join(RULE).replace(/\r\n/g, '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = await noticeText();
  const file = join(root, 'NOTICE');
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(file, 'utf8');
    } catch {}
    if (current !== text) {
      console.error('NOTICE 已过期，请运行 npm run notice / NOTICE is out of date: run npm run notice');
      process.exit(1);
    }
  } else {
    writeFileSync(file, text);
  }
}
