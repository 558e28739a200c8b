// The ToUnicode CMap of a font subset: which text each glyph stands for (copying, search,
// accessibility). The very text pdfkit's EmbeddedFont.toUnicodeCmap() writes, built without
// its per-character conversions, so that the writer can make it once the pages are drawn and
// compress it off the main thread with the font programs (deflate.ts).

import { hex4 } from './hex.js';

/** Glyphs per bfrange (pdfkit's chunk size). */
const RANGE_GLYPHS = 256;
const SURROGATE_OFFSET = 0x10000;
const HIGH_SURROGATE = 0xd800;
const LOW_SURROGATE = 0xdc00;
const SURROGATE_BITS = 0x3ff;

/** UTF-16 code units of the code points, as hex. */
function utf16Hex(codePoints: readonly number[] | undefined): string {
  let out = '';
  for (let cp of codePoints ?? []) {
    if (cp > 0xffff) {
      cp -= SURROGATE_OFFSET;
      out += (out ? ' ' : '') + hex4(((cp >>> 10) & SURROGATE_BITS) | HIGH_SURROGATE);
      cp = LOW_SURROGATE | (cp & SURROGATE_BITS);
    }
    out += (out ? ' ' : '') + hex4(cp);
  }
  return out;
}

/** The CMap program for glyph ids 0 … unicode.length − 1 (`unicode[gid]`: its code points). */
export function toUnicodeCmap(unicode: ReadonlyArray<readonly number[] | undefined>): string {
  const ranges: string[] = [];
  for (let start = 0; start < unicode.length; start += RANGE_GLYPHS) {
    const end = Math.min(start + RANGE_GLYPHS, unicode.length);
    let entries = '';
    for (let gid = start; gid < end; gid++) entries += `${gid > start ? ' ' : ''}<${utf16Hex(unicode[gid])}>`;
    ranges.push(`<${hex4(start)}> <${hex4(end - 1)}> [${entries}]`);
  }
  return `\
/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${ranges.length} beginbfrange
${ranges.join('\n')}
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;
}
