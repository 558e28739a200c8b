// The signer's signature [GB/T 9704 7.3.5.3] (命令): 2 blank lines below the body, the signer's
// signature seal (签名章) ending 4 字 from the right, the signer's title 2 字 to its left and
// vertically centred on it, 1 blank line, the date ending 4 字 from the right. Without a seal
// image the signer's name is printed in the seal's place, on the title's line.
//
// The seal takes whole grid lines, an odd number of them, so that the title on the middle line
// stays on the grid in both writers; the seal is centred in those lines.

import type { SignatureBlock } from '../model/types.js';
import * as O from '../spec/order.js';
import type { PlanContext } from './context.js';
import type { Flow } from './flow.js';
import { BODY, CELL, LEFT, RIGHT } from './page.js';
import type { LinePiece, SignaturePlan } from './plan.js';
import { sealBox } from './signature.js';
import { naturalWidth, shapeText } from './text.js';

export function planSignerSeal(pc: PlanContext, flow: Flow, s: SignatureBlock, block: number, signerTitle: string): SignaturePlan {
  const group = flow.newGroup();
  const style = { role: 'fangsong' as const, size: BODY };
  const p = pc.pitch;
  for (let k = 0; k < O.SIGNATURE_GAP_LINES; k++) flow.push({ role: 'blank', pieces: [], group, keepWithNext: true });
  const sealRight = RIGHT - O.SEAL_RIGHT_INSET_CHARS * CELL;
  const title = shapeText(pc.shaper, signerTitle, style, s.line);
  const tw = naturalWidth(title);
  const pieces: LinePiece[] = [];
  let lines = 1;
  let left: number;
  let seal: SignaturePlan['seal'];
  let name: { text: string; rightInset: number } | undefined;
  if (s.seal) {
    const box = sealBox(s.seal.width, s.seal.height, O.SIGNATURE_SEAL_SIZE_MM);
    lines = Math.max(1, Math.ceil(box.height / p - 1e-6));
    if (lines % 2 === 0) lines += 1;
    left = sealRight - box.width;
    const dy = (lines * p - box.height) / 2;
    pieces.push({ kind: 'image', x: left, row: 0, dy, width: box.width, height: box.height, image: s.seal, blend: 'multiply' });
    // Relative to the date line's top: the seal's lines and the blank line lie between.
    seal = { x: left - LEFT, top: dy - (lines + O.DATE_GAP_LINES) * p, width: box.width, height: box.height };
  } else {
    const text = s.issuers.join('、');
    const chars = shapeText(pc.shaper, text, style, s.line);
    left = sealRight - naturalWidth(chars);
    pieces.push({ kind: 'text', chars, x: left, row: 0, size: BODY });
    name = { text, rightInset: RIGHT - sealRight };
  }
  const mid = (lines - 1) / 2;
  const titleX = left - O.TITLE_GAP_CHARS * CELL - tw;
  pieces.unshift({ kind: 'text', chars: title, x: titleX, row: mid, size: BODY });
  flow.push({ role: 'signature', span: lines, group, keepWithNext: true, pieces });
  for (let k = 0; k < O.DATE_GAP_LINES; k++) flow.push({ role: 'blank', pieces: [], group, keepWithNext: true });
  const date = shapeText(pc.shaper, s.date, style, s.line);
  const dateX = RIGHT - O.DATE_RIGHT_INSET_CHARS * CELL - naturalWidth(date);
  flow.push({ role: 'date', group, pieces: [{ kind: 'text', chars: date, x: dateX, row: 0, size: BODY }] });
  return {
    block,
    gapLines: O.SIGNATURE_GAP_LINES,
    names: [],
    date: { text: s.date, rightInset: RIGHT - dateX - naturalWidth(date) },
    ...(seal ? { seal } : {}),
    signer: {
      title: { text: signerTitle, rightInset: RIGHT - titleX - tw },
      ...(name ? { name } : {}),
      lines,
      dateGapLines: O.DATE_GAP_LINES,
    },
  };
}
