// 版头 [GB/T 9704 7.2]: the slots of 份号/密级/紧急程度, the issuer mark, the number line, the
// red rule and the reply's category mark, decided once as a HeaderPlan plus the pieces page 1
// draws. A header format is data (HEADER_FORMATS): a new format adds a row there and, where it
// has new elements, a step below, not another copy of the header code.

import type { Block, DocFormat, DocNumberBlock, IssuerMarkBlock } from '../model/types.js';
import * as S from '../spec/gbt9704.js';
import * as B from '../spec/bulletin.js';
import * as R from '../spec/reply.js';
import * as O from '../spec/order.js';
import * as M from '../spec/minutes.js';
import * as L from '../spec/layout.js';
import { mmToPt } from '../spec/units.js';
import type { PlanContext } from './context.js';
import { planLetterHeader } from './letter.js';
import { planMasthead } from './masthead.js';
import { BODY, CELL, LEFT, RIGHT, TOP, WIDTH, slotBaseline } from './page.js';
import type { DocNumberPlan, FixedPiece, HeaderPlan, MarkPlan, TopLinePlan } from './plan.js';
import { naturalWidth, shapeText, type TextStyle } from './text.js';

/** Model blocks of the 版头 / 报头: one list, with the order rules (src/model/structure.ts). */
export { HEADER_KINDS } from '../model/structure.js';

/** How a header format places its mark, its number line, its rule and the body below them. */
export interface HeaderFormat {
  /** Top edge of the issuer mark below the 版心 top, mm. */
  markTopMm: number;
  /** Horizontal scale of the mark, and the narrowest it may take before its size shrinks. */
  markHScale: number;
  markMinHScale: number;
  /** Blank lines between the mark and the number line (发文字号, 令号, 期号). */
  numberGapLines: number;
  /** Blank lines between the number line and the body when no rule follows it. */
  bodyGapLines: number;
  /** The rule below the number (or the 报头): the gap below the text above it and the stroke. */
  rule?: { gapMm: number; thicknessMm: number; color: 'red' | 'black' };
  /** A format with elements of its own plans its header in its own step. */
  step?: (pc: PlanContext, head: readonly Block[]) => { plan: HeaderPlan; fixed: FixedPiece[] };
}

const DOCUMENT: HeaderFormat = {
  markTopMm: S.MARK_TOP_BELOW_TYPE_TOP_MM,
  markHScale: S.MARK_H_SCALE,
  markMinHScale: S.MARK_MIN_H_SCALE,
  numberGapLines: S.DOCNO_GAP_BELOW_MARK_LINES,
  bodyGapLines: 0,
  rule: { gapMm: S.RED_RULE_GAP_BELOW_DOCNO_MM, thicknessMm: S.RED_RULE_THICKNESS_MM, color: 'red' },
};

/**
 * The header formats (data): 文件格式 [S 7.2], the 简报 报头 (spec §12), 信函格式 [S 10.1] (its
 * own step: the name 30 mm from the paper top, double rules, the fields under the first rule),
 * 命令(令)格式 [S 10.2] and 纪要格式 [S 10.3] (no rule; the body a fixed number of lines below the number).
 */
export const HEADER_FORMATS = {
  document: DOCUMENT,
  bulletin: { ...DOCUMENT, rule: { gapMm: B.MASTHEAD_RULE_GAP_MM, thicknessMm: B.MASTHEAD_RULE_THICKNESS_MM, color: 'red' } },
  letter: { ...DOCUMENT, step: planLetterHeader },
  order: {
    markTopMm: O.MARK_TOP_BELOW_TYPE_TOP_MM,
    markHScale: O.MARK_H_SCALE,
    markMinHScale: O.MARK_H_SCALE,
    numberGapLines: O.NUMBER_GAP_BELOW_MARK_LINES,
    bodyGapLines: O.BODY_GAP_BELOW_NUMBER_LINES,
  },
  minutes: {
    markTopMm: M.MARK_TOP_BELOW_TYPE_TOP_MM,
    markHScale: S.MARK_H_SCALE,
    markMinHScale: S.MARK_MIN_H_SCALE,
    numberGapLines: M.ISSUE_GAP_BELOW_MARK_LINES,
    bodyGapLines: M.BODY_GAP_BELOW_ISSUE_LINES,
  },
} as const satisfies Record<string, HeaderFormat>;

/** The header of each GB/T 9704 format (clause 10) that is not 文件格式's. */
const BY_FORMAT: Partial<Record<DocFormat, HeaderFormat>> = { letter: HEADER_FORMATS.letter, order: HEADER_FORMATS.order, minutes: HEADER_FORMATS.minutes };

/** The header format of a document: its masthead, else its GB/T 9704 format. */
export const headerFormatOf = (format: DocFormat | undefined, masthead: boolean): HeaderFormat =>
  masthead ? HEADER_FORMATS.bulletin : (format && BY_FORMAT[format]) || HEADER_FORMATS.document;

type TopKind = TopLinePlan['kind'];

/**
 * Slots of 份号, 密级 and 紧急程度 in their order: 份号 on line 1, 密级 on line 2, 紧急程度 on
 * the line after the last of them (line 1 when alone) [S 7.2.1–7.2.3].
 */
