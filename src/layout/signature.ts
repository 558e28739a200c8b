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
//
// Joint issuers with seals (7.3.5.1): the names in issuing order, at most SEALS_PER_ROW a row,
// in evenly spaced columns whose last is centred on the date (4 字 from the right); each seal
// pressed on its own name as the single seal is, the last also on the date; columns at least
// a seal and SEAL_MIN_GAP_MM apart (and a name and 1 字), rows as far apart, seals shrunk or
// rows shortened until the first column stays within the 版心.

import type { ImageData, SignatureBlock } from '../model/types.js';
import * as S from '../spec/gbt9704.js';
import * as L from '../spec/layout.js';
import { mmToPt } from '../spec/units.js';
import type { PlanContext } from './context.js';
import type { Flow } from './flow.js';
import { BODY, CELL, RIGHT, LEFT } from './page.js';
import type { JointSealsPlan, LinePiece, SignaturePlan } from './plan.js';
import { planSignerSeal } from './signerseal.js';
import { naturalWidth, shapeText, type StyledChar } from './text.js';

/** Width and height of a seal image of `w` × `h` px whose larger side is `sizeMm`, pt. */
export const sealBox = (w: number, h: number, sizeMm: number = S.SEAL_DIAMETER_MM): { width: number; height: number } => {
  const d = mmToPt(sizeMm);
  return w >= h ? { width: d, height: (d * h) / Math.max(w, 1) } : { width: (d * w) / Math.max(h, 1), height: d };
};

export function planSignature(pc: PlanContext, flow: Flow, s: SignatureBlock, block: number): SignaturePlan {
  if (s.seals && s.seals.length > 1) return planJointSeals(pc, flow, s, s.seals, block);
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

/** Column pitch, seal scale and names per row of a joint signature whose last column is centred at `last`. */
function jointColumns(n: number, last: number, nameW: number, seal: number): { perRow: number; pitch: number; scale: number } {
  const gap = mmToPt(S.SEAL_MIN_GAP_MM);
  for (let perRow = Math.min(n, S.SEALS_PER_ROW); perRow > 1; perRow--) {
    // The largest seal whose row of perRow, gap apart, starts within the 版心.
    const d = Math.min(seal, (last - LEFT - (perRow - 1) * gap) / (perRow - 0.5));
    const pitch = Math.max(d + gap, nameW + CELL);
    if (last - (perRow - 1) * pitch - Math.max(d, nameW) / 2 >= LEFT - 1e-6) return { perRow, pitch, scale: d / seal };
  }
  return { perRow: 1, pitch: 0, scale: 1 };
}

function planJointSeals(pc: PlanContext, flow: Flow, s: SignatureBlock, seals: readonly ImageData[], block: number): SignaturePlan {
  const group = flow.newGroup();
  const style = { role: 'fangsong' as const, size: BODY };
  const date = shapeText(pc.shaper, s.date, style, s.line);
  const dw = naturalWidth(date);
  const dateX = RIGHT - S.DATE_RIGHT_INSET_SEALED_CHARS * CELL - dw;
  const last = dateX + dw / 2;
  const names = s.issuers.map((n) => shapeText(pc.shaper, n, style, s.line));
  const nameW = Math.max(0, ...names.map(naturalWidth));
  const n = Math.max(names.length, seals.length);
  const { perRow, pitch, scale } = jointColumns(n, last, nameW, mmToPt(S.SEAL_DIAMETER_MM));
  const boxes = seals.map((img) => {
    const b = sealBox(img.width, img.height);
    return { width: b.width * scale, height: b.height * scale };
  });
  const tallest = Math.max(...boxes.map((b) => b.height));
  // Rows as far apart as a seal and the least gap, in whole grid lines.
  const rowLines = Math.ceil((tallest + mmToPt(S.SEAL_MIN_GAP_MM)) / pc.pitch - 1e-6);
  for (let k = 0; k < S.SEALED_SIGNATURE_GAP_LINES; k++) flow.push({ role: 'blank', pieces: [], group, keepWithNext: true });
  const plan: JointSealsPlan = { rows: [], seals: [] };
  const rowCount = Math.ceil(n / perRow);
  for (let r = 0; r < rowCount; r++) {
    const members = Array.from({ length: Math.min(perRow, n - r * perRow) }, (_, j) => r * perRow + j);
    const pieces: LinePiece[] = [];
    const row: JointSealsPlan['rows'][number] = { line: r * rowLines, names: [] };
    members.forEach((issuer, j) => {
      const centre = last - (members.length - 1 - j) * pitch;
      const chars = names[issuer];
      if (chars) pieces.push({ kind: 'text', chars, x: centre - naturalWidth(chars) / 2, row: 0, size: BODY });
      row.names.push({ issuer, text: s.issuers[issuer] ?? '', centre: centre - LEFT });
      const img = seals[issuer];
      const box = boxes[issuer];
      if (img && box) {
        // Centred on the name, its centre a share of its height above the name line's bottom (骑年盖月).
        const top = pc.pitch - L.SEAL_CENTRE_ABOVE_DATE_SHARE * box.height - box.height / 2;
        pieces.push({ kind: 'image', x: centre - box.width / 2, row: 0, dy: top, width: box.width, height: box.height, image: img, blend: 'multiply' });
        plan.seals.push({ issuer, x: centre - box.width / 2 - LEFT, top, ...box });
      }
    });
    plan.rows.push(row);
    flow.push({ role: 'signature', group, keepWithNext: true, pieces });
    if (r < rowCount - 1) for (let k = 1; k < rowLines; k++) flow.push({ role: 'blank', pieces: [], group, keepWithNext: true });
  }
  flow.push({ role: 'date', group, pieces: [{ kind: 'text', chars: date, x: dateX, row: 0, size: BODY }] });
  return {
    block,
    gapLines: S.SEALED_SIGNATURE_GAP_LINES,
    names: plan.rows.flatMap((r) => r.names.map((nm) => ({ text: nm.text, rightInset: RIGHT - LEFT - nm.centre - naturalWidth(names[nm.issuer] ?? []) / 2 }))),
    date: { text: s.date, rightInset: RIGHT - dateX - dw },
    joint: plan,
  };
}
