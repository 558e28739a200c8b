// 信函格式 header [GB/T 9704 10.1] as the plan decided it: the mark (above the 版心) a text box
// anchored to the page with its em top where the plan puts it, each stroke of the two red
// double rules a line anchored to the page, and under the first rule one paragraph per grid
// slot: 份号/密级/紧急程度 flush left, the number flush right on the first of them.

import type { DoubleRulePlan, HeaderPlan, MarkPlan } from '../../layout/plan.js';
import { RED_RGB_HEX, TYPE_TOP_PT, TYPE_W_TWIP, ptToTwip, TWIP_PER_PT } from '../../spec/index.js';
import { DOCX_MARK_LINE_HEIGHT_EM, EMU_PER_TWIP } from '../../spec/docx.js';
import type { Ctx } from './context.js';
import { anchorRun, lineGraphic, textBoxGraphic } from './drawing.js';
import { S } from './styles.js';
import { para, paraXml, run, type Para } from './xml.js';

const TOP_STYLE = { copyNumber: S.copyNumber, secrecy: S.secrecy, urgency: S.urgency } as const;

/** The mark: a text box the 版心 wide, its line's top (= the em top, 1.1 em exact) at the plan's top. */
const markRun = (ctx: Ctx, m: MarkPlan): string => {
  const h = Math.round(DOCX_MARK_LINE_HEIGHT_EM * m.size * TWIP_PER_PT);
  const content = paraXml(
    para({ style: S.issuerMark, jc: 'center', ind: { left: 0, right: 0, firstLine: 0 }, spacing: { before: 0, after: 0, line: h, lineRule: 'exact' } }, [
      run(m.names[0] ?? '', { size: m.size, scale: Math.round(m.hScale * 100) }),
    ]),
  );
  return anchorRun({
    id: ctx.ids.next(),
    name: '发文机关标志',
    cx: TYPE_W_TWIP * EMU_PER_TWIP,
    cy: h * EMU_PER_TWIP,
    pos: { h: { rel: 'margin', offset: 0 }, v: { rel: 'page', offset: ptToTwip(TYPE_TOP_PT + m.top) * EMU_PER_TWIP } },
    wrap: 'none',
    graphic: textBoxGraphic(TYPE_W_TWIP * EMU_PER_TWIP, h * EMU_PER_TWIP, content, 't'),
  });
};

/** Each stroke of a double rule: a red line anchored to the page at the stroke's centre. */
const ruleRuns = (ctx: Ctx, r: DoubleRulePlan): string[] =>
  r.strokes.map((s) =>
    anchorRun({
      id: ctx.ids.next(),
      name: '红色双线',
      cx: ptToTwip(r.x2 - r.x1) * EMU_PER_TWIP,
      cy: 0,
      pos: { h: { rel: 'page', offset: ptToTwip(r.x1) * EMU_PER_TWIP }, v: { rel: 'page', offset: ptToTwip(s.y) * EMU_PER_TWIP } },
      wrap: 'none',
      graphic: lineGraphic(ptToTwip(r.x2 - r.x1) * EMU_PER_TWIP, ptToTwip(s.thickness) * EMU_PER_TWIP, RED_RGB_HEX),
    }),
  );

/** The header's paragraphs: exactly `h.lines` grid lines; the mark and rules hang from the first. */
export const letterHeader = (ctx: Ctx, h: HeaderPlan): Para[] => {
  const out: Para[] = [];
  for (let slot = 0; slot < h.lines; slot++) {
    const top = h.top.find((t) => t.slot === slot);
    const runs: string[] = [];
    let style: string = top ? TOP_STYLE[top.kind] : S.normal;
    if (top) runs.push(run(top.text));
    if (h.docNumber?.slot === slot) {
      // Flush right by a right tab at the 版心 edge, after the 份号 (or alone).
      style = top ? style : S.docNumber;
      runs.push(run('\t'), run(h.docNumber.number, top && top.kind !== 'copyNumber' ? { font: ctx.fonts.fangsong } : {}));
    }
    if (h.category?.slot === slot) {
      out.push(para({ style: S.category }, [run(h.category.text)]));
      continue;
    }
    const p = runs.length
      ? para({ style, jc: 'left', ind: { left: 0, right: 0, firstLine: 0 }, tabs: [{ val: 'right', pos: TYPE_W_TWIP }] }, runs)
      : para({ style: S.normal });
    out.push(p);
  }
  if (!out.length) out.push(para({ style: S.normal }));
  const first = out[0]!;
  if (h.mark) first.runs.push(markRun(ctx, h.mark));
  for (const r of h.letter?.rules ?? []) first.runs.push(...ruleRuns(ctx, r));
  return out;
};
