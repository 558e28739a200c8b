// The fixed list of files the preview server may send: the page itself and pdf.js. Nothing
// else on disk is reachable by URL; a request is matched against this list, never mapped to a path.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Two levels up from src/serve, dist/serve or dist/bundle is the package folder.
const PAGE_DIR = fileURLToPath(new URL('../../src/serve/page/', import.meta.url));
const PDFJS_DIR = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'build');

export interface Asset {
  file: string;
  type: string;
}

const JS = 'text/javascript; charset=utf-8';

/** URL path → file. */
export const ASSETS: ReadonlyMap<string, Asset> = new Map([
  ['/app.js', { file: join(PAGE_DIR, 'app.js'), type: JS }],
  ['/editor.js', { file: join(PAGE_DIR, 'editor.js'), type: JS }],
  ['/app.css', { file: join(PAGE_DIR, 'app.css'), type: 'text/css; charset=utf-8' }],
  ['/pdfjs/pdf.min.mjs', { file: join(PDFJS_DIR, 'pdf.min.mjs'), type: JS }],
  ['/pdfjs/pdf.worker.min.mjs', { file: join(PDFJS_DIR, 'pdf.worker.min.mjs'), type: JS }],
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
