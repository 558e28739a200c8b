// A font subset made a complete OpenType file for the OFD package. The subset writer gives a
// PDF's font program: head, hhea, loca, maxp, glyf, hmtx and the hinting tables, no cmap,
// name, OS/2 or post (a PDF maps codes to glyphs itself). An OFD reader that draws TextCode
// with the embedded file needs them, and browsers' font sanitiser refuses a TrueType file
// without them or with unaligned tables [OpenType 'Required tables']. Here they are added:
// a cmap of the characters the document draws (to the subset's glyph ids), the face's own
// name and OS/2, its post header as version 3 (no glyph names: the subset renumbers the
// glyphs); the directory is written as OpenType asks (tables sorted, 4-byte aligned,
// checksums, head.checkSumAdjustment). The glyphs and metrics are the subset's bytes. Pure.

import { SFNT_HEADER_BYTES, SFNT_TABLE_RECORD_BYTES, directorySearch } from '../../fonts/sfnt.js';

/** The tables a face gives the file (raw bytes, as in its font file). */
export type RawTable = (tag: string) => Uint8Array | undefined;

/** sfnt version of TrueType outlines. */
const TRUETYPE_VERSION = 0x00010000;
/** head: offset of checkSumAdjustment; the constant the whole file's checksum is taken from. */
const HEAD_CHECKSUM_ADJUSTMENT_AT = 8;
const CHECKSUM_MAGIC = 0xb1b0afba;
/** post version 3.0 (no glyph names) and the header's size; the fields copied (italicAngle … isFixedPitch). */
const POST_V3 = 0x00030000;
const POST_HEADER_BYTES = 32;
const POST_COPIED = [4, 16] as const;
/** cmap subtables: Windows (3) Unicode BMP (1) in format 4, full repertoire (10) in format 12. */
const WINDOWS = 3;
const UNICODE_BMP = 1;
const UNICODE_FULL = 10;
const LAST_BMP = 0xffff;

/** The tables of an sfnt file, by tag. */
export function readTables(file: Uint8Array): Map<string, Uint8Array> {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const tables = new Map<string, Uint8Array>();
  const n = v.getUint16(4);
  for (let i = 0; i < n; i++) {
    const rec = SFNT_HEADER_BYTES + SFNT_TABLE_RECORD_BYTES * i;
    const tag = String.fromCharCode(file[rec]!, file[rec + 1]!, file[rec + 2]!, file[rec + 3]!);
    const offset = v.getUint32(rec + 8);
    tables.set(tag, file.subarray(offset, offset + v.getUint32(rec + 12)));
  }
  return tables;
}

/**
 * The subset with cmap (`cmap`: code point → glyph id in the subset), name, OS/2 and post
 * added. A table the face lacks is left out (its reader then does without it).
 */
export function completeSubset(subset: Uint8Array, face: RawTable, cmap: ReadonlyMap<number, number>): Uint8Array {
  const tables = readTables(subset);
  tables.set('cmap', cmapTable(cmap));
  for (const tag of ['name', 'OS/2']) {
    const t = face(tag);
    if (t) tables.set(tag, t);
  }
  const post = face('post');
  if (post && post.length >= POST_COPIED[1]) tables.set('post', postV3(post));
  return writeSfnt(tables);
}

function postV3(original: Uint8Array): Uint8Array {
  const out = new Uint8Array(POST_HEADER_BYTES);
  new DataView(out.buffer).setUint32(0, POST_V3);
  out.set(original.subarray(...POST_COPIED), POST_COPIED[0]);
  return out;
}

