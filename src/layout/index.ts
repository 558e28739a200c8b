// The layout stage: a GongwenDocument and its fonts → pages of positioned glyph runs, rules
// and images on the GB/T 9704 grid (22 lines × 28 characters in the 156 × 225 mm 版心).
// Pure: no I/O; the PDF writer (src/render/pdf) only draws what this returns.

import type { FontSet } from '../fonts/types.js';
import type {
  AttachmentNoteBlock,
  Block,
  ColophonBlock,
  DocNumberBlock,
  GongwenDocument,
  IssuerMarkBlock,
  MastheadBlock,
  SignatureBlock,
  TableBlock,
  TitleBlock,
} from '../model/types.js';
import * as S from '../spec/gbt9704.js';
import * as B from '../spec/bulletin.js';
import * as R from '../spec/reply.js';
import * as L from '../spec/layout.js';
import { mmToPt } from '../spec/units.js';
import { canBreakBefore } from './linebreak.js';
import {
  breakStyled,
  cellFor,
  lineRuns,
  naturalWidth,
  shape,
  ShapeContext,
  shapeText,
  solidRuns,
  type StyledChar,
  type TextStyle,
} from './text.js';
import type { GlyphRun, LaidOutDocument, Page, PageItem, Rule } from './types.js';

export type { LaidOutDocument, Page, PageItem, GlyphRun, Rule, PlacedImage, LayoutWarning } from './types.js';
export { breakLines, canBreakBefore, classify, isFullWidth } from './linebreak.js';

const BODY = S.BODY_SIZE_PT;
const CELL = cellFor(BODY);
const LEFT = S.TYPE_LEFT_PT;
const RIGHT = S.TYPE_RIGHT_PT;
const WIDTH = S.TYPE_W_PT;
const TOP = S.TYPE_TOP_PT;

/** A thing drawn in one grid line (or a few) of the flow, positioned once its page and slot are known. */
interface FlowLine {
  /** Grid lines taken (default 1). */
  span?: number;
  draw: (top: number, pitch: number) => PageItem[];
  /** Keep on the same page as the next flow line (headings, title lines). */
  keepWithNext?: boolean;
  /** Body text (counts as «body on the page» for the signature rule). */
  body?: boolean;
  /** Blank line: dropped at the top of a page. */
  blank?: boolean;
  /** Starts a new page. */
  pageBreak?: boolean;
  /** Members of one group (signature block) move together; the id groups them. */
  group?: number;
}

interface Placed {
  line: FlowLine;
  slot: number;
}
interface PageState {
  placed: Placed[];
  /** Fixed items (page-1 header). */
  fixed: PageItem[];
  firstSlot: number;
  pitch: number;
  numbered: boolean;
}

const textBaseline = (top: number, pitch: number, size: number): number => L.baselineInBox(top, pitch, size);

/** Lay out a document. */
export function layoutDocument(doc: GongwenDocument, fonts: FontSet): LaidOutDocument {
  return new Layout(doc, fonts).run();
}

class Layout {
  private readonly ctx: ShapeContext;
  private readonly pitch: number;
  private readonly flow: FlowLine[] = [];
  private readonly header: PageItem[] = [];
  private headerSlots = 0;
  private groupSeq = 0;
  private ruleFreeSlot: number | undefined;
  private titlesSeen = 0;
  private colophon: ColophonBlock | undefined;

  constructor(
    private readonly doc: GongwenDocument,
    fonts: FontSet,
  ) {
    this.ctx = new ShapeContext(fonts, doc.file);
    this.pitch = doc.options.lineMode === 'fixed28' ? S.LINE_PITCH_FIXED28_PT : S.LINE_PITCH_PT;
  }

  run(): LaidOutDocument {
    const blocks = this.doc.blocks;
    let i = 0;
    // 版头 / 报头: every header block before the first flow block.
    const headerKinds = new Set(['copyNumber', 'secrecy', 'urgency', 'issuerMark', 'docNumber', 'redRule', 'masthead', 'category']);
    const head: Block[] = [];
    while (i < blocks.length && headerKinds.has(blocks[i]!.kind)) head.push(blocks[i++]!);
    this.layoutHeader(head);
    for (; i < blocks.length; i++) this.block(blocks[i]!, blocks[i + 1]);
    const pages = this.paginate();
    return { info: this.doc.info, pages, warnings: this.ctx.warnings };
  }

  // ── 版头 ────────────────────────────────────────────────────────────────
  private slotTop(i: number, pitch = this.pitch): number {
    return TOP + i * pitch;
  }
  private slotBaseline(i: number, size: number): number {
    return textBaseline(this.slotTop(i), this.pitch, size);
  }