export const topLineSlots = (kinds: readonly TopKind[]): number[] => {
  const slots: number[] = [];
  for (const kind of kinds) {
    if (kind === 'copyNumber') slots.push(S.COPY_NO_LINE - 1);
    else if (kind === 'secrecy') slots.push(S.COPY_NO_LINE);
    else {
      const taken = new Set(slots);
      slots.push(taken.has(S.COPY_NO_LINE) ? S.COPY_NO_LINE + 1 : taken.has(S.COPY_NO_LINE - 1) ? S.COPY_NO_LINE : S.COPY_NO_LINE - 1);
    }
  }
  return slots;
};

/** Plans the leading header blocks; returns the plan and what page 1 draws for it. */
export function planHeader(pc: PlanContext, head: readonly Block[]): { plan: HeaderPlan; fixed: FixedPiece[] } {
  const own = pc.doc.info.format && BY_FORMAT[pc.doc.info.format]?.step;
  if (own) return own(pc, head);
  const p = pc.pitch;
  const fixed: FixedPiece[] = [];
  const plan: HeaderPlan = { lines: 0, top: [] };
  let lastSlot = -1;
  let emBottom = TOP;
  let textSize: number = BODY;
  const tops = head.filter((b): b is Extract<Block, { kind: TopKind }> => b.kind === 'copyNumber' || b.kind === 'secrecy' || b.kind === 'urgency');
  const slots = topLineSlots(tops.map((b) => b.kind));
  tops.forEach((b, k) => {
    const role = b.kind === 'copyNumber' ? 'fangsong' : 'hei';
    const slot = slots[k]!;
    plan.top.push({ kind: b.kind, text: b.text, role, slot });
    fixed.push({ kind: 'text', chars: shapeText(pc.shaper, b.text, { role, size: BODY }, b.line), x: LEFT, baseline: slotBaseline(slot, p, BODY) });
    lastSlot = Math.max(lastSlot, slot);
  });
  const find = <K extends Block['kind']>(kind: K): Extract<Block, { kind: K }> | undefined =>
    head.find((b): b is Extract<Block, { kind: K }> => b.kind === kind);
  const masthead = find('masthead');
  const mark = find('issuerMark');
  const docNo = find('docNumber');
  const category = find('category');
  if (masthead) {
    const m = planMasthead(pc, masthead);
    plan.masthead = m.plan;
    fixed.push(...m.fixed);
    lastSlot = m.plan.editor.slot;
    textSize = m.plan.editor.size;
    emBottom = slotBaseline(lastSlot, p, m.plan.editor.size) + L.EM_BOX_DESCENT_EM * m.plan.editor.size;
  }
  const f = headerFormatOf(pc.doc.info.format, !!masthead);
  if (mark) {
    plan.mark = planMark(pc, mark, f, fixed);
    lastSlot = plan.mark.slots - 1;
    textSize = plan.mark.size;
    emBottom = TOP + plan.mark.bottom;
  }
  if (docNo) {
    const first = mark ? lastSlot + 1 + f.numberGapLines : lastSlot + 1;
    plan.docNumber = planDocNumber(pc, docNo, first, fixed);
    lastSlot = plan.docNumber.numberSlot;
    textSize = BODY;
    emBottom = slotBaseline(lastSlot, p, BODY) + L.EM_BOX_DESCENT_EM * BODY;
  }
  if (find('redRule') || masthead) {
    // A template may draw a rule in a format that has none: it is drawn as in 文件格式.
    const r = f.rule ?? DOCUMENT.rule!;
    const thick = mmToPt(r.thicknessMm);
    const gap = mmToPt(r.gapMm);
    const y = emBottom + gap;
    fixed.push({ kind: 'rule', x1: LEFT, y1: y, x2: RIGHT, y2: y, thickness: thick, color: r.color });
    // The first grid line wholly below the rule is the first blank line under it.
    const free = Math.ceil((y + thick / 2 - TOP) / p - 1e-6);
    plan.rule = { y: y - TOP, thickness: thick, color: r.color, holderSlot: lastSlot, holderSize: textSize, gap, freeSlot: free };
    lastSlot = free - 1;
  } else if (mark || docNo) {
    // 命令, 纪要: the body starts the format's blank lines below the number (or the mark) [S 10.2].
    lastSlot += f.bodyGapLines;
  }
  if (category) {
    const slot = (plan.rule?.freeSlot ?? lastSlot + 1) + R.CATEGORY_LINE_BELOW_RULE - 1;
    const chars = shapeText(pc.shaper, category.text, { role: 'hei', size: BODY }, category.line);
    fixed.push({ kind: 'text', chars, x: RIGHT - naturalWidth(chars), baseline: slotBaseline(slot, p, BODY) });
    plan.category = { text: category.text, slot };
    lastSlot = Math.max(lastSlot, slot);
  }
  plan.lines = lastSlot + 1;
  return { plan, fixed };
}

