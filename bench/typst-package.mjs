// The reference typesetter is installed on first use into bench/.typst (ignored by git), not
// as a devDependency: its lock entries name prebuilt packages for other platforms that the
// registry here does not serve, which would make `npm ci` refuse the lock file.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PKG = '@myriaddreamin/typst-ts-node-compiler';
const VERSION = '0.7.0';
const dir = join(import.meta.dirname, '.typst');

export async function loadTypst() {
  const marker = join(dir, 'node_modules', PKG, 'package.json');
  if (!existsSync(marker)) {
    mkdirSync(dir, { recursive: true });
    console.error(`installing ${PKG}@${VERSION} into bench/.typst (first run only)…`);
    execFileSync('npm', ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${PKG}@${VERSION}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const require = createRequire(join(dir, 'package.json'));
  return import(pathToFileURL(require.resolve(PKG)).href);
}
