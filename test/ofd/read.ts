// An independent reader of OFD packages for the tests: unzips the package and reads its XML
// parts with a small tag scanner (elements, attributes, text), by the standard's element
// names; nothing of the writer is used.

import { strFromU8, unzipSync } from 'fflate';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Parse an XML document (no DTD, no CDATA: what OFD parts hold). */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const re = /<\?[^>]*\?>|<!--[\s\S]*?-->|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const top = stack[stack.length - 1]!;
    if (m[1]) {
      if (top.name !== m[1]) throw new Error(`unbalanced </${m[1]}> in <${top.name}>`);
      stack.pop();
    } else if (m[2]) {
      const attrs: Record<string, string> = {};
      for (const a of m[3]!.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]!] = unescape(a[2]!);
      const node: XmlNode = { name: m[2], attrs, children: [], text: '' };
      top.children.push(node);
      if (!m[4]) stack.push(node);
    } else if (m[5] !== undefined) {
      top.text += unescape(m[5]);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  return root;
}

/** Every element below `n` (document order). */
export function descendants(n: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (x: XmlNode): void => {
    for (const c of x.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(n);
  return out;
}

export const child = (n: XmlNode, name: string): XmlNode | undefined => n.children.find((c) => c.name === name);
export const all = (n: XmlNode, name: string): XmlNode[] => descendants(n).filter((c) => c.name === name);

export interface OfdPackage {
  /** Entry names in zip order. */
  names: string[];
  files: Record<string, Uint8Array>;
  xml(path: string): XmlNode;
}

export function readOfd(bytes: Uint8Array): OfdPackage {
  const files = unzipSync(bytes);
  const names = Object.keys(files);
  return {
    names,
    files,
    xml: (path) => {
      const f = files[path];
      if (!f) throw new Error(`no ${path} in the package`);
      return parseXml(strFromU8(f));
    },
  };
}

/** Join a location relative to a part's folder (OFD locations are relative unless they start with /). */
export function resolveLoc(base: string, loc: string): string {
  if (loc.startsWith('/')) return loc.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const p of loc.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

export interface OfdDocument {
  pkg: OfdPackage;
  entry: XmlNode;
  docPath: string;
  document: XmlNode;
  /** Content.xml path of each page, in order. */
  pages: string[];
  /** Resource parts (PublicRes, DocumentRes) with the folder their files live in. */
  res: Array<{ path: string; node: XmlNode; baseDir: string }>;
}

const dirOf = (p: string): string => p.split('/').slice(0, -1).join('/');

/** Follow OFD.xml → DocRoot → Document.xml → pages and resources. */
export function openOfd(bytes: Uint8Array): OfdDocument {
  const pkg = readOfd(bytes);
  const entry = pkg.xml('OFD.xml');
  const ofd = child(entry, 'ofd:OFD')!;
  const docRoot = all(ofd, 'ofd:DocRoot')[0]!.text.trim();
  const docPath = resolveLoc('', docRoot);
  const document = pkg.xml(docPath);
  const docDir = dirOf(docPath);
  const pages = all(document, 'ofd:Page').map((p) => resolveLoc(docDir, p.attrs['BaseLoc']!));
  const common = all(document, 'ofd:CommonData')[0]!;
  const res = [...all(common, 'ofd:PublicRes'), ...all(common, 'ofd:DocumentRes')].map((r) => {
    const path = resolveLoc(docDir, r.text.trim());
    const node = pkg.xml(path);
    const base = child(node, 'ofd:Res')!.attrs['BaseLoc'] ?? '';
    return { path, node, baseDir: resolveLoc(dirOf(path), base) };
  });
  return { pkg, entry, docPath, document, pages, res };
}

/** The text of a page's TextCodes, in document order. */
export function pageText(doc: OfdDocument, i: number): string {
  return all(doc.pkg.xml(doc.pages[i]!), 'ofd:TextCode')
    .map((t) => t.text)
    .join('');
}
