// One item's metadata record as XML, with the element names of DA/T 46-2009《文书类电子文件
// 元数据方案》(GB/T 18894-2016 asks for such a record per archived electronic file), and
// reading a record back for the archive checks. Pure.

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
}

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

/** Read the checked fields of a record; a field is absent when its element is missing. */
export function readRecord(xml: string): Partial<Record<CheckedField, string>> {
  const out: Partial<Record<CheckedField, string>> = {};
  for (const name of CHECKED_FIELDS) {
    const m = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
    if (m) out[name] = unescape(m[1]!);
  }
  return out;
}
