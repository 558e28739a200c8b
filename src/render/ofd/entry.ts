// OFD.xml, the package's entry [GB/T 33190 7.4]: the document's metadata (DocInfo) and where
// its Document.xml is. DocID is a digest of the document's parts, so equal documents carry
// equal ids and different ones different ids; every date is the document's own.

import { createHash } from 'node:crypto';
import type { DocumentInfo } from '../../model/types.js';
import { OFD_A_DOC_TYPE, OFD_DOC_TYPE, OFD_VERSION } from '../../spec/ofd.js';
import { TYPE_FOLDER } from '../../archive/names.js';
import { esc, o, part } from './xml.js';

/** The id of a document: an MD5 digest (32 hex digits, a UUID's size) of its parts in order. */
export function docId(parts: ReadonlyArray<readonly [string, Uint8Array]>): string {
  const h = createHash('md5');
  for (const [name, bytes] of parts) h.update(name).update('\0').update(bytes);
  return h.digest('hex');
}

export interface EntryOptions {
  id: string;
  /** The document's date (build-date.ts), written as xs:date. */
  date: Date;
  docRoot: string;
  archive: boolean;
}

export function ofdXml(info: DocumentInfo, opts: EntryOptions): string {
  const day = opts.date.toISOString().slice(0, 10);
  const text = (name: string, v: string | undefined): string => (v ? o(name, {}, esc(v)) : '');
  const keywords = info.keywords?.length ? o('Keywords', {}, info.keywords.map((k) => o('Keyword', {}, esc(k))).join('')) : '';
  // The archive's own descriptive fields (文种, 发文字号 or 期号, 成文日期) as custom data.
  const custom = opts.archive
    ? o(
        'CustomDatas',
        {},
        [
          ['文种', TYPE_FOLDER[info.type]],
          ['发文字号或期号', info.subject],
          ['成文日期', info.isoDate],
        ]
          .filter(([, v]) => v)
          .map(([k, v]) => o('CustomData', { Name: k }, esc(v!)))
          .join(''),
      )
    : '';
  const docInfo =
    o('DocID', {}, opts.id) +
    text('Title', info.title) +
    text('Author', info.author) +
    text('Subject', info.subject) +
    o('CreationDate', {}, day) +
    o('ModDate', {}, day) +
    keywords +
    o('Creator', {}, 'gongwen') +
    custom;
  return part(
    'OFD',
    { Version: OFD_VERSION, DocType: opts.archive ? OFD_A_DOC_TYPE : OFD_DOC_TYPE },
    o('DocBody', {}, o('DocInfo', {}, docInfo) + o('DocRoot', {}, opts.docRoot)),
  );
}
