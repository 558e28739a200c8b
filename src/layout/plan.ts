// The document plan: every layout decision of one document as plain data, made once from the
// model and the fonts (src/layout/index.ts planDocument) and read by both writers. The PDF
// path draws it (draw.ts); the DOCX writer states it in twips and Word constructs.
// Lengths are pt; x from the 版心 left edge unless named otherwise; grid slots are 0-based.

import type { DocumentInfo, FontRole, ImageData } from '../model/types.js';
import type { BrokenLine } from './linebreak.js';
import type { StyledChar } from './text.js';
import type { LayoutWarning, Rule, PlacedImage } from './types.js';

// ── Pieces: what a line or a page draws ─────────────────────────────────────

/** Text in a line box: set solid (optionally letter-spaced), or as one broken line of a paragraph. */
export interface TextPiece {
  kind: 'text';
  chars: readonly StyledChar[];
  /** The broken line of `chars` to draw; absent: all of `chars`, solid. */
  line?: BrokenLine;
  /** Left edge, pt from the paper's left edge. */
  x: number;
  /** Grid line within the box (0 = the box's first line); the baseline is centred in it. */
  row: number;
  size: number;
  letterSpacing?: number;
}
/** A rule in a line box, from (x1, row) to (x2, row2); y = box top + row × pitch. */
export interface RulePiece {
  kind: 'rule';
  x1: number;
  x2: number;
  row: number;
  row2: number;
  thickness: number;
  color: 'black' | 'red';
}
/** An image in a line box: its top at box top + row × pitch + dy. */
export interface ImagePiece {
  kind: 'image';
  x: number;
  row: number;
  dy: number;
  width: number;
  height: number;
  image: ImageData;
  blend?: 'multiply';
}
export type LinePiece = TextPiece | RulePiece | ImagePiece;

/** Text at a fixed place on the page (版头, 版记, page number): baseline pt from the paper top. */
export interface FixedText {
  kind: 'text';
  chars: readonly StyledChar[];
  line?: BrokenLine;
  x: number;
  baseline: number;
  letterSpacing?: number;
}
export type FixedPiece = FixedText | Rule | PlacedImage;

// ── The flow ─────────────────────────────────────────────────────────────────

/** What a flow line is, for the pagination rules and for tests. */
export type LineRole =
  | 'blank'
  | 'pageBreak'
  | 'title'
  | 'heading'
  | 'body'
  | 'table'
  | 'image'
  | 'signature'
  | 'date'
  | 'note'
  | 'notice';

/** One grid line (or a few) of the body flow. */
export interface FlowLine {
  role: LineRole;
  /** Grid lines taken. */
  span: number;
  pieces: LinePiece[];
  /** Keep on the same page as the next flow line (headings, title lines). */
  keepWithNext: boolean;
  /** Body text (counts as «body on the page» for the signature rule). */
  body: boolean;
  /** Members of one group (a signature block) move together. */
  group?: number;
  /** Index of the model block the line comes from (none for the plan's own lines). */
  block?: number;
  /** A table's 续表 line and header row, set again above this row when the row begins a page. */
  repeat?: FlowLine[];
  /** An image that may be scaled down to as few as this many grid lines to stay on its page. */
  minSpan?: number;
}

export interface PlacedLine {
  slot: number;
  line: FlowLine;
}

export interface PagePlan {
  /** False for a page the standard leaves unnumbered (the blank page before the 版记 and its page). */
  numbered: boolean;
  /** Printed page number, or null (a blank page, or the 版记 page after one) [S 7.5]. */
  number: number | null;
  /** Side of the page number: odd pages right, even left [S 7.5]. */
  numberSide: 'left' | 'right' | null;
  /** Grid pitch of this page (tighter than the document's when the signature squeezed it). */
  pitch: number;
  /** First slot the flow may use (below the 版头 on page 1). */
  firstSlot: number;
  lines: PlacedLine[];
  /** Fixed pieces: the 版头 on page 1, the 版记 on its page. */
  fixed: FixedPiece[];
  /** The 版记 sits on this page. */
  colophon: boolean;
  /** The page number `— N —` as set [S 7.5]. */
  numberText?: FixedText;
}

// ── Decisions both writers state ──────────────────────────────────────────────

/** A line of 份号, 密级 or 紧急程度 [S 7.2.1–7.2.3]. */
export interface TopLinePlan {
  kind: 'copyNumber' | 'secrecy' | 'urgency';
  text: string;
  role: FontRole;
  slot: number;
}

