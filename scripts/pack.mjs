// Makes the installable archives from a staging folder, so that what users install carries only
// the font files the roles use (the font packages ship every weight, ~260 MB):
//
//   node scripts/pack.mjs --release  → gongwen-<version>.tgz: the package to publish, with the
//                                      font packages (trimmed) and the overridden packages inside
//                                      it (bundleDependencies); npm fetches the rest.
//   node scripts/pack.mjs --offline  → gongwen-<version>-offline.tgz: every runtime dependency
//                                      inside, for `npm install -g <file> --offline` on a machine
//                                      without network (内网).
//
// Both flags make both archives from one compilation. --out DIR: where to write them (default:
// the repository). dist/ is compiled afresh into the staging folder (the checkout's dist/ is
// left alone); the other files are the ones `npm pack` selects (package.json `files`); the
// dependencies are copied from this checkout's node_modules as package-lock.json describes them.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { licenceFiles, usedFonts } from './notice.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const outDir = resolve(outIdx >= 0 ? args[outIdx + 1] : root);
const flavours = args.includes('--offline') ? ['offline'] : [];
if (args.includes('--release') || flavours.length === 0) flavours.unshift('release');

const run = (cmd, argv, cwd) =>
  execFileSync(cmd, argv, {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28, // the JSON listing of a bundle runs to megabytes
    stdio: ['ignore', 'pipe', 'inherit'],
    shell: cmd === 'npm' && process.platform === 'win32',
  });

/** Run npm (the one running this script when started by `npm run`). */
function npm(cwd, ...argv) {
  const cli = process.env.npm_execpath;
  return cli && /\.c?js$/.test(cli) ? run(process.execPath, [cli, ...argv], cwd) : run('npm', argv, cwd);
}

/** The package's files as `npm pack` selects them, and dist/ compiled into `dir`. */
function compileInto(dir) {
  const [listing] = JSON.parse(npm(root, 'pack', '--dry-run', '--json', '--ignore-scripts'));
  for (const { path } of listing.files) {
    if (path.startsWith('dist/')) continue;
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    cpSync(join(root, path), join(dir, path));
  }
  run(process.execPath, [join(root, 'scripts', 'compile.mjs'), join(dir, 'dist')], root);
}

/** Copy a package folder, or of a font package only its manifest, licences and the faces used. */
function copyPackage(key, stage, keep) {
  const from = join(root, key);
  if (!keep) {
    cpSync(from, join(stage, key), { recursive: true, dereference: true });
    return;
  }
  for (const f of ['package.json', 'README.md', ...licenceFiles(from), ...keep]) {
    if (!existsSync(join(from, f))) continue;
    mkdirSync(dirname(join(stage, key, f)), { recursive: true });
    cpSync(join(from, f), join(stage, key, f));
  }
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const runtime = Object.keys(lock.packages).filter((key) => key !== '' && !lock.packages[key].dev);
const trimmed = new Map((await usedFonts()).map((f) => [f.pkg, f.files.map((x) => x.file)]));
// npm applies `overrides` only in the project itself, not to an installed package: the
// packages they adjust (docx, for a nanoid that runs on Node 20) travel inside as tested.
const release = new Set([...trimmed.keys(), ...Object.keys(pkg.overrides ?? {})]);
const topLevel = (key) => /^node_modules\/(@[^/]+\/)?[^/]+$/.test(key); // nested ones come along

const work = mkdtempSync(join(tmpdir(), 'gongwen-pack-'));
try {
  const compiled = join(work, 'compiled');
  compileInto(compiled);
  mkdirSync(outDir, { recursive: true });

  for (const flavour of flavours) {
    const stage = join(work, flavour);
    cpSync(compiled, stage, { recursive: true });

    // The dependencies carried inside: every runtime package, or the trimmed fonts and the
    // overridden packages.
    const carried = runtime.filter((key) =>
      topLevel(key) && (flavour === 'offline' || release.has(key.slice('node_modules/'.length))),
    );
    for (const key of carried) {
      if (existsSync(join(root, key))) copyPackage(key, stage, trimmed.get(key.slice('node_modules/'.length)));
      // else: an optional package for another platform
    }

    // package.json for users: nothing to run at install time, nothing dev-only.
    const shipped = { ...pkg };
    for (const k of ['scripts', 'devDependencies', 'overrides', 'allowScripts']) delete shipped[k];
    shipped.bundleDependencies = flavour === 'offline' ? Object.keys(pkg.dependencies) : [...release];
    writeFileSync(join(stage, 'package.json'), JSON.stringify(shipped, null, 2) + '\n');

    const [packed] = JSON.parse(npm(stage, 'pack', '--json', '--ignore-scripts', '--pack-destination', work));
    const file = join(outDir, packed.filename.replace(/\.tgz$/, flavour === 'offline' ? '-offline.tgz' : '.tgz'));
    copyFileSync(join(work, packed.filename), file);
    const mb = (n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    console.log(`${file}\n  ${packed.entryCount} 个文件 files, ${mb(packed.size)}（解压后 unpacked ${mb(packed.unpackedSize)}）`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
