// The TrueType font program of a PDF font subset, written directly. fontkit's TTFSubset
// assembles the same tables (head, hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm) through
// its generic structure encoder, which re-encodes the hinting tables a byte at a time from
// decoded arrays for every document. This writer gives the very same bytes: the same table
// order and directory (tag 'true', checksums 0, no padding), head/hhea/maxp field by field
// from the parsed tables, and the hinting tables copied from the font file.

import { SFNT_HEADER_BYTES, SFNT_TABLE_RECORD_BYTES, directorySearch } from './sfnt.js';

/** Parsed tables as fontkit decodes them (the fields written here). */
export interface HeadTable {
  version: number;
  revision: number;
  checkSumAdjustment: number;
  magicNumber: number;
  flags: number;
  unitsPerEm: number;
  created: number[];
  modified: number[];
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  macStyle: Record<string, boolean>;
  lowestRecPPEM: number;
  fontDirectionHint: number;
  glyphDataFormat: number;
}
export interface HheaTable {
  version: number;
  ascent: number;
  descent: number;
  lineGap: number;
  advanceWidthMax: number;
  minLeftSideBearing: number;
  minRightSideBearing: number;
  xMaxExtent: number;
  caretSlopeRise: number;
  caretSlopeRun: number;
  caretOffset: number;
  metricDataFormat: number;
}
/** maxp fields after numGlyphs, in table order (version 1.0). */
const MAXP_FIELDS = [
  'maxPoints',
  'maxContours',
  'maxComponentPoints',
  'maxComponentContours',
  'maxZones',
  'maxTwilightPoints',
  'maxStorage',
  'maxFunctionDefs',
  'maxInstructionDefs',
  'maxStackElements',
  'maxSizeOfInstructions',
  'maxComponentElements',
  'maxComponentDepth',
] as const;
export type MaxpTable = { version: number } & Record<(typeof MAXP_FIELDS)[number], number>;

/** head.macStyle bits in order (fontkit's Bitfield: only these survive an encode). */
const MAC_STYLE = ['bold', 'italic', 'underline', 'outline', 'shadow', 'condensed', 'extended'];

const HEAD_BYTES = 54;
const HHEA_BYTES = 36;
const MAXP_BYTES = 32;
/** The largest glyf table short (halved uint16) loca offsets can address. */
const SHORT_LOCA_MAX_BYTES = 0xffff * 2;

export interface SubsetTables {
  head: HeadTable;
  hhea: HheaTable;
  maxp: MaxpTable;
  /** 0: short offsets (halved), 1: long offsets. */
  locaVersion: 0 | 1;
  /** Byte offsets of each glyph in glyf, and the end. */
  locaOffsets: readonly number[];
  glyf: readonly Uint8Array[];
  metrics: ReadonlyArray<{ advance: number; bearing: number }>;
  /** Raw 'cvt ', 'prep' and 'fpgm' tables of the font, when it has them. */
  cvt?: Uint8Array;
  prep?: Uint8Array;
  fpgm?: Uint8Array;
}

/** The font program bytes, as fontkit's TTFSubset.encode() gives them. */
export function writeTrueTypeSubset(t: SubsetTables): Uint8Array {
  const numGlyphs = t.glyf.length;
  const glyfBytes = t.glyf.reduce((n, g) => n + g.length, 0);
  // Short offsets count words up to 0xFFFF: a larger subset of a short-loca font takes long
  // offsets (fontkit would let them wrap round and the font would be broken).
  const locaVersion = t.locaVersion === 0 && glyfBytes > SHORT_LOCA_MAX_BYTES ? 1 : t.locaVersion;
  const locaEntry = locaVersion === 0 ? 2 : 4;
  // An int16 array ends at the last whole element (fontkit decodes the cvt so).
  const cvt = t.cvt && t.cvt.subarray(0, t.cvt.length & ~1);
  const tables: Array<[string, number, (v: DataView, at: number) => void]> = [
    ['head', HEAD_BYTES, (v, at) => writeHead(v, at, t.head, locaVersion)],
    ['hhea', HHEA_BYTES, (v, at) => writeHhea(v, at, t.hhea, t.metrics.length)],
    ['loca', t.locaOffsets.length * locaEntry, (v, at) => writeLoca(v, at, t.locaOffsets, locaVersion)],
    ['maxp', MAXP_BYTES, (v, at) => writeMaxp(v, at, t.maxp, numGlyphs)],
  ];
  if (cvt) tables.push(['cvt ', cvt.length, (v, at) => copy(v, at, cvt)]);
  if (t.prep) tables.push(['prep', t.prep.length, (v, at) => copy(v, at, t.prep!)]);
  tables.push(['glyf', glyfBytes, (v, at) => copyAll(v, at, t.glyf)]);
  tables.push(['hmtx', t.metrics.length * 4, (v, at) => writeHmtx(v, at, t.metrics)]);
  if (t.fpgm) tables.push(['fpgm', t.fpgm.length, (v, at) => copy(v, at, t.fpgm!)]);

  const header = SFNT_HEADER_BYTES + SFNT_TABLE_RECORD_BYTES * tables.length;
  const total = tables.reduce((n, [, len]) => n + len, header);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  const search = directorySearch(tables.length);
  writeTag(v, 0, 'true');
  v.setUint16(4, tables.length);
  v.setUint16(6, search.searchRange);
  v.setUint16(8, search.entrySelector);
  v.setUint16(10, search.rangeShift);
  let offset = header;
  tables.forEach(([tag, len, write], i) => {
    const rec = SFNT_HEADER_BYTES + SFNT_TABLE_RECORD_BYTES * i;
    writeTag(v, rec, tag);
    v.setUint32(rec + 4, 0); // checksum: fontkit writes none
    v.setUint32(rec + 8, offset);
    v.setUint32(rec + 12, len);
    write(v, offset);
    offset += len;
  });
  return out;
}

