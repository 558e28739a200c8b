// 纪要 attendance lists [GB/T 9704 10.3]: `出席：` (3号黑体) and the names (3号仿宋), indented
// 2 字, wrapped lines aligned after the label's colon; the first list 1 blank line below the
// body or the 附件说明, the next ones (请假, 列席) each on the following line.

import type { AttendanceBlock } from '../model/types.js';
import * as M from '../spec/minutes.js';
import type { PlanContext } from './context.js';
import type { Flow } from './flow.js';
import { BODY, CELL } from './page.js';
import type { AttendancePlan } from './plan.js';
import { naturalWidth, shapeText } from './text.js';

/** Plans one list; `first`: the first of the lists (the blank line above it). */
export function planAttendance(pc: PlanContext, flow: Flow, a: AttendanceBlock, block: number, first: boolean): AttendancePlan {
  const gapLines = first ? M.ATTENDANCE_GAP_LINES : 0;
  flow.blank(gapLines);
  const indent = M.ATTENDANCE_INDENT_CHARS * CELL;
  const label = shapeText(pc.shaper, a.label, { role: 'hei', size: BODY }, a.line);
  const labelWidth = naturalWidth(label);
  const names = shapeText(pc.shaper, a.text, { role: 'fangsong', size: BODY }, a.line);
  flow.paragraph([...label, ...names], { indent, hang: indent + labelWidth, align: 'justify', body: true });
  return { block, gapLines, indent, label: a.label, labelWidth, text: a.text };
}
