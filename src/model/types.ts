// The document model: typed blocks, each tagged with its official role. Built from the
// template-merged Markdown by src/markdown; read by the PDF layout and the DOCX writer.
// Every text here is final text: labels, punctuation and number formats are already applied.

/** Font roles of the format (design.md «Fonts»). */
export type FontRole =
  | 'song' // 小标宋: titles, issuer mark, 简报 masthead
  | 'fangsong' // 仿宋: body and most elements
  | 'hei' // 黑体: level-1 headings, 密级, 紧急程度, labels
  | 'kai' // 楷体: level-2 headings, signer names, 编者按, block quotes
  | 'songti'; // 宋体: page numbers [GB/T 9704 7.5]

/** A run of inline text with uniform style. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Overrides the font role of the enclosing block. */
  font?: FontRole;
  /** 1-based source line the run came from, for glyph-fallback warnings. */
  line?: number;
}

/** Where a block came from, for warnings: 1-based line in the source file. */
export interface SourceRef {
  line?: number;
}

/** A raster image (PNG or JPEG) already read and checked at the edge. */
export interface ImageData {
  /** File path as given, for messages. */
  src: string;
  bytes: Uint8Array;
  format: 'png' | 'jpeg';
  /** Pixel size. */
  width: number;
  height: number;
}

/** Document types; the 文件格式 ones share one layout (GB/T 9704 7). */
export type DocType =
  | 'bulletin'
  | 'reply'
  | 'notice'
  | 'circular'
  | 'request'
  | 'report'
  | 'opinion'
  | 'approval'
  | 'letter'
  | 'order'
  | 'minutes';

/** The four formats of GB/T 9704 (clause 10): 文件格式, 信函格式, 命令格式, 纪要格式. */
export type DocFormat = 'file' | 'letter' | 'order' | 'minutes';

// ── 版头 (header) ─────────────────────────────────────────────────────────────

/** 份号 [GB/T 9704 7.2.1]: six digits. */
export interface CopyNumberBlock extends SourceRef {
  kind: 'copyNumber';
  text: string;
}
/** 密级和保密期限 [7.2.2], e.g. 机密★1年. */
export interface SecrecyBlock extends SourceRef {
  kind: 'secrecy';
  text: string;
}
/** 紧急程度 [7.2.3]: 特急 / 加急. */
export interface UrgencyBlock extends SourceRef {
  kind: 'urgency';
  text: string;
}
/** 发文机关标志 [7.2.4]: red, one line per issuer; `suffix` (文件) sits right of the names. */
export interface IssuerMarkBlock extends SourceRef {
  kind: 'issuerMark';
  lines: string[];
  suffix?: string;
}
/** 发文字号 [7.2.5] with optional 签发人 [7.2.6] (上行文 layout when signers are present). */
export interface DocNumberBlock extends SourceRef {
  kind: 'docNumber';
  number: string;
  /** 签发人 names, laid out two per line. */
  signers: string[];
  /** Label before the names, as the template gives it (`签发人：`). */
  signerLabel: string;
}
/** 版头分隔线 [7.2.7]: red rule 4 mm below the number. */
export interface RedRuleBlock extends SourceRef {
  kind: 'redRule';
}

// ── 简报 masthead (报头, convention) ────────────────────────────────────────────
export interface MastheadBlock extends SourceRef {
  kind: 'masthead';
  /** Top-left handling note, e.g. 内部刊物 注意保存. */
  marking?: string;
  /** Series line(s) above the big word, red 小标宋. */
  name: string;
  /** The big red word, e.g. 简报 (letter-spaced by the layout). */
  heading: string;
  /** `第56期`, with `（总第N期）` when a volume is given. */
  issue: string;
  /** Editing unit, left. */
  editor: string;
  /** Date, right: 2022年7月20日. */
  date: string;
}
/** 本期要目: generated table of contents. */
export interface TocBlock extends SourceRef {
  kind: 'toc';
  label: string;
  items: string[];
}
/** 编者按: label in 黑体 followed by 楷体 text. */
export interface EditorNoteBlock extends SourceRef {
  kind: 'editorNote';
  label: string;
  paragraphs: Run[][];
}

// ── 主体 (body) ───────────────────────────────────────────────────────────────