/**
 * 发文机关标志: red, centred, its top edge the format's distance below the 版心 top (35 mm in
 * 文件格式 [S 7.2.4], 20 mm in 命令格式 [S 10.2]). Too wide for the line, it narrows to the
 * format's narrowest scale, then shrinks; the scale is kept in whole per cent
 * and the size in half points, the steps a DOCX can state.
 */
function planMark(pc: PlanContext, m: IssuerMarkBlock, f: HeaderFormat, fixed: FixedPiece[]): MarkPlan {
  const top = mmToPt(f.markTopMm);
  const stacked = m.lines.length ? m.lines : [''];
  const joint = stacked.length > 1 && !!m.suffix;
  const names = joint || !m.suffix ? stacked : [...stacked.slice(0, -1), stacked[stacked.length - 1] + m.suffix];
  const suffix = joint ? m.suffix : undefined;
  const style = (size: number, h: number): TextStyle => ({ role: 'song', size, color: 'red', hScale: h });
  const widthAt = (size: number, h: number): { names: number; suffix: number; total: number } => {
    const nw = Math.max(...names.map((n) => naturalWidth(shapeText(pc.shaper, n, style(size, h)))));
    const sw = suffix ? naturalWidth(shapeText(pc.shaper, suffix, style(size, h))) : 0;
    return { names: nw, suffix: sw, total: nw + (suffix ? sw + size * h * L.MARK_SUFFIX_GAP_EM : 0) };
  };
  let size: number = S.MARK_SIZE_PT;
  let h: number = f.markHScale;
  const max = mmToPt(S.MARK_MAX_LINE_MM);
  let w = widthAt(size, h);
  if (w.total > max) {
    h = Math.max(f.markMinHScale, Math.floor((h * max * 100) / w.total) / 100);
    w = widthAt(size, h);
    if (w.total > max) {
      size = Math.floor(((size * max) / w.total) * 2) / 2;
      w = widthAt(size, h);
    }
  }
  const step = size * (1 + L.MARK_LINE_GAP_EM);
  const x0 = LEFT + (WIDTH - w.total) / 2;
  names.forEach((n, k) => {
    const chars = shapeText(pc.shaper, n, style(size, h), m.line);
    fixed.push({ kind: 'text', chars, x: x0 + (w.names - naturalWidth(chars)) / 2, baseline: TOP + top + k * step + L.EM_BOX_ASCENT_EM * size });
  });
  const bottom = top + (names.length - 1) * step + size;
  const suffixX = x0 + w.names + (suffix ? size * h * L.MARK_SUFFIX_GAP_EM : 0);
  const suffixTop = (top + bottom) / 2 - size / 2;
  if (suffix) {
    const chars = shapeText(pc.shaper, suffix, style(size, h), m.line);
    fixed.push({ kind: 'text', chars, x: suffixX, baseline: TOP + suffixTop + L.EM_BOX_ASCENT_EM * size });
  }
  return {
    names,
    ...(suffix ? { suffix } : {}),
    size,
    hScale: h,
    top,
    step,
    namesX: x0 - LEFT,
    namesWidth: w.names,
    suffixX: suffixX - LEFT,
    suffixWidth: w.suffix,
    suffixTop,
    bottom,
    slots: Math.floor(bottom / pc.pitch - 1e-6) + 1,
  };
}

/** 发文字号, centred or (with 签发人) inset 1 字 on the last signer line [S 7.2.5, 7.2.6]. */
function planDocNumber(pc: PlanContext, d: DocNumberBlock, slot: number, fixed: FixedPiece[]): DocNumberPlan {
  const p = pc.pitch;
  const num = shapeText(pc.shaper, d.number, { role: 'fangsong', size: BODY }, d.line);
  if (!d.signers.length) {
    fixed.push({ kind: 'text', chars: num, x: LEFT + (WIDTH - naturalWidth(num)) / 2, baseline: slotBaseline(slot, p, BODY) });
    return { number: d.number, slot, numberSlot: slot, inset: 0 };
  }
  const inset = S.DOCNO_SIDE_INSET_CHARS * CELL;
  const label = shapeText(pc.shaper, d.signerLabel, { role: 'fangsong', size: BODY }, d.line);
  const texts: string[] = [];
  for (let k = 0; k < d.signers.length; k += S.SIGNERS_PER_LINE) texts.push(d.signers.slice(k, k + S.SIGNERS_PER_LINE).join('\u3000'));
  const rows = texts.map((t) => shapeText(pc.shaper, t, { role: 'kai', size: BODY }, d.line));
  const rowW = Math.max(...rows.map(naturalWidth));
  const labelX = RIGHT - inset - rowW - naturalWidth(label);
  const namesX = labelX + naturalWidth(label);
  rows.forEach((r, k) => {
    const base = slotBaseline(slot + k, p, BODY);
    if (k === 0) fixed.push({ kind: 'text', chars: label, x: labelX, baseline: base });
    fixed.push({ kind: 'text', chars: r, x: namesX, baseline: base });
  });
  const last = slot + rows.length - 1;
  fixed.push({ kind: 'text', chars: num, x: LEFT + inset, baseline: slotBaseline(last, p, BODY) });
  return { number: d.number, slot, numberSlot: last, inset, signers: { label: d.signerLabel, rows: texts } };
}
