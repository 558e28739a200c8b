// WOFF 1.0 → sfnt (TrueType/OpenType) decoder. pdfkit hangs when it subsets a WOFF font, and
// the free 楷体 stand-in ships only as WOFF/WOFF2, so we rebuild the sfnt once per process.
// WOFF 1.0 (W3C REC 2012): a header, a table directory, and each table zlib-compressed
// unless its compressed length equals its original length.

import { inflateSync } from 'node:zlib';
import { SFNT_HEADER_BYTES, SFNT_TABLE_RECORD_BYTES, directorySearch } from './sfnt.js';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER_BYTES = 44;
const WOFF_DIR_ENTRY_BYTES = 20;

export function isWoff(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && readU32(bytes, 0) === WOFF_SIGNATURE;
}

export function isWoff2(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && readU32(bytes, 0) === 0x774f4632; // 'wOF2'
}

function readU32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + (b[o + 1]! << 16) + (b[o + 2]! << 8) + b[o + 3]!;
}

interface TableEntry {
  tag: number;
  data: Buffer;
  checksum: number;
}

/** Decode WOFF 1.0 bytes into sfnt bytes that fontkit and pdfkit accept. */
export function woffToSfnt(woff: Uint8Array): Buffer {
  if (!isWoff(woff)) throw new Error('not a WOFF 1.0 font');
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);
  const tables: TableEntry[] = [];
  for (let i = 0; i < numTables; i++) {
    const e = WOFF_HEADER_BYTES + i * WOFF_DIR_ENTRY_BYTES;
    const tag = src.readUInt32BE(e);
    const offset = src.readUInt32BE(e + 4);
    const compLength = src.readUInt32BE(e + 8);
    const origLength = src.readUInt32BE(e + 12);
    const checksum = src.readUInt32BE(e + 16);
    const raw = src.subarray(offset, offset + compLength);
    const data = compLength === origLength ? Buffer.from(raw) : inflateSync(raw);
    if (data.length !== origLength) throw new Error('corrupt WOFF table');
    tables.push({ tag, data, checksum });
  }
  tables.sort((a, b) => a.tag - b.tag);

  const { searchRange, entrySelector, rangeShift } = directorySearch(numTables);

  let size = SFNT_HEADER_BYTES + numTables * SFNT_TABLE_RECORD_BYTES;
  const offsets: number[] = [];
  for (const t of tables) {
    offsets.push(size);
    size += (t.data.length + 3) & ~3; // tables are 4-byte aligned
  }
  const out = Buffer.alloc(size);
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(rangeShift, 10);
  tables.forEach((t, i) => {
    const d = SFNT_HEADER_BYTES + i * SFNT_TABLE_RECORD_BYTES;
    out.writeUInt32BE(t.tag, d);
    out.writeUInt32BE(t.checksum, d + 4);
    out.writeUInt32BE(offsets[i]!, d + 8);
    out.writeUInt32BE(t.data.length, d + 12);
    t.data.copy(out, offsets[i]!);
  });
  return out;
}