  private layoutHeader(head: Block[]): void {
    const p = this.pitch;
    let lastSlot = -1;
    let emBottom = TOP;
    let mark: IssuerMarkBlock | undefined;
    let docNo: DocNumberBlock | undefined;
    let masthead: MastheadBlock | undefined;
    let redRule = false;
    let category: Block | undefined;
    const top3: Array<{ text: string; role: 'fangsong' | 'hei'; slot: number; line?: number }> = [];
    for (const b of head) {
      if (b.kind === 'copyNumber') top3.push({ text: b.text, role: 'fangsong', slot: S.COPY_NO_LINE - 1, line: b.line });
      else if (b.kind === 'secrecy') top3.push({ text: b.text, role: 'hei', slot: S.COPY_NO_LINE, line: b.line });
      else if (b.kind === 'urgency') {
        const taken = new Set(top3.map((t) => t.slot));
        const slot = taken.has(S.COPY_NO_LINE) ? S.COPY_NO_LINE + 1 : taken.has(S.COPY_NO_LINE - 1) ? S.COPY_NO_LINE : S.COPY_NO_LINE - 1;
        top3.push({ text: b.text, role: 'hei', slot, line: b.line });
      } else if (b.kind === 'issuerMark') mark = b;
      else if (b.kind === 'docNumber') docNo = b;
      else if (b.kind === 'redRule') redRule = true;
      else if (b.kind === 'masthead') masthead = b;
      else if (b.kind === 'category') category = b;
    }
    for (const t of top3) {
      const chars = shapeText(this.ctx, t.text, { role: t.role, size: BODY }, t.line);
      this.header.push(...solidRuns(chars, LEFT, this.slotBaseline(t.slot, BODY)));
      lastSlot = Math.max(lastSlot, t.slot);
    }
    if (masthead) {
      emBottom = this.layoutMasthead(masthead);
      lastSlot = L.MASTHEAD_EDITOR_SLOT;
    }
    if (mark) {
      const bottom = this.layoutMark(mark);
      lastSlot = Math.floor((bottom - TOP) / p - 1e-6);
      emBottom = bottom;
    }
    if (docNo) {
      const first = mark ? lastSlot + 1 + S.DOCNO_GAP_BELOW_MARK_LINES : lastSlot + 1;
      lastSlot = this.layoutDocNumber(docNo, first);
      emBottom = this.slotBaseline(lastSlot, BODY) + L.EM_BOX_DESCENT_EM * BODY;
    }
    if (redRule || masthead) {
      const gap = mmToPt(masthead ? B.MASTHEAD_RULE_GAP_MM : S.RED_RULE_GAP_BELOW_DOCNO_MM);
      const thick = mmToPt(masthead ? B.MASTHEAD_RULE_THICKNESS_MM : S.RED_RULE_THICKNESS_MM);
      const y = emBottom + gap;
      this.header.push({ kind: 'rule', x1: LEFT, y1: y, x2: RIGHT, y2: y, thickness: thick, color: 'red' });
      // The first grid line wholly below the rule is the first blank line under it.
      const free = Math.ceil((y + thick / 2 - TOP) / p - 1e-6);
      this.ruleFreeSlot = free;
      lastSlot = free - 1;
    }
    if (category && category.kind === 'category') {
      const slot = (this.ruleFreeSlot ?? lastSlot + 1) + R.CATEGORY_LINE_BELOW_RULE - 1;
      const chars = shapeText(this.ctx, category.text, { role: 'hei', size: BODY }, category.line);
      this.header.push(...solidRuns(chars, RIGHT - naturalWidth(chars), this.slotBaseline(slot, BODY)));
      lastSlot = Math.max(lastSlot, slot);
    }
    this.headerSlots = lastSlot + 1;
  }

  /** 发文机关标志: red, centred, top edge 35 mm below the 版心 top; returns its em-box bottom. */
  private layoutMark(m: IssuerMarkBlock): number {
    const names = m.lines.length ? m.lines : [''];
    const suffix = m.suffix ?? '';
    const style = (size: number, h: number): TextStyle => ({ role: 'song', size, color: 'red', hScale: h });
    const widthAt = (size: number, h: number): { names: number; suffix: number; total: number } => {
      const nw = Math.max(...names.map((n) => naturalWidth(shapeText(this.ctx, names.length === 1 ? n + suffix : n, style(size, h)))));
      const sw = names.length > 1 && suffix ? naturalWidth(shapeText(this.ctx, suffix, style(size, h))) : 0;
      return { names: nw, suffix: sw, total: nw + (sw ? sw + size * h * 0.5 : 0) };
    };
    let size: number = S.MARK_SIZE_PT;
    let h: number = S.MARK_H_SCALE;
    const max = mmToPt(S.MARK_MAX_LINE_MM);
    let w = widthAt(size, h);
    if (w.total > max) {
      h = Math.max(S.MARK_MIN_H_SCALE, (h * max) / w.total);
      w = widthAt(size, h);
      if (w.total > max) {
        size = (size * max) / w.total;
        w = widthAt(size, h);
      }
    }
    const top = TOP + mmToPt(S.MARK_TOP_BELOW_TYPE_TOP_MM);
    const lineH = size * (1 + L.MARK_LINE_GAP_EM);
    const x0 = LEFT + (WIDTH - w.total) / 2;
    names.forEach((n, k) => {
      const chars = shapeText(this.ctx, names.length === 1 ? n + suffix : n, style(size, h), m.line);
      const x = names.length === 1 ? x0 : x0 + (w.names - naturalWidth(chars)) / 2;
      this.header.push(...solidRuns(chars, x, top + k * lineH + L.EM_BOX_ASCENT_EM * size));
    });
    const bottom = top + (names.length - 1) * lineH + size;
    if (names.length > 1 && suffix) {
      const chars = shapeText(this.ctx, suffix, style(size, h), m.line);
      const mid = (top + bottom) / 2;
      this.header.push(...solidRuns(chars, x0 + w.names + size * h * 0.5, mid - size / 2 + L.EM_BOX_ASCENT_EM * size));
    }
    return bottom;
  }

