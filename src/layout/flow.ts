// The body flow: the model's body blocks → flow lines (grid lines with their pieces and the
// pagination flags), in document order. Titles, tables, signatures and 附件说明 are planned by
// their own modules; this one holds the flow and the plain paragraphs.

import type { Block, ColophonBlock } from '../model/types.js';
import * as S from '../spec/gbt9704.js';
import { planAttachment } from './attachment.js';
import { planAttachmentPage } from './attachmentpage.js';
import { planAttendance } from './attendance.js';
import type { PlanContext } from './context.js';
import { BODY, CELL, LEFT, WIDTH } from './page.js';
import type { AttachmentPagePlan, AttachmentPlan, AttendancePlan, FlowLine, ImagePlan, HeaderPlan, LinePiece, LineRole, SignaturePlan, TablePlan, TitlePlan } from './plan.js';
import { planSignature } from './signature.js';
import { imagePiece, minImageSpan, planImage } from './image.js';
import { planTable } from './table.js';
import { planTitle } from './title.js';
import { breakStyled, shape, shapeText, type StyledChar } from './text.js';

export interface ParagraphOptions {
  indent?: number;
  hang?: number;
  align?: 'justify' | 'left' | 'center' | 'right';
  keep?: boolean;
  body?: boolean;
  group?: number;
  role?: LineRole;
}

/** The flow being built, and the block it is at. */
export class Flow {
  readonly lines: FlowLine[] = [];
  /** Index of the model block being planned. */
  block: number | undefined;
  private groupSeq = 0;
  private signatureGroup: number | undefined;

  push(line: Omit<FlowLine, 'span' | 'keepWithNext' | 'body' | 'block'> & Partial<FlowLine>): void {
    this.lines.push({ span: 1, keepWithNext: false, body: false, ...(this.block !== undefined ? { block: this.block } : {}), ...line });
  }

  blank(n = 1): void {
    for (let k = 0; k < n; k++) this.push({ role: 'blank', pieces: [] });
  }

  /** A new group (a signature block), which following notes may join. */
  newGroup(): number {
    this.signatureGroup = ++this.groupSeq;
    return this.signatureGroup;
  }

  /** The signature group the flow ends in, if any (a 附注 after it moves with it). */
  openGroup(): number | undefined {
    const last = this.lines[this.lines.length - 1];
    return last && last.group !== undefined && last.group === this.signatureGroup ? this.signatureGroup : undefined;
  }

  /** A paragraph of styled characters: indent (first line), hanging indent (rest), alignment. */
  paragraph(chars: StyledChar[], opts: ParagraphOptions): void {
    const indent = opts.indent ?? 0;
    const hang = opts.hang ?? 0;
    const lines = breakStyled(chars, WIDTH - indent, WIDTH - hang);
    lines.forEach((ln, k) => {
      const x0 = LEFT + (k === 0 ? indent : hang);
      const measure = WIDTH - (k === 0 ? indent : hang);
      let x = x0;
      if (opts.align === 'center') x = x0 + (measure - ln.width) / 2;
      else if (opts.align === 'right') x = x0 + measure - ln.width;
      const size = chars[ln.start]?.size ?? BODY;
      const piece: LinePiece = { kind: 'text', chars, line: ln, x, row: 0, size };
      this.push({
        role: opts.role ?? 'body',
        pieces: [piece],
        keepWithNext: !!opts.keep || (opts.group !== undefined && k < lines.length - 1),
        body: !!opts.body,
        ...(opts.group !== undefined ? { group: opts.group } : {}),
      });
    });
    if (!lines.length) this.blank();
  }
}

export interface FlowPlan {
  lines: FlowLine[];
  titles: TitlePlan[];
  signatures: SignaturePlan[];
  attachments: AttachmentPlan[];
  attachmentPages: AttachmentPagePlan[];
  tables: TablePlan[];
  images: ImagePlan[];
  attendance: AttendancePlan[];
  colophon?: ColophonBlock;
}

