// The page frame the plan measures against: the 版心 edges, the body size and cell, the grid
// pitch of a document, and where a baseline sits in a grid line. Derived from src/spec only.

import type { LayoutOptions } from '../model/types.js';
import * as S from '../spec/gbt9704.js';
import * as L from '../spec/layout.js';
import { cellFor } from './text.js';

export const BODY = S.BODY_SIZE_PT;
export const CELL = cellFor(BODY);
export const LEFT = S.TYPE_LEFT_PT;
export const RIGHT = S.TYPE_RIGHT_PT;
export const WIDTH = S.TYPE_W_PT;
export const TOP = S.TYPE_TOP_PT;

/** Grid pitch of a document, pt [S 5.2.3; C for fixed28]. */
export const pitchFor = (options: Pick<LayoutOptions, 'lineMode'>): number =>
  options.lineMode === 'fixed28' ? S.LINE_PITCH_FIXED28_PT : S.LINE_PITCH_PT;

/** Baseline of `size` pt text in a grid line whose top is `top` (spec §11). */
export const textBaseline = (top: number, pitch: number, size: number): number => L.baselineInBox(top, pitch, size);

/** Top of grid line `slot` (0-based) of the 版心, pt from the paper top. */
export const slotTop = (slot: number, pitch: number): number => TOP + slot * pitch;

/** Baseline of `size` pt text on grid line `slot`. */
export const slotBaseline = (slot: number, pitch: number, size: number): number => textBaseline(slotTop(slot, pitch), pitch, size);
