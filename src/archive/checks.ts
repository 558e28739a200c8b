// The DA/T 70 四性 checks of an archive with 档号, beyond the manifest's digests (安全性,
// verify.ts): 真实性 (each record's SHA-256, size, file name and 档号 agree with the file
// and the manifest; its 页数, 题名 and 文件编号 with what the PDF itself says), 完整性 (every
// item has its PDF and record, 件号 run without gaps or repeats, the catalogue lists every
// item), 可用性 (PDF/A identification, every font embedded, no encryption). An item's OFD is
// checked against the record's entry for it (其他格式) the same way: present, its digest and
// size, its pages and title, the OFD-A DocType, its fonts embedded. Reads files; no writes.

import { existsSync, readFileSync } from 'node:fs';
import type { Text } from '../errors.js';
import { sha256 } from './hash.js';
import { entryFile, type Manifest, type ManifestEntry } from './manifest.js';
import { ofdFacts } from './ofdinfo.js';
import { pdfFacts } from './pdfinfo.js';
import { readOtherFiles, readRecord } from './record.js';
import { catalogueStem, catalogues, isArchived, parseCsv, type ArchivedItem } from './catalogue.js';
import { formatCode, pieceProblems, pieceText } from './danghao.js';

export type Aspect = 'authenticity' | 'integrity' | 'usability';

export const ASPECT_NAME: Record<Aspect, Text> = {
  authenticity: { zh: '真实性', en: 'authenticity' },
  integrity: { zh: '完整性', en: 'integrity' },
  usability: { zh: '可用性', en: 'usability' },
};

export interface Failure {
  aspect: Aspect;
  /** The file that fails, relative to the archive, `/`-separated. */
  file: string;
  /** The field (metadata element, catalogue column or PDF property) that fails. */
  field: string;
  /** What is wrong, with the values found. */
  what: Text;
}

export interface CheckReport {
  /** Items checked (archived PDFs with 档号). */
  items: number;
  failures: Failure[];
}

const differ = (a: string, b: string, theFile: string): Text => ({
  zh: `与${theFile} 不符：元数据为「${a}」，实际为「${b}」`,
  en: `does not match ${theFile}: the record says "${a}", found "${b}"`,
});

/** The DocType of an archived OFD [GB/T 42133]. */
const OFD_A = 'OFD-A';

