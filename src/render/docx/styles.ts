// word/styles.xml: one named style per official role, so staff can restyle a whole role in
// Word or WPS. Ids are English; names are Chinese (Normal and Title keep Word's built-in
// names, which Chinese Word shows as 正文 and 标题). Every paragraph style derives from
// Normal, which carries the grid settings: exact 579-twip lines, −5 twip character spacing
// at 16 pt, 避头尾 on, no widow control, no extra space around Latin text and digits.

import {
  BODY_INDENT_CHARS,
  BODY_SIZE_PT,
  COLOPHON_SIZE_PT,
  MARK_SIZE_PT,
  PAGE_NO_SIZE_PT,
  RED_RGB_HEX,
  TITLE_SIZE_PT,
  bulletinSpec,
} from '../../spec/index.js';
import {
  DOCX_BODY_CHAR_SPACING_TWIP,
  DOCX_BODY_CHAR_TWIP,
  DOCX_LINE_PITCH_TWIP,
  DOCX_OVERFLOW_PUNCT,
  DOCX_PAGE_NO_LINE_TWIP,
} from '../../spec/docx.js';
import type { FontNames } from './fonts.js';
import { el, pPrXml, rPrXml, type PPr, type RPr } from './xml.js';

/** Style ids used by the writers. */
export const S = {
  normal: 'Normal',
  title: 'Title',
  heading1: 'GwHeading1',
  heading2: 'GwHeading2',
  heading3: 'GwHeading3',
  heading4: 'GwHeading4',
  addressee: 'GwAddressee',
  signature: 'GwSignature',
  date: 'GwDate',
  note: 'GwNote',
  contact: 'GwContact',
  attachmentNote: 'GwAttachmentNote',
  copyNumber: 'GwCopyNumber',
  secrecy: 'GwSecrecy',
  urgency: 'GwUrgency',
  issuerMark: 'GwIssuerMark',
  docNumber: 'GwDocNumber',
  category: 'GwCategory',
  colophon: 'GwColophon',
  mastheadMarking: 'GwMastheadMarking',
  mastheadName: 'GwMastheadName',
  mastheadHeading: 'GwMastheadHeading',
  mastheadIssue: 'GwMastheadIssue',
  mastheadEditor: 'GwMastheadEditor',
  toc: 'GwToc',
  editorNote: 'GwEditorNote',
  quote: 'GwQuote',
  code: 'GwCode',
  credit: 'GwCredit',
  caption: 'GwCaption',
  listItem: 'GwListItem',
  tableText: 'GwTableText',
  image: 'GwImage',
  pageNumber: 'GwPageNumber',
  signerName: 'GwSignerName',
  label: 'GwLabel',
  table: 'GwTable',
} as const;

/** Body first-line indent, twip: 2 字 on the grid [S 7.3.3]. */
export const INDENT_2_TWIP = BODY_INDENT_CHARS * DOCX_BODY_CHAR_TWIP;

interface StyleDef {
  id: string;
  name: string;
  type: 'paragraph' | 'character' | 'table';
  basedOn?: string;
  next?: string;
  pPr?: PPr;
  rPr?: RPr;
  extra?: string;
}

/** Text set larger than the body leaves the grid (it would take several grid lines) [spec §2.1]. */
const offGridAt = (line: number): PPr => ({
  snapToGrid: false,
  spacing: { line, lineRule: 'exact' },
  ind: { firstLine: 0 },
});

