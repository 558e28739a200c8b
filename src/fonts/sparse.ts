// TrueType files whose glyph outlines stay on disk until a glyph is drawn. The outlines (the
// glyf table) are 97 % of a CJK font, some 15 MB per face, yet a document draws a few hundred
// glyphs: reading every face whole costs a cold build ~0.15 s and each thread ~55 MB. Here
// every other table is read at once and the outlines block by block, as glyphs are made
// (watchOutlines) or copied into a subset (ensureOutlines); a caller wanting the whole file
// (LoadedFont.bytes) gets the rest read first.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Font } from 'fontkit';
import { beforeGlyphReads, fontTable } from '../adapters/fontkit.js';
import { SFNT_HEADER_BYTES, SFNT_TABLE_RECORD_BYTES, TRUETYPE_VERSIONS } from './sfnt.js';

/** Outline bytes are read in blocks of this size (a CJK glyph is some 200–600 bytes). */
const BLOCK_BYTES = 16 * 1024;

/** A font file in memory with its glyf table read on demand. */
export class SparseFont {
  /** Which blocks of the glyf table are in `bytes`. */
  private readonly loaded: Uint8Array;
  private missing: number;

  private constructor(
    private fd: number | undefined,
    /** The whole file's size; the glyf table not yet read is zeros. */
    readonly bytes: Buffer,
    private readonly glyfOffset: number,
    private readonly glyfLength: number,
  ) {
    this.loaded = new Uint8Array(Math.ceil(glyfLength / BLOCK_BYTES));
    this.missing = this.loaded.length;
  }

  /** Open a TrueType file; undefined for anything else (a collection, CFF outlines, WOFF). */
  static open(path: string): SparseFont | undefined {
    const fd = openSync(path, 'r');
    try {
      const size = fstatSync(fd).size;
      const head = Buffer.alloc(SFNT_HEADER_BYTES);
      if (size < SFNT_HEADER_BYTES || readSync(fd, head, 0, SFNT_HEADER_BYTES, 0) < SFNT_HEADER_BYTES) return closed(fd);
      if (!TRUETYPE_VERSIONS.has(head.readUInt32BE(0))) return closed(fd);
      const n = head.readUInt16BE(4);
      const dirBytes = SFNT_HEADER_BYTES + SFNT_TABLE_RECORD_BYTES * n;
      if (dirBytes > size) return closed(fd);
      // Zero-filled and untouched: the pages of the glyf table cost nothing until they are read.
      const bytes = Buffer.alloc(size);
      readSync(fd, bytes, 0, dirBytes, 0);
      let glyf: { offset: number; length: number } | undefined;
      const tables: Array<{ offset: number; length: number }> = [];
      for (let i = 0; i < n; i++) {
        const rec = SFNT_HEADER_BYTES + SFNT_TABLE_RECORD_BYTES * i;
        const t = { offset: bytes.readUInt32BE(rec + 8), length: bytes.readUInt32BE(rec + 12) };
        if (t.offset + t.length > size) return closed(fd);
        if (bytes.toString('latin1', rec, rec + 4) === 'glyf') glyf = t;
        else tables.push(t);
      }
      if (!glyf) return closed(fd);
      for (const t of tables) readFully(fd, bytes, t.offset, t.length);
      return new SparseFont(fd, bytes, glyf.offset, glyf.length);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  /** Make glyf bytes [start, end) (offsets within the table) present. */
  ensure(start: number, end: number): void {
    if (this.missing === 0 || end <= start) return;
    const first = Math.floor(start / BLOCK_BYTES);
    const last = Math.min(this.loaded.length, Math.ceil(end / BLOCK_BYTES));
    for (let b = first; b < last; b++) {
      if (this.loaded[b]) continue;
      // One read for a run of missing blocks.
      let e = b;
      while (e < last && !this.loaded[e]) e++;
      this.read(b, e);
      b = e;
    }
  }

  /** Read everything still missing (the file is then whole in memory, and closed). */
  complete(): Buffer {
    this.ensure(0, this.glyfLength);
    return this.bytes;
  }

  private read(fromBlock: number, toBlock: number): void {
    const start = fromBlock * BLOCK_BYTES;
    const end = Math.min(this.glyfLength, toBlock * BLOCK_BYTES);
    readFully(this.fd!, this.bytes, this.glyfOffset + start, end - start);
    this.loaded.fill(1, fromBlock, toBlock);
    this.missing -= toBlock - fromBlock;
    if (this.missing === 0 && this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
  }
}

function closed(fd: number): undefined {
  closeSync(fd);
  return undefined;
}

function readFully(fd: number, into: Buffer, offset: number, length: number): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, into, offset + done, length - done, offset + done);
    if (n <= 0) throw new Error('font file ended early');
    done += n;
  }
}

const sparseOf = new WeakMap<Font, SparseFont>();

/**
 * Tie a parsed face to its sparse file. fontkit reads a glyph's outline bytes (for its box,
 * which its advanceWidth computes too, or its path) only through a glyph object from
 * getGlyph, and a composite reaches its components through getGlyph as well: so getGlyph
 * first makes that glyph's bytes present.
 */
export function watchOutlines(face: Font, sparse: SparseFont): void {
  sparseOf.set(face, sparse);
  // The loca table is decoded on the first glyph read, not when the face is opened.
  let offsets: number[] | undefined;
  beforeGlyphReads(face, (id) => {
    offsets ??= fontTable<{ offsets: number[] }>(face, 'loca')?.offsets ?? [];
    const start = offsets[id];
    const end = offsets[id + 1];
    if (start !== undefined && end !== undefined) sparse.ensure(start, end);
  });
}

/** Whether the face reads its outlines on demand (a thread opening the file again pays little). */
export function readsOutlinesOnDemand(face: Font | undefined): boolean {
  return face !== undefined && sparseOf.has(face);
}

/** Make the outline bytes [start, end) of the glyf table of `face` present (no-op for a whole file). */
export function ensureOutlines(face: Font, start: number, end: number): void {
  sparseOf.get(face)?.ensure(start, end);
}