  /** 发文字号, centred or (with 签发人) left-inset 1 字 on the last signer line; returns its last slot. */
  private layoutDocNumber(d: DocNumberBlock, slot: number): number {
    const num = shapeText(this.ctx, d.number, { role: 'fangsong', size: BODY }, d.line);
    if (!d.signers.length) {
      this.header.push(...solidRuns(num, LEFT + (WIDTH - naturalWidth(num)) / 2, this.slotBaseline(slot, BODY)));
      return slot;
    }
    const inset = S.DOCNO_SIDE_INSET_CHARS * CELL;
    const label = shapeText(this.ctx, d.signerLabel, { role: 'fangsong', size: BODY }, d.line);
    const rows: StyledChar[][] = [];
    for (let k = 0; k < d.signers.length; k += S.SIGNERS_PER_LINE) {
      const names = d.signers.slice(k, k + S.SIGNERS_PER_LINE).join('\u3000');
      rows.push(shapeText(this.ctx, names, { role: 'kai', size: BODY }, d.line));
    }
    const rowW = Math.max(...rows.map(naturalWidth));
    const labelX = RIGHT - inset - rowW - naturalWidth(label);
    const namesX = labelX + naturalWidth(label);
    rows.forEach((r, k) => {
      const base = this.slotBaseline(slot + k, BODY);
      if (k === 0) this.header.push(...solidRuns(label, labelX, base));
      this.header.push(...solidRuns(r, namesX, base));
    });
    const last = slot + rows.length - 1;
    this.header.push(...solidRuns(num, LEFT + inset, this.slotBaseline(last, BODY)));
    return last;
  }

  /** 简报 报头; returns the em-box bottom of the editor/date line. */
  private layoutMasthead(m: MastheadBlock): number {
    if (m.marking) {
      const chars = shapeText(this.ctx, m.marking, { role: 'hei', size: B.MARKING_SIZE_PT }, m.line);
      this.header.push(...solidRuns(chars, LEFT, this.slotBaseline(L.MASTHEAD_MARKING_SLOT, B.MARKING_SIZE_PT)));
    }
    // Series name: red song, shrunk to one line.
    let size: number = B.SERIES_NAME_SIZE_PT;
    let h = 1;
    let chars = shapeText(this.ctx, m.name, { role: 'song', size, color: 'red' }, m.line);
    if (naturalWidth(chars) > WIDTH) {
      size = Math.max(B.SERIES_NAME_MIN_SIZE_PT, (size * WIDTH) / naturalWidth(chars));
      chars = shapeText(this.ctx, m.name, { role: 'song', size, color: 'red' }, m.line);
      if (naturalWidth(chars) > WIDTH) {
        h = WIDTH / naturalWidth(chars);
        chars = shapeText(this.ctx, m.name, { role: 'song', size, color: 'red', hScale: h }, m.line);
      }
    }
    this.header.push(...solidRuns(chars, LEFT + (WIDTH - naturalWidth(chars)) / 2, this.slotBaseline(L.MASTHEAD_NAME_SLOT, size)));
    // The big word, letter-spaced.
    const hs = B.HEADING_SIZE_PT;
    const word = shapeText(this.ctx, m.heading.replace(/\s+/g, ''), { role: 'song', size: hs, color: 'red' }, m.line);
    const ls = B.HEADING_LETTER_SPACING_EM * hs;
    const ww = naturalWidth(word) + ls * (word.length - 1);
    const boxTop = this.slotTop(L.MASTHEAD_HEADING_SLOT);
    this.header.push(
      ...solidRuns(word, LEFT + (WIDTH - ww) / 2, textBaseline(boxTop, L.MASTHEAD_HEADING_SLOTS * this.pitch, hs), ls),
    );
    const issue = shapeText(this.ctx, m.issue, { role: 'fangsong', size: B.ISSUE_SIZE_PT }, m.line);
    this.header.push(
      ...solidRuns(issue, LEFT + (WIDTH - naturalWidth(issue)) / 2, this.slotBaseline(L.MASTHEAD_ISSUE_SLOT, B.ISSUE_SIZE_PT)),
    );
    const es = B.EDITOR_LINE_SIZE_PT;
    const base = this.slotBaseline(L.MASTHEAD_EDITOR_SLOT, es);
    const editor = shapeText(this.ctx, m.editor, { role: 'fangsong', size: es }, m.line);
    const date = shapeText(this.ctx, m.date, { role: 'fangsong', size: es }, m.line);
    this.header.push(...solidRuns(editor, LEFT + B.EDITOR_LEFT_INSET_CHARS * cellFor(es), base));
    this.header.push(...solidRuns(date, RIGHT - naturalWidth(date), base));
    return base + L.EM_BOX_DESCENT_EM * es;
  }

  // ── 主体 ────────────────────────────────────────────────────────────────
  private blank(n = 1): void {
    for (let k = 0; k < n; k++) this.flow.push({ blank: true, draw: () => [] });
  }

