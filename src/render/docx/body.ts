// The document body: every block of the model in order, with the spacing rules of GB/T 9704
// (blank grid lines between elements) and the 简报 conventions. Returns paragraphs and
// tables as XML parts; the 版记 text box goes into the last paragraph.

import type {
  AttachmentNoteBlock,
  Block,
  FontRole,
  GongwenDocument,
  ImageBlock,
  Run,
  TableBlock,
} from '../../model/types.js';
import {
  ADDRESSEE_GAP_BELOW_TITLE_LINES,
  ATTACH_NOTE_GAP_LINES,
  ATTACH_NOTE_INDENT_CHARS,
  DOCNO_GAP_BELOW_MARK_LINES,
  TITLE_GAP_BELOW_RED_RULE_LINES,
  TYPE_W_TWIP,
  bulletinSpec,
  replySpec,
} from '../../spec/index.js';
import { DOCX_BODY_CHAR_TWIP, DOCX_RULE_LINE_TWIP, EMU_PER_TWIP } from '../../spec/docx.js';
import { COPY_NO_LINE, TITLE_SIZE_PT, TYPE_W_PT } from '../../spec/gbt9704.js';
import { TITLE_MAX_WIDTH_SHARE } from '../../spec/layout.js';
import { splitTitle } from '../../layout/index.js';
import { colophonRun } from './colophon.js';
import type { BodyPart, Ctx } from './context.js';
import { inlinePictureRun } from './drawing.js';
import { docNumber, issuerMark, masthead, mastheadRuleLines, redRuleLines, redRuleRun } from './header.js';
import { widthEm } from './measure.js';
import { signature } from './signature.js';
import { S } from './styles.js';
import { el, para, paraXml, run, type Para, type RPr } from './xml.js';

const CH = DOCX_BODY_CHAR_TWIP;

const blank = (n: number, keepNext = false): Para[] =>
  Array.from({ length: Math.max(0, n) }, () => para(keepNext ? { style: S.normal, keepNext: true } : { style: S.normal }));

/**
 * Title lines as the PDF layout splits them: at word boundaries, longest on top, each at
 * most TITLE_MAX_WIDTH_SHARE of the 版心 width, measured as the PDF measures (splitTitle of
 * src/layout) [S 7.3.1].
 */
export const titleLines = (ctx: Pick<Ctx, 'width'>, text: string, given?: string[]): string[] =>
  given?.length ? given : splitTitle(text, (s) => ctx.width(s, 'song', TITLE_SIZE_PT), TYPE_W_PT * TITLE_MAX_WIDTH_SHARE);

type TopKind = 'copyNumber' | 'secrecy' | 'urgency';

/**
 * Grid lines (0-based) of 份号, 密级 and 紧急程度, as the PDF layout places them: 份号 on line 1,
 * 密级 on line 2, 紧急程度 on the line after the last of them (line 1 when alone) [S 7.2.1–7.2.3].
 */
export const topLineSlots = (kinds: TopKind[]): Array<{ kind: TopKind; slot: number }> => {
  const out: Array<{ kind: TopKind; slot: number }> = [];
  for (const kind of kinds) {
    if (kind === 'copyNumber') out.push({ kind, slot: COPY_NO_LINE - 1 });
    else if (kind === 'secrecy') out.push({ kind, slot: COPY_NO_LINE });
    else {
      const taken = new Set(out.map((t) => t.slot));
      const slot = taken.has(COPY_NO_LINE) ? COPY_NO_LINE + 1 : taken.has(COPY_NO_LINE - 1) ? COPY_NO_LINE : COPY_NO_LINE - 1;
      out.push({ kind, slot });
    }
  }
  return out;
};

const HEADER_KINDS: ReadonlySet<string> = new Set(['copyNumber', 'secrecy', 'urgency', 'issuerMark', 'docNumber', 'redRule', 'masthead', 'category']);
const TOP_STYLE = { copyNumber: S.copyNumber, secrecy: S.secrecy, urgency: S.urgency } as const;

