// The document body: the plan's header, then every body block of the model in order with the
// plan's decisions (blank lines, title lines, signature, 附件说明, images) stated as Word
// paragraphs; Word breaks the paragraphs itself. Returns paragraphs and tables as XML parts;
// the 版记 text box follows in a paragraph of its own on the plan's page.

import type { DocumentPlan } from '../../layout/plan.js';
import type { AttachmentPlan, AttendancePlan, ImagePlan, TablePlan } from '../../layout/plan.js';
import { HEADER_KINDS } from '../../layout/header.js';
import type { Block, FontRole, ImageBlock, Run, TableBlock } from '../../model/types.js';
import { BODY_SIZE_PT, TYPE_W_TWIP, ptToTwip } from '../../spec/index.js';
import { DOCX_RULE_LINE_TWIP, EMU_PER_TWIP, bodyPtToTwip } from '../../spec/docx.js';
import { colophonRun } from './colophon.js';
import type { BodyPart, Ctx } from './context.js';
import { inlinePictureRun } from './drawing.js';
import { header } from './header.js';
import { signature } from './signature.js';
import { S } from './styles.js';
import { el, para, paraXml, run, type Para, type RPr } from './xml.js';

const blank = (n: number, keepNext = false): Para[] =>
  Array.from({ length: Math.max(0, n) }, () => para(keepNext ? { style: S.normal, keepNext: true } : { style: S.normal }));

/** Roles whose faces are bold by design: Word bold on them is never written [spec §5]. */
const HEAVY: ReadonlySet<FontRole> = new Set<FontRole>(['hei', 'song']);

/** Runs of the model → run XML; `role` is the font of the enclosing style. */
export const runsXml = (ctx: Ctx, runs: Run[], role: FontRole, extra: RPr = {}): string[] =>
  runs.map((r) => {
    const effective = r.font ?? role;
    const rPr: RPr = { ...extra };
    if (r.font && r.font !== role) rPr.font = ctx.fonts[r.font];
    if (r.bold && !HEAVY.has(effective)) rPr.bold = true;
    if (r.italic) rPr.italic = true;
    return run(r.text, rPr);
  });

const HEADING_STYLE = { 1: S.heading1, 2: S.heading2, 3: S.heading3, 4: S.heading4 } as const;
const HEADING_ROLE: Record<1 | 2 | 3 | 4, FontRole> = { 1: 'hei', 2: 'kai', 3: 'fangsong', 4: 'fangsong' };
const PARA_STYLE = {
  body: S.normal,
  quote: S.quote,
  list: S.listItem,
  code: S.code,
  credit: S.credit,
  caption: S.caption,
} as const;
const PARA_ROLE: Record<keyof typeof PARA_STYLE, FontRole> = {
  body: 'fangsong',
  quote: 'kai',
  list: 'fangsong',
  code: 'fangsong',
  credit: 'kai',
  caption: 'hei',
};

/** 附件说明 [S 7.3.4] as planned: `附件：1.Name`, later items aligned under the first name's number. */
const attachmentNote = (a: AttachmentPlan): Para[] => {
  const left = bodyPtToTwip(a.indent + a.labelWidth + a.numberWidth);
  return a.items.map((item, i) => {
    const hanging = bodyPtToTwip(i === 0 ? a.labelWidth + a.numberWidth : a.numberWidth);
    return para({ style: S.attachmentNote, ind: { left, hanging } }, [run((i === 0 ? a.label : '') + item.number + item.name)]);
  });
};

/** 纪要 attendance list [S 10.3] as planned: 黑体 label, names after it, wrapped lines after the label. */
const attendance = (a: AttendancePlan): Para[] => [
  ...blank(a.gapLines),
  para({ style: S.normal, jc: 'both', ind: { left: bodyPtToTwip(a.indent + a.labelWidth), hanging: bodyPtToTwip(a.labelWidth) } }, [
    run(a.label, { style: S.label }),
    run(a.text),
  ]),
];

/** A picture of the plan's size, on an exact line of the plan's grid lines (centred in them). */
const image = (ctx: Ctx, b: ImageBlock, plan: ImagePlan): Para => {
  const w = ptToTwip(plan.width);
  const h = ptToTwip(plan.height);
  const part = ctx.media.add(b.image);
  const id = ctx.ids.next();
  return para({ style: S.image, spacing: { line: plan.span * ctx.pitch, lineRule: 'exact' } }, [
    inlinePictureRun(id, b.alt || `图片${id}`, part.rId, w * EMU_PER_TWIP, h * EMU_PER_TWIP),
  ]);
};