/** OpenType's table checksum: the sum of its big-endian uint32 words, zero-padded. */
function checksum(bytes: Uint8Array): number {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  const whole = bytes.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (whole < bytes.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (bytes[i] ?? 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** An sfnt file of `tables`: sorted by tag, each at a 4-byte boundary, with checksums. */
export function writeSfnt(tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const header = SFNT_HEADER_BYTES + SFNT_TABLE_RECORD_BYTES * tags.length;
  const total = tags.reduce((n, t) => n + pad4(tables.get(t)!.length), header);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  const search = directorySearch(tags.length);
  v.setUint32(0, TRUETYPE_VERSION);
  v.setUint16(4, tags.length);
  v.setUint16(6, search.searchRange);
  v.setUint16(8, search.entrySelector);
  v.setUint16(10, search.rangeShift);
  let offset = header;
  let headAt = -1;
  tags.forEach((tag, i) => {
    const bytes = tables.get(tag)!;
    out.set(bytes, offset);
    if (tag === 'head') {
      headAt = offset;
      v.setUint32(offset + HEAD_CHECKSUM_ADJUSTMENT_AT, 0);
    }
    const rec = SFNT_HEADER_BYTES + SFNT_TABLE_RECORD_BYTES * i;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    v.setUint32(rec + 4, checksum(out.subarray(offset, offset + bytes.length)));
    v.setUint32(rec + 8, offset);
    v.setUint32(rec + 12, bytes.length);
    offset += pad4(bytes.length);
  });
  if (headAt >= 0) v.setUint32(headAt + HEAD_CHECKSUM_ADJUSTMENT_AT, (CHECKSUM_MAGIC - checksum(out)) >>> 0);
  return out;
}

/** Runs of consecutive code points drawn with consecutive glyph ids: [first, last, first glyph]. */
function groups(cmap: ReadonlyMap<number, number>): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (const cp of [...cmap.keys()].sort((a, b) => a - b)) {
    const gid = cmap.get(cp)!;
    const g = out.at(-1);
    if (g && cp === g[1] + 1 && gid === g[2] + cp - g[0]) g[1] = cp;
    else out.push([cp, cp, gid]);
  }
  return out;
}

/** A cmap with a format 4 subtable (the BMP) and, when a character lies beyond it, format 12. */
export function cmapTable(cmap: ReadonlyMap<number, number>): Uint8Array {
  const all = groups(cmap);
  // Format 4: the BMP's groups (a group crossing U+FFFF is cut there), and the closing 0xFFFF segment.
  const bmp = all.filter(([first]) => first < LAST_BMP).map(([f, l, g]): [number, number, number] => [f, Math.min(l, LAST_BMP - 1), g]);
  const segs = [...bmp, [LAST_BMP, LAST_BMP, 0] as [number, number, number]];
  const f4 = new Uint8Array(16 + 8 * segs.length);
  const v4 = new DataView(f4.buffer);
  const { entrySelector } = directorySearch(segs.length);
  const searchRange = 2 * (1 << entrySelector);
  v4.setUint16(0, 4);
  v4.setUint16(2, f4.length);
  v4.setUint16(6, segs.length * 2);
  v4.setUint16(8, searchRange);
  v4.setUint16(10, entrySelector);
  v4.setUint16(12, segs.length * 2 - searchRange);
  const n = segs.length;
  segs.forEach(([first, last, gid], i) => {
    v4.setUint16(14 + 2 * i, last);
    v4.setUint16(16 + 2 * n + 2 * i, first);
    // glyph = (code + idDelta) mod 65536; the closing segment maps 0xFFFF to glyph 0.
    v4.setUint16(16 + 4 * n + 2 * i, (first === LAST_BMP ? 1 : gid - first) & 0xffff);
    // idRangeOffset 0 (at 16 + 6n): the glyph is the delta's.
  });
  const wide = all.some(([, last]) => last > LAST_BMP);
  const subtables: Array<[number, Uint8Array]> = [[UNICODE_BMP, f4]];
  if (wide) {
    const f12 = new Uint8Array(16 + 12 * all.length);
    const v12 = new DataView(f12.buffer);
    v12.setUint16(0, 12);
    v12.setUint32(4, f12.length);
    v12.setUint32(12, all.length);
    all.forEach(([first, last, gid], i) => {
      v12.setUint32(16 + 12 * i, first);
      v12.setUint32(20 + 12 * i, last);
      v12.setUint32(24 + 12 * i, gid);
    });
    subtables.push([UNICODE_FULL, f12]);
  }
  const head = 4 + 8 * subtables.length;
  const out = new Uint8Array(subtables.reduce((s, [, t]) => s + t.length, head));
  const v = new DataView(out.buffer);
  v.setUint16(2, subtables.length);
  let at = head;
  subtables.forEach(([encoding, t], i) => {
    v.setUint16(4 + 8 * i, WINDOWS);
    v.setUint16(6 + 8 * i, encoding);
    v.setUint32(8 + 8 * i, at);
    out.set(t, at);
    at += t.length;
  });
  return out;
}
