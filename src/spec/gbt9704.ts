// GB/T 9704-2012《党政机关公文格式》: every measure of the format, named, with its unit
// and the clause it comes from. [S] = the standard, [D] = derived from [S] values,
// [C] = office convention (configurable). No other module holds a layout number.

import { mmToPt } from './units.js';

// ── 5.1 Paper ────────────────────────────────────────────────────────────────
/** A4 paper width, mm [S 5.1]. */
export const PAGE_W_MM = 210;
/** A4 paper height, mm [S 5.1]. */
export const PAGE_H_MM = 297;
/** A4 in twips as Word stores it [S 5.1]. */
export const PAGE_W_TWIP = 11906;
export const PAGE_H_TWIP = 16838;

// ── 5.2.1 Margins and type area (版心) ───────────────────────────────────────
/** 天头: top margin, mm [S 5.2.1]. */
export const MARGIN_TOP_MM = 37;
/** 订口: left (binding) margin, mm [S 5.2.1]. */
export const MARGIN_LEFT_MM = 28;
/** 版心 width, mm [S 5.2.1]. */
export const TYPE_W_MM = 156;
/** 版心 height, mm [S 5.2.1]. */
export const TYPE_H_MM = 225;

/** Margins in twips as Word templates store them [D]. */
export const MARGIN_TOP_TWIP = 2098;
export const MARGIN_LEFT_TWIP = 1588;
export const MARGIN_RIGHT_TWIP = 1474;
export const MARGIN_BOTTOM_TWIP = 1984;
export const TYPE_W_TWIP = 8844;

// ── 5.2.3 Grid: 22 lines × 28 characters filling the 版心 ─────────────────────
/** Lines per full page [S 5.2.3]. */
export const LINES_PER_PAGE = 22;
/** Characters per full line [S 5.2.3]. */
export const CHARS_PER_LINE = 28;
/** Line pitch = 225 mm / 22 = 28.991 pt [D]. */
export const LINE_PITCH_PT = mmToPt(TYPE_H_MM) / LINES_PER_PAGE;
/** Character pitch = 156 mm / 28 = 15.793 pt [D]. */
export const CHAR_PITCH_PT = mmToPt(TYPE_W_MM) / CHARS_PER_LINE;
/** Word's line pitch for 22 lines: 12756 / 22 → 579 twip (28.95 pt) [D]. */
export const LINE_PITCH_TWIP = 579;
/** The common office alternative: 28 pt (560 twip), 7.7 mm short of the 版心 [C]. */
export const LINE_PITCH_FIXED28_PT = 28;
export const LINE_PITCH_FIXED28_TWIP = 560;

// ── Font sizes (号 → pt, Word's table) ──────────────────────────────────────
/** Chinese size names in points (Word mapping). */
export const SIZE_PT = {
  chuhao: 42, // 初号
  xiaochu: 36, // 小初
  yihao: 26, // 一号
  xiaoyi: 24, // 小一
  erhao: 22, // 二号
  xiaoer: 18, // 小二
  sanhao: 16, // 三号
  xiaosan: 15, // 小三
  sihao: 14, // 四号
  xiaosi: 12, // 小四
  wuhao: 10.5, // 五号
} as const;

/** Body and most elements: 3号 [S 5.2.2]. */
export const BODY_SIZE_PT = SIZE_PT.sanhao;
/** Title: 2号小标宋 [S 7.3.1]. */
export const TITLE_SIZE_PT = SIZE_PT.erhao;
/** 版记 (抄送, 印发) text: 4号 [S 7.4.2, 7.4.3]. */
export const COLOPHON_SIZE_PT = SIZE_PT.sihao;
/** Page numbers: 4号 [S 7.5]. */
export const PAGE_NO_SIZE_PT = SIZE_PT.sihao;

// ── 7.2 版头 ─────────────────────────────────────────────────────────────────
/** 份号: six Arabic digits [S 7.2.1]. */
export const COPY_NO_DIGITS = 6;
/** 密级★期限 uses U+2605 [S 7.2.2]. */
export const SECRECY_STAR = '\u2605';
/** 版心 line (1-based) of 份号, 密级, 紧急程度 when all three appear [S 7.2.1–7.2.3]. */
export const COPY_NO_LINE = 1;
/** Top of the red issuer mark below the 版心 top, 文件格式, mm [S 7.2.4]. */
export const MARK_TOP_BELOW_TYPE_TOP_MM = 35;
/** Default mark size and horizontal scale (about 14.3 mm advance) [C]. */
export const MARK_SIZE_PT = 58;
export const MARK_H_SCALE = 0.7;
/** Narrowest horizontal scale before the size is reduced [C]. */
export const MARK_MIN_H_SCALE = 0.5;
/** Widest the mark line may be, mm [C]. */
export const MARK_MAX_LINE_MM = 150;
/** 发文字号 sits 2 blank lines below the mark [S 7.2.5]. */
export const DOCNO_GAP_BELOW_MARK_LINES = 2;
/** 上行文: number indented 1 字 from the left, 签发人 1 字 in from the right [S 7.2.5, 7.2.6]. */
export const DOCNO_SIDE_INSET_CHARS = 1;
/** Signers laid out two per line [S 7.2.6]. */
export const SIGNERS_PER_LINE = 2;
/** Red rule 4 mm below the bottom of the number's character box [S 7.2.7]. */
export const RED_RULE_GAP_BELOW_DOCNO_MM = 4;
/** Red rule length = 版心 width [S 7.2.7]. */
export const RED_RULE_LENGTH_MM = TYPE_W_MM;
/** Red rule thickness, not in the standard: about 0.5 mm [C]. */
export const RED_RULE_THICKNESS_MM = 0.5;