/** Style definitions for font names `f` and grid pitch `pitch` (twip). */
export const styleDefs = (f: FontNames, pitch: number = DOCX_LINE_PITCH_TWIP): StyleDef[] => {
  const offGrid = (line = pitch): PPr => offGridAt(line);
  const noIndent: PPr = { ind: { firstLine: 0 } };
  const unspaced: RPr = { spacing: 0 };
  const p = (
    id: string,
    name: string,
    pPr: PPr = {},
    rPr: RPr = {},
    basedOn: string = S.normal,
    extra?: string,
  ): StyleDef => ({ id, name, type: 'paragraph', basedOn, next: S.normal, pPr, rPr, extra });
  return [
    {
      id: S.normal,
      name: 'Normal',
      type: 'paragraph',
      pPr: {
        widowControl: false,
        kinsoku: true,
        wordWrap: true,
        overflowPunct: DOCX_OVERFLOW_PUNCT,
        autoSpaceDE: false,
        autoSpaceDN: false,
        spacing: { before: 0, after: 0, line: pitch, lineRule: 'exact' },
        ind: { firstLine: INDENT_2_TWIP },
        jc: 'both',
      },
      rPr: { font: f.fangsong, size: BODY_SIZE_PT, spacing: DOCX_BODY_CHAR_SPACING_TWIP },
      extra: el('w:qFormat'),
    },
    p(S.title, 'Title', { keepNext: true, jc: 'center', ...offGrid() }, { font: f.song, size: TITLE_SIZE_PT, ...unspaced }),
    p(S.heading1, '一级标题', { keepNext: true, outlineLvl: 0 }, { font: f.hei }),
    p(S.heading2, '二级标题', { keepNext: true, outlineLvl: 1 }, { font: f.kai }),
    p(S.heading3, '三级标题', { keepNext: true, outlineLvl: 2 }),
    p(S.heading4, '四级标题', { keepNext: true, outlineLvl: 3 }),
    p(S.addressee, '主送机关', { keepNext: true, ...noIndent }),
    p(S.signature, '署名', { keepNext: true, jc: 'right', ...noIndent }),
    p(S.date, '成文日期', { jc: 'right', ...noIndent }),
    p(S.note, '附注'),
    p(S.contact, '联系方式', {}, {}, S.note),
    p(S.attachmentNote, '附件说明'),
    p(S.copyNumber, '份号', { jc: 'left', ...noIndent }),
    p(S.secrecy, '密级和保密期限', { jc: 'left', ...noIndent }, { font: f.hei }),
    p(S.urgency, '紧急程度', { jc: 'left', ...noIndent }, { font: f.hei }),
    p(
      S.issuerMark,
      '发文机关标志',
      { keepNext: true, jc: 'center', ...offGrid() },
      { font: f.song, color: RED_RGB_HEX, size: MARK_SIZE_PT, ...unspaced },
    ),
    p(S.docNumber, '发文字号', { keepNext: true, jc: 'center', ...offGrid() }),
    p(S.category, '办理结果', { jc: 'right', ...noIndent }, { font: f.hei }),
    p(
      S.colophon,
      '版记',
      { jc: 'both', ...offGrid(), kinsoku: true },
      { size: COLOPHON_SIZE_PT, ...unspaced },
    ),
    p(S.mastheadMarking, '报头标注', { jc: 'left', ...noIndent }, { font: f.hei }),
    p(
      S.mastheadName,
      '报头名称',
      { keepNext: true, jc: 'center', ...offGrid() },
      { font: f.song, color: RED_RGB_HEX, size: bulletinSpec.SERIES_NAME_SIZE_PT, ...unspaced },
    ),
    p(
      S.mastheadHeading,
      '报头刊名',
      { keepNext: true, jc: 'center', ...offGrid() },
      { font: f.song, color: RED_RGB_HEX, size: bulletinSpec.HEADING_SIZE_PT, ...unspaced },
    ),
    p(S.mastheadIssue, '期号', { keepNext: true, jc: 'center', ...noIndent }),
    p(S.mastheadEditor, '编发单位及日期', { keepNext: true, jc: 'left', ...offGrid() }),
    p(S.toc, '本期要目', {}, { font: f.kai }),
    p(S.editorNote, '编者按', {}, { font: f.kai }),
    p(S.quote, '引文', {}, { font: f.kai }),
    p(S.code, '代码', { jc: 'left', ...noIndent }),
    p(S.credit, '供稿', { jc: 'right', ...noIndent }, { font: f.kai }),
    p(S.caption, '题注', { jc: 'center', ...noIndent }, { font: f.hei }),
    p(S.listItem, '列表'),
    p(S.tableText, '表格文字', { jc: 'left', ...offGrid() }),
    p(S.image, '图片', { jc: 'center', ...offGrid() }),
    p(
      S.pageNumber,
      '页码',
      { ...offGrid(DOCX_PAGE_NO_LINE_TWIP) },
      { font: f.songti, size: PAGE_NO_SIZE_PT, ...unspaced },
    ),
    { id: S.signerName, name: '签发人姓名', type: 'character', rPr: { font: f.kai } },
    { id: S.label, name: '黑体标签', type: 'character', rPr: { font: f.hei } },
  ];
};