/** 标题 [7.3.1] (also a 简报 article title): 2号小标宋, centred, trapezoid lines. */
export interface TitleBlock extends SourceRef {
  kind: 'title';
  text: string;
  /** Explicit line breaks given by the writer (else the layout splits at word boundaries). */
  lines?: string[];
  /** For 简报: an article title (space before follows the article rule). */
  article?: boolean;
}
/** 提案答复 result category, e.g. 办理结果：B, top right of page 1. */
export interface CategoryBlock extends SourceRef {
  kind: 'category';
  text: string;
  letter: 'A' | 'B' | 'C';
}
/** 主送机关 [7.3.2]: flush left, ends with a full-width colon. */
export interface AddresseeBlock extends SourceRef {
  kind: 'addressee';
  text: string;
}
/** Body paragraph [7.3.3]. `style` selects font and indent. */
export interface ParagraphBlock extends SourceRef {
  kind: 'paragraph';
  runs: Run[];
  /**
   * body: 仿宋, indent 2; quote: 楷体, indented; list: keeps its marker; code: literal; credit:
   * right-aligned 楷体 (供稿); caption: `表1 …` above a table or `图1 …` below an image, centred.
   */
  style: 'body' | 'quote' | 'list' | 'code' | 'credit' | 'caption';
}
/** Heading levels [7.3.3]: 1 一、黑体 · 2 （一）楷体 · 3 1.仿宋 · 4 （1）仿宋. */
export interface HeadingBlock extends SourceRef {
  kind: 'heading';
  level: 1 | 2 | 3 | 4;
  runs: Run[];
}
/** GFM table, set in the body font. */
export interface TableBlock extends SourceRef {
  kind: 'table';
  header: Run[][];
  rows: Run[][][];
  align: Array<'left' | 'center' | 'right' | null>;
}
/** Image (简报 only), scaled to the 版心 width at most. */
export interface ImageBlock extends SourceRef {
  kind: 'image';
  image: ImageData;
  alt: string;
}
/** 附件说明 [7.3.4]: `附件：1.Name` with aligned numbers. */
export interface AttachmentNoteBlock extends SourceRef {
  kind: 'attachmentNote';
  label: string;
  items: string[];
}
/**
 * The head of an attachment's own pages [GB/T 9704 7.3.7, 8]: a new page, `附件2` (the label the
 * template gives) in 黑体 on 版心 line 1, the title centred on line 3; the attachment's body
 * blocks follow it.
 */
export interface AttachmentPageBlock extends SourceRef {
  kind: 'attachmentPage';
  label: string;
  title: string;
}
/** 署名 and 成文日期 [7.3.5] with optional seal image. */
export interface SignatureBlock extends SourceRef {
  kind: 'signature';
  /** Issuer names (host first); empty when only a date is printed. */
  issuers: string[];
  date: string;
  /** The seal of a single issuer (the host's when several seal). */
  seal?: ImageData;
  /** Joint issuing with seals: one per issuer, in issuing order (2 or more) [7.3.5.1]. */
  seals?: ImageData[];
  /** 命令: the signer's title; the signature is the signer's (签名章 or name), 7.3.5.3. */
  signerTitle?: string;
}
/** 附注 [7.3.6]: in parentheses, indent 2 字, the line after the date. */
export interface NoteBlock extends SourceRef {
  kind: 'note';
  text: string;
}
/** 纪要 attendance list [10.3]: `出席：` in 黑体, the names in 仿宋, wrapped lines after the colon. */
export interface AttendanceBlock extends SourceRef {
  kind: 'attendance';
  /** e.g. 出席：, 请假：, 列席： */
  label: string;
  text: string;
}
/** Contact block of a reply, in the 附注 position: one line each. */
export interface ContactBlock extends SourceRef {
  kind: 'contact';
  lines: string[];
}

// ── 版记 / 报尾 (colophon) ─────────────────────────────────────────────────────