// ── 7.3 主体 ─────────────────────────────────────────────────────────────────
/** Title starts 2 blank lines below the red rule [S 7.3.1]. */
export const TITLE_GAP_BELOW_RED_RULE_LINES = 2;
/** Addressee 1 blank line below the title [S 7.3.2]. */
export const ADDRESSEE_GAP_BELOW_TITLE_LINES = 1;
/** Paragraph first-line indent, 字 [S 7.3.3]. */
export const BODY_INDENT_CHARS = 2;
/** 附件说明: 1 blank line below the body, indented 2 字 [S 7.3.4]. */
export const ATTACH_NOTE_GAP_LINES = 1;
export const ATTACH_NOTE_INDENT_CHARS = 2;
/** With a seal: 成文日期 right-inset 4 字 [S 7.3.5.1]. */
export const DATE_RIGHT_INSET_SEALED_CHARS = 4;
/** Seal diameter of a common official seal, mm [C]. */
export const SEAL_DIAMETER_MM = 42;
/** Joint issuing: at most this many seals in a row [C: frontmatter «Joint issuing»; 7.3.5.1 «aligned»]. */
export const SEALS_PER_ROW = 3;
/** Least gap between two seals, mm: they never touch or overlap [S 7.3.5.1; the width C]. */
export const SEAL_MIN_GAP_MM = 3;
/** Blank lines left between the body and a sealed signature [C]. */
export const SEALED_SIGNATURE_GAP_LINES = 2;
/** Without a seal: 1 blank line, issuer right-inset 2 字, date 2 字 further right [S 7.3.5.2]. */
export const UNSEALED_GAP_LINES = 1;
export const UNSEALED_NAME_RIGHT_INSET_CHARS = 2;
export const UNSEALED_DATE_SHIFT_CHARS = 2;
/** 附注 indent, on the line after the date [S 7.3.6]. */
export const NOTE_INDENT_CHARS = 2;
/** Attachment title on 版心 line 3 [S 7.3.7]. */
export const ATTACH_TITLE_LINE = 3;
/** 附件 label (附件2) on 版心 line 1, 3号黑体, flush left [S 7.3.7]. */
export const ATTACH_LABEL_LINE = 1;
/** Blank lines between an attachment's title and its body [C, as 7.3.2 below the document title]. */
export const ATTACH_BODY_GAP_LINES = 1;
/** Document number regex: 机关代字〔YYYY〕N号 [S 7.2.5]. */
export const DOC_NUMBER_PATTERN = /^[^〔〕]+〔\d{4}〕[1-9]\d*号$/;
/** Largest tightening of the line pitch to keep a signature with the body, pt [S 7.3.5.5 / C]. */
export const SIGNATURE_SQUEEZE_MAX_PT = 1;

// ── 7.4 版记 ─────────────────────────────────────────────────────────────────
/** First and last 版记 rules: 0.35 mm [S 7.4.1]. */
export const COLOPHON_RULE_THICK_MM = 0.35;
/** Rules in between: 0.25 mm [S 7.4.1]. */
export const COLOPHON_RULE_THIN_MM = 0.25;
/** 抄送 and 印发 rows inset 1 字 (4号, 14 pt) from both sides [S 7.4.2, 7.4.3]. */
export const COLOPHON_SIDE_INSET_PT = COLOPHON_SIZE_PT;

// ── 7.5 Page numbers ─────────────────────────────────────────────────────────
/** The dash line of the page number sits 7 mm below the 版心 bottom [S 7.5]. */
export const PAGE_NO_BELOW_TYPE_MM = 7;
/** 1 字 (14 pt) inset from the 版心 edge: right on odd pages, left on even [S 7.5 / C]. */
export const PAGE_NO_SIDE_INSET_PT = PAGE_NO_SIZE_PT;
/** `— N —` with U+2014 and a half-width space each side [S 7.5 / C]. */
export const formatPageNumber = (n: number): string => `\u2014 ${n} \u2014`;

// ── 6.2 Colours ──────────────────────────────────────────────────────────────
/** Red on screen [C]. */
export const RED_RGB_HEX = 'FF0000';
/** Red ink Y80 % M80 % [S 6.2], as CMYK percentages for print. */
export const RED_CMYK: readonly [number, number, number, number] = [0, 80, 80, 0];
export const BLACK_RGB_HEX = '000000';

// ── Derived geometry in points (PDF) ────────────────────────────────────────
export const PAGE_W_PT = mmToPt(PAGE_W_MM);
export const PAGE_H_PT = mmToPt(PAGE_H_MM);
export const TYPE_LEFT_PT = mmToPt(MARGIN_LEFT_MM);
export const TYPE_TOP_PT = mmToPt(MARGIN_TOP_MM);
export const TYPE_W_PT = mmToPt(TYPE_W_MM);
export const TYPE_H_PT = mmToPt(TYPE_H_MM);
export const TYPE_RIGHT_PT = TYPE_LEFT_PT + TYPE_W_PT;
export const TYPE_BOTTOM_PT = TYPE_TOP_PT + TYPE_H_PT;