  /** A paragraph of styled characters: indent (first line), hanging indent (rest), alignment. */
  private paragraph(
    chars: StyledChar[],
    opts: { indent?: number; hang?: number; align?: 'justify' | 'left' | 'center' | 'right'; keep?: boolean; body?: boolean; group?: number; left?: number; right?: number },
  ): void {
    const left = LEFT + (opts.left ?? 0);
    const width = WIDTH - (opts.left ?? 0) - (opts.right ?? 0);
    const indent = opts.indent ?? 0;
    const hang = opts.hang ?? 0;
    const lines = breakStyled(chars, width - indent, width - hang);
    lines.forEach((ln, k) => {
      const x0 = left + (k === 0 ? indent : hang);
      const measure = width - (k === 0 ? indent : hang);
      let x = x0;
      if (opts.align === 'center') x = x0 + (measure - ln.width) / 2;
      else if (opts.align === 'right') x = x0 + measure - ln.width;
      const size = chars[ln.start]?.size ?? BODY;
      this.flow.push({
        draw: (top, pitch) => lineRuns(chars, ln, x, textBaseline(top, pitch, size)),
        keepWithNext: opts.keep || (opts.group !== undefined && k < lines.length - 1),
        body: opts.body,
        group: opts.group,
      });
    });
    if (!lines.length) this.blank();
  }

  private block(b: Block, next: Block | undefined): void {
    const indent = S.BODY_INDENT_CHARS * CELL;
    switch (b.kind) {
      case 'title':
        return this.title(b);
      case 'addressee':
        return this.paragraph(shapeText(this.ctx, b.text, { role: 'fangsong', size: BODY }, b.line), { align: 'left', body: true });
      case 'paragraph': {
        if (b.style === 'credit') {
          return this.paragraph(shape(this.ctx, b.runs, { role: 'kai', size: BODY }, b.line), { align: 'right', body: true });
        }
        const role = b.style === 'quote' ? 'kai' : 'fangsong';
        return this.paragraph(shape(this.ctx, b.runs, { role, size: BODY }, b.line), {
          indent,
          align: b.style === 'code' ? 'left' : 'justify',
          body: true,
        });
      }
      case 'heading': {
        const role = b.level === 1 ? 'hei' : b.level === 2 ? 'kai' : 'fangsong';
        const bold = b.level === 3 && this.doc.options.boldLevel3;
        return this.paragraph(shape(this.ctx, b.runs, { role, size: BODY, bold }, b.line), { indent, keep: true, body: true });
      }
      case 'editorNote': {
        b.paragraphs.forEach((runs, k) => {
          const label = k === 0 ? [{ text: b.label, font: 'hei' as const, line: b.line }] : [];
          this.paragraph(shape(this.ctx, [...label, ...runs], { role: 'kai', size: BODY }, b.line), { indent, body: true });
        });
        return;
      }
      case 'toc': {
        this.paragraph(shapeText(this.ctx, b.label, { role: 'hei', size: BODY }, b.line), { indent, keep: true, body: true });
        for (const item of b.items) this.paragraph(shapeText(this.ctx, item, { role: 'kai', size: BODY }, b.line), { indent, body: true });
        return;
      }
      case 'table':
        return this.table(b);
      case 'image': {
        const w = Math.min(WIDTH, b.image.width * 0.75);
        const h = (w * b.image.height) / b.image.width;
        const span = Math.max(1, Math.ceil(h / this.pitch));
        const image = b.image;
        this.flow.push({
          span,
          body: true,
          draw: (top, pitch) => [{ kind: 'image', x: LEFT + (WIDTH - w) / 2, y: top + (span * pitch - h) / 2, width: w, height: h, image }],
        });
        return;
      }
      case 'attachmentNote':
        return this.attachmentNote(b);
      case 'signature':
        return this.signature(b, next);
      case 'note':
        return this.paragraph(shapeText(this.ctx, b.text, { role: 'fangsong', size: BODY }, b.line), {
          indent: S.NOTE_INDENT_CHARS * CELL,
          group: this.lastSignatureGroup(),
        });
      case 'contact':
        for (const t of b.lines)
          this.paragraph(shapeText(this.ctx, t, { role: 'fangsong', size: BODY }, b.line), {
            indent: S.NOTE_INDENT_CHARS * CELL,
            group: this.lastSignatureGroup(),
          });
        return;
      case 'colophon':
        this.colophon = b;
        return;
      case 'pageBreak':
        this.flow.push({ pageBreak: true, draw: () => [] });
        return;
      case 'blankLine':
        return this.blank(b.count);
      default:
        // Header blocks out of place are laid out as plain lines.
        if ('text' in b && typeof b.text === 'string') this.paragraph(shapeText(this.ctx, b.text, { role: 'fangsong', size: BODY }, b.line), { body: true });
        return;
    }
  }

  private currentSignatureGroup: number | undefined;
  private lastSignatureGroup(): number | undefined {
    return this.flow.length && this.flow[this.flow.length - 1]!.group === this.currentSignatureGroup ? this.currentSignatureGroup : undefined;
  }

  /** 标题: 2号 song, centred, split at word boundaries into a trapezoid. */
  private title(t: TitleBlock): void {
    const size = S.TITLE_SIZE_PT;
    const first = this.titlesSeen === 0;
    this.titlesSeen++;
    if (first && this.ruleFreeSlot !== undefined) {
      // 2 blank lines below the red rule: the header already reserves up to the rule; the category mark may sit in the first.
      const gap = t.article ? B.FIRST_ARTICLE_GAP_LINES : S.TITLE_GAP_BELOW_RED_RULE_LINES;
      const used = this.headerSlots - this.ruleFreeSlot;
      this.blank(Math.max(0, gap - used));
    } else if (!first && t.article) {
      this.blank(B.NEXT_ARTICLE_GAP_LINES);
    }
    const lines = t.lines?.length ? t.lines : splitTitle(t.text, (ch) => naturalWidth(shapeText(this.ctx, ch, { role: 'song', size })), WIDTH * L.TITLE_MAX_WIDTH_SHARE);
    lines.forEach((text) => {
      const chars = shapeText(this.ctx, text, { role: 'song', size }, t.line);
      const w = naturalWidth(chars);
      this.flow.push({ keepWithNext: true, draw: (top, pitch) => solidRuns(chars, LEFT + (WIDTH - w) / 2, textBaseline(top, pitch, size)) });
    });
    // 1 blank line below the title (7.3.2) before the addressee or the article body.
    this.blank(S.ADDRESSEE_GAP_BELOW_TITLE_LINES);
    this.flow[this.flow.length - 1]!.keepWithNext = true;
  }

