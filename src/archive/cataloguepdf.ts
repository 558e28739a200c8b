// The printable 归档文件目录: A4 landscape, a cover (全宗号, 全宗名称, 年度, 保管期限,
// 机构(问题)) then the table with its header repeated on every page, drawn with pdfkit's
// public text API in the project's fonts, as PDF/A-2b. Bytes depend only on the catalogue.

import PDFDocument from 'pdfkit';
import type { FontSet } from '../fonts/types.js';
import type { FontRole } from '../model/types.js';
import { pdfkitFace } from '../fonts/pdfface.js';
import { registerFace } from '../adapters/pdfkit.js';
import { pdfaOptions } from '../render/pdf/index.js';
import { preparePdfa } from '../render/pdf/pdfa.js';
import { buildDate } from '../render/build-date.js';
import { mmToPt } from '../spec/units.js';
import {
  CATALOGUE_CELL_PAD_MM,
  CATALOGUE_COLUMNS,
  CATALOGUE_COLUMN_W_MM,
  CATALOGUE_COVER_FIELD_PITCH_MM,
  CATALOGUE_COVER_FIELD_SIZE_PT,
  CATALOGUE_COVER_FIELDS,
  CATALOGUE_COVER_FIELDS_TOP_MM,
  CATALOGUE_COVER_LABEL_W_MM,
  CATALOGUE_COVER_RULE_BELOW_EM,
  CATALOGUE_COVER_TITLE_SIZE_PT,
  CATALOGUE_COVER_TITLE_TOP_MM,
  CATALOGUE_COVER_VALUE_W_MM,
  CATALOGUE_HEADING_GAP_MM,
  CATALOGUE_HEADING_SIZE_PT,
  CATALOGUE_MARGIN_BOTTOM_MM,
  CATALOGUE_MARGIN_LEFT_MM,
  CATALOGUE_MARGIN_TOP_MM,
  CATALOGUE_MIN_ROW_H_MM,
  CATALOGUE_PAGE_H_MM,
  CATALOGUE_PAGE_W_MM,
  CATALOGUE_RULE_PT,
  CATALOGUE_TEXT_SIZE_PT,
  RETENTION,
} from '../spec/archive.js';
import { coverValues, type Catalogue, type Column } from './catalogue.js';

const TITLE = '归档文件目录';
/** Faces: the title in 小标宋, labels and header in 黑体, the table in 宋体. */
const FACE: Record<'title' | 'label' | 'text', FontRole> = { title: 'song', label: 'hei', text: 'songti' };
/** Columns whose cells are centred (short codes and numbers); the others are set flush left. */
const CENTRED: ReadonlySet<Column> = new Set(['序号', '日期', '密级', '页数']);

