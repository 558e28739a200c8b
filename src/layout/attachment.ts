// 附件说明 [GB/T 9704 7.3.4]: 1 blank line below the body, `附件：` indented 2 字, the item
// numbers right-aligned in one column after it, long names wrapped under the name.

import type { AttachmentNoteBlock } from '../model/types.js';
import * as S from '../spec/gbt9704.js';
import type { PlanContext } from './context.js';
import type { Flow } from './flow.js';
import { BODY, CELL, LEFT, RIGHT } from './page.js';
import type { AttachmentPlan, LinePiece } from './plan.js';
import { breakStyled, naturalWidth, shapeText } from './text.js';

const NUMBER = /^\d+[.．]/;

export function planAttachment(pc: PlanContext, flow: Flow, a: AttachmentNoteBlock, block: number): AttachmentPlan {
  flow.blank(S.ATTACH_NOTE_GAP_LINES);
  const indent = S.ATTACH_NOTE_INDENT_CHARS * CELL;
  const style = { role: 'fangsong' as const, size: BODY };
  const label = shapeText(pc.shaper, a.label, style, a.line);
  const lw = naturalWidth(label);
  // Several items are numbered 1., 2., … when the writer did not number them.
  const many = a.items.length > 1;
  const texts = a.items.map((t, k) => (many && !NUMBER.test(t) ? `${k + 1}.${t}` : t));
  const items = texts.map((t) => {
    const number = (NUMBER.exec(t) ?? [''])[0];
    return { number, name: t.slice(number.length) };
  });
  const numW = Math.max(0, ...items.map((it) => naturalWidth(shapeText(pc.shaper, it.number, style))));
  items.forEach((it, k) => {
    const numChars = shapeText(pc.shaper, it.number, style, a.line);
    const nameChars = shapeText(pc.shaper, it.name, style, a.line);
    const x0 = LEFT + indent + lw;
    const nameX = x0 + numW;
    breakStyled(nameChars, RIGHT - nameX, RIGHT - nameX).forEach((ln, j) => {
      const pieces: LinePiece[] = [];
      if (k === 0 && j === 0) pieces.push({ kind: 'text', chars: label, x: LEFT + indent, row: 0, size: BODY });
      if (j === 0 && it.number) pieces.push({ kind: 'text', chars: numChars, x: x0 + numW - naturalWidth(numChars), row: 0, size: BODY });
      pieces.push({ kind: 'text', chars: nameChars, line: ln, x: nameX, row: 0, size: BODY });
      flow.push({ role: 'body', body: true, pieces });
    });
  });
  return { block, gapLines: S.ATTACH_NOTE_GAP_LINES, indent, label: a.label, labelWidth: lw, numberWidth: numW, items };
}