  /** 附件说明: 1 blank line, indent 2 字, hanging indent after 附件： and aligned numbers. */
  private attachmentNote(a: AttachmentNoteBlock): void {
    this.blank(S.ATTACH_NOTE_GAP_LINES);
    const indent = S.ATTACH_NOTE_INDENT_CHARS * CELL;
    const style = { role: 'fangsong' as const, size: BODY };
    const label = shapeText(this.ctx, a.label, style, a.line);
    const lw = naturalWidth(label);
    const many = a.items.length > 1;
    const items = a.items.map((t, k) => (many && !/^\d+[.．]/.test(t) ? `${k + 1}.${t}` : t));
    const numW = Math.max(0, ...items.map((t) => naturalWidth(shapeText(this.ctx, (/^\d+[.．]/.exec(t) ?? [''])[0], style))));
    items.forEach((t, k) => {
      const num = (/^\d+[.．]/.exec(t) ?? [''])[0];
      const numChars = shapeText(this.ctx, num, style, a.line);
      const nameChars = shapeText(this.ctx, t.slice(num.length), style, a.line);
      const x0 = LEFT + indent + lw;
      const nameX = x0 + numW;
      const lines = breakStyled(nameChars, RIGHT - nameX, RIGHT - nameX);
      lines.forEach((ln, j) => {
        this.flow.push({
          body: true,
          draw: (top, pitch) => {
            const base = textBaseline(top, pitch, BODY);
            const out: PageItem[] = [];
            if (k === 0 && j === 0) out.push(...solidRuns(label, LEFT + indent, base));
            if (j === 0 && num) out.push(...solidRuns(numChars, x0 + numW - naturalWidth(numChars), base));
            out.push(...lineRuns(nameChars, ln, nameX, base));
            return out;
          },
        });
      });
    });
  }

  /** 署名 and 成文日期 (7.3.5) with optional seal; the block never stands alone on a page. */
  private signature(s: SignatureBlock, _next: Block | undefined): void {
    const group = ++this.groupSeq;
    this.currentSignatureGroup = group;
    const style = { role: 'fangsong' as const, size: BODY };
    const date = shapeText(this.ctx, s.date, style, s.line);
    const dw = naturalWidth(date);
    const names = s.issuers.map((n) => shapeText(this.ctx, n, style, s.line));
    const nw = Math.max(0, ...names.map(naturalWidth));
    const push = (draw: FlowLine['draw'], blank = false): void => {
      this.flow.push({ draw, group, keepWithNext: true, blank });
    };
    if (s.seal) {
      for (let k = 0; k < S.SEALED_SIGNATURE_GAP_LINES; k++) push(() => [], true);
      const dateX = RIGHT - S.DATE_RIGHT_INSET_SEALED_CHARS * CELL - dw;
      const centre = dateX + dw / 2;
      names.forEach((n) => push((top, pitch) => solidRuns(n, centre - naturalWidth(n) / 2, textBaseline(top, pitch, BODY))));
      const seal = s.seal;
      const d = mmToPt(S.SEAL_DIAMETER_MM);
      const sw = d;
      const sh = (d * seal.height) / seal.width;
      this.flow.push({
        group,
        draw: (top, pitch) => {
          const base = textBaseline(top, pitch, BODY);
          const dateMid = top + pitch / 2;
          return [
            ...solidRuns(date, dateX, base),
            { kind: 'image', x: centre - sw / 2, y: dateMid - L.SEAL_CENTRE_ABOVE_DATE_SHARE * sh - sh / 2 - (names.length ? pitch / 2 : 0), width: sw, height: sh, image: seal, blend: 'multiply' },
          ];
        },
      });
    } else {
      for (let k = 0; k < S.UNSEALED_GAP_LINES; k++) push(() => [], true);
      const inset2 = S.UNSEALED_NAME_RIGHT_INSET_CHARS * CELL;
      const shift = S.UNSEALED_DATE_SHIFT_CHARS * CELL;
      // Name right-inset 2 字; date starts 2 字 right of the name, unless it is longer: then the date is right-inset 2 字.
      let nameX = RIGHT - inset2 - nw;
      let dateX = nameX + shift;
      if (dateX + dw > RIGHT - inset2 || !names.length) {
        dateX = RIGHT - inset2 - dw;
        nameX = dateX - shift;
      }
      names.forEach((n) => push((top, pitch) => solidRuns(n, nameX, textBaseline(top, pitch, BODY))));
      this.flow.push({ group, draw: (top, pitch) => solidRuns(date, dateX, textBaseline(top, pitch, BODY)) });
    }
  }