const styleXml = (s: StyleDef): string => {
  const inner =
    el('w:name', { 'w:val': s.name }) +
    (s.basedOn ? el('w:basedOn', { 'w:val': s.basedOn }) : '') +
    (s.next && s.type === 'paragraph' ? el('w:next', { 'w:val': s.next }) : '') +
    (s.extra ?? '') +
    (s.pPr ? pPrXml(s.pPr) : '') +
    (s.rPr ? rPrXml(s.rPr) : '');
  const attrs: Record<string, string> = { 'w:type': s.type, 'w:styleId': s.id };
  if (s.id === S.normal) attrs['w:default'] = '1';
  if (s.type === 'character') attrs['w:customStyle'] = '1';
  else if (s.id.startsWith('Gw')) attrs['w:customStyle'] = '1';
  return el('w:style', attrs, inner);
};

/** Fixed styles Word expects: the default character and table styles, and the table grid. */
const BASE_STYLES =
  el('w:style', { 'w:type': 'character', 'w:default': '1', 'w:styleId': 'DefaultParagraphFont' }, el('w:name', { 'w:val': 'Default Paragraph Font' }) + el('w:uiPriority', { 'w:val': '1' }) + el('w:semiHidden') + el('w:unhideWhenUsed')) +
  el(
    'w:style',
    { 'w:type': 'table', 'w:default': '1', 'w:styleId': 'TableNormal' },
    el('w:name', { 'w:val': 'Normal Table' }) +
      el('w:semiHidden') +
      el('w:unhideWhenUsed') +
      el(
        'w:tblPr',
        {},
        el('w:tblInd', { 'w:w': 0, 'w:type': 'dxa' }) +
          el(
            'w:tblCellMar',
            {},
            el('w:top', { 'w:w': 0, 'w:type': 'dxa' }) +
              el('w:left', { 'w:w': 108, 'w:type': 'dxa' }) +
              el('w:bottom', { 'w:w': 0, 'w:type': 'dxa' }) +
              el('w:right', { 'w:w': 108, 'w:type': 'dxa' }),
          ),
      ),
  );

const tableStyle = (): string => {
  const b = (side: string): string => el(`w:${side}`, { 'w:val': 'single', 'w:sz': 4, 'w:space': 0, 'w:color': '000000' });
  return el(
    'w:style',
    { 'w:type': 'table', 'w:customStyle': '1', 'w:styleId': S.table },
    el('w:name', { 'w:val': '公文表格' }) +
      el('w:basedOn', { 'w:val': 'TableNormal' }) +
      el('w:tblPr', {}, el('w:tblBorders', {}, ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(b).join(''))),
  );
};

/** word/styles.xml for the given font names and grid pitch. */
export const stylesXml = (f: FontNames, pitch: number = DOCX_LINE_PITCH_TWIP): string => {
  const docDefaults = el(
    'w:docDefaults',
    {},
    el('w:rPrDefault', {}, rPrXml({ font: f.fangsong, size: BODY_SIZE_PT, eastAsiaLang: 'zh-CN' })) +
      el('w:pPrDefault', {}, pPrXml({ spacing: { before: 0, after: 0 } })),
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    el(
      'w:styles',
      { 'xmlns:w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main' },
      docDefaults + BASE_STYLES + styleDefs(f, pitch).map(styleXml).join('') + tableStyle(),
    )
  );
};
