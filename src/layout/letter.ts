// 信函格式 header [GB/T 9704 10.1]: the issuer's name as the red mark (top edge 30 mm from the
// paper top), the red double rule 4 mm under it (thick over thin) and the one 20 mm above the
// paper bottom (thin over thick), both 170 mm long and centred, page 1 only; under the first
// rule 份号/密级/紧急程度 flush left and the number flush right, the first of them 7/8 of a 3号
// height (14 pt) below the rule.
//
// The standard fixes the mark's top, the 4 mm and the 14 pt, and leaves the mark's size to the
// issuer (22–30 pt [C]). We take the size that puts the first element under the rule on a
// grid line: then page 1's title and body stay on the grid of the other pages (5.2.3) and a
// DOCX states the header as whole grid lines.

import type { Block, DocNumberBlock, IssuerMarkBlock } from '../model/types.js';
import * as S from '../spec/gbt9704.js';
import * as Lt from '../spec/letter.js';
import * as R from '../spec/reply.js';
import * as L from '../spec/layout.js';
import { mmToPt } from '../spec/units.js';
import type { PlanContext } from './context.js';
import { BODY, LEFT, RIGHT, TOP, WIDTH, slotBaseline } from './page.js';
import type { DocNumberPlan, DoubleRulePlan, FixedPiece, HeaderPlan, MarkPlan } from './plan.js';
import { naturalWidth, shapeText } from './text.js';

type TopBlock = Extract<Block, { kind: 'copyNumber' | 'secrecy' | 'urgency' }>;

/** Em-box top of body text on grid slot `slot`, pt from the paper top. */
const fieldEmTop = (slot: number, pitch: number): number => slotBaseline(slot, pitch, BODY) - L.EM_BOX_ASCENT_EM * BODY;

/** Strokes of a double rule whose top edge is `top`: `order` names the upper stroke first. */
export function doubleRule(top: number, order: 'thickOverThin' | 'thinOverThick'): DoubleRulePlan {
  const thick = mmToPt(Lt.LETTER_RULE_THICK_MM);
  const thin = mmToPt(Lt.LETTER_RULE_THIN_MM);
  const gap = mmToPt(Lt.LETTER_RULE_GAP_MM);
  const [a, b] = order === 'thickOverThin' ? [thick, thin] : [thin, thick];
  const len = mmToPt(Lt.LETTER_DOUBLE_RULE_LEN_MM);
  const centre = LEFT + WIDTH / 2;
  return {
    x1: centre - len / 2,
    x2: centre + len / 2,
    strokes: [
      { y: top + a / 2, thickness: a },
      { y: top + a + gap + b / 2, thickness: b },
    ],
    top,
    bottom: top + a + gap + b,
  };
}

/** Height of a double rule, pt. */
const ruleHeight = (): number => mmToPt(Lt.LETTER_RULE_THICK_MM + Lt.LETTER_RULE_GAP_MM + Lt.LETTER_RULE_THIN_MM);

/**
 * The first grid slot the elements under the rule can take, and the mark size that puts them
 * there: the smallest slot whose size is at least the minimum, the size in half points.
 */
function fieldSlotAndSize(pitch: number): { slot: number; size: number } {
  const markTop = mmToPt(Lt.LETTER_MARK_TOP_FROM_PAPER_TOP_MM);
  const room = (slot: number): number =>
    fieldEmTop(slot, pitch) - Lt.LETTER_FIELD_GAP_PT - ruleHeight() - mmToPt(Lt.LETTER_RULE1_GAP_BELOW_MARK_MM) - markTop;
  let slot = 0;
  while (room(slot) < Lt.LETTER_MARK_MIN_SIZE_PT) slot++;
  return { slot, size: Math.min(Lt.LETTER_MARK_MAX_SIZE_PT, Math.floor(room(slot) * 2) / 2) };
}

