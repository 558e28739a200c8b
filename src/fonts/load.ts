// Parse a font file once: decode WOFF, pick the face of a collection, read the names and
// metrics the layout needs. Parsed faces are kept in the caller's FontCache by path and face.

import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as fontkit from 'fontkit';
import type { Font, FontCollection } from 'fontkit';
import type { FontOrigin, LoadedFont } from './types.js';
import type { FontCache } from './cache.js';
import type { FontRole } from '../model/types.js';
import { fontTable } from '../adapters/fontkit.js';
import { isWoff, isWoff2, woffToSfnt } from './woff.js';
import { cachedSfnt, cachedSfntFile, signature } from './sfntcache.js';
import { SparseFont, readsOutlinesOnDemand, watchOutlines } from './sparse.js';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'

function isCollection(f: Font | FontCollection): f is FontCollection {
  return (f as FontCollection).fonts !== undefined && (f as Font).unitsPerEm === undefined;
}

/** Every name a face is known by (family, full and PostScript names in all languages). */
export function faceNames(font: Font): string[] {
  const names = new Set<string>();
  const records = fontTable<{ records?: Record<string, Record<string, string> | undefined> }>(font, 'name')?.records;
  for (const key of ['fontFamily', 'fullName', 'postscriptName', 'preferredFamily']) {
    const rec = records?.[key];
    if (rec) for (const v of Object.values(rec)) if (typeof v === 'string') names.add(v.trim());
  }
  if (font.familyName) names.add(font.familyName);
  if (font.postscriptName) names.add(font.postscriptName);
  return [...names];
}

/** Open a file's faces (one, or several for a .ttc) without decoding more than needed. */
export function openFaces(bytes: Buffer): Font[] {
  const parsed = fontkit.create(bytes);
  return isCollection(parsed) ? parsed.fonts : [parsed];
}

/**
 * The sfnt bytes of fonts as shared memory, for build workers: a worker that adopts them reads
 * no font file and holds no copy of its own (several MB per face). Faces that read their
 * outlines on demand are left out: a worker opens those itself for next to nothing.
 */
export function shareFontBytes(fonts: readonly LoadedFont[]): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const f of fonts) {
    if (out[f.path] || readsOutlinesOnDemand(f.face)) continue;
    const shared = new Uint8Array(new SharedArrayBuffer(f.bytes.length));
    shared.set(f.bytes);
    out[f.path] = shared;
  }
  return out;
}

/** Read and convert a font file to sfnt bytes (WOFF 1.0 decoded, through a disk cache; WOFF2 refused). */
export function readFontBytes(path: string, preread?: ReadonlyMap<string, Buffer>): Buffer {
  const shared = preread?.get(path);
  if (shared) return shared;
  if (signature(path) === WOFF_SIGNATURE) return cachedSfnt(path, () => woffToSfnt(readFileSync(path)));
  const raw = readFileSync(path);
  if (isWoff2(raw)) throw new Error(`${path}: WOFF2 字体无法嵌入 PDF，请改用 TTF/OTF 或 WOFF 文件`);
  return isWoff(raw) ? woffToSfnt(raw) : raw;
}

/** A TrueType file (or the cached sfnt of a WOFF file) with its outlines read on demand. */
function openSparse(path: string): SparseFont | undefined {
  if (signature(path) !== WOFF_SIGNATURE) return SparseFont.open(path);
  const cached = cachedSfntFile(path);
  return cached ? SparseFont.open(cached) : undefined;
}

/**
 * Load one face of a font file. `postscriptName` selects a face of a collection;
 * the first face is used otherwise.
 */
export function loadFont(cache: FontCache, path: string, origin: FontOrigin, roles: FontRole[], postscriptName?: string): LoadedFont {
  const key = `${path}#${postscriptName ?? ''}`;
  const hit = cache.faces.get(key);
  if (hit) {
    for (const r of roles) if (!hit.roles.includes(r)) hit.roles.push(r);
    return hit;
  }
  // Outlines stay on disk until drawn when the file allows it (bytes shared by the main
  // thread are whole already).
  const sparse = cache.preread.has(path) ? undefined : openSparse(path);
  const bytes = sparse?.bytes ?? readFontBytes(path, cache.preread);
  const parsed = fontkit.create(bytes, postscriptName);
  const font: Font = isCollection(parsed) ? parsed.fonts[0]! : parsed;
  if (sparse) watchOutlines(font, sparse);
  const upm = font.unitsPerEm;
  const advanceCache = new Map<number, number | undefined>();
  const id = `F${createHash('sha1').update(key).digest('hex').slice(0, 8)}`;
  const loaded: LoadedFont = {
    id,
    roles: [...roles],
    path,
    postscriptName: font.postscriptName,
    familyName: font.familyName,
    origin,
    // The whole file: outlines not yet read are read now.
    get bytes() {
      return sparse ? sparse.complete() : bytes;
    },
    face: font,
    collectionFace: isCollection(parsed) || postscriptName ? font.postscriptName : undefined,
    unitsPerEm: upm,
    ascent: font.ascent,
    descent: font.descent,
    hasGlyph: (cp) => font.hasGlyphForCodePoint(cp),
    advanceEm: (cp) => {
      if (advanceCache.has(cp)) return advanceCache.get(cp);
      const v = font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp).advanceWidth / upm : undefined;
      advanceCache.set(cp, v);
      return v;
    },
  };
  cache.faces.set(key, loaded);
  return loaded;
}
