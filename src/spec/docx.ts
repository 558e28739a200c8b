// DOCX-specific values: how the format of gbt9704.ts is expressed in WordprocessingML so
// that Word (per ECMA-376) and LibreOffice (measured) lay it out the same way. Each value is
// named with its unit and the reason it was chosen. Measurements were made by converting
// generated files with LibreOffice 7.4 and reading the PDF back.

import {
  BODY_SIZE_PT,
  CHAR_PITCH_PT,
  COLOPHON_SIZE_PT,
  LINE_PITCH_FIXED28_TWIP,
  LINE_PITCH_TWIP,
  PAGE_NO_SIZE_PT,
} from './gbt9704.js';
import { TWIP_PER_PT } from './units.js';

// ── Document grid ────────────────────────────────────────────────────────────
/**
 * docGrid type: `lines` (只指定行网格). Why not `linesAndChars` with charSpace −848: Word
 * honours that grid, but LibreOffice reads it as a character grid and sets 14–18 characters
 * per line. With `lines` both applications leave the character advance alone, and the run
 * spacing below makes 28 characters fit in both.
 */
export const DOCX_GRID_TYPE = 'lines' as const;
/** docGrid linePitch, twip: 12756 / 22 → 579 (28.95 pt), the value Word stores for 22 lines [D]. */
export const DOCX_LINE_PITCH_TWIP = LINE_PITCH_TWIP;
/** docGrid linePitch and exact line height for `lineMode: fixed28`, twip: 28 pt = 560 [C]. */
export const DOCX_LINE_PITCH_FIXED28_TWIP = LINE_PITCH_FIXED28_TWIP;
/**
 * Character spacing of every 16 pt body run, twip (w:spacing in twentieths of a point):
 * 16 pt − 0.25 pt = 15.75 pt per character; 28 × 15.75 = 441 pt ≤ 442.2 pt (156 mm) and
 * 29 × 15.75 = 456.75 pt does not fit, so Word and LibreOffice both set 28 per line.
 * −4 twip (15.8 pt) overflows by 0.2 pt and gives 27 in LibreOffice (measured).
 */
export const DOCX_BODY_CHAR_SPACING_TWIP = -5;
/** Advance of one body character (1 字) in DOCX, twip: 320 − 5 = 315. Used for indents. */
export const DOCX_BODY_CHAR_TWIP = BODY_SIZE_PT * TWIP_PER_PT + DOCX_BODY_CHAR_SPACING_TWIP;
/** Advance of one 4号 character (版记, 页码 insets), twip: 14 pt, no tightening. */
export const DOCX_SMALL_CHAR_TWIP = COLOPHON_SIZE_PT * TWIP_PER_PT;

// ── Paragraph switches ───────────────────────────────────────────────────────
/**
 * w:overflowPunct value. ECMA-376 reads 1 as "punctuation may hang past the text extents";
 * LibreOffice 7.4 reads the attribute the other way round: with 1 no glyph passes 184 mm,
 * with 0 or absent line-final punctuation hangs to 189.7 mm (measured). We write 1 so the
 * LibreOffice render keeps the 版心; Word users who see hanging marks can clear
 * 段落 → 中文版式 → 允许标点溢出边界 on the 正文 style.
 */
export const DOCX_OVERFLOW_PUNCT = true;

/**
 * A horizontal distance of the plan measured along body text (an indent, an inset, a text
 * width), pt → DOCX twip: one 字 of the plan (the 版心 width / 28) is one DOCX body advance
 * (315 twip), so an inset of n 字 stays n characters wide in Word [D].
 */
export const bodyPtToTwip = (pt: number): number => Math.round((pt / CHAR_PITCH_PT) * DOCX_BODY_CHAR_TWIP);

// ── Exact line spacing (font-independent placement) ─────────────────────────
/**
 * Under exact line spacing LibreOffice puts the baseline at 80 % of the line height,
 * whatever the font (measured). Lines snapped to the grid are instead centred by the font's
 * own height, so oversized text uses exact spacing with snapToGrid off.
 */
export const DOCX_EXACT_BASELINE_RATIO = 0.8;
/** Ideographic em box relative to the baseline, em: top 0.88 above, bottom 0.12 below. */
export const CJK_EM_ASCENT = 0.88;
export const CJK_EM_DESCENT = 0.12;
/**
 * Exact line height of a one-line mark as a multiple of its size: with the baseline at 80 %
 * of 1.1 em the em box top coincides with the line top (0.8 × 1.1 = 0.88), so the space
 * before alone fixes the top edge of the mark.
 */
export const DOCX_MARK_LINE_HEIGHT_EM = CJK_EM_ASCENT / DOCX_EXACT_BASELINE_RATIO;

// ── Red issuer mark ──────────────────────────────────────────────────────────
/** Width the text box of a joint mark's suffix has beyond its text, em: room so Word never wraps it [C]. */
export const DOCX_MARK_SUFFIX_BOX_SLACK_EM = 0.5;

// ── Page numbers ─────────────────────────────────────────────────────────────
/**
 * Footer distance (paper bottom to footer bottom), twip. The dash line must sit 7 mm below
 * the 版心 [S 7.5], i.e. 28 mm (1587 twip) above the paper edge. The paragraph's bottom is
 * the footer distance; its baseline is 20 % of the 308-twip line above that, and the dash
 * is drawn about 0.3 em above the baseline, so 1587 − 62 − 84 ≈ 1445. Measured in
 * LibreOffice: dash centre at 269.1 mm (992 twip puts it at 274 mm).
 */
export const DOCX_FOOTER_DISTANCE_TWIP = 1445;
/** Exact line height of the page-number paragraph, twip: 1.1 × 14 pt. */
export const DOCX_PAGE_NO_LINE_TWIP = Math.round(PAGE_NO_SIZE_PT * 1.1 * TWIP_PER_PT);
/** Side inset of the page number, twip: one 4号 character (14 pt) [S 7.5]. */
export const DOCX_PAGE_NO_INSET_TWIP = PAGE_NO_SIZE_PT * TWIP_PER_PT;
/** Header distance, twip: no header content; Word's default 1.5 cm. */
export const DOCX_HEADER_DISTANCE_TWIP = 851;

// ── 版记 ─────────────────────────────────────────────────────────────────────
/**
 * Exact line height of the empty paragraph that carries a 版记 rule as its bottom border,
 * twip (1 pt). Borders of the text rows would span only their 1 字 insets; an unindented
 * paragraph draws the rule across the full 版心 width [S 7.4.1].
 */
export const DOCX_RULE_LINE_TWIP = 20;

// ── DrawingML ────────────────────────────────────────────────────────────────
/** EMU per twip (914400 EMU per inch / 1440 twip per inch). */
export const EMU_PER_TWIP = 635;
