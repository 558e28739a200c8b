// The fixed list of files the preview server may send: the page itself and pdf.js. Nothing
// else on disk is reachable by URL; a request is matched against this list, never mapped to a path.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The page's files sit beside this module (src/serve/page; `npm run compile` copies them to
// dist/serve/page); from the bundle (dist/bundle) they are in ../serve/page.
const PAGE_DIR = ['./page/', '../serve/page/'].map((u) => fileURLToPath(new URL(u, import.meta.url))).find((d) => existsSync(d)) ?? '';
/** pdf.js's build folder, found where Node finds the package. */
const pdfjs = (name: string): (() => string) => () => join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'build', name);

export interface Asset {
  /** Where the file is (resolved on first request). */
  file: () => string;
  type: string;
}

const JS = 'text/javascript; charset=utf-8';

/** URL path → file. */
export const ASSETS: ReadonlyMap<string, Asset> = new Map([
  ['/app.js', { file: () => join(PAGE_DIR, 'app.js'), type: JS }],
  ['/editor.js', { file: () => join(PAGE_DIR, 'editor.js'), type: JS }],
  ['/app.css', { file: () => join(PAGE_DIR, 'app.css'), type: 'text/css; charset=utf-8' }],
  ['/pdfjs/pdf.min.mjs', { file: pdfjs('pdf.min.mjs'), type: JS }],
  ['/pdfjs/pdf.worker.min.mjs', { file: pdfjs('pdf.worker.min.mjs'), type: JS }],
]);

export const INDEX_FILE = join(PAGE_DIR, 'index.html');

const cache = new Map<string, Promise<Buffer>>();

/** The bytes of an allow-listed file, read once per process. */
export function assetBytes(file: string): Promise<Buffer> {
  let p = cache.get(file);
  if (!p) {
    p = readFile(file);
    cache.set(file, p);
    p.catch(() => cache.delete(file));
  }
  return p;
}
