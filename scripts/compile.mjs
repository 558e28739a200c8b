// Compiles the sources into a dist folder (default ./dist): TypeScript, the preview page's static
// files (src/serve/page → dist/serve/page) and the bundle (scripts/bundle.mjs → dist/bundle).
// Used by `npm run compile` and by scripts/pack.mjs for the release and offline archives.
//
// `node scripts/compile.mjs [dist folder]`
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.argv[2] ?? join(root, 'dist');
const run = (args) => execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });

rmSync(dist, { recursive: true, force: true });
run([createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', dist]);
cpSync(join(root, 'src', 'serve', 'page'), join(dist, 'serve', 'page'), { recursive: true });
run([join(root, 'scripts', 'bundle.mjs'), join(dist, 'bundle')]);
