// The 归档文件目录 as an Excel workbook (exceljs, loaded only when an archive is written): a
// sheet 封面 with the cover fields and a sheet 归档文件目录 with exactly the DA/T 22 columns.

import { unzipSync, zipSync, type Zippable } from 'fflate';
import { CATALOGUE_COLUMNS, CATALOGUE_COLUMN_W_MM, CATALOGUE_COVER_FIELDS } from '../spec/archive.js';
import { coverValues, type Catalogue } from './catalogue.js';

export const SHEET_COVER = '封面';
export const SHEET_TABLE = '归档文件目录';

/** Excel column width unit: about one digit of the default font, ≈ 2 mm [C]. */
const MM_PER_EXCEL_WIDTH = 2;

export async function catalogueXlsx(c: Catalogue, creator: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  // The workbook's own dates: the catalogue's latest document date, never the clock.
  const when = new Date(`${c.lastDate}T00:00:00Z`);
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = when;
  wb.modified = when;

  const cover = wb.addWorksheet(SHEET_COVER);
  cover.columns = [{ width: 16 }, { width: 40 }];
  cover.addRow(['归档文件目录']);
  CATALOGUE_COVER_FIELDS.forEach((label, i) => cover.addRow([label, coverValues(c)[i]]));

  const sheet = wb.addWorksheet(SHEET_TABLE, { pageSetup: { paperSize: 9, orientation: 'landscape' } });
  sheet.columns = CATALOGUE_COLUMNS.map((col) => ({ header: col, key: col, width: CATALOGUE_COLUMN_W_MM[col] / MM_PER_EXCEL_WIDTH + 2 }));
  sheet.getRow(1).font = { bold: true };
  // Every cell is text as written (档号 and 日期 must not turn into numbers or dates).
  for (const r of c.rows) sheet.addRow(CATALOGUE_COLUMNS.map((col) => r[col]));
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      cell.numFmt = '@';
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
  });
  const out = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return reproducibleZip(out, when);
}

/**
 * The same package with every entry dated `when`: exceljs's zip writer stamps each part with
 * the clock, so equal catalogues would differ in bytes (and in the manifest's SHA-256).
 */
function reproducibleZip(zip: Uint8Array, when: Date): Buffer {
  const parts = unzipSync(zip);
  const dated: Zippable = {};
  for (const [name, bytes] of Object.entries(parts)) dated[name] = [bytes, { mtime: when }];
  return Buffer.from(zipSync(dated, { level: 6 }));
}
