// What the archive checks need to know of an OFD file (GB/T 33190): whether it opens as a
// package, its DocType (OFD-A for the archive), title, number of pages, and the fonts it
// names without an embedded file. Reads the package's XML with patterns, as pdfinfo.ts reads
// a PDF: enough for the checks, not a general reader. Pure.

import { strFromU8, unzipSync } from 'fflate';

export interface OfdFacts {
  /** A zip package with OFD.xml, its DocRoot and pages. */
  wellFormed: boolean;
  docType?: string;
  title?: string;
  pages: number;
  /** FontName (or ID) of each font without a FontFile in the package. */
  fontsNotEmbedded: string[];
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const text = (xml: string, name: string): string | undefined => {
  const m = new RegExp(`<ofd:${name}(?:\\s[^>]*)?>([^<]*)</ofd:${name}>`).exec(xml);
  return m ? unescape(m[1]!).trim() : undefined;
};
const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** `loc` resolved against the folder `base` (ST_Loc: absolute from the package root, or relative). */
function resolve(base: string, loc: string): string {
  const parts = loc.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const p of loc.split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}
const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

export function ofdFacts(bytes: Uint8Array): OfdFacts {
  const broken: OfdFacts = { wellFormed: false, pages: 0, fontsNotEmbedded: [] };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return broken;
  }
  const xml = (path: string): string | undefined => (files[path] ? strFromU8(files[path]!) : undefined);
  const entry = xml('OFD.xml');
  const root = entry && text(entry, 'DocRoot');
  const document = root && xml(resolve('', root));
  if (!entry || !root || !document) return broken;
  const docType = attr(/<ofd:OFD\b[^>]*>/.exec(entry)?.[0] ?? '', 'DocType');
  const title = text(entry, 'Title');
  const docDir = folderOf(resolve('', root));
  const pageLocs = [...document.matchAll(/<ofd:Page\b[^>]*>/g)].map((m) => attr(m[0], 'BaseLoc'));
  const pagesPresent = pageLocs.every((loc) => loc !== undefined && files[resolve(docDir, loc)] !== undefined);

  const fontsNotEmbedded: string[] = [];
  for (const name of ['PublicRes', 'DocumentRes']) {
    const loc = text(document, name);
    if (!loc) continue;
    const resPath = resolve(docDir, loc);
    const res = xml(resPath);
    if (!res) continue;
    const base = resolve(folderOf(resPath), attr(/<ofd:Res\b[^>]*>/.exec(res)?.[0] ?? '', 'BaseLoc') ?? '');
    for (const m of res.matchAll(/<ofd:Font\b([^>]*?)(\/>|>([\s\S]*?)<\/ofd:Font>)/g)) {
      const file = m[3] ? text(m[3], 'FontFile') : undefined;
      if (!file || files[resolve(base, file)] === undefined) fontsNotEmbedded.push(attr(m[1]!, 'FontName') ?? attr(m[1]!, 'ID') ?? '?');
    }
  }
  return {
    wellFormed: pagesPresent && pageLocs.length > 0,
    ...(docType ? { docType } : {}),
    ...(title !== undefined ? { title } : {}),
    pages: pageLocs.length,
    fontsNotEmbedded,
  };
}
