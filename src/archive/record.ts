// One item's metadata record as XML, with the element names of DA/T 46-2009《文书类电子文件
// 元数据方案》(GB/T 18894-2016 asks for such a record per archived electronic file), and
// reading a record back for the archive checks. The record describes the archived PDF; the
// item's files in other formats (its OFD) follow under 其他格式, each with its 格式信息, name,
// size and 数字摘要. Pure.

import { xmlEscape } from '../render/pdf/pdfa.js';
import { RETENTION, type RetentionCode } from '../spec/archive.js';
import { pieceText, type CodeParts } from './danghao.js';

export const RECORD_SCHEME = 'DA/T 46-2009';

export interface ItemRecord {
  code: string;
  parts: CodeParts;
  /** 全宗名称. */
  fondsName?: string;
  /** 题名. */
  title: string;
  /** 文件编号: 发文字号, or 期号 of a bulletin. */
  number: string;
  /** 责任者. */
  responsible: string;
  /** 日期, yyyy-mm-dd (written YYYYMMDD). */
  date: string;
  /** 文种. */
  docType: string;
  secrecy?: string;
  to: readonly string[];
  cc: readonly string[];
  pages: number;
  /** 格式信息, e.g. PDF/A-2b. */
  format: string;
  /** 计算机文件名 (the PDF's name, beside the record). */
  fileName: string;
  /** 计算机文件大小, bytes. */
  fileSize: number;
  /** 文档创建程序. */
  creator: string;
  sha256: string;
  /** The item's files in other formats (OFD-A), beside the PDF. */
  others?: readonly RecordFile[];
}

/** A file of the item as the record lists it. */
export interface RecordFile {
  /** 格式信息, e.g. OFD-A. */
  format: string;
  fileName: string;
  fileSize: number;
  sha256: string;
}

/** The element that holds the item's files in other formats, and each file's element. */
const OTHERS = '其他格式';
const OTHER_FILE = '电子文件';

/** `2024-07-16` → `20240716`. */
export const compactDate = (iso: string): string => iso.replace(/-/g, '').slice(0, 8);

export function recordXml(r: ItemRecord): string {
  const e = (name: string, value: string | number, attrs = ''): string => `<${name}${attrs}>${xmlEscape(String(value))}</${name}>`;
  const opt = (name: string, value: string | undefined): string[] => (value ? [e(name, value)] : []);
  const retention = r.parts.retention as RetentionCode;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<文件 元数据方案="${RECORD_SCHEME}">`,
    `  ${e('聚合层次', '件')}`,
    '  <来源>',
    ...opt('全宗名称', r.fondsName).map((l) => `    ${l}`),
    `    ${e('全宗号', r.parts.fonds)}`,
    '  </来源>',
    `  ${e('档号', r.code)}`,
    '  <档号构成>',
    `    ${e('全宗号', r.parts.fonds)}`,
    `    ${e('门类代码', r.parts.category)}`,
    `    ${e('年度', r.parts.year)}`,
    `    ${e('保管期限', retention, ` 名称="${RETENTION[retention].label}"`)}`,
    ...opt('机构或问题', r.parts.org).map((l) => `    ${l}`),
    `    ${e('件号', pieceText(r.parts.piece))}`,
    '  </档号构成>',
    '  <内容描述>',
    `    ${e('题名', r.title)}`,
    `    ${e('文件编号', r.number)}`,
    `    ${e('责任者', r.responsible)}`,
    `    ${e('日期', compactDate(r.date))}`,
    `    ${e('文种', r.docType)}`,
    `    ${e('密级', r.secrecy ?? '')}`,
    `    ${e('主送', r.to.join('，'))}`,
    `    ${e('抄送', r.cc.join('，'))}`,
    '  </内容描述>',
    '  <形式特征>',
    `    ${e('页数', r.pages)}`,
    '  </形式特征>',
    '  <电子属性>',
    `    ${e('格式信息', r.format)}`,
    `    ${e('计算机文件名', r.fileName)}`,
    `    ${e('计算机文件大小', r.fileSize, ' 单位="字节"')}`,
    `    ${e('文档创建程序', r.creator)}`,
    '  </电子属性>',
    `  ${e('数字摘要', r.sha256, ' 算法="SHA-256"')}`,
    ...(r.others?.length
      ? [
          `  <${OTHERS}>`,
          ...r.others.flatMap((f) => [
            `    <${OTHER_FILE}>`,
            `      ${e('格式信息', f.format)}`,
            `      ${e('计算机文件名', f.fileName)}`,
            `      ${e('计算机文件大小', f.fileSize, ' 单位="字节"')}`,
            `      ${e('数字摘要', f.sha256, ' 算法="SHA-256"')}`,
            `    </${OTHER_FILE}>`,
          ]),
          `  </${OTHERS}>`,
        ]
      : []),
    '</文件>',
    '',
  ];
  return lines.join('\n');
}

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The fields the checks compare, as written in a record (text), by element name. */
export const CHECKED_FIELDS = ['档号', '题名', '文件编号', '页数', '计算机文件名', '计算机文件大小', '格式信息', '数字摘要'] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];

function fields<F extends string>(xml: string, names: readonly F[]): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const name of names) {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
    if (m) out[name] = unescape(m[1]!);
  }
  return out;
}

const othersBlock = new RegExp(`<${OTHERS}>[\\s\\S]*?</${OTHERS}>`);

/** Read the checked fields of a record (the PDF's); a field is absent when its element is missing. */
export function readRecord(xml: string): Partial<Record<CheckedField, string>> {
  return fields(xml.replace(othersBlock, ''), CHECKED_FIELDS);
}

export const OTHER_FILE_FIELDS = ['格式信息', '计算机文件名', '计算机文件大小', '数字摘要'] as const;
export type OtherFileField = (typeof OTHER_FILE_FIELDS)[number];

/** The item's files in other formats as the record lists them, each field as written. */
export function readOtherFiles(xml: string): Array<Partial<Record<OtherFileField, string>>> {
  const block = othersBlock.exec(xml)?.[0] ?? '';
  return [...block.matchAll(new RegExp(`<${OTHER_FILE}>([\\s\\S]*?)</${OTHER_FILE}>`, 'g'))].map((m) => fields(m[1]!, OTHER_FILE_FIELDS));
}
