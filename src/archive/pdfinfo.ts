// What the archive checks read from a PDF file's bytes without drawing it: page count, title
// and subject (from the XMP packet), PDF/A identification, encryption, embedded fonts.
// Objects are read as written (pdfkit writes object dictionaries uncompressed; only streams
// are deflated), so this needs no PDF library. Pure.

export interface PdfFacts {
  /** Starts with `%PDF-` and ends with `%%EOF`. */
  wellFormed: boolean;
  pages: number;
  /** dc:title of the XMP packet. */
  title?: string;
  /** dc:description of the XMP packet (the Info Subject: 文号 or 期号). */
  subject?: string;
  /** pdfaid:part and pdfaid:conformance, e.g. `2B`. */
  pdfa?: string;
  encrypted: boolean;
  /** Fonts without an embedded font program (by BaseFont name). */
  fontsNotEmbedded: string[];
  /** Font descriptors found (0: no text at all, or unreadable). */
  fonts: number;
}

const unescapeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The object dictionaries of the file: the text of each `N G obj` up to its stream or end. */
function objectHeads(latin: string): string[] {
  const out: string[] = [];
  const re = /\d+\s+\d+\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(latin))) {
    const start = m.index + m[0].length;
    const endObj = latin.indexOf('endobj', start);
    const stream = latin.indexOf('stream', start);
    const end = stream >= 0 && (endObj < 0 || stream < endObj) ? stream : endObj >= 0 ? endObj : latin.length;
    out.push(latin.slice(start, end));
    re.lastIndex = end;
  }
  return out;
}

function xmpField(xmp: string, name: string): string | undefined {
  const m = new RegExp(`<dc:${name}>\\s*<rdf:Alt>\\s*<rdf:li[^>]*>([\\s\\S]*?)</rdf:li>`).exec(xmp);
  return m ? unescapeXml(m[1]!) : undefined;
}

export function pdfFacts(bytes: Uint8Array): PdfFacts {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const latin = buf.toString('latin1');
  const wellFormed = latin.startsWith('%PDF-') && latin.trimEnd().endsWith('%%EOF');
  const heads = objectHeads(latin);
  const pages = heads.filter((h) => /\/Type\s*\/Page(?![A-Za-z])/.test(h)).length;
  // The XMP packet is UTF-8 inside a Latin-1 view: cut it out by offsets, decode it as UTF-8.
  const begin = latin.indexOf('<x:xmpmeta');
  const end = begin >= 0 ? latin.indexOf('</x:xmpmeta>', begin) : -1;
  const xmp = begin >= 0 && end > begin ? buf.subarray(begin, end).toString('utf8') : '';
  const part = /pdfaid:part(?:>|=")(\d)/.exec(xmp)?.[1];
  const conf = /pdfaid:conformance(?:>|=")([A-Za-z])/.exec(xmp)?.[1];
  const descriptors = heads.filter((h) => /\/Type\s*\/FontDescriptor\b/.test(h));
  const fontsNotEmbedded = descriptors
    .filter((h) => !/\/FontFile[23]?\b/.test(h))
    .map((h) => /\/FontName\s*\/([^\s/<>[\]()]+)/.exec(h)?.[1] ?? '?');
  // A simple font without a descriptor is one of the standard 14: never embedded.
  for (const h of heads) {
    if (/\/Type\s*\/Font\b/.test(h) && /\/Subtype\s*\/(Type1|TrueType)\b/.test(h) && !/\/FontDescriptor\b/.test(h)) {
      fontsNotEmbedded.push(/\/BaseFont\s*\/([^\s/<>[\]()]+)/.exec(h)?.[1] ?? '?');
    }
  }
  const title = xmpField(xmp, 'title');
  const subject = xmpField(xmp, 'description');
  return {
    wellFormed,
    pages,
    ...(title !== undefined ? { title } : {}),
    ...(subject !== undefined ? { subject } : {}),
    ...(part ? { pdfa: `${part}${(conf ?? '').toUpperCase()}` } : {}),
    encrypted: /\/Encrypt\b/.test(latin),
    fontsNotEmbedded,
    fonts: descriptors.length,
  };
}