/** 发文机关标志 [S 7.2.4]; joint issuers stacked, the suffix to their right. */
export interface MarkPlan {
  /** Name lines as set (a single name carries its suffix). */
  names: string[];
  /** Suffix set beside stacked names (joint mark), else undefined. */
  suffix?: string;
  size: number;
  /** Horizontal scale, 1 = 100 %, in whole per cent. */
  hScale: number;
  /** Em-box top of the first name, pt below the 版心 top. */
  top: number;
  /** Em top to em top of consecutive names, pt. */
  step: number;
  /** Left edge and width of the names' column (each name centred in it). */
  namesX: number;
  namesWidth: number;
  /** Joint mark: left edge and width of the suffix, and its em-box top below the 版心 top. */
  suffixX: number;
  suffixWidth: number;
  suffixTop: number;
  /** Em-box bottom of the last name, pt below the 版心 top. */
  bottom: number;
  /** Grid slots the mark reaches (the number line starts below them). */
  slots: number;
}

/** 发文字号 [S 7.2.5], with 签发人 rows [S 7.2.6] for 上行文. */
export interface DocNumberPlan {
  number: string;
  /** First slot (the number's own slot when centred). */
  slot: number;
  /** Slot of the number (the last signer row with 签发人). */
  numberSlot: number;
  /** Side inset of number and signer block (上行文), pt; 0 when centred. */
  inset: number;
  signers?: { label: string; rows: string[] };
  /** Flush right on its slot (信函格式) [S 10.1]. */
  right?: boolean;
}

/** A red (or black) rule of the 版头 / 报头 [S 7.2.7]. */
export interface HeaderRulePlan {
  /** Centre of the stroke, pt below the 版心 top. */
  y: number;
  thickness: number;
  color: 'red' | 'black';
  /** The slot whose text the rule is measured from (number / editor line), and that text's size. */
  holderSlot: number;
  holderSize: number;
  /** Distance from the holder text's em-box bottom to the stroke's centre, pt. */
  gap: number;
  /** First grid slot wholly below the rule. */
  freeSlot: number;
}

/** 简报 报头 (spec §12). */
export interface MastheadPlan {
  /** `hScale` (1 = 100 %) is present when a text was narrowed to stay within the 版心. */
  marking?: { text: string; slot: number; size: number; hScale?: number };
  name: { text: string; slot: number; size: number; hScale: number };
  heading: { text: string; slot: number; slots: number; size: number; letterSpacing: number; hScale?: number };
  issue: { text: string; slot: number; size: number; hScale?: number };
  editor: { text: string; date: string; slot: number; size: number; inset: number; hScale?: number };
}

/** A red double rule of the 信函格式 [S 10.1], centred on the page. */
export interface DoubleRulePlan {
  /** Ends, pt from the paper's left edge. */
  x1: number;
  x2: number;
  /** Strokes top-down: centre pt from the paper top, thickness pt. */
  strokes: Array<{ y: number; thickness: number }>;
  /** Top edge of the upper stroke and bottom edge of the lower, pt from the paper top. */
  top: number;
  bottom: number;
}

/** The 信函格式 header's own parts [S 10.1]. */
export interface LetterHeaderPlan {
  /** Under the mark (thick over thin) and above the paper bottom (thin over thick), page 1 only. */
  rules: [DoubleRulePlan, DoubleRulePlan];
  /** Grid slot of the first element under the first rule (the number and the first of 份号/密级/紧急程度). */
  fieldSlot: number;
  /** First slot after the elements under the rule: the title's 2 lines count from here. */
  freeSlot: number;
}

export interface HeaderPlan {
  /** Grid lines the header takes on page 1 (the flow starts on this slot). */
  lines: number;
  top: TopLinePlan[];
  mark?: MarkPlan;
  docNumber?: DocNumberPlan;
  masthead?: MastheadPlan;
  rule?: HeaderRulePlan;
  category?: { text: string; slot: number };
  /** 信函格式: the double rules and the slots under the first one [S 10.1]. */
  letter?: LetterHeaderPlan;
}

/** 标题 [S 7.3.1]: its lines, and the blank lines set before it. */
export interface TitlePlan {
  block: number;
  lines: string[];
  gapBefore: number;
  gapAfter: number;
}

