// Load-time checks shared by the library adapters: the installed version is the one the
// adapter was written against, and every internal member it touches is there. A library
// upgraded under gongwen must fail loudly at start, not write subtly wrong files.

import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The installed version of `pkg` (its package.json, found above its resolved entry). */
export function installedVersion(pkg: string): string {
  // Not every package exports its package.json: walk up from the entry point instead.
  let dir = dirname(require.resolve(pkg));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (json.name === pkg && json.version) return json.version;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`${pkg}: package.json not found`);
    dir = up;
  }
}

/** A failure of an adapter's assumptions, Chinese first. */
export class AdapterError extends Error {
  constructor(zh: string, en: string) {
    super(`${zh}\n${en}`);
    this.name = 'AdapterError';
  }
}

/** Throw unless the installed `pkg` is `pinned`. */
export function requirePinned(pkg: string, pinned: string, adapter: string, version = installedVersion(pkg)): void {
  if (version === pinned) return;
  throw new AdapterError(
    `${pkg} 版本 ${version} 与 gongwen 需要的 ${pinned} 不符：${adapter} 依赖该版本的内部结构，请安装 ${pkg}@${pinned}`,
    `${pkg} ${version} is not the ${pinned} gongwen needs: ${adapter} relies on that version's internals; install ${pkg}@${pinned}`,
  );
}

/** Throw unless every named member of `target` is a function. */
export function requireMethods(pkg: string, what: string, target: object | undefined, names: readonly string[], adapter: string): void {
  const missing = names.filter((n) => typeof (target as Record<string, unknown> | undefined)?.[n] !== 'function');
  if (missing.length === 0) return;
  throw new AdapterError(
    `${pkg} 的 ${what} 缺少 ${missing.join('、')}：${adapter} 无法使用该版本`,
    `${pkg}'s ${what} lacks ${missing.join(', ')}: ${adapter} cannot work with this version`,
  );
}

/** Throw unless every named member of `target` is present (not undefined). */
export function requireFields(pkg: string, what: string, target: object | undefined, names: readonly string[], adapter: string): void {
  const missing = names.filter((n) => (target as Record<string, unknown> | undefined)?.[n] === undefined);
  if (missing.length === 0) return;
  throw new AdapterError(
    `${pkg} 的 ${what} 缺少 ${missing.join('、')}：${adapter} 无法使用该版本`,
    `${pkg}'s ${what} lacks ${missing.join(', ')}: ${adapter} cannot work with this version`,
  );
}