  /** GFM table: equal columns, cell text wrapped, ruled grid. */
  private table(t: TableBlock): void {
    const cols = Math.max(t.header.length, ...t.rows.map((r) => r.length));
    if (!cols) return;
    const colW = WIDTH / cols;
    const pad = CELL / 4;
    const rows = [t.header, ...t.rows];
    rows.forEach((row, ri) => {
      const cells = Array.from({ length: cols }, (_, c) => {
        const chars = shape(this.ctx, row[c] ?? [], { role: ri === 0 ? 'hei' : 'fangsong', size: BODY }, t.line);
        const lines = breakStyled(chars, colW - 2 * pad, colW - 2 * pad);
        return { chars, lines };
      });
      const span = Math.max(1, ...cells.map((c) => c.lines.length));
      this.flow.push({
        span,
        body: true,
        draw: (top, pitch) => {
          const out: PageItem[] = [];
          const h = span * pitch;
          const line = (x1: number, y1: number, x2: number, y2: number): Rule => ({ kind: 'rule', x1, y1, x2, y2, thickness: 0.5, color: 'black' });
          out.push(line(LEFT, top, RIGHT, top), line(LEFT, top + h, RIGHT, top + h));
          for (let c = 0; c <= cols; c++) out.push(line(LEFT + c * colW, top, LEFT + c * colW, top + h));
          cells.forEach((cell, c) => {
            const a = t.align[c] ?? 'left';
            cell.lines.forEach((ln, k) => {
              const inner = colW - 2 * pad;
              const x = LEFT + c * colW + pad + (a === 'center' ? (inner - ln.width) / 2 : a === 'right' ? inner - ln.width : 0);
              out.push(...lineRuns(cell.chars, { ...ln, justified: false }, x, textBaseline(top + k * pitch, pitch, BODY)));
            });
          });
          return out;
        },
      });
    });
  }

  // ── Pagination (spec §8) ──────────────────────────────────────────────────
  private paginate(): Page[] {
    const cap = S.LINES_PER_PAGE;
    const pages: PageState[] = [];
    const newPage = (): PageState => {
      const p: PageState = { placed: [], fixed: [], firstSlot: 0, pitch: this.pitch, numbered: true };
      pages.push(p);
      return p;
    };
    let page = newPage();
    page.fixed.push(...this.header);
    page.firstSlot = this.headerSlots;
    let slot = this.headerSlots;
    const flow = this.flow;
    const spanOf = (f: FlowLine): number => f.span ?? 1;
    for (let i = 0; i < flow.length; i++) {
      const f = flow[i]!;
      if (f.pageBreak) {
        if (page.placed.length || slot > page.firstSlot) {
          page = newPage();
          slot = 0;
        }
        continue;
      }
      if (f.blank && slot === 0 && f.group === undefined) continue; // no blank line at a page top
      // A group (signature) is placed whole.
      if (f.group !== undefined) {
        let j = i;
        let need = 0;
        while (j < flow.length && flow[j]!.group === f.group) need += spanOf(flow[j++]!);
        if (slot + need > cap) {
          // The signature block never stands alone on a page (GB/T 9704 7.3.5.5; spec §8
          // «Signature page without body»). In this order:
          //  (1) 7.3.5.5 «tighten line spacing»: set this page's pitch tighter, by at most
          //      SIGNATURE_SQUEEZE_MAX_PT (1 pt), and only when that actually wins the rows the
          //      block needs. On the 22-line grid (28.99 pt) 1 pt never wins a row (637.8 / 27.99
          //      = 22.8), so this only helps with the 28 pt pitch (23 rows at 27.73 pt). Not on
          //      page 1: its body must stay on the grid of the 版头 above it.
          //  (2) spec §8 policy: carry the last 2 body lines — as few as the rule allows, plus a
          //      heading kept with them — to the next page, which then holds body text above the
          //      signature. The page before ends early by those 2 lines plus the rows the block
          //      could not use; it is the one page allowed to end before its 22nd line.
          //  (3) With nothing to carry (page 1 holds ≤ 2 body lines), the block goes over alone,
          //      headed by （此页无正文） only when the document opts in.
          const tight = S.TYPE_H_PT / (slot + need);
          if (page.firstSlot === 0 && this.pitch - tight <= S.SIGNATURE_SQUEEZE_MAX_PT && slot + need <= Math.floor(S.TYPE_H_PT / tight + 1e-6)) {
            page.pitch = Math.min(page.pitch, tight);
          } else {
            const carried: Placed[] = [];
            const bodyLines = page.placed.filter((p) => p.line.body);
            if (bodyLines.length > 2 || (pages.length > 1 && bodyLines.length >= 2)) {
              while (page.placed.length && (carried.filter((c) => c.line.body).length < 2 || page.placed[page.placed.length - 1]!.line.keepWithNext)) {
                carried.unshift(page.placed.pop()!);
              }
            }
            page = newPage();
            slot = 0;
            if (!carried.length && this.doc.options.noBodyTextNotice) {
              const chars = shapeText(this.ctx, '（此页无正文）', { role: 'fangsong', size: BODY });
              page.placed.push({ slot: 0, line: { draw: (top, pitch) => solidRuns(chars, LEFT, textBaseline(top, pitch, BODY)) } });
              slot = 1;
            }
            for (const c of carried) {
              page.placed.push({ line: c.line, slot });
              slot += spanOf(c.line);
            }
          }
        }
        for (let k = i; k < j; k++) {
          page.placed.push({ line: flow[k]!, slot });
          slot += spanOf(flow[k]!);
        }
        i = j - 1;
        continue;
      }
      // Keep a heading (or title) chain with the line after it.
      let chain = spanOf(f);
      if (f.keepWithNext) {
        let j = i;
        chain = 0;
        while (j < flow.length && flow[j]!.keepWithNext && flow[j]!.group === undefined) chain += spanOf(flow[j++]!);
        if (j < flow.length && !flow[j]!.pageBreak) chain += spanOf(flow[j]!);
      }
      if (slot + chain > cap && chain <= cap - 0 && slot > 0 && !(pages.length === 1 && slot === page.firstSlot)) {
        page = newPage();
        slot = 0;
        if (f.blank) continue;
      } else if (slot + spanOf(f) > cap) {
        page = newPage();
        slot = 0;
        if (f.blank) continue;
      }
      page.placed.push({ line: f, slot });
      slot += spanOf(f);
    }
    if (this.colophon) this.placeColophon(this.colophon, pages, slot, newPage);
    return pages.map((p, k) => this.drawPage(p, k + 1));
  }

