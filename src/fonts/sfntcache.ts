// Decoded WOFF fonts cached on disk, so that a cold start reads the sfnt instead of
// inflating every table again (the 楷体 stand-in ships only as WOFF). Keyed by the source
// path, size and modification time; any failure falls back silently to decoding.

import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SFNT_HEADER_BYTES, SFNT_TABLE_RECORD_BYTES } from './sfnt.js';

/**
 * Cache folders, best first: GONGWEN_CACHE_DIR alone when set; else the package's
 * node_modules/.cache, then the system temp folder.
 */
function cacheDirs(): string[] {
  const env = process.env['GONGWEN_CACHE_DIR'];
  if (env) return [env];
  const dirs: string[] = [];
  dirs.push(fileURLToPath(new URL('../../node_modules/.cache/gongwen', import.meta.url)));
  dirs.push(join(tmpdir(), 'gongwen-cache'));
  return dirs;
}

/** The first four bytes of a file (its signature), or undefined when unreadable. */
export function signature(path: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const b = Buffer.alloc(4);
    return readSync(fd, b, 0, 4, 0) === 4 ? b.readUInt32BE(0) : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function keyOf(path: string): string | undefined {
  try {
    const st = statSync(path);
    return createHash('sha1').update(`${path}\0${st.size}\0${st.mtimeMs}`).digest('hex').slice(0, 20);
  } catch {
    return undefined;
  }
}

/** A valid sfnt: a known version tag and a table directory that fits the bytes. */
function looksLikeSfnt(b: Buffer): boolean {
  if (b.length < 12) return false;
  const tag = b.readUInt32BE(0);
  if (tag !== 0x00010000 && tag !== 0x4f54544f && tag !== 0x74727565) return false;
  return SFNT_HEADER_BYTES + b.readUInt16BE(4) * SFNT_TABLE_RECORD_BYTES <= b.length;
}

/** The cache file that holds the decoded sfnt of a WOFF file, when there is one. */
export function cachedSfntFile(path: string): string | undefined {
  const key = keyOf(path);
  if (!key) return undefined;
  for (const dir of cacheDirs()) {
    const file = join(dir, `${key}.sfnt`);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** The decoded sfnt of a WOFF file: from the cache when it is there, else decoded and stored. */
export function cachedSfnt(path: string, decode: () => Buffer): Buffer {
  const key = keyOf(path);
  if (!key) return decode();
  const dirs = cacheDirs();
  for (const dir of dirs) {
    try {
      const b = readFileSync(join(dir, `${key}.sfnt`));
      if (looksLikeSfnt(b)) return b;
    } catch {
      // not cached here
    }
  }
  const bytes = decode();
  for (const dir of dirs) {
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = join(dir, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      writeFileSync(tmp, bytes);
      renameSync(tmp, join(dir, `${key}.sfnt`));
      break;
    } catch {
      // read-only or missing folder: try the next one
    }
  }
  return bytes;
}