/** The mark: the issuer's name (the host's for joint letters), red, centred, its top 30 mm from the paper top. */
function planLetterMark(pc: PlanContext, m: IssuerMarkBlock, size: number, fixed: FixedPiece[]): MarkPlan {
  const name = m.lines[0] ?? '';
  const at = (h: number) => shapeText(pc.shaper, name, { role: 'song', size, color: 'red', hScale: h }, m.line);
  let h = 1;
  let chars = at(h);
  const max = mmToPt(Lt.LETTER_MARK_MAX_LINE_MM);
  if (naturalWidth(chars) > max) {
    h = Math.max(Lt.LETTER_MARK_MIN_H_SCALE, Math.floor((max * 100) / naturalWidth(chars)) / 100);
    chars = at(h);
  }
  const w = naturalWidth(chars);
  const x = LEFT + (WIDTH - w) / 2;
  const top = mmToPt(Lt.LETTER_MARK_TOP_FROM_PAPER_TOP_MM) - TOP;
  fixed.push({ kind: 'text', chars, x, baseline: TOP + top + L.EM_BOX_ASCENT_EM * size });
  return {
    names: [name],
    size,
    hScale: h,
    top,
    step: size,
    namesX: x - LEFT,
    namesWidth: w,
    suffixX: x + w - LEFT,
    suffixWidth: 0,
    suffixTop: top,
    bottom: top + size,
    slots: 0,
  };
}

/** Plans the 信函格式 header from its blocks; returns the plan and what page 1 draws for it. */
export function planLetterHeader(pc: PlanContext, head: readonly Block[]): { plan: HeaderPlan; fixed: FixedPiece[] } {
  const p = pc.pitch;
  const fixed: FixedPiece[] = [];
  const plan: HeaderPlan = { lines: 0, top: [] };
  const { slot: fieldSlot, size } = fieldSlotAndSize(p);
  const mark = head.find((b): b is IssuerMarkBlock => b.kind === 'issuerMark');
  const docNo = head.find((b): b is DocNumberBlock => b.kind === 'docNumber');
  const ruled = head.some((b) => b.kind === 'redRule');
  let next = fieldSlot;
  if (mark) plan.mark = planLetterMark(pc, mark, size, fixed);
  if (ruled) {
    // The first rule is measured from the element under it (14 pt), the mark 4 mm above it
    // (less the half point the size was rounded by, or more when the size is at its maximum).
    const upperTop = fieldEmTop(fieldSlot, p) - Lt.LETTER_FIELD_GAP_PT - ruleHeight();
    const lowerTop = mmToPt(S.PAGE_H_MM - Lt.LETTER_RULE2_FROM_PAPER_BOTTOM_MM) - ruleHeight();
    const rules: [DoubleRulePlan, DoubleRulePlan] = [doubleRule(upperTop, 'thickOverThin'), doubleRule(lowerTop, 'thinOverThick')];
    for (const r of rules) for (const s of r.strokes) fixed.push({ kind: 'rule', x1: r.x1, y1: s.y, x2: r.x2, y2: s.y, thickness: s.thickness, color: 'red' });
    plan.letter = { rules, fieldSlot, freeSlot: fieldSlot };
  }
  // 份号, 密级, 紧急程度 flush left, one line each from the first slot, in this order.
  const tops = head.filter((b): b is TopBlock => b.kind === 'copyNumber' || b.kind === 'secrecy' || b.kind === 'urgency');
  tops.forEach((b, k) => {
    const role = b.kind === 'copyNumber' ? 'fangsong' : 'hei';
    const slot = fieldSlot + k;
    plan.top.push({ kind: b.kind, text: b.text, role, slot });
    fixed.push({ kind: 'text', chars: shapeText(pc.shaper, b.text, { role, size: BODY }, b.line), x: LEFT, baseline: slotBaseline(slot, p, BODY) });
    next = Math.max(next, slot + 1);
  });
  if (docNo) {
    // The number flush right on the first slot [S 10.1].
    const num = shapeText(pc.shaper, docNo.number, { role: 'fangsong', size: BODY }, docNo.line);
    fixed.push({ kind: 'text', chars: num, x: RIGHT - naturalWidth(num), baseline: slotBaseline(fieldSlot, p, BODY) });
    const d: DocNumberPlan = { number: docNo.number, slot: fieldSlot, numberSlot: fieldSlot, inset: 0, right: true };
    plan.docNumber = d;
    next = Math.max(next, fieldSlot + 1);
  }
  if (plan.letter) plan.letter.freeSlot = next;
  const category = head.find((b) => b.kind === 'category');
  if (category) {
    // 办理结果 (a reply sent as a 复函): right, in the first of the title's blank lines.
    const slot = next + R.CATEGORY_LINE_BELOW_RULE - 1;
    const chars = shapeText(pc.shaper, category.text, { role: 'hei', size: BODY }, category.line);
    fixed.push({ kind: 'text', chars, x: RIGHT - naturalWidth(chars), baseline: slotBaseline(slot, p, BODY) });
    plan.category = { text: category.text, slot };
    next = slot + 1;
  }
  plan.lines = next;
  return { plan, fixed };
}