  private placeColophon(c: ColophonBlock, pages: PageState[], slot: number, newPage: () => PageState): void {
    const { items, rows } = this.colophonItems(c);
    const pitch = this.pitch;
    const height = rows * pitch;
    let page = pages[pages.length - 1]!;
    const usedBottom = TOP + slot * page.pitch;
    let alone = false;
    if (usedBottom > S.TYPE_BOTTOM_PT - height + 1e-6) {
      page = newPage();
      alone = true;
    }
    if (this.doc.options.colophonOnEvenPage && pages.length % 2 === 1) {
      if (alone) {
        // A blank page before the 版记 page: neither is numbered (7.5).
        pages.pop();
        const blank = newPage();
        blank.numbered = false;
        page = newPage();
        page.numbered = false;
      } else {
        page = newPage();
      }
    }
    page.fixed.push(...items);
  }

  /** 版记 / 报尾 items, bottom-aligned so the last rule lies on the 版心 bottom; and the row count. */
  private colophonItems(c: ColophonBlock): { items: PageItem[]; rows: number } {
    const size = S.COLOPHON_SIZE_PT;
    const inset = S.COLOPHON_SIDE_INSET_PT;
    const pitch = this.pitch;
    const style = { role: 'fangsong' as const, size };
    const thick = mmToPt(S.COLOPHON_RULE_THICK_MM);
    const thin = mmToPt(S.COLOPHON_RULE_THIN_MM);
    type Row = { draw: (top: number) => PageItem[]; ruleAfter: boolean };
    const rows: Row[] = [];
    c.rows.forEach((r, k) => {
      if (r.kind === 'labelled') {
        const label = shapeText(this.ctx, r.label, style, c.line);
        const text = shapeText(this.ctx, r.text, style, c.line);
        const lw = naturalWidth(label);
        const measure = WIDTH - 2 * inset - lw;
        const lines = breakStyled(text, measure, measure);
        lines.forEach((ln, j) => {
          rows.push({
            ruleAfter: j === lines.length - 1 && !!r.ruleAfter,
            draw: (top) => {
              const base = textBaseline(top, pitch, size);
              const out: PageItem[] = [];
              if (j === 0) out.push(...solidRuns(label, LEFT + inset, base));
              out.push(...lineRuns(text, ln, LEFT + inset + lw, base));
              return out;
            },
          });
        });
      } else {
        // 7.4.3: the 印发 line is separated from other elements by a thin rule.
        if (rows.length && !rows[rows.length - 1]!.ruleAfter) rows[rows.length - 1]!.ruleAfter = true;
        const printer = shapeText(this.ctx, r.printer, style, c.line);
        const date = shapeText(this.ctx, r.date, style, c.line);
        const dateRow = (top: number): PageItem[] =>
          solidRuns(date, RIGHT - inset - naturalWidth(date), textBaseline(top, pitch, size));
        if (naturalWidth(printer) + naturalWidth(date) + cellFor(size) <= WIDTH - 2 * inset) {
          rows.push({
            ruleAfter: !!r.ruleAfter && k < c.rows.length - 1,
            draw: (top) => [...solidRuns(printer, LEFT + inset, textBaseline(top, pitch, size)), ...dateRow(top)],
          });
        } else {
          // A long office name: the date goes to its own row, right-inset 1 字.
          rows.push({ ruleAfter: false, draw: (top) => solidRuns(printer, LEFT + inset, textBaseline(top, pitch, size)) });
          rows.push({ ruleAfter: !!r.ruleAfter && k < c.rows.length - 1, draw: dateRow });
        }
        if (r.copies) {
          const copies = shapeText(this.ctx, r.copies, style, c.line);
          rows.push({
            ruleAfter: false,
            draw: (top) => solidRuns(copies, RIGHT - inset - naturalWidth(copies), textBaseline(top, pitch, size)),
          });
        }
      }
    });
    const n = rows.length;
    const top0 = S.TYPE_BOTTOM_PT - n * pitch;
    const items: PageItem[] = [];
    const rule = (y: number, t: number): Rule => ({ kind: 'rule', x1: LEFT, y1: y, x2: RIGHT, y2: y, thickness: t, color: 'black' });
    // Thick first and last rules lie inside the block (their outer edge on the block edge).
    items.push(rule(top0 + thick / 2, thick));
    rows.forEach((r, k) => {
      const top = top0 + k * pitch;
      items.push(...r.draw(top));
      if (r.ruleAfter && k < n - 1) items.push(rule(top + pitch, thin));
    });
    items.push(rule(S.TYPE_BOTTOM_PT - thick / 2, thick));
    return { items, rows: n };
  }

