// The package: the docx library writes its parts (section properties with the footers,
// numbering, theme, metadata); our body, styles, font table and settings take the place of
// its own, pictures are added as media parts, and the zip is written with fixed dates so
// that the same model always gives the same bytes (the library stamps the current time into
// core.xml). What reads the library's own XML is src/adapters/docx.ts.

import type { Document } from 'docx';
import { strFromU8, strToU8 } from 'fflate';
import type { MediaPart } from './context.js';
import { el } from './xml.js';
import { buildDate } from '../build-date.js';
import { zipFixed } from '../zip.js';
import { bodyFrame, compilePackage, stampCoreProperties } from '../../adapters/docx.js';

/** Characters that may not start a line (clreq basic level) and may not end one [spec §10]. */
export const NO_LINE_START = '!%),.:;?]}¢°·’"†‡›℃∶、。〃〆〕〗〞﹚﹜！＂％＇），．：；？！］｝～”〉》」』】︰︱︲︳﹐﹑﹒﹓﹔﹕﹖﹘︶︸︺︼︾﹀﹂﹗｜､…—';
export const NO_LINE_END = '$(£¥·‘“〈《「『【〔〖〝﹙﹛＄（．［｛￡￥';

export interface PackageParts {
  bodyXml: string;
  stylesXml: string;
  fontTableXml: string;
  media: MediaPart[];
  /** yyyy-mm-dd: the date of every timestamp in the package. */
  isoDate: string;
  author: string;
  /**
   * Placeholder in bodyXml for the w:sectPr that ends the first of two sections: the
   * library writes that sectPr (with its footer references) into its own first paragraph.
   */
  sectionBreak?: string;
}

const must = (files: Record<string, Uint8Array>, name: string): string => {
  const f = files[name];
  if (!f) throw new Error(`DOCX package lacks ${name}`);
  return strFromU8(f);
};

/** The namespaces of a settings part (as Word writes them). */
const SETTINGS_NS: Readonly<Record<string, string>> = {
  'xmlns:wpc': 'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas',
  'xmlns:mc': 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  'xmlns:o': 'urn:schemas-microsoft-com:office:office',
  'xmlns:r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'xmlns:m': 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  'xmlns:v': 'urn:schemas-microsoft-com:vml',
  'xmlns:wp14': 'http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing',
  'xmlns:wp': 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  'xmlns:w10': 'urn:schemas-microsoft-com:office:word',
  'xmlns:w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'xmlns:w14': 'http://schemas.microsoft.com/office/word/2010/wordml',
  'xmlns:w15': 'http://schemas.microsoft.com/office/word/2012/wordml',
  'xmlns:wpg': 'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup',
  'xmlns:wpi': 'http://schemas.microsoft.com/office/word/2010/wordprocessingInk',
  'xmlns:wne': 'http://schemas.microsoft.com/office/word/2006/wordml',
  'xmlns:wps': 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  'mc:Ignorable': 'w14 w15 wp14',
};
/** Word 2013+ layout (compatibilityMode 15), as the library's own settings part says. */
const COMPATIBILITY_MODE = '15';
/** Default tab stop, twips (Word's half inch; the body sets its own indents). */
const DEFAULT_TAB_STOP_TWIP = 720;

/**
 * The settings part: odd and even footers, no punctuation compression (keeps the character
 * grid), 避头尾 lists, zh-CN as the East Asian theme language.
 */
export const settingsXml = (): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  `<w:settings ${Object.entries(SETTINGS_NS)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ')}>` +
  '<w:displayBackgroundShape/>' +
  el('w:defaultTabStop', { 'w:val': String(DEFAULT_TAB_STOP_TWIP) }) +
  '<w:evenAndOddHeaders/>' +
  el('w:characterSpacingControl', { 'w:val': 'doNotCompress' }) +
  el('w:noLineBreaksAfter', { 'w:lang': 'zh-CN', 'w:val': NO_LINE_END }) +
  el('w:noLineBreaksBefore', { 'w:lang': 'zh-CN', 'w:val': NO_LINE_START }) +
  '<w:compat>' +
  el('w:compatSetting', { 'w:val': COMPATIBILITY_MODE, 'w:name': 'compatibilityMode', 'w:uri': 'http://schemas.microsoft.com/office/word' }) +
  '</w:compat>' +
  el('w:themeFontLang', { 'w:val': 'en-US', 'w:eastAsia': 'zh-CN' }) +
  '</w:settings>';

/** The library's document, made into a package by finishPackage. */
export interface LibraryPackage {
  document: Document;
}

/** The library's part of the package (its parts are written by finishPackage). */
export async function packageFiles(document: Document): Promise<LibraryPackage> {
  return { document };
}

const IMAGE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
/** The library prefixes every relationship id with this. */
const RID_PREFIX = 'rId';

/** Finish the package (the parts from packageFiles) and zip it. */
export const finishPackage = (pkg: LibraryPackage, parts: PackageParts): Buffer => {
  // Pictures: related to the document through the library's public relationships (the
  // package's content types already cover PNG and JPEG).
  for (const m of parts.media) {
    if (!m.rId.startsWith(RID_PREFIX)) throw new Error(`DOCX picture id ${m.rId} does not start with ${RID_PREFIX}`);
    pkg.document.Document.Relationships.addRelationship(m.rId.slice(RID_PREFIX.length), IMAGE_RELATIONSHIP, m.path);
  }
  const files = compilePackage(pkg.document, {
    'word/styles.xml': parts.stylesXml,
    'word/fontTable.xml': parts.fontTableXml,
    'word/settings.xml': settingsXml(),
  });
  const put = (name: string, text: string): void => {
    files[name] = strToU8(text);
  };

  const frame = bodyFrame(must(files, 'word/document.xml'));
  let bodyXml = parts.bodyXml;
  if (parts.sectionBreak) {
    const first = frame.firstSection;
    if (!first || !bodyXml.includes(parts.sectionBreak)) throw new Error('DOCX section break not found');
    bodyXml = bodyXml.replace(parts.sectionBreak, () => first);
  }
  put('word/document.xml', `${frame.head}${bodyXml}${frame.tail}`);

  const date = buildDate(parts.isoDate);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  put('docProps/core.xml', stampCoreProperties(must(files, 'docProps/core.xml'), stamp));
  for (const m of parts.media) files[`word/${m.path}`] = new Uint8Array(m.bytes);

  const names = Object.keys(files).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  return zipFixed(names.map((n) => [n, files[n]!] as const), date);
};