function writeTag(v: DataView, at: number, tag: string): void {
  for (let i = 0; i < 4; i++) v.setUint8(at + i, tag.charCodeAt(i));
}

function copy(v: DataView, at: number, bytes: Uint8Array): void {
  new Uint8Array(v.buffer, at, bytes.length).set(bytes);
}

/** The glyphs one after another (one view of the output for all: a subset has hundreds). */
function copyAll(v: DataView, at: number, parts: readonly Uint8Array[]): void {
  const out = new Uint8Array(v.buffer);
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
}

function writeHead(v: DataView, at: number, h: HeadTable, locaVersion: number): void {
  v.setInt32(at, h.version);
  v.setInt32(at + 4, h.revision);
  v.setUint32(at + 8, h.checkSumAdjustment);
  v.setUint32(at + 12, h.magicNumber);
  v.setUint16(at + 16, h.flags);
  v.setUint16(at + 18, h.unitsPerEm);
  v.setInt32(at + 20, h.created[0]!);
  v.setInt32(at + 24, h.created[1]!);
  v.setInt32(at + 28, h.modified[0]!);
  v.setInt32(at + 32, h.modified[1]!);
  v.setInt16(at + 36, h.xMin);
  v.setInt16(at + 38, h.yMin);
  v.setInt16(at + 40, h.xMax);
  v.setInt16(at + 42, h.yMax);
  v.setUint16(at + 44, MAC_STYLE.reduce((bits, name, i) => (h.macStyle[name] ? bits | (1 << i) : bits), 0));
  v.setUint16(at + 46, h.lowestRecPPEM);
  v.setInt16(at + 48, h.fontDirectionHint);
  v.setInt16(at + 50, locaVersion);
  v.setInt16(at + 52, h.glyphDataFormat);
}

function writeHhea(v: DataView, at: number, h: HheaTable, numberOfMetrics: number): void {
  v.setInt32(at, h.version);
  v.setInt16(at + 4, h.ascent);
  v.setInt16(at + 6, h.descent);
  v.setInt16(at + 8, h.lineGap);
  v.setUint16(at + 10, h.advanceWidthMax);
  v.setInt16(at + 12, h.minLeftSideBearing);
  v.setInt16(at + 14, h.minRightSideBearing);
  v.setInt16(at + 16, h.xMaxExtent);
  v.setInt16(at + 18, h.caretSlopeRise);
  v.setInt16(at + 20, h.caretSlopeRun);
  v.setInt16(at + 22, h.caretOffset);
  // at + 24 … 31: four reserved int16, written as 0
  v.setInt16(at + 32, h.metricDataFormat);
  v.setUint16(at + 34, numberOfMetrics);
}

function writeMaxp(v: DataView, at: number, m: MaxpTable, numGlyphs: number): void {
  v.setInt32(at, m.version);
  v.setUint16(at + 4, numGlyphs);
  MAXP_FIELDS.forEach((f, i) => v.setUint16(at + 6 + 2 * i, m[f]));
}

function writeLoca(v: DataView, at: number, offsets: readonly number[], version: 0 | 1): void {
  if (version === 0) offsets.forEach((o, i) => v.setUint16(at + 2 * i, o >>> 1));
  else offsets.forEach((o, i) => v.setUint32(at + 4 * i, o));
}

function writeHmtx(v: DataView, at: number, metrics: ReadonlyArray<{ advance: number; bearing: number }>): void {
  metrics.forEach((m, i) => {
    v.setUint16(at + 4 * i, m.advance);
    v.setInt16(at + 4 * i + 2, m.bearing);
  });
}