export async function cataloguePdf(c: Catalogue, fonts: FontSet, creator: string): Promise<Buffer> {
  const W = mmToPt(CATALOGUE_PAGE_W_MM);
  const H = mmToPt(CATALOGUE_PAGE_H_MM);
  const date = buildDate(c.lastDate);
  const heading = `${TITLE}（${c.year}年 ${RETENTION[c.retention].label}${c.org ? ` ${c.org}` : ''}）`;
  const doc = new PDFDocument({
    size: [W, H],
    margin: 0,
    autoFirstPage: false,
    font: '',
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: heading, Author: c.fondsName ?? c.fonds, Subject: TITLE, Creator: creator, Producer: 'gongwen (pdfkit)', CreationDate: date, ModDate: date },
    ...pdfaOptions(),
  } as PDFKit.PDFDocumentOptions);
  preparePdfa(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const role of new Set(Object.values(FACE))) {
    const f = fonts.roles[role].font;
    if (f.face) registerFace(doc, role, pdfkitFace(f.face));
    else if (f.collectionFace) doc.registerFont(role, f.bytes, f.collectionFace);
    else doc.registerFont(role, f.bytes);
  }
  const left = mmToPt(CATALOGUE_MARGIN_LEFT_MM);
  const widths = CATALOGUE_COLUMNS.map((col) => mmToPt(CATALOGUE_COLUMN_W_MM[col]));
  const tableW = widths.reduce((a, b) => a + b, 0);
  const pad = mmToPt(CATALOGUE_CELL_PAD_MM);

  // Cover.
  doc.addPage({ size: [W, H], margin: 0 });
  doc.font(FACE.title).fontSize(CATALOGUE_COVER_TITLE_SIZE_PT).fillColor('black');
  doc.text(TITLE, 0, mmToPt(CATALOGUE_COVER_TITLE_TOP_MM), { width: W, align: 'center', lineBreak: false });
  const labelW = mmToPt(CATALOGUE_COVER_LABEL_W_MM);
  const valueW = mmToPt(CATALOGUE_COVER_VALUE_W_MM);
  const x0 = (W - labelW - valueW) / 2;
  CATALOGUE_COVER_FIELDS.forEach((label, i) => {
    const y = mmToPt(CATALOGUE_COVER_FIELDS_TOP_MM + i * CATALOGUE_COVER_FIELD_PITCH_MM);
    doc.font(FACE.label).fontSize(CATALOGUE_COVER_FIELD_SIZE_PT).text(label, x0, y, { width: labelW, lineBreak: false });
    doc.font(FACE.text).text(coverValues(c)[i] ?? '', x0 + labelW, y, { width: valueW, lineBreak: false });
    const rule = y + CATALOGUE_COVER_FIELD_SIZE_PT * CATALOGUE_COVER_RULE_BELOW_EM;
    doc.moveTo(x0 + labelW, rule).lineTo(x0 + labelW + valueW, rule).lineWidth(CATALOGUE_RULE_PT).strokeColor('black').stroke();
  });

  // Table pages.
  const bottom = H - mmToPt(CATALOGUE_MARGIN_BOTTOM_MM);
  const minRow = mmToPt(CATALOGUE_MIN_ROW_H_MM);
  const cellHeight = (texts: readonly string[], face: FontRole): number => {
    doc.font(face).fontSize(CATALOGUE_TEXT_SIZE_PT);
    return Math.max(minRow, ...texts.map((t, i) => doc.heightOfString(t, { width: widths[i]! - 2 * pad }) + 2 * pad));
  };
  const drawRow = (texts: readonly string[], y: number, h: number, face: FontRole, centreAll: boolean): void => {
    let x = left;
    doc.font(face).fontSize(CATALOGUE_TEXT_SIZE_PT).fillColor('black');
    texts.forEach((t, i) => {
      const w = widths[i]!;
      const th = doc.heightOfString(t, { width: w - 2 * pad });
      const centre = centreAll || CENTRED.has(CATALOGUE_COLUMNS[i]!);
      doc.text(t, x + pad, y + (h - th) / 2, { width: w - 2 * pad, align: centre ? 'center' : 'left' });
      x += w;
    });
    doc.lineWidth(CATALOGUE_RULE_PT).strokeColor('black');
    doc.rect(left, y, tableW, h).stroke();
    x = left;
    for (const w of widths.slice(0, -1)) {
      x += w;
      doc.moveTo(x, y).lineTo(x, y + h).stroke();
    }
  };
  const header = [...CATALOGUE_COLUMNS];
  const headerH = cellHeight(header, FACE.label);
  let y = 0;
  const newPage = (): void => {
    doc.addPage({ size: [W, H], margin: 0 });
    const top = mmToPt(CATALOGUE_MARGIN_TOP_MM);
    doc.font(FACE.title).fontSize(CATALOGUE_HEADING_SIZE_PT).fillColor('black');
    doc.text(heading, left, top, { width: tableW, align: 'center', lineBreak: false });
    y = top + CATALOGUE_HEADING_SIZE_PT + mmToPt(CATALOGUE_HEADING_GAP_MM);
    drawRow(header, y, headerH, FACE.label, true);
    y += headerH;
  };
  newPage();
  for (const row of c.rows) {
    const texts = CATALOGUE_COLUMNS.map((col) => row[col]);
    const h = cellHeight(texts, FACE.text);
    if (y + h > bottom) newPage();
    drawRow(texts, y, h, FACE.text, false);
    y += h;
  }
  doc.end();
  return done;
}
