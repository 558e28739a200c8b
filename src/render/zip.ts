// Deterministic zip packages (DOCX and OFD): the entries in the order given, every entry
// stamped with the document's build date, so the same document gives the same bytes.

import { zipSync, type Zippable } from 'fflate';
import { ZIP_MAX_YEAR, ZIP_MIN_YEAR } from '../spec/limits.js';

/** Deflate level of package entries (zlib's default: the size gain above it is small). */
export const PACKAGE_DEFLATE_LEVEL = 6;

/**
 * Zip `entries` in their order, each dated `date`. Zip times carry no zone and fflate reads a
 * date's local fields, so the date's UTC fields are handed over as local ones: the same bytes
 * in every time zone. A zip holds 1980–2099 only: a date outside (SOURCE_DATE_EPOCH may say
 * anything) is clamped.
 */
export function zipFixed(entries: ReadonlyArray<readonly [string, Uint8Array]>, date: Date): Buffer {
  const year = date.getUTCFullYear();
  const d = year < ZIP_MIN_YEAR ? new Date(Date.UTC(ZIP_MIN_YEAR, 0, 1)) : year > ZIP_MAX_YEAR ? new Date(Date.UTC(ZIP_MAX_YEAR, 11, 31)) : date;
  const mtime = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
  const zippable: Zippable = {};
  for (const [name, bytes] of entries) zippable[name] = [bytes, { mtime, level: PACKAGE_DEFLATE_LEVEL }];
  return Buffer.from(zipSync(zippable));
}