/** One row of the colophon: `label` then `text`; wrapped lines align after the label. */
export interface ColophonLabelledRow {
  kind: 'labelled';
  /** e.g. 抄送：, 报：, 送：, 发：, 主送：, 公开方式： */
  label: string;
  text: string;
  /** A thin rule follows this row (between groups). */
  ruleAfter?: boolean;
}
/** The 印发 row: office left-inset 1 字, `YYYY年M月D日印发` right-inset 1 字. */
export interface ColophonPrintedRow {
  kind: 'printed';
  printer: string;
  date: string;
  /** （共印N份） on the last row, right. */
  copies?: string;
  ruleAfter?: boolean;
}
export type ColophonRow = ColophonLabelledRow | ColophonPrintedRow;

/** 版记 [7.4] / 报尾: pinned to the bottom of the last page, thick first and last rules. */
export interface ColophonBlock extends SourceRef {
  kind: 'colophon';
  rows: ColophonRow[];
}

/** Forces the next block onto a new page (attachments). */
export interface PageBreakBlock extends SourceRef {
  kind: 'pageBreak';
}

/** A blank grid line the template asked for explicitly. */
export interface BlankLineBlock extends SourceRef {
  kind: 'blankLine';
  count: number;
}

export type Block =
  | CopyNumberBlock
  | SecrecyBlock
  | UrgencyBlock
  | IssuerMarkBlock
  | DocNumberBlock
  | RedRuleBlock
  | MastheadBlock
  | TocBlock
  | EditorNoteBlock
  | TitleBlock
  | CategoryBlock
  | AddresseeBlock
  | ParagraphBlock
  | HeadingBlock
  | TableBlock
  | ImageBlock
  | AttachmentNoteBlock
  | AttachmentPageBlock
  | SignatureBlock
  | NoteBlock
  | ContactBlock
  | AttendanceBlock
  | ColophonBlock
  | PageBreakBlock
  | BlankLineBlock;

export type BlockKind = Block['kind'];

/** Document-level information for PDF/DOCX metadata and the manifest. */
export interface DocumentInfo {
  type: DocType;
  /** Title for metadata: the document title, or the bulletin's name + issue. */
  title: string;
  /** Author = issuer (or the bulletin's editor). */
  author: string;
  /** Subject = 发文字号 or 期号. */
  subject: string;
  /** 成文日期 as ISO yyyy-mm-dd, the source of every date in the output. */
  isoDate: string;
  keywords?: string[];
  /** The GB/T 9704 format to lay the document out in; absent: 文件格式 (a bulletin has its own masthead). */
  format?: DocFormat;
}

/** An attachment given as its own Markdown file (GB/T 9704 8), to be laid out on its own pages. */
export interface AttachmentSource {
  /** 1-based place in the 附件说明 (`附件1`). */
  index: number;
  title: string;
  /** The attachment file as given, relative to the source. */
  file: string;
  /** Its Markdown body (front matter, if any, blanked so that lines keep their numbers in the file). */
  markdown: string;
  /** The file's absolute path, for messages (absent: `file` is shown). */
  path?: string;
}

/** Layout options that offices choose [C]. */
export interface LayoutOptions {
  /** 'grid' = 28.991 pt (22 lines fill the 版心), 'fixed28' = 28 pt. */
  lineMode: 'grid' | 'fixed28';
  /** Put the 版记 on an even page (duplex printing), adding a blank page if needed. */
  colophonOnEvenPage: boolean;
  /** Print （此页无正文） when a signature page would hold no body text. */
  noBodyTextNotice: boolean;
  /** Bold level-3 headings (local style guides) [spec §15.4]. */
  boldLevel3: boolean;
  /** Text size in tables, pt; absent: 3号 (16 pt), as the body [C]. */
  tableSize?: number;
}

/** Fixed texts the layout prints by itself, as the templates declare them (`::label`). */
export interface DocumentLabels {
  /** （此页无正文）, printed when `options.noBodyTextNotice` is on; '' when no template declares it. */
  noBodyText: string;
  /** 续表, above a table's repeated header row on the pages it goes on to; absent: no such line. */
  tableContinued?: string;
}

export interface GongwenDocument {
  info: DocumentInfo;
  blocks: Block[];
  options: LayoutOptions;
  labels: DocumentLabels;
  /** Source file path, for warnings. */
  file: string;
  /** Attachments given as files, in order; their pages are in `blocks` (attachmentPage and what follows). */
  attachments?: AttachmentSource[];
}