/** Plans blocks[from…] into the flow below the header. */
export function planFlow(pc: PlanContext, blocks: readonly Block[], from: number, header: HeaderPlan): FlowPlan {
  const flow = new Flow();
  const out: FlowPlan = { lines: flow.lines, titles: [], signatures: [], attachments: [], attachmentPages: [], tables: [], images: [], attendance: [] };
  const indent = S.BODY_INDENT_CHARS * CELL;
  const text = (t: string, line?: number) => shapeText(pc.shaper, t, { role: 'fangsong', size: BODY }, line);
  for (let i = from; i < blocks.length; i++) {
    const b = blocks[i]!;
    flow.block = i;
    switch (b.kind) {
      case 'title':
        out.titles.push(planTitle(pc, flow, b, i, header, out.titles.length === 0));
        break;
      case 'addressee':
        flow.paragraph(text(b.text, b.line), { align: 'left', body: true });
        break;
      case 'paragraph':
        if (b.style === 'caption') {
          // A table's caption goes with the table's first rows; a figure's follows its image.
          const keep = blocks[i + 1]?.kind === 'table';
          flow.paragraph(shape(pc.shaper, b.runs, { role: 'hei', size: BODY }, b.line), { align: 'center', body: true, keep });
        } else if (b.style === 'credit') flow.paragraph(shape(pc.shaper, b.runs, { role: 'kai', size: BODY }, b.line), { align: 'right', body: true });
        else {
          const role = b.style === 'quote' ? 'kai' : 'fangsong';
          flow.paragraph(shape(pc.shaper, b.runs, { role, size: BODY }, b.line), { indent, align: b.style === 'code' ? 'left' : 'justify', body: true });
        }
        break;
      case 'heading': {
        const role = b.level === 1 ? 'hei' : b.level === 2 ? 'kai' : 'fangsong';
        const bold = b.level === 3 && pc.doc.options.boldLevel3;
        flow.paragraph(shape(pc.shaper, b.runs, { role, size: BODY, bold }, b.line), { indent, keep: true, body: true, role: 'heading' });
        break;
      }
      case 'editorNote':
        b.paragraphs.forEach((runs, k) => {
          const label = k === 0 ? [{ text: b.label, font: 'hei' as const, line: b.line }] : [];
          flow.paragraph(shape(pc.shaper, [...label, ...runs], { role: 'kai', size: BODY }, b.line), { indent, body: true });
        });
        break;
      case 'toc':
        flow.paragraph(shapeText(pc.shaper, b.label, { role: 'hei', size: BODY }, b.line), { indent, keep: true, body: true, role: 'heading' });
        for (const item of b.items) flow.paragraph(shapeText(pc.shaper, item, { role: 'kai', size: BODY }, b.line), { indent, body: true });
        break;
      case 'table': {
        const t = planTable(pc, flow, b, i);
        if (t) out.tables.push(t);
        break;
      }
      case 'image': {
        const next = blocks[i + 1];
        const captioned = next?.kind === 'paragraph' && next.style === 'caption';
        const img = planImage(pc, b, i, captioned);
        out.images.push(img);
        flow.push({ role: 'image', span: img.span, body: true, keepWithNext: captioned, minSpan: minImageSpan(img, pc.pitch), pieces: [imagePiece(b, img)] });
        break;
      }
      case 'attachmentNote':
        out.attachments.push(planAttachment(pc, flow, b, i));
        break;
      case 'attachmentPage':
        out.attachmentPages.push(planAttachmentPage(pc, flow, b, i));
        break;
      case 'signature':
        out.signatures.push(planSignature(pc, flow, b, i));
        break;
      case 'note':
        flow.paragraph(text(b.text, b.line), { indent: S.NOTE_INDENT_CHARS * CELL, role: 'note', ...groupOf(flow) });
        break;
      case 'contact':
        for (const t of b.lines) flow.paragraph(text(t, b.line), { indent: S.NOTE_INDENT_CHARS * CELL, role: 'note', ...groupOf(flow) });
        break;
      case 'attendance':
        out.attendance.push(planAttendance(pc, flow, b, i, blocks[i - 1]?.kind !== 'attendance'));
        break;
      case 'colophon':
        out.colophon = b;
        break;
      case 'pageBreak':
        flow.push({ role: 'pageBreak', span: 0, pieces: [] });
        break;
      case 'blankLine':
        flow.blank(b.count);
        break;
      default:
        // Header blocks out of place are set as plain lines.
        if ('text' in b && typeof b.text === 'string') flow.paragraph(text(b.text, b.line), { body: true });
    }
  }
  return out;
}

const groupOf = (flow: Flow): { group?: number } => {
  const g = flow.openGroup();
  return g === undefined ? {} : { group: g };
};
