// Deterministic zip packages (DOCX and OFD): the entries in the order given, every entry
// stamped with the document's build date, so the same document gives the same bytes.

import { zipSync, type Zippable } from 'fflate';

/** Deflate level of package entries (zlib's default: the size gain above it is small). */
export const PACKAGE_DEFLATE_LEVEL = 6;

/**
 * Zip `entries` in their order, each dated `date`. Zip times carry no zone and fflate reads a
 * date's local fields, so the date's UTC fields are handed over as local ones: the same bytes
 * in every time zone.
 */
export function zipFixed(entries: ReadonlyArray<readonly [string, Uint8Array]>, date: Date): Buffer {
  const mtime = new Date(
    date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(),
    date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(),
  );
  const zippable: Zippable = {};
  for (const [name, bytes] of entries) zippable[name] = [bytes, { mtime, level: PACKAGE_DEFLATE_LEVEL }];
  return Buffer.from(zipSync(zippable));
}
