// The sfnt container (OpenType 'Organization of an OpenType font'): the offset table and its
// table records, shared by the readers and writers of font files here.

/** The offset table before the table records: version, numTables and the three search fields. */
export const SFNT_HEADER_BYTES = 12;
/** One table record: tag, checksum, offset, length. */
export const SFNT_TABLE_RECORD_BYTES = 16;
/** sfnt versions of TrueType outlines: 0x00010000 and 'true'. */
export const TRUETYPE_VERSIONS: ReadonlySet<number> = new Set([0x00010000, 0x74727565]);

/** The offset table's search fields for `numTables` tables (from the largest power of two ≤ it). */
export function directorySearch(numTables: number): { searchRange: number; entrySelector: number; rangeShift: number } {
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = (1 << entrySelector) * SFNT_TABLE_RECORD_BYTES;
  return { searchRange, entrySelector, rangeShift: numTables * SFNT_TABLE_RECORD_BYTES - searchRange };
}
