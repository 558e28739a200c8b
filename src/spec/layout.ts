// Constants of the PDF layout engine that the standard leaves open: where a baseline sits in
// its grid line, how much punctuation may be squeezed, how the 简报 masthead is stacked on the
// grid. Each is [C] (our convention) or [D] (derived), with the clause it serves. The format's
// own numbers stay in gbt9704.ts / bulletin.ts / reply.ts.

import { TYPE_BOTTOM_PT, PAGE_NO_BELOW_TYPE_MM } from './gbt9704.js';
import { mmToPt } from './units.js';

// ── Baseline rule (spec §11 «Baseline inside a line box») ─────────────────────
/**
 * Ideographic em box relative to the baseline, in em: top at −0.88 em, bottom at +0.12 em
 * (the OpenType ideographic em box of CJK fonts: icfb/ideo baseline at −0.12 em) [C].
 * Every line of text is placed with its em box centred in its grid line:
 *   baseline(i) = lineTop(i) + (pitch − size) / 2 + EM_BOX_ASCENT_EM × size,
 *   lineTop(i)  = TYPE_TOP + i × pitch.
 */
export const EM_BOX_ASCENT_EM = 0.88;
export const EM_BOX_DESCENT_EM = 0.12;
/** Baseline of text of `size` pt centred in a line box of height `pitch` whose top is `top` [D]. */
export const baselineInBox = (top: number, pitch: number, size: number): number =>
  top + (pitch - size) / 2 + EM_BOX_ASCENT_EM * size;

// ── Line breaking and justification (spec §10) ───────────────────────────────
/** A full-width mark may lose half its em (标点挤压) at line end or next to another mark [clreq]. */
export const PUNCT_SQUEEZE_EM = 0.5;
/** Most a line may be squeezed, em: one 字 (a 28-cell line holds at most 29 characters) [C, clreq]. */
export const MAX_SQUEEZE_EM = 1;
/**
 * Most a justified line may be spread before the breaker treats it as a last resort, em: one 字
 * (a 28-cell line holds at least 27 characters) [C, GB/T 9704 5.2.3 «28 characters per line»].
 */
export const MAX_SPREAD_EM = 1;
/**
 * Costs of the paragraph-wide breaker (spec §10 «先挤进，后推出», chosen over the whole
 * paragraph). A line's cost grows with the square of its adjustment in em; the total over
 * the paragraph is minimised [C].
 */
export const BREAK_COST = {
  /** Per em² of squeeze (pulling marks in is preferred to pushing characters out). */
  squeeze: 3,
  /** Extra per em taken from a mark that has no neighbouring mark (a lone ，mid-line). */
  loneMark: 0.5,
  /** Per em² of spread. */
  spread: 4,
  /** Per em of spread beyond MAX_SPREAD_EM: a ragged 26-character line only when nothing else fits. */
  overSpread: 100,
  /**
   * Factor on the cost of a line that holds half-width text (Latin, digits): such a line is off
   * the character grid anyway and its adjustment is spread over many gaps, so the breaker moves
   * adjustments there and keeps pure Chinese lines at exactly 28 characters.
   */
  mixedLine: 0.25,
  /**
   * A paragraph's last line holding a single character, apart from closing marks (段末孤字, e.g.
   * `批。`): worse than spreading one line by one 字 to take a character down with it [C].
   */
  orphanChar: 6,
  /** A break inside a long Latin token (after `/` of a URL, `-` of a code): allowed, but a plain break is preferred. */
  tokenBreak: 0.5,
  /** A line cut inside an unbreakable unit longer than the measure. */
  forcedCut: 10000,
} as const;
/**
 * A run of this many half-width characters or more (URL, e-mail, code, long number) may break
 * after `/ . - _ ? & = # @ : ; , ~ +` inside it, with no hyphen added; a shorter one (a phone
 * number 0374-2699897, a date 2024-12-05) never splits [C, spec §10 «数字不能回行»].
 */
export const LONG_TOKEN_MIN_CHARS = 14;
/** Break opportunities looked at per line start: the search window of the breaker [C]. */
export const BREAK_WINDOW = 64;
/** Rounding slack when comparing widths, pt [D]. */
export const WIDTH_EPSILON_PT = 0.01;

// ── Tables (spec §13) ────────────────────────────────────────────────────────
/** Stroke of a table's rules, pt [C]. */
export const TABLE_RULE_PT = 0.5;
/** Cell padding on either side of a table cell, 字 of the table's text size [C]. */
export const TABLE_CELL_PAD_CHARS = 0.25;
/**
 * A cell text up to this many 字 is never wrapped: its column is at least that wide (short labels
 * such as 序号, 责任部门 stay on one line, as Word's AutoFit keeps them) [C].
 */
export const TABLE_KEEP_WHOLE_CHARS = 6;
/** Narrowest text width of a column, 字 [C]. */
export const TABLE_MIN_COLUMN_CHARS = 2;

// ── Images and captions (spec §12, 简报) ───────────────────────────────────────
/** Size of an image pixel when the file states none: 96 dpi, pt [C]. */
export const IMAGE_PT_PER_PX = 0.75;
/** Grid lines kept free below an image for its caption (so image and caption fit one page) [C]. */
export const IMAGE_CAPTION_LINES = 1;
/**
 * Near a page end an image (with its caption) is scaled down to the lines left on the page, to no
 * less than this share of its height, rather than moved on and leaving the page short [C].
 */
export const IMAGE_MIN_SCALE = 0.6;

// ── Title (7.3.1) ────────────────────────────────────────────────────────────
/** Title lines hold at most this share of the 版心 width before they are split [C]. */
export const TITLE_MAX_WIDTH_SHARE = 0.92;

// ── Page numbers (7.5) ───────────────────────────────────────────────────────
/** Vertical centre of the page number's em box (the dash's middle): 7 mm below the 版心 [S 7.5]. */
export const PAGE_NO_CENTRE_Y_PT = TYPE_BOTTOM_PT + mmToPt(PAGE_NO_BELOW_TYPE_MM);

// ── 发文机关标志 (7.2.4) ──────────────────────────────────────────────────────
/** Extra line-to-line distance of a joint issuers' mark, as a share of its size [C]. */
export const MARK_LINE_GAP_EM = 0.15;
/** Gap between a joint mark's stacked names and its suffix (文件), em of the mark's scaled size [C]. */
export const MARK_SUFFIX_GAP_EM = 0.5;

// ── 简报 masthead on the grid (spec §12) [C] ──────────────────────────────────
/** Grid line (0-based) of the marking line (内部刊物 注意保存). */
export const MASTHEAD_MARKING_SLOT = 0;
/** Grid line of the red series name. */
export const MASTHEAD_NAME_SLOT = 1;
/** First grid line and number of grid lines taken by the big red 简报 word. */
export const MASTHEAD_HEADING_SLOT = 2;
export const MASTHEAD_HEADING_SLOTS = 3;
/** Grid line of the 期号 (第N期). */
export const MASTHEAD_ISSUE_SLOT = 5;
/** Grid line of the editor / date line. */
export const MASTHEAD_EDITOR_SLOT = 6;

// ── Seal (7.3.5.1) ───────────────────────────────────────────────────────────
/** The seal's centre sits this share of its diameter above the date's em-box centre [C: 骑年盖月]. */
export const SEAL_CENTRE_ABOVE_DATE_SHARE = 0.15;
