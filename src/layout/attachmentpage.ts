// 附件 on their own pages [GB/T 9704 7.3.7, 8]: a new page; the label (附件2) in 3号黑体 flush
// left on 版心 line 1; the title centred on line 3 in 2号小标宋; one blank line; then the body
// blocks that follow in the model, planned as any body. Page numbers simply run on.

import type { AttachmentPageBlock } from '../model/types.js';
import * as S from '../spec/gbt9704.js';
import type { PlanContext } from './context.js';
import type { Flow } from './flow.js';
import { BODY, LEFT } from './page.js';
import type { AttachmentPagePlan } from './plan.js';
import { shapeText } from './text.js';
import { pushTitleLines } from './title.js';

export function planAttachmentPage(pc: PlanContext, flow: Flow, a: AttachmentPageBlock, block: number): AttachmentPagePlan {
  flow.push({ role: 'pageBreak', span: 0, pieces: [] });
  // The label's line, then the blank lines down to the title's line, all kept with the title.
  flow.blank(S.ATTACH_LABEL_LINE - 1);
  const chars = shapeText(pc.shaper, a.label, { role: 'hei', size: BODY }, a.line);
  flow.push({ role: 'heading', keepWithNext: true, pieces: [{ kind: 'text', chars, x: LEFT, row: 0, size: BODY }] });
  const gapBefore = S.ATTACH_TITLE_LINE - S.ATTACH_LABEL_LINE - 1;
  for (let k = 0; k < gapBefore; k++) flow.push({ role: 'blank', keepWithNext: true, pieces: [] });
  const lines = pushTitleLines(pc, flow, a.title, undefined, a.line);
  const gapAfter = S.ATTACH_BODY_GAP_LINES;
  for (let k = 0; k < gapAfter; k++) flow.push({ role: 'blank', keepWithNext: true, pieces: [] });
  return { block, label: a.label, lines, gapBefore, gapAfter };
}
