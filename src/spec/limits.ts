// Limits on what one source may ask of a build, each with the reason it exists. Beyond a
// limit the file is refused with a clear error (file:line), never a crash or a hang: these
// are the bounds a careless or hostile input meets (see README «输入限制»).

import { CHARS_PER_LINE } from './gbt9704.js';
import { TABLE_CELL_PAD_CHARS } from './layout.js';

/**
 * Nesting of block containers (block quotes, lists, container directives), levels. An official
 * document uses two or three list levels at most; sixteen leaves room for any real text while
 * keeping the Markdown parser (whose cost grows with the square of the depth) and every
 * walk over the tree far from their limits.
 */
export const MAX_NESTING_DEPTH = 16;

/**
 * Nesting of inline marks (emphasis, links, images, text directives), levels. Real text nests
 * two or three; the parser's cost grows with the square of this depth.
 */
export const MAX_INLINE_DEPTH = 16;

/**
 * The depths the cheap line scan before parsing lets through, levels: twice the limits. The scan
 * only estimates depth (it does not parse), so it keeps a margin and stops hostile input only;
 * the exact limits are checked on the parsed tree.
 */
export const SCAN_DEPTH_SLACK = 2;

/**
 * Columns of a table: as many as fit the 版心 at one character each with their padding
 * (28 characters per line [S 5.2.3], TABLE_CELL_PAD_CHARS on either side of a cell) [D].
 * A narrower column could not hold a single character.
 */
export const MAX_TABLE_COLUMNS = Math.floor(CHARS_PER_LINE / (1 + 2 * TABLE_CELL_PAD_CHARS));

/**
 * Size of a source file (and of each attachment file), bytes. A 6.9 MB body sets some 3,900
 * pages in under ten seconds; an official document is rarely over 100 KB. Bounds the time and
 * memory one file may take.
 */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

/**
 * Pixels of one image (seal or bulletin photo), width × height. Decoding takes about four bytes
 * a pixel: 50 million pixels (a 50-megapixel camera photo) is some 200 MB. A larger header is
 * refused before the image is decoded (a small file can claim a huge size: a decode bomb).
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

/**
 * Years a date of the front matter may name: from the founding of the PRC to 2100. Catches
 * typing slips (2204 for 2024) and years no writer's tool can store (a DOCX package holds
 * dates 1980–2099 only: later ones are clamped there, see render/docx/package.ts).
 */
export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;

/** Timestamps a zip (DOCX) can hold: MS-DOS dates, 1980-01-01 to 2099-12-31 [APPNOTE 4.4.6]. */
export const ZIP_MIN_YEAR = 1980;
export const ZIP_MAX_YEAR = 2099;