/** The 份号/密级/紧急 lines of the leading header blocks, blank lines where none stands. */
const topLines = (blocks: Block[]): Para[] => {
  const head: Block[] = [];
  for (const b of blocks) {
    if (!HEADER_KINDS.has(b.kind)) break;
    head.push(b);
  }
  const tops = head.filter((b): b is Extract<Block, { kind: TopKind }> => b.kind === 'copyNumber' || b.kind === 'secrecy' || b.kind === 'urgency');
  const slots = topLineSlots(tops.map((b) => b.kind));
  const n = Math.max(0, ...slots.map((t) => t.slot + 1));
  const out = blank(n);
  slots.forEach((t, i) => {
    out[t.slot] = para({ style: TOP_STYLE[t.kind] }, [run(tops[i]!.text)]);
  });
  return out;
};

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
} as const;
const PARA_ROLE: Record<keyof typeof PARA_STYLE, FontRole> = {
  body: 'fangsong',
  quote: 'kai',
  list: 'fangsong',
  code: 'fangsong',
  credit: 'kai',
};

/** 附件说明 [S 7.3.4]: `附件：1.Name`, later items aligned under the first name's number. */
const attachmentNote = (b: AttachmentNoteBlock): Para[] => {
  const indent = ATTACH_NOTE_INDENT_CHARS * CH;
  const labelW = widthEm(b.label) * CH;
  return b.items.map((item, i) => {
    const num = /^\d+[.．]/.exec(item)?.[0] ?? '';
    const numW = widthEm(num) * CH;
    const left = Math.round(indent + labelW + numW);
    const hanging = Math.round(i === 0 ? labelW + numW : numW);
    return para({ style: S.attachmentNote, ind: { left, hanging } }, [run(i === 0 ? b.label + item : item)]);
  });
};

/** A picture scaled to at most the 版心 width and to a whole number of grid lines high. */
const image = (ctx: Ctx, b: ImageBlock): Para => {
  const PITCH = ctx.pitch;
  const { width, height } = b.image;
  const aspect = height / Math.max(width, 1);
  const naturalW = Math.min(TYPE_W_TWIP, width * 15); // 96 dpi pixels → twip
  let lines = Math.max(1, Math.round((naturalW * aspect) / PITCH));
  if ((lines * PITCH) / aspect > TYPE_W_TWIP) lines = Math.max(1, Math.floor((TYPE_W_TWIP * aspect) / PITCH));
  const h = lines * PITCH;
  const w = h / aspect;
  const part = ctx.media.add(b.image);
  const id = ctx.ids.next();
  return para({ style: S.image, spacing: { line: h, lineRule: 'exact' } }, [
    inlinePictureRun(id, b.alt || `图片${id}`, part.rId, w * EMU_PER_TWIP, h * EMU_PER_TWIP),
  ]);
};

/** A GFM table: single 0.5 pt rules, 版心 wide, cells in the table text style. */
const table = (ctx: Ctx, b: TableBlock): string => {
  const cols = Math.max(b.header.length, ...b.rows.map((r) => r.length), 1);
  const colW = Math.floor(TYPE_W_TWIP / cols);
  const jc = (i: number): 'left' | 'center' | 'right' => b.align[i] ?? 'left';
  const cell = (runs: Run[] | undefined, i: number, header: boolean): string =>
    el(
      'w:tc',
      {},
      el('w:tcPr', {}, el('w:tcW', { 'w:w': colW, 'w:type': 'dxa' })) +
        paraXml(para({ style: S.tableText, jc: jc(i) }, runsXml(ctx, runs ?? [], 'fangsong', header ? { bold: true } : {}))),
    );
  const row = (cells: Run[][], header: boolean): string =>
    el(
      'w:tr',
      {},
      (header ? el('w:trPr', {}, el('w:tblHeader')) : '') +
        Array.from({ length: cols }, (_, i) => cell(cells[i], i, header)).join(''),
    );
  return el(
    'w:tbl',
    {},
    el(
      'w:tblPr',
      {},
      el('w:tblStyle', { 'w:val': S.table }) +
        el('w:tblW', { 'w:w': TYPE_W_TWIP, 'w:type': 'dxa' }) +
        el('w:jc', { 'w:val': 'center' }) +
        el('w:tblLayout', { 'w:type': 'fixed' }),
    ) +
      el('w:tblGrid', {}, Array.from({ length: cols }, () => el('w:gridCol', { 'w:w': colW })).join('')) +
      (b.header.length ? row(b.header, true) : '') +
      b.rows.map((r) => row(r, false)).join(''),
  );
};