/** 署名, 成文日期, seal [S 7.3.5]; insets from the 版心 right edge, pt. */
export interface SignaturePlan {
  block: number;
  gapLines: number;
  names: Array<{ text: string; rightInset: number }>;
  date: { text: string; rightInset: number };
  /** The seal: its box, left from the 版心 left, top relative to the date line's top (pt at the document pitch). */
  seal?: { x: number; top: number; width: number; height: number };
  /** Joint issuing with seals [S 7.3.5.1]: the rows of names, each under its own seal. */
  joint?: JointSealsPlan;
  /**
   * 命令 [S 7.3.5.3]: signed by the signer, not the organ (`names` is empty). The signer's title
   * ends 2 字 left of the signature seal (or of the name printed in its place), centred on it.
   */
  signer?: {
    title: { text: string; rightInset: number };
    /** The signer's name in the seal's place, when there is no seal image. */
    name?: { text: string; rightInset: number };
    /** Grid lines the seal (or the name) takes; the title is on the middle one. */
    lines: number;
    /** Blank lines between them and the date. */
    dateGapLines: number;
  };
}

/**
 * Several issuers' seals [S 7.3.5.1]: names in issuing order, at most SEALS_PER_ROW a row, in
 * evenly spaced columns right-aligned on the date (the last seal is centred on it); each seal
 * centred on its name, none touching another, none past the 版心.
 */
export interface JointSealsPlan {
  /** Rows top-down: the row's grid line below the first name line, and its names. */
  rows: Array<{ line: number; names: Array<{ issuer: number; text: string; centre: number }> }>;
  /** One seal per issuer: its box, x from the 版心 left, top relative to its row's name line top. */
  seals: Array<{ issuer: number; x: number; top: number; width: number; height: number }>;
}

/** 纪要 attendance list [S 10.3]: label (黑体) and names, wrapped lines after the label. */
export interface AttendancePlan {
  block: number;
  gapLines: number;
  /** Indent of the label, pt; wrapped lines start at indent + labelWidth. */
  indent: number;
  label: string;
  labelWidth: number;
  text: string;
}

/** 附件说明 [S 7.3.4]: numbers right-aligned in a column after the label. */
export interface AttachmentPlan {
  block: number;
  gapLines: number;
  indent: number;
  label: string;
  labelWidth: number;
  numberWidth: number;
  items: Array<{ number: string; name: string }>;
}

/** An attachment's own pages [S 7.3.7]: its label on line 1, title lines from line 3, blank lines around. */
export interface AttachmentPagePlan {
  block: number;
  label: string;
  lines: string[];
  /** Blank lines between the label and the title, and between the title and the body. */
  gapBefore: number;
  gapAfter: number;
}

/** A table [spec §13]: column widths from content, alignment, rows in whole grid lines. */
export interface TablePlan {
  block: number;
  /** Text size in the cells, pt. */
  size: number;
  /** Cell padding left and right, pt. */
  pad: number;
  /** Column widths, pt (they add up to the 版心 width). */
  columns: number[];
  /** Alignment of the body cells and of the header cells, per column. */
  align: Array<'left' | 'center' | 'right'>;
  headerAlign: Array<'left' | 'center' | 'right'>;
  /** The first row is a header row (repeated on every page). */
  header: boolean;
  /** Each row's height in grid lines. */
  rows: Array<{ header: boolean; span: number }>;
}

/** An image of the flow: its size, centred in `span` grid lines. */
export interface ImagePlan {
  block: number;
  width: number;
  height: number;
  span: number;
}

/** One row group of the 版记 as written: a labelled row (its lines) or the 印发 row. */
export type ColophonRowPlan =
  | { kind: 'labelled'; label: string; labelWidth: number; lines: string[]; ruleAfter: boolean }
  | { kind: 'printed'; printer: string; date: string; dateOwnLine: boolean; copies?: string; ruleAfter: boolean };

/** 版记 [S 7.4]: rows, their grid lines, the page it sits on [S 7.5 for the even page]. */
export interface ColophonPlan {
  rows: ColophonRowPlan[];
  /** Grid rows taken (one per printed line). */
  lines: number;
  /** `same`: after the body; `newPage`: on the next page; `blankPage`: after an unnumbered blank page. */
  placement: 'same' | 'newPage' | 'blankPage';
  /** 0-based index of its page. */
  page: number;
}

export interface DocumentPlan {
  info: DocumentInfo;
  file: string;
  /** Grid pitch of the document, pt. */
  pitch: number;
  header: HeaderPlan;
  titles: TitlePlan[];
  signatures: SignaturePlan[];
  attachments: AttachmentPlan[];
  attachmentPages: AttachmentPagePlan[];
  tables: TablePlan[];
  images: ImagePlan[];
  /** 纪要 attendance lists [S 10.3], in order. */
  attendance: AttendancePlan[];
  colophon?: ColophonPlan;
  pages: PagePlan[];
  warnings: LayoutWarning[];
}
