// Deterministic zip packages (DOCX and OFD): the entries in the order given, every entry
// stamped with the document's build date, so the same document gives the same bytes. The
// entries are deflated by zlib with the sizes the PDF's streams use (deflatethread.ts), here
// or on the compression thread; both give the same bytes. An entry that deflate does not
// shrink (a PNG, a JPEG) is stored. [APPNOTE.TXT 4.3: local headers, data, central directory.]

import { crc32, deflateSync } from 'node:zlib';
import { ZIP_MAX_YEAR, ZIP_MIN_YEAR } from '../spec/limits.js';
import { poolCompressor, zlibOptionsFor, type Compressor } from './pdf/deflatethread.js';

type Entries = ReadonlyArray<readonly [string, Uint8Array]>;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const LOCAL_HEADER_BYTES = 30;
const CENTRAL_HEADER_BYTES = 46;
const END_BYTES = 22;
/** Version needed to extract: 2.0 (deflate). */
const VERSION = 20;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 1 << 11;
/** A zlib stream around raw deflate data: a 2-byte header (no preset dictionary) and an Adler-32. */
const ZLIB_HEADER_BYTES = 2;
const ZLIB_TRAILER_BYTES = 4;

/**
 * The date of every entry as MS-DOS date and time. Zip times carry no zone: the date's UTC
 * fields, the same in every time zone. A zip holds 1980–2099 only: a date outside
 * (SOURCE_DATE_EPOCH may say anything) is clamped.
 */
function dosDateTime(date: Date): { date: number; time: number } {
  const year = date.getUTCFullYear();
  const d = year < ZIP_MIN_YEAR ? new Date(Date.UTC(ZIP_MIN_YEAR, 0, 1)) : year > ZIP_MAX_YEAR ? new Date(Date.UTC(ZIP_MAX_YEAR, 11, 31)) : date;
  return {
    date: ((d.getUTCFullYear() - ZIP_MIN_YEAR) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

/** Raw deflate data of a zlib stream. */
const raw = (zlib: Uint8Array): Uint8Array => zlib.subarray(ZLIB_HEADER_BYTES, zlib.length - ZLIB_TRAILER_BYTES);

/** The package of `entries` whose zlib-deflated bytes are `deflated` (same order). */
function assemble(entries: Entries, deflated: readonly Uint8Array[], date: Date): Buffer {
  const { date: dosDate, time: dosTime } = dosDateTime(date);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  entries.forEach(([name, bytes], i) => {
    const packed = raw(deflated[i]!);
    const stored = packed.length >= bytes.length;
    const data = stored ? bytes : packed;
    const nameBytes = Buffer.from(name, 'utf8');
    const fields = {
      flags: nameBytes.length !== name.length ? UTF8_NAME : 0,
      method: stored ? STORED : DEFLATED,
      crc: crc32(bytes),
      size: data.length,
    };
    const local = Buffer.alloc(LOCAL_HEADER_BYTES);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(fields.flags, 6);
    local.writeUInt16LE(fields.method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(fields.crc, 14);
    local.writeUInt32LE(fields.size, 18);
    local.writeUInt32LE(bytes.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(CENTRAL_HEADER_BYTES);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(VERSION, 4);
    local.copy(central, 6, 4, 30); // version needed … name length, as in the local header
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    centrals.push(central, nameBytes);
    offset += LOCAL_HEADER_BYTES + nameBytes.length + data.length;
  });
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(END_BYTES);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Zip `entries` in their order, each dated `date`, deflating here. */
export function zipFixed(entries: Entries, date: Date): Buffer {
  return assemble(
    entries,
    entries.map(([, bytes]) => deflateSync(bytes, zlibOptionsFor(bytes.length))),
    date,
  );
}

/**
 * The same bytes as zipFixed, the entries deflated off the main thread (by the build session's
 * compressor, as the PDF's streams are): the main thread goes on with the next documents meanwhile.
 */
export async function zipFixedOffThread(entries: Entries, date: Date, compressor: Compressor = poolCompressor): Promise<Buffer> {
  return assemble(entries, await compressor.deflateAll(entries.map(([, bytes]) => bytes)), date);
}