function checkItem(dir: string, item: ArchivedItem, ofds: readonly ManifestEntry[], out: Failure[]): void {
  const fail = (aspect: Aspect, file: string, field: string, what: Text): void => void out.push({ aspect, file, field, what });
  const pdfPath = entryFile(dir, item.path);
  const recPath = entryFile(dir, item.archival.record);
  const pdfName = item.path.split('/').at(-1)!;
  if (!pdfPath || !existsSync(pdfPath)) {
    fail('integrity', item.path, '计算机文件名', { zh: '归档文件缺失', en: 'the archived file is missing' });
    return;
  }
  const bytes = readFileSync(pdfPath);
  const facts = pdfFacts(bytes);

  // 可用性
  if (!facts.wellFormed) fail('usability', item.path, 'PDF', { zh: '不是完整的 PDF 文件', en: 'not a complete PDF file' });
  if (facts.pdfa !== '2B') fail('usability', item.path, 'PDF/A', { zh: `没有 PDF/A-2b 标识（${facts.pdfa ?? '无'}）`, en: `no PDF/A-2b identification (${facts.pdfa ?? 'none'})` });
  if (facts.encrypted) fail('usability', item.path, '加密', { zh: '文件已加密', en: 'the file is encrypted' });
  if (facts.fontsNotEmbedded.length) {
    const names = facts.fontsNotEmbedded.join(', ');
    fail('usability', item.path, '字体', { zh: `字体未嵌入：${names}`, en: `fonts not embedded: ${names}` });
  }

  // 真实性: the record against the file and the manifest.
  if (!recPath || !existsSync(recPath)) {
    fail('integrity', item.archival.record, '元数据', { zh: `元数据缺失（${pdfName} 的记录）`, en: `the metadata record of ${pdfName} is missing` });
    return;
  }
  const recText = readFileSync(recPath, 'utf8');
  const rec = readRecord(recText);
  const r = item.archival.record;
  // A field the file itself fails (its digest, its size) names the file; one the record states names the record.
  const compare = (field: keyof typeof rec, actual: string, theFile: string, failing = r): void => {
    const v = rec[field];
    if (v === undefined) fail('authenticity', r, field, { zh: '元数据中缺少此项', en: 'missing from the record' });
    else if (v !== actual) fail('authenticity', failing, field, differ(v, actual, theFile));
  };
  const fileZh = `文件 ${pdfName}`;
  const recZh = `元数据 ${r.split('/').at(-1)!}`;
  compare('数字摘要', sha256(bytes), recZh, item.path);
  compare('计算机文件大小', String(bytes.length), recZh, item.path);
  compare('计算机文件名', pdfName, fileZh);
  compare('页数', String(facts.pages), fileZh);
  compare('题名', facts.title ?? '', fileZh);
  compare('文件编号', facts.subject ?? '', fileZh);
  compare('档号', item.archival.code, '清单 manifest.json');
  const parts = item.archival;
  const code = formatCode(parts);
  if (code !== parts.code) fail('authenticity', 'manifest.json', '档号', differ(parts.code, code, `档号各部分（件号 ${pieceText(parts.piece)}）`));

  // The item's OFD files: each one the manifest lists is in the record, and matches it.
  const folder = item.path.slice(0, item.path.lastIndexOf('/') + 1);
  const others = readOtherFiles(recText);
  for (const e of ofds) {
    const name = e.path.split('/').at(-1)!;
    if (!others.some((o) => o.计算机文件名 === name)) fail('integrity', r, '其他格式', { zh: `元数据未列出 ${name}`, en: `the record does not list ${name}` });
  }
  for (const o of others) {
    const name = o.计算机文件名 ?? '';
    const path = `${folder}${name}`;
    const abs = entryFile(dir, path);
    if (!name || !abs || !existsSync(abs)) {
      fail('integrity', path, '计算机文件名', { zh: '元数据所列文件缺失', en: 'a file the record lists is missing' });
      continue;
    }
    const ofd = readFileSync(abs);
    const facts = ofdFacts(ofd);
    const check = (field: string, v: string | undefined, actual: string, theFile: string, failing: string): void => {
      if (v === undefined) fail('authenticity', r, field, { zh: `元数据中缺少 ${name} 的此项`, en: `missing from the record for ${name}` });
      else if (v !== actual) fail('authenticity', failing, field, differ(v, actual, theFile));
    };
    check('数字摘要', o.数字摘要, sha256(ofd), recZh, path);
    check('计算机文件大小', o.计算机文件大小, String(ofd.length), recZh, path);
    check('格式信息', o.格式信息, facts.docType ?? '', `文件 ${name}`, r);
    // The PDF's 页数 and 题名 (a missing one is reported above) hold for the OFD of the same pages.
    if (rec.页数 !== undefined) check('页数', rec.页数, String(facts.pages), `文件 ${name}`, r);
    if (rec.题名 !== undefined) check('题名', rec.题名, facts.title ?? '', `文件 ${name}`, r);
    if (!facts.wellFormed) fail('usability', path, 'OFD', { zh: '不是完整的 OFD 文件', en: 'not a complete OFD file' });
    if (facts.docType !== OFD_A) fail('usability', path, 'OFD-A', { zh: `没有 OFD-A 标识（${facts.docType ?? '无'}）`, en: `no OFD-A identification (${facts.docType ?? 'none'})` });
    if (facts.fontsNotEmbedded.length) {
      const names = facts.fontsNotEmbedded.join(', ');
      fail('usability', path, '字体', { zh: `字体未嵌入：${names}`, en: `fonts not embedded: ${names}` });
    }
  }
}

/** Run the checks over the archived items the manifest lists; none when it lists no 档号. */
export function checkArchive(dir: string, m: Manifest): CheckReport {
  const items = m.entries.filter(isArchived);
  const failures: Failure[] = [];
  for (const it of items) checkItem(dir, it, m.entries.filter((e) => e.format === 'ofd' && e.archival?.record === it.archival.record), failures);

  // 完整性: 件号 of each catalogue's sequence, and the catalogue's rows.
  for (const c of catalogues(items)) {
    const stem = catalogueStem(c);
    const { gaps, duplicates } = pieceProblems(c.rows.map((row) => Number(row.档号.split('-').at(-1))));
    if (gaps.length) fail(`${stem}.csv`, '件号', { zh: `件号不连续，缺少 ${gaps.map(pieceText).join('、')}`, en: `gaps in the piece numbers: ${gaps.map(pieceText).join(', ')} missing` });
    if (duplicates.length) fail(`${stem}.csv`, '件号', { zh: `件号重复：${duplicates.map(pieceText).join('、')}`, en: `piece numbers used twice: ${duplicates.map(pieceText).join(', ')}` });
    const csvFile = entryFile(dir, `${stem}.csv`);
    if (!csvFile || !existsSync(csvFile)) {
      fail(`${stem}.csv`, '归档文件目录', { zh: '归档文件目录缺失', en: 'the catalogue is missing' });
      continue;
    }
    const [header, ...rows] = parseCsv(readFileSync(csvFile, 'utf8')).filter((row) => row.some((cell) => cell !== ''));
    const col = (header ?? []).indexOf('档号');
    const listed = new Set(rows.map((row) => row[col] ?? ''));
    for (const row of c.rows) {
      if (!listed.has(row.档号)) fail(`${stem}.csv`, '档号', { zh: `目录中没有 ${row.档号}`, en: `${row.档号} is not in the catalogue` });
    }
  }
  return { items: items.length, failures };

  function fail(file: string, field: string, what: Text): void {
    failures.push({ aspect: 'integrity', file, field, what });
  }
}
