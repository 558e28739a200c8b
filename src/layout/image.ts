// Images of the flow: scaled to the 版心 width at most and to the height of a page (less the
// line of a caption kept with it), so an image never overflows the 版心; centred in a whole
// number of grid lines, so the text after it stays on the grid.

import type { ImageBlock } from '../model/types.js';
import { LINES_PER_PAGE } from '../spec/gbt9704.js';
import { IMAGE_CAPTION_LINES, IMAGE_MIN_SCALE, IMAGE_PT_PER_PX } from '../spec/layout.js';
import type { PlanContext } from './context.js';
import { LEFT, WIDTH } from './page.js';
import type { FlowLine, ImagePiece, ImagePlan, LinePiece } from './plan.js';

export function planImage(pc: PlanContext, b: ImageBlock, block: number, captioned: boolean): ImagePlan {
  const maxH = (LINES_PER_PAGE - (captioned ? IMAGE_CAPTION_LINES : 0)) * pc.pitch;
  const scale = Math.min(IMAGE_PT_PER_PX, WIDTH / b.image.width, maxH / b.image.height);
  const width = b.image.width * scale;
  const height = b.image.height * scale;
  return { block, width, height, span: Math.max(1, Math.ceil(height / pc.pitch - 1e-6)) };
}

/** The image centred in its grid lines. */
export const imagePiece = (b: ImageBlock, img: ImagePlan): LinePiece => ({
  kind: 'image',
  x: LEFT + (WIDTH - img.width) / 2,
  row: img.span / 2,
  dy: -img.height / 2,
  width: img.width,
  height: img.height,
  image: b.image,
});

/** Fewest grid lines the image may be scaled down to near a page end. */
export const minImageSpan = (img: ImagePlan, pitch: number): number => Math.max(1, Math.ceil((img.height * IMAGE_MIN_SCALE) / pitch - 1e-6));

/** The image line scaled down to `span` grid lines (centred as before); the line itself when it fits. */
export function shrinkImageLine(line: FlowLine, span: number, pitch: number): FlowLine {
  const piece = line.pieces.find((p): p is ImagePiece => p.kind === 'image');
  if (!piece || span >= line.span) return line;
  const k = Math.min(1, (span * pitch) / piece.height);
  const width = piece.width * k;
  const height = piece.height * k;
  const scaled: ImagePiece = { ...piece, x: piece.x + (piece.width - width) / 2, row: span / 2, dy: -height / 2, width, height };
  return { ...line, span, pieces: line.pieces.map((p) => (p === piece ? scaled : p)) };
}
