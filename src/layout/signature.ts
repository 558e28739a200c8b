// 署名, 成文日期 and seal [GB/T 9704 7.3.5] in the flow, as one group that never stands alone on
// a page. Without a seal (7.3.5.2): 1 blank line, the issuer 2 字 from the right, the date
// starting 2 字 right of the issuer's first character (or the date 2 字 from the right and the
// issuer moved left when the date is longer). With a seal (7.3.5.1): 2 blank lines, the date
// 4 字 from the right, each issuer centred on it, the seal centred on the date.
//
// The seal rule (one for both writers): its larger side is SEAL_DIAMETER_MM, so no image,
// whatever its margins or aspect, prints larger than the official 42 mm seal; its centre sits
// SEAL_CENTRE_ABOVE_DATE_SHARE of its height above the middle between the issuer's and the
// date's lines (the date's middle when there is no issuer), so it straddles name and date
// (骑年盖月) and its top stays within one line of the body above the 2 blank lines.

import type { SignatureBlock } from '../model/types.js';
import * as S from '../spec/gbt9704.js';
import * as L from '../spec/layout.js';
import { mmToPt } from '../spec/units.js';
import type { PlanContext } from './context.js';
import type { Flow } from './flow.js';
import { BODY, CELL, RIGHT, LEFT } from './page.js';
import type { SignaturePlan } from './plan.js';
import { planSignerSeal } from './signerseal.js';
import { naturalWidth, shapeText, type StyledChar } from './text.js';

/** Width and height of a seal image of `w` × `h` px whose larger side is `sizeMm`, pt. */
export const sealBox = (w: number, h: number, sizeMm: number = S.SEAL_DIAMETER_MM): { width: number; height: number } => {
  const d = mmToPt(sizeMm);
  return w >= h ? { width: d, height: (d * h) / Math.max(w, 1) } : { width: (d * w) / Math.max(h, 1), height: d };
};

export function planSignature(pc: PlanContext, flow: Flow, s: SignatureBlock, block: number): SignaturePlan {
  // 命令: the signer signs, with a signature seal (7.3.5.3).
  if (s.signerTitle !== undefined) return planSignerSeal(pc, flow, s, block, s.signerTitle);
  const group = flow.newGroup();
  const style = { role: 'fangsong' as const, size: BODY };
  const date = shapeText(pc.shaper, s.date, style, s.line);
  const dw = naturalWidth(date);
  const names = s.issuers.map((n) => shapeText(pc.shaper, n, style, s.line));
  const nw = Math.max(0, ...names.map(naturalWidth));
  const gapLines = s.seal ? S.SEALED_SIGNATURE_GAP_LINES : S.UNSEALED_GAP_LINES;
  for (let k = 0; k < gapLines; k++) flow.push({ role: 'blank', pieces: [], group, keepWithNext: true });
  const nameLine = (chars: StyledChar[], x: number): void =>
    flow.push({ role: 'signature', group, keepWithNext: true, pieces: [{ kind: 'text', chars, x, row: 0, size: BODY }] });
  let dateX: number;
  const nameXs: number[] = [];
  if (s.seal) {
    dateX = RIGHT - S.DATE_RIGHT_INSET_SEALED_CHARS * CELL - dw;
    const centre = dateX + dw / 2;
    for (const n of names) nameXs.push(centre - naturalWidth(n) / 2);
  } else {
    const inset2 = S.UNSEALED_NAME_RIGHT_INSET_CHARS * CELL;
    const shift = S.UNSEALED_DATE_SHIFT_CHARS * CELL;
    let nameX = RIGHT - inset2 - nw;
    dateX = nameX + shift;
    if (dateX + dw > RIGHT - inset2 || !names.length) {
      dateX = RIGHT - inset2 - dw;
      nameX = dateX - shift;
    }
    // Each issuer line starts where the longest does.
    for (const _ of names) nameXs.push(nameX);
  }
  names.forEach((n, k) => nameLine(n, nameXs[k]!));
  const plan: SignaturePlan = {
    block,
    gapLines,
    names: s.issuers.map((text, k) => ({ text, rightInset: RIGHT - nameXs[k]! - naturalWidth(names[k]!) })),
    date: { text: s.date, rightInset: RIGHT - dateX - dw },
  };
  if (s.seal) {
    const { width, height } = sealBox(s.seal.width, s.seal.height);
    const row = names.length ? 0 : 0.5;
    const dy = -L.SEAL_CENTRE_ABOVE_DATE_SHARE * height - height / 2;
    const x = dateX + dw / 2 - width / 2;
    flow.push({
      role: 'date',
      group,
      pieces: [
        { kind: 'text', chars: date, x: dateX, row: 0, size: BODY },
        { kind: 'image', x, row, dy, width, height, image: s.seal, blend: 'multiply' },
      ],
    });
    plan.seal = { x: x - LEFT, top: row * pc.pitch + dy, width, height };
  } else {
    flow.push({ role: 'date', group, pieces: [{ kind: 'text', chars: date, x: dateX, row: 0, size: BODY }] });
  }
  return plan;
}