/**
 * A GFM table as the plan set it [spec §13]: 版心 wide (tblW), fixed layout with the plan's
 * column widths (gridCol and tcW, which WPS honours), the plan's cell padding, rows at least the
 * plan's whole grid lines high and never split (cantSplit), the header row repeated on every
 * page (tblHeader), cells in the plan's alignment and text size.
 */
const table = (ctx: Ctx, b: TableBlock, plan: TablePlan): string => {
  const cols = plan.columns.length;
  // Whole twips that add up to the 版心 width exactly.
  const edges = plan.columns.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [0]).map(ptToTwip);
  edges[cols] = TYPE_W_TWIP;
  const colW = Array.from({ length: cols }, (_, i) => edges[i + 1]! - edges[i]!);
  const pad = ptToTwip(plan.pad);
  const size: RPr = plan.size !== BODY_SIZE_PT ? { size: plan.size } : {};
  const cell = (runs: Run[] | undefined, i: number, header: boolean): string =>
    el(
      'w:tc',
      {},
      el('w:tcPr', {}, el('w:tcW', { 'w:w': colW[i], 'w:type': 'dxa' }) + el('w:vAlign', { 'w:val': 'center' })) +
        paraXml(para({ style: S.tableText, jc: (header ? plan.headerAlign : plan.align)[i] }, runsXml(ctx, runs ?? [], header ? 'hei' : 'fangsong', header ? { font: ctx.fonts.hei, ...size } : size))),
    );
  const rows = plan.header ? [b.header, ...b.rows] : b.rows;
  const row = (cells: Run[][], k: number): string => {
    const r = plan.rows[k]!;
    const trPr =
      el('w:cantSplit') +
      el('w:trHeight', { 'w:val': r.span * ctx.pitch, 'w:hRule': 'atLeast' }) +
      (r.header ? el('w:tblHeader') : '');
    return el('w:tr', {}, el('w:trPr', {}, trPr) + Array.from({ length: cols }, (_, i) => cell(cells[i], i, r.header)).join(''));
  };
  return el(
    'w:tbl',
    {},
    el(
      'w:tblPr',
      {},
      el('w:tblStyle', { 'w:val': S.table }) +
        el('w:tblW', { 'w:w': TYPE_W_TWIP, 'w:type': 'dxa' }) +
        el('w:jc', { 'w:val': 'center' }) +
        el('w:tblLayout', { 'w:type': 'fixed' }) +
        el(
          'w:tblCellMar',
          {},
          el('w:top', { 'w:w': 0, 'w:type': 'dxa' }) +
            el('w:left', { 'w:w': pad, 'w:type': 'dxa' }) +
            el('w:bottom', { 'w:w': 0, 'w:type': 'dxa' }) +
            el('w:right', { 'w:w': pad, 'w:type': 'dxa' }),
        ),
    ) +
      el('w:tblGrid', {}, colW.map((w) => el('w:gridCol', { 'w:w': w })).join('')) +
      rows.map((r, k) => row(r, k)).join(''),
  );
};

/** Placeholder for the w:sectPr that ends the body's section; package.ts puts the real one in. */
export const SECTION_BREAK_PLACEHOLDER = '<!--gongwen:section-break-->';

/** The 版记 is in a section of its own (after an unnumbered blank page) [S 7.5]. */
export const colophonSection = (plan: DocumentPlan): boolean => plan.colophon?.placement === 'blankPage';

/**
 * Writes the plan's header, then every body block of the model with the plan's decisions
 * (title lines and gaps, signature insets and seal, 附件说明 columns); Word breaks the body
 * paragraphs itself. The 版记 follows on the plan's page.
 */