  private drawPage(p: PageState, index: number): Page {
    const items: PageItem[] = [...p.fixed.filter((i) => i.kind !== 'image')];
    const later: PageItem[] = p.fixed.filter((i) => i.kind === 'image');
    for (const pl of p.placed) {
      for (const it of pl.line.draw(this.slotTop(pl.slot, p.pitch), p.pitch)) (it.kind === 'image' ? later : items).push(it);
    }
    // Images (the seal) are drawn over the text.
    items.push(...later);
    const hasContent = items.length > 0;
    const number = p.numbered && hasContent ? index : null;
    if (number !== null) items.push(...this.pageNumber(number));
    // Reading order: by baseline, then x (rules and images keep their place after the text of their line).
    return { number, items: sortReading(items) };
  }

  /** `— N —` 4号 songti, the em-box centre 7 mm below the 版心; odd right, even left, inset 1 字 [7.5]. */
  private pageNumber(n: number): GlyphRun[] {
    const size = S.PAGE_NO_SIZE_PT;
    const chars = shapeText(this.ctx, S.formatPageNumber(n), { role: 'songti', size });
    const w = naturalWidth(chars);
    const x = n % 2 === 1 ? RIGHT - S.PAGE_NO_SIDE_INSET_PT - w : LEFT + S.PAGE_NO_SIDE_INSET_PT;
    const base = L.PAGE_NO_CENTRE_Y_PT - size / 2 + L.EM_BOX_ASCENT_EM * size;
    return solidRuns(chars, x, base);
  }
}

function sortReading(items: PageItem[]): PageItem[] {
  const texts = items.filter((i): i is GlyphRun => i.kind === 'text');
  const others = items.filter((i) => i.kind !== 'text');
  texts.sort((a, b) => (Math.abs(a.baseline - b.baseline) > 0.5 ? a.baseline - b.baseline : a.x - b.x));
  return [...texts, ...others];
}

/** The platform's Chinese word segmenter (made once: making one loads ICU's dictionaries). */
let wordSegmenter: Intl.Segmenter | undefined;

/**
 * Split a title into lines at word boundaries, longest line on top (梯形), no line of one
 * character, each line within `max` pt. `charWidth` is one character's width, pt: a line is
 * as wide as its characters together.
 */
export function splitTitle(text: string, charWidth: (ch: string) => number, max: number): string[] {
  const chars = [...text];
  const widths = chars.map(charWidth);
  // Width of chars [s, e), each sum taken in reading order from s: running sums from every
  // start a candidate line can have, made once (a three-line title tries every pair of cuts).
  const sumsFrom = new Map<number, Float64Array>();
  const width = (s: number, e: number): number => {
    let sums = sumsFrom.get(s);
    if (!sums) {
      sums = new Float64Array(chars.length - s + 1);
      for (let k = s; k < chars.length; k++) sums[k - s + 1] = sums[k - s]! + widths[k]!;
      sumsFrom.set(s, sums);
    }
    return sums[e - s]!;
  };
  const total = width(0, chars.length);
  if (total <= max) return [text];
  // Word boundaries from the platform's Chinese segmenter, filtered by the breaking rules.
  const seg = (wordSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' }));
  const cuts = new Set<number>();
  let pos = 0;
  for (const s of seg.segment(text)) {
    if (pos > 0) cuts.add(pos);
    pos += [...s.segment].length;
  }
  const cs = chars.map((ch) => ({ ch }));
  const ok = [...cuts].filter((k) => canBreakBefore(cs, k) && k >= 2 && chars.length - k >= 2).sort((a, b) => a - b);
  const n = Math.ceil(total / max);
  let best: { edges: number[]; cost: number } | undefined;
  /** Cost of one line break between lines `above` and `below` wide: longest on top, by a tenth. */
  const stepCost = (above: number, below: number): number => {
    const d = above - below;
    return d < 0 ? 1000 + -d : Math.abs(d - max * 0.1);
  };
  const tryLines = (bps: readonly number[]): void => {
    let cost = 0;
    let short = false;
    let prevWidth = 0;
    for (let k = 0; k <= bps.length; k++) {
      const s = k === 0 ? 0 : bps[k - 1]!;
      const e = k === bps.length ? chars.length : bps[k]!;
      const w = width(s, e);
      if (w > max) return;
      if (k > 0) cost += stepCost(prevWidth, w);
      if (e - s < 2) short = true;
      prevWidth = w;
    }
    cost += short ? 10000 : 0;
    if (!best || cost < best.cost) best = { edges: [0, ...bps, chars.length], cost };
  };
  for (let k = Math.max(2, n); k <= Math.max(2, n) + 1 && !best; k++) {
    if (k === 2) for (const a of ok) tryLines([a]);
    else if (k === 3) for (const a of ok) for (const b of ok) if (b > a) tryLines([a, b]);
  }
  const found = best as { edges: number[] } | undefined;
  if (found) return found.edges.slice(1).map((e, k) => chars.slice(found.edges[k], e).join(''));
  // No word boundary fits: cut by width at allowed character breaks.
  const out: string[] = [];
  let start = 0;
  for (let k = 0; k < chars.length; k++) {
    if (k > start && width(start, k + 1) > max && canBreakBefore(cs, k)) {
      out.push(chars.slice(start, k).join(''));
      start = k;
    }
  }
  if (start < chars.length) out.push(chars.slice(start).join(''));
  return out;
}
