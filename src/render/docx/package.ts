// Post-processing of the package the docx library makes: our body, styles and font table
// replace its parts, settings gain the Chinese line-breaking switches, pictures are added
// as media parts, and the zip is rewritten with fixed dates so that the same model always
// gives the same bytes (the library stamps the current time into core.xml and the zip).

import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { MediaPart } from './context.js';
import { el } from './xml.js';
import { buildDate } from '../build-date.js';
import { ZIP_MAX_YEAR, ZIP_MIN_YEAR } from '../../spec/limits.js';

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

/** Settings: no punctuation compression (keeps the character grid), 避头尾 lists, zh-CN. */
export const patchSettings = (xml: string): string => {
  const cjk =
    el('w:characterSpacingControl', { 'w:val': 'doNotCompress' }) +
    el('w:noLineBreaksAfter', { 'w:lang': 'zh-CN', 'w:val': NO_LINE_END }) +
    el('w:noLineBreaksBefore', { 'w:lang': 'zh-CN', 'w:val': NO_LINE_START });
  return xml
    .replace('<w:compat>', `${cjk}<w:compat>`)
    .replace('</w:compat>', `</w:compat>${el('w:themeFontLang', { 'w:val': 'en-US', 'w:eastAsia': 'zh-CN' })}`);
};

/**
 * The package's parts as the docx library writes them, by path. The library's own packer
 * zips them (DEFLATE) only for finishPackage to unzip them again; its compiler hands them
 * over as they are. Through the packer when the compiler is not where this version keeps it.
 */
export async function packageFiles(document: Document): Promise<Record<string, Uint8Array>> {
  const compiler = (Packer as unknown as { compiler?: { compile?: (f: Document) => Map<string, unknown> } }).compiler;
  if (typeof compiler?.compile !== 'function') return unzipSync(await Packer.toBuffer(document));
  const files: Record<string, Uint8Array> = {};
  for (const [path, data] of compiler.compile(document)) {
    files[path] =
      typeof data === 'string'
        ? strToU8(data)
        : ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data as ArrayBuffer);
  }
  return files;
}

/** Finish the package (the parts from packageFiles) and zip it. */
export const finishPackage = (files: Record<string, Uint8Array>, parts: PackageParts): Buffer => {
  const put = (name: string, text: string): void => {
    files[name] = strToU8(text);
  };

  const document = must(files, 'word/document.xml');
  const start = document.indexOf('<w:body>');
  const end = document.lastIndexOf('<w:sectPr'); // the final section's properties
  if (start < 0 || end < start) throw new Error('DOCX document.xml has no body');
  let bodyXml = parts.bodyXml;
  if (parts.sectionBreak) {
    const first = /<w:pPr>(<w:sectPr>[\s\S]*?<\/w:sectPr>)<\/w:pPr>/.exec(document.slice(start, end))?.[1];
    if (!first || !bodyXml.includes(parts.sectionBreak)) throw new Error('DOCX section break not found');
    bodyXml = bodyXml.replace(parts.sectionBreak, () => first);
  }
  put('word/document.xml', `${document.slice(0, start)}<w:body>${bodyXml}${document.slice(end)}`);
  put('word/styles.xml', parts.stylesXml);
  put('word/fontTable.xml', parts.fontTableXml);
  put('word/settings.xml', patchSettings(must(files, 'word/settings.xml')));

  const date = buildDate(parts.isoDate);
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  put(
    'docProps/core.xml',
    must(files, 'docProps/core.xml')
      .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${stamp}`)
      .replace(/<cp:lastModifiedBy>[^<]*/, `<cp:lastModifiedBy>${parts.author.replace(/&/g, '&amp;').replace(/</g, '&lt;')}`),
  );

  if (parts.media.length) {
    const rels = parts.media
      .map((m) =>
        el('Relationship', {
          Id: m.rId,
          Type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
          Target: m.path,
        }),
      )
      .join('');
    put('word/_rels/document.xml.rels', must(files, 'word/_rels/document.xml.rels').replace('</Relationships>', `${rels}</Relationships>`));
    let types = must(files, '[Content_Types].xml');
    for (const ext of new Set(parts.media.map((m) => m.ext))) {
      if (!new RegExp(`Extension="${ext}"`, 'i').test(types)) {
        types = types.replace('</Types>', `${el('Default', { Extension: ext, ContentType: `image/${ext}` })}</Types>`);
      }
    }
    put('[Content_Types].xml', types);
    for (const m of parts.media) files[`word/${m.path}`] = new Uint8Array(m.bytes);
  }

  // Fixed zip timestamps: the build date's UTC fields written as local time (zip times carry
  // no zone, and fflate reads local fields, so this gives the same bytes in every time zone).
  // A zip holds 1980–2099 only: a date outside (SOURCE_DATE_EPOCH may say anything) is clamped.
  const year = date.getUTCFullYear();
  const inZip = year < ZIP_MIN_YEAR ? new Date(Date.UTC(ZIP_MIN_YEAR, 0, 1)) : year > ZIP_MAX_YEAR ? new Date(Date.UTC(ZIP_MAX_YEAR, 11, 31)) : date;
  const mtime = new Date(
    inZip.getUTCFullYear(), inZip.getUTCMonth(), inZip.getUTCDate(),
    inZip.getUTCHours(), inZip.getUTCMinutes(), inZip.getUTCSeconds(),
  );
  const names = Object.keys(files).sort((a, b) =>
    a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const zippable: Zippable = {};
  for (const n of names) zippable[n] = [files[n]!, { mtime, level: 6 }];
  return Buffer.from(zipSync(zippable));
};
