// Archive layout: `<archive>/<year>/<type>/<name>.<ext>`, e.g.
// `2024/提案答复/江教提〔2024〕31号.pdf` and `2024/简报/江川市教育局“平安校园”建设简报第12期.pdf`.
// Names keep the document's own wording and are safe on Windows, macOS and Linux.

import type { Meta } from '../source/index.js';
import type { DocType } from '../model/types.js';
import { DOC_TYPES } from '../source/doctypes.js';

/** Folder of each type inside a year: its Chinese name (提案答复, 简报, 通知 …). */
export const TYPE_FOLDER = Object.fromEntries(DOC_TYPES.map((t) => [t.type, t.name.zh])) as Record<DocType, string>;

/** Characters Windows does not allow in a file name → their full-width forms. */
const WINDOWS_FORBIDDEN: Record<string, string> = {
  '<': '＜',
  '>': '＞',
  ':': '：',
  '"': '＂',
  '/': '／',
  '\\': '＼',
  '|': '｜',
  '?': '？',
  '*': '＊',
};

/** Device names Windows reserves, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Longest name stem, in characters (NTFS allows 255 UTF-16 units; leave room for the extension). */
export const MAX_STEM = 120;

/**
 * A file name stem that is valid on Windows, macOS and Linux: forbidden characters become
 * their full-width forms, control characters are dropped, white space is collapsed, trailing
 * dots and spaces are removed, reserved device names get a leading `_`, and long names are cut.
 */
export function safeStem(text: string): string {
  let s = text.normalize('NFC');
  s = s.replace(/[<>:"/\\|?*]/g, (c) => WINDOWS_FORBIDDEN[c] ?? '_');
  s = s.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, '');
  s = s.replace(/\s+/g, ' ').trim();
  s = [...s].slice(0, MAX_STEM).join('');
  s = s.replace(/[. ]+$/, '').replace(/^[. ]+/, '');
  if (s === '') s = '未命名';
  if (RESERVED.test(s)) s = `_${s}`;
  return s;
}

/** The document's archive name (no extension): the 发文字号, 令号 or 期号 with what it numbers. */
export function archiveStem(meta: Meta): string {
  if (meta.type === 'bulletin') return safeStem(`${meta.name}${meta.heading}第${meta.issue}期`);
  if (meta.type === 'order') return safeStem(`${meta.mark ?? `${meta.issuer}令`}第${meta.orderNumber}号`);
  if (meta.type === 'minutes') return safeStem(`${meta.name}纪要${meta.issue ? `第${meta.issue}期` : meta.date.iso}`);
  return safeStem(meta.number);
}

/** Path of a document's file inside the archive, with `/` separators. */
export function archiveRelPath(meta: Meta, ext: string): string {
  const year = /^\d{4}/.exec(meta.date.iso)?.[0] ?? '0000';
  return `${year}/${TYPE_FOLDER[meta.type]}/${archiveStem(meta)}.${ext}`;
}