export const body = (ctx: Ctx, blocks: readonly Block[], plan: DocumentPlan): BodyPart[] => {
  const out: BodyPart[] = [];
  const paras = (ps: Para[]): void => {
    for (const p of ps) out.push(p);
  };
  const byBlock = <T extends { block: number }>(xs: readonly T[]): Map<number, T> => new Map(xs.map((x) => [x.block, x]));
  const titles = byBlock(plan.titles);
  const signatures = byBlock(plan.signatures);
  const attachments = byBlock(plan.attachments);
  const images = byBlock(plan.images);
  const attendanceOf = byBlock(plan.attendance);
  const attachmentPages = byBlock(plan.attachmentPages);
  const tables = byBlock(plan.tables);
  paras(header(ctx, plan.header));
  // The header blocks that lead the document are in the plan's header.
  const first = blocks.findIndex((b) => !HEADER_KINDS.has(b.kind));
  let pageBreak = false;
  for (let i = first < 0 ? blocks.length : first; i < blocks.length; i++) {
    const b = blocks[i]!;
    const start = out.length;
    switch (b.kind) {
      case 'toc':
        paras([para({ style: S.toc, ind: { firstLine: 0 } }, [run(b.label, { style: S.label })])]);
        paras(b.items.map((item) => para({ style: S.toc }, [run(item)])));
        break;
      case 'editorNote':
        b.paragraphs.forEach((runs, k) =>
          paras([
            para({ style: S.editorNote }, [...(k === 0 ? [run(b.label, { style: S.label })] : []), ...runsXml(ctx, runs, 'kai')]),
          ]),
        );
        break;
      case 'title': {
        const t = titles.get(i)!;
        paras(blank(t.gapBefore));
        // One paragraph, lines broken with w:br, so that staff can re-edit the title.
        paras([para({ style: S.title }, [run(t.lines.join('\n'))])]);
        paras(blank(t.gapAfter, true));
        break;
      }
      case 'addressee':
        paras([para({ style: S.addressee }, [run(b.text)])]);
        break;
      case 'paragraph':
        // A table caption stays with its table; a figure with its caption below it (image()).
        paras([para({ style: PARA_STYLE[b.style], ...(b.style === 'caption' && blocks[i + 1]?.kind === 'table' ? { keepNext: true } : {}) }, runsXml(ctx, b.runs, PARA_ROLE[b.style]))]);
        break;
      case 'heading': {
        const extra: RPr = b.level === 3 && ctx.options.boldLevel3 ? { bold: true } : {};
        paras([para({ style: HEADING_STYLE[b.level] }, runsXml(ctx, b.runs, HEADING_ROLE[b.level], extra))]);
        break;
      }
      case 'table': {
        const t = tables.get(i);
        if (t) out.push({ kind: 'raw', xml: table(ctx, b, t) });
        break;
      }
      case 'image': {
        const p = image(ctx, b, images.get(i)!);
        const next = blocks[i + 1];
        if (next?.kind === 'paragraph' && next.style === 'caption') p.pPr.keepNext = true;
        paras([p]);
        break;
      }
      case 'attachmentNote': {
        const a = attachments.get(i)!;
        paras(blank(a.gapLines));
        paras(attachmentNote(a));
        break;
      }
      case 'attachmentPage': {
        // A new page: the label on its line 1, the title from line 3 [S 7.3.7].
        const a = attachmentPages.get(i)!;
        paras([para({ style: S.normal, ind: { firstLine: 0 }, keepNext: true, pageBreakBefore: true }, [run(a.label, { style: S.label })])]);
        paras(blank(a.gapBefore, true));
        paras([para({ style: S.title, keepNext: true }, [run(a.lines.join('\n'))])]);
        paras(blank(a.gapAfter, true));
        break;
      }
      case 'signature':
        paras(signature(ctx, b, signatures.get(i)!));
        break;
      case 'note':
        paras([para({ style: S.note }, [run(b.text)])]);
        break;
      case 'contact':
        paras(b.lines.map((l) => para({ style: S.contact }, [run(l)])));
        break;
      case 'attendance':
        paras(attendance(attendanceOf.get(i)!));
        break;
      case 'colophon':
        break;
      case 'pageBreak':
        pageBreak = true;
        break;
      case 'blankLine':
        paras(blank(b.count));
        break;
      default:
        // Header blocks out of place: plain lines, as the plan sets them.
        if ('text' in b && typeof b.text === 'string') paras([para({ style: S.normal, ind: { firstLine: 0 } }, [run(b.text)])]);
    }
    if (pageBreak && b.kind !== 'pageBreak') {
      const p = out.slice(start).find((x): x is Para => x.kind === 'p');
      if (p) {
        p.pPr.pageBreakBefore = true;
        pageBreak = false;
      }
    }
  }
  const c = plan.colophon;
  if (!c) return out;
  if (colophonSection(plan)) {
    // The body's section ends with its last paragraph (an empty one after a table); the 版记
    // section starts on a new page, which stays blank, and the 版记 goes on the page after it.
    let last = out[out.length - 1];
    if (last?.kind !== 'p') {
      last = para({ style: S.normal });
      out.push(last);
    }
    last.pPr.sectPr = SECTION_BREAK_PLACEHOLDER;
    out.push(para({ style: S.normal }));
  }
  // The 版记 box hangs from a paragraph of minimal height after the body: anchored in a body
  // paragraph that breaks across pages, LibreOffice loses the box.
  out.push(
    para(
      {
        style: S.normal,
        pageBreakBefore: c.placement === 'same' ? undefined : true,
        ind: { firstLine: 0 },
        snapToGrid: false,
        spacing: { line: DOCX_RULE_LINE_TWIP, lineRule: 'exact' },
      },
      [colophonRun(ctx, c)],
    ),
  );
  return out;
};

/** Serialises the body parts. */
export const bodyXml = (parts: BodyPart[]): string => parts.map((p) => (p.kind === 'p' ? paraXml(p) : p.xml)).join('');