/**
 * Where the 版记 goes when `colophonOnEvenPage` asks for an even page [S 7.4, 7.5]:
 * `same` — where it falls (after the body, pinned to the bottom of that page);
 * `newPage` — on the next page (the body ends on an odd page with room for it);
 * `blankPage` — after an unnumbered blank page, itself unnumbered (a section of its own
 *   with empty footers, starting on a new page);
 * `evenSection` — in a section of its own that starts on the next even page, with empty
 *   footers (used when the pagination is not known: Word and LibreOffice insert the blank
 *   page themselves).
 */
export type ColophonPlacement = 'same' | 'newPage' | 'blankPage' | 'evenSection';

/** Placeholder for the w:sectPr that ends the body's section; package.ts puts the real one in. */
export const SECTION_BREAK_PLACEHOLDER = '<!--gongwen:section-break-->';

/** Writes all blocks. The 版记 is attached to the last paragraph (an empty one if needed). */
export const body = (ctx: Ctx, doc: GongwenDocument, placement: ColophonPlacement = 'same'): BodyPart[] => {
  const out: BodyPart[] = [];
  const paras = (ps: Para[]): void => {
    for (const p of ps) out.push(p);
  };
  let linesUsed = 0; // grid lines used by 份号/密级/紧急 above the mark
  let topDone = false;
  let gapAfterRule = 0; // blank lines still owed below a red rule (title gap)
  let pageBreak = false;
  let prev: Block | undefined;
  const colophons: Block[] = [];

  const flushGap = (): void => {
    paras(blank(gapAfterRule));
    gapAfterRule = 0;
  };

  for (const b of doc.blocks) {
    const start = out.length;
    if (b.kind !== 'category' && b.kind !== 'colophon' && b.kind !== 'pageBreak') flushGap();
    switch (b.kind) {
      case 'copyNumber':
      case 'secrecy':
      case 'urgency':
        if (!topDone) {
          const lines = topLines(doc.blocks);
          // Outside the leading header (an unusual source): the line where it stands.
          paras(lines.length ? lines : [para({ style: TOP_STYLE[b.kind] }, [run(b.text)])]);
          linesUsed = lines.length;
          topDone = lines.length > 0;
        }
        break;
      case 'issuerMark':
        paras(issuerMark(ctx, b, linesUsed));
        break;
      case 'docNumber':
        if (prev?.kind === 'issuerMark') paras(blank(DOCNO_GAP_BELOW_MARK_LINES));
        paras(docNumber(b));
        break;
      case 'redRule': {
        const last = out[out.length - 1];
        const holder = last?.kind === 'p' ? last : undefined;
        if (holder) holder.runs.push(redRuleRun(ctx));
        else paras([para({ style: S.docNumber }, [redRuleRun(ctx)])]);
        // The line the rule runs through is not one of the blank lines below it.
        paras(blank(redRuleLines(ctx)));
        gapAfterRule = TITLE_GAP_BELOW_RED_RULE_LINES;
        break;
      }
      case 'masthead':
        paras(masthead(ctx, b));
        paras(blank(mastheadRuleLines(ctx)));
        gapAfterRule = bulletinSpec.FIRST_ARTICLE_GAP_LINES;
        break;
      case 'category':
        paras([para({ style: S.category }, [run(b.text)])]);
        if (gapAfterRule >= replySpec.CATEGORY_LINE_BELOW_RULE) gapAfterRule--;
        break;
      case 'toc':
        paras([para({ style: S.toc, ind: { firstLine: 0 } }, [run(b.label, { style: S.label })])]);
        paras(b.items.map((item) => para({ style: S.toc }, [run(item)])));
        break;
      case 'editorNote':
        b.paragraphs.forEach((runs, i) =>
          paras([
            para({ style: S.editorNote }, [
              ...(i === 0 ? [run(b.label, { style: S.label })] : []),
              ...runsXml(ctx, runs, 'kai'),
            ]),
          ]),
        );
        break;
      case 'title': {
        if (b.article && out.length > 0 && out.length === start) paras(blank(bulletinSpec.NEXT_ARTICLE_GAP_LINES));
        // One paragraph, lines broken with w:br, so that staff can re-edit the title.
        paras([para({ style: S.title }, [run(titleLines(ctx, b.text, b.lines).join('\n'))])]);
        // 1 blank line below the title (7.3.2), before the addressee or the article body.
        paras(blank(ADDRESSEE_GAP_BELOW_TITLE_LINES, true));
        break;
      }
      case 'addressee':
        paras([para({ style: S.addressee }, [run(b.text)])]);
        break;
      case 'paragraph':
        paras([para({ style: PARA_STYLE[b.style] }, runsXml(ctx, b.runs, PARA_ROLE[b.style]))]);
        break;
      case 'heading': {
        const extra: RPr = b.level === 3 && ctx.options.boldLevel3 ? { bold: true } : {};
        paras([para({ style: HEADING_STYLE[b.level] }, runsXml(ctx, b.runs, HEADING_ROLE[b.level], extra))]);
        break;
      }
      case 'table':
        out.push({ kind: 'raw', xml: table(ctx, b) });
        break;
      case 'image':
        paras([image(ctx, b)]);
        break;
      case 'attachmentNote':
        paras(blank(ATTACH_NOTE_GAP_LINES));
        paras(attachmentNote(b));
        break;
      case 'signature':
        paras(signature(ctx, b));
        break;
      case 'note':
        paras([para({ style: S.note }, [run(b.text)])]);
        break;
      case 'contact':
        paras(b.lines.map((l) => para({ style: S.contact }, [run(l)])));
        break;
      case 'colophon':
        colophons.push(b);
        break;
      case 'pageBreak':
        pageBreak = true;
        break;
      case 'blankLine':
        paras(blank(b.count));
        break;
    }
    if (pageBreak && b.kind !== 'pageBreak') {
      const first = out.slice(start).find((p): p is Para => p.kind === 'p');
      if (first) {
        first.pPr.pageBreakBefore = true;
        pageBreak = false;
      }
    }
    prev = b;
  }
  flushGap();
  const ownSection = colophons.length > 0 && (placement === 'blankPage' || placement === 'evenSection');
  if (ownSection) {
    // The body's section ends with its last paragraph (an empty one after a table).
    let last = out[out.length - 1];
    if (last?.kind !== 'p') {
      last = para({ style: S.normal });
      out.push(last);
    }
    last.pPr.sectPr = SECTION_BREAK_PLACEHOLDER;
    if (placement === 'blankPage') out.push(para({ style: S.normal }));
  }
  // The 版记 box hangs from a paragraph of minimal height after the body: anchored in a body
  // paragraph that breaks across pages, LibreOffice loses the box.
  colophons.forEach((c, i) => {
    if (c.kind !== 'colophon') return;
    out.push(
      para(
        {
          style: S.normal,
          pageBreakBefore: i === 0 && (placement === 'newPage' || placement === 'blankPage') ? true : undefined,
          ind: { firstLine: 0 },
          snapToGrid: false,
          spacing: { line: DOCX_RULE_LINE_TWIP, lineRule: 'exact' },
        },
        [colophonRun(ctx, c)],
      ),
    );
  });
  return out;
};

/** True when the body ends a section of its own before the 版记. */
export const hasColophonSection = (parts: BodyPart[]): boolean =>
  parts.some((p) => p.kind === 'p' && p.pPr.sectPr === SECTION_BREAK_PLACEHOLDER);

/** Serialises the body parts. */
export const bodyXml = (parts: BodyPart[]): string => parts.map((p) => (p.kind === 'p' ? paraXml(p) : p.xml)).join('');
