// The text of `说明.txt` at the top of an archive: what the folder holds and how to check it,
// for the archivist who opens it without the tool. Pure.

import { CATALOGUE_COLUMNS, CATEGORIES, RETENTION, RETENTION_CODES, type CategoryCode } from '../spec/archive.js';
import { RECORD_SCHEME } from './record.js';

export const README_FILE = '说明.txt';

export interface ReadmeFacts {
  fonds: string;
  fondsName?: string;
  category: string;
  org?: string;
  tool: string;
}

export function readmeText(f: ReadmeFacts): string {
  const name = f.fondsName ? `${f.fondsName}（全宗号 ${f.fonds}）` : `全宗号 ${f.fonds}`;
  const cat = CATEGORIES[f.category as CategoryCode] ?? '';
  const lines = [
    `归档文件说明 —— ${name}`,
    '',
    '本文件夹由 gongwen 按 DA/T 22-2015《归档文件整理规则》整理，以“件”为单位。',
    '',
    '一、存放方式',
    '  <年度>/<文种>/<文号或简报期号>.pdf    归档文件（PDF/A-2b，长期保存格式）',
    '  <年度>/<文种>/<文号或简报期号>.ofd    版式文件（OFD-A，GB/T 33190；以 -f pdf,ofd 生成时）',
    '  <年度>/<文种>/<文号或简报期号>.docx   可编辑副本（如有）',
    `  <年度>/<文种>/<文号或简报期号>.xml    每件一份元数据（元素名称按 ${RECORD_SCHEME}，含 SHA-256 数字摘要；OFD 列在“其他格式”下）`,
    '  <年度>/归档文件目录-<保管期限>.csv / .xlsx / .pdf   该年度、该保管期限的归档文件目录',
    '  manifest.json                          全部文件的清单与 SHA-256',
    '',
    '二、档号',
    `  全宗号-门类代码·年度-保管期限${f.org ? '-机构（问题）代码' : ''}-件号，例如 ${f.fonds}-${f.category}·2024-D30${f.org ? `-${f.org}` : ''}-0001。`,
    `  门类代码 ${f.category}${cat ? `（${cat}）` : ''}；保管期限 ${RETENTION_CODES.map((c) => `${c}（${RETENTION[c].label}）`).join('、')}。`,
    '  件号为4位数字，在同一年度、同一保管期限' + (f.org ? '、同一机构（问题）' : '') + '内按成文日期、再按文号排列，连续无空号。',
    '  已归档的文件保留其档号；再次归档时新文件接续编号。',
    '',
    '三、归档文件目录',
    `  栏目：${CATALOGUE_COLUMNS.join('、')}。日期为8位数字（YYYYMMDD）。`,
    '  CSV 文件为 UTF-8（带 BOM），可直接用 Excel 打开；PDF 为 A4 横向，含封面，可直接打印。',
    '',
    '四、检验（DA/T 70 四性检测）',
    '  在本文件夹的上一级运行：gongwen verify <本文件夹>',
    '  真实性：文件的 SHA-256、大小与元数据一致，元数据中的页数、题名、文件编号与文件本身一致；',
    '  完整性：每件都有文件和元数据，件号连续无空号，目录列出每一件；',
    '  可用性：PDF/A 标识（OFD 为 OFD-A 标识）、字体全部嵌入、未加密；',
    '  安全性：清单中每个文件自归档以来未被改动。',
    '  任何一项不符都会列出文件名和不符的项目，退出码为 1。',
    '',
    `生成工具：${f.tool}`,
    '',
  ];
  return lines.join('\r\n');
}
