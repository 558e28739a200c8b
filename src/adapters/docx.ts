// The one place that reaches into the docx library beyond its public API (docx 9.15.2), and
// the one place that reads the XML it generates:
// - the package's parts as the library's compiler makes them (Packer.compiler.compile), not
//   zipped by Packer and unzipped again: some 2 ms a document, 7 % of a PDF + DOCX batch
//   (measured: 200 packages 766–1,144 ms through the compiler, 1,186–3,046 ms through
//   Packer.toBuffer and unzipSync, three alternating rounds);
// - the library's document.xml around the body: gongwen writes the body itself, and keeps the
//   library's final section properties and, for a two-section document, its first section's
//   properties (with the footer references only the library knows the ids of);
// - core.xml's two timestamps, which the library sets to the current time with no option.
// Loading this module checks the version and the compiler; bodyFrame checks the shape of each
// document.xml it reads.

import { Packer, type Document } from 'docx';
import { strToU8 } from 'fflate';
import { AdapterError, requireMethods, requirePinned } from './pinned.js';

export const DOCX_VERSION = '9.15.2';
const ADAPTER = 'src/adapters/docx.ts';

interface Compiler {
  compile(file: Document, prettify?: string, overrides?: ReadonlyArray<{ path: string; data: string }>): Map<string, unknown>;
}
const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;

requirePinned('docx', DOCX_VERSION, ADAPTER);
requireMethods('docx', 'Packer.compiler', compiler, ['compile'], ADAPTER);

/**
 * The package's parts by path, as the library writes them, with `own` (path → XML) in place
 * of the library's parts of the same path (Packer's public `overrides`).
 */
export function compilePackage(document: Document, own: Readonly<Record<string, string>> = {}): Record<string, Uint8Array> {
  const overrides = Object.entries(own).map(([path, data]) => ({ path, data }));
  const files: Record<string, Uint8Array> = {};
  for (const [path, data] of compiler!.compile(document, undefined, overrides)) {
    files[path] =
      typeof data === 'string'
        ? strToU8(data)
        : ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data as ArrayBuffer);
  }
  return files;
}

/** The library's document.xml around its body. */
export interface BodyFrame {
  /** Everything up to and including `<w:body>`. */
  head: string;
  /** The final section's properties and everything after them. */
  tail: string;
  /** The first section's `<w:sectPr>…</w:sectPr>`, when the document has two sections. */
  firstSection?: string;
}

const FIRST_SECTION_OPEN = '<w:pPr><w:sectPr>';
const SECTION_CLOSE = '</w:sectPr>';

/**
 * Split the library's document.xml: it writes `<w:body>`, the sections' paragraphs (a
 * paragraph holding `<w:pPr><w:sectPr>…</w:sectPr></w:pPr>` ends each section but the last),
 * then the final `<w:sectPr>` and `</w:body>`.
 */
export function bodyFrame(documentXml: string): BodyFrame {
  const start = documentXml.indexOf('<w:body>');
  const end = documentXml.lastIndexOf('<w:sectPr');
  if (start < 0 || end < start) {
    throw new AdapterError('docx 生成的 document.xml 没有正文（<w:body>）', "docx's document.xml has no body (<w:body>)");
  }
  const body = documentXml.slice(start, end);
  const open = body.indexOf(FIRST_SECTION_OPEN);
  const close = open < 0 ? -1 : body.indexOf(SECTION_CLOSE, open);
  return {
    head: documentXml.slice(0, start + '<w:body>'.length),
    tail: documentXml.slice(end),
    ...(close > 0 ? { firstSection: body.slice(open + '<w:pPr>'.length, close + SECTION_CLOSE.length) } : {}),
  };
}

/** core.xml with its creation and modification times set to `stamp` (W3CDTF). */
export function stampCoreProperties(coreXml: string, stamp: string): string {
  let out = coreXml;
  for (const tag of ['dcterms:created', 'dcterms:modified']) {
    const open = out.indexOf(`<${tag}`);
    const from = open < 0 ? -1 : out.indexOf('>', open) + 1;
    const to = from <= 0 ? -1 : out.indexOf(`</${tag}>`, from);
    if (to < 0) throw new AdapterError(`docx 生成的 core.xml 缺少 ${tag}`, `docx's core.xml lacks ${tag}`);
    out = out.slice(0, from) + stamp + out.slice(to);
  }
  return out;
}
