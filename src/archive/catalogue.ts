// The 归档文件目录 (DA/T 22-2015 8.2) of one year and 保管期限 (and 机构(问题)): its rows from
// the archived items, its file names, and the CSV text (UTF-8 with BOM so that Excel reads
// it, CRLF, RFC 4180 quoting). Pure.

import { CATALOGUE_COLUMNS, RETENTION, type RetentionCode } from '../spec/archive.js';
import type { ArchivalRef, ManifestEntry } from './manifest.js';
import { compactDate } from './record.js';
import { groupKey } from './danghao.js';

export type Column = (typeof CATALOGUE_COLUMNS)[number];
export type CatalogueRow = Record<Column, string>;

/** One catalogue: its cover and its rows in 件号 order. */
export interface Catalogue {
  key: string;
  fonds: string;
  fondsName?: string;
  category: string;
  year: string;
  retention: RetentionCode;
  org?: string;
  rows: CatalogueRow[];
  /** Latest 成文日期 of its items, yyyy-mm-dd (the files' own date: never the clock). */
  lastDate: string;
}

/** A document of the archive with its 档号 (the PDF entry of the manifest). */
export type ArchivedItem = ManifestEntry & { archival: ArchivalRef };

export const isArchived = (e: ManifestEntry): e is ArchivedItem => e.archival !== undefined && e.format === 'pdf';

export function catalogueRow(item: ArchivedItem, index: number): CatalogueRow {
  return {
    序号: String(index + 1),
    档号: item.archival.code,
    文号: item.number ?? item.issue ?? '',
    责任者: item.archival.responsible,
    题名: item.title,
    日期: compactDate(item.date),
    密级: item.archival.secrecy ?? '',
    页数: String(item.archival.pages),
    备注: '',
  };
}

/** Every catalogue of the archive, from its archived items. */
export function catalogues(items: readonly ArchivedItem[], fondsName?: string): Catalogue[] {
  const groups = new Map<string, ArchivedItem[]>();
  for (const it of items) {
    const a = it.archival;
    const k = groupKey(a);
    const list = groups.get(k);
    if (list) list.push(it);
    else groups.set(k, [it]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, list]) => {
      list.sort((a, b) => a.archival.piece - b.archival.piece);
      const a = list[0]!.archival;
      return {
        key,
        fonds: a.fonds,
        ...(fondsName ? { fondsName } : {}),
        category: a.category,
        year: a.year,
        retention: a.retention as RetentionCode,
        ...(a.org ? { org: a.org } : {}),
        rows: list.map(catalogueRow),
        lastDate: list.map((i) => i.date).sort().at(-1)!,
      };
    });
}

/** `2024/归档文件目录-D30` (`-BGS` with a 机构(问题)代码): the stem of the CSV, XLSX and PDF. */
export function catalogueStem(c: Pick<Catalogue, 'year' | 'retention' | 'org'>): string {
  return `${c.year}/归档文件目录-${c.retention}${c.org ? `-${c.org}` : ''}`;
}

/** Cover values, in the order of CATALOGUE_COVER_FIELDS. */
export function coverValues(c: Catalogue): string[] {
  return [c.fonds, c.fondsName ?? '', c.year, RETENTION[c.retention].label, c.org ?? ''];
}

const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const UTF8_BOM = '\uFEFF';

export function catalogueCsv(c: Catalogue): string {
  const lines = [CATALOGUE_COLUMNS.join(','), ...c.rows.map((r) => CATALOGUE_COLUMNS.map((col) => csvField(r[col])).join(','))];
  return UTF8_BOM + lines.join('\r\n') + '\r\n';
}

/** Rows of a catalogue CSV read back (for the checks): header and cells. */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
