// Images of the flow: scaled to the 版心 width at most and to the height of a page (less the
// line of a caption kept with it), so an image never overflows the 版心; centred in a whole
// number of grid lines, so the text after it stays on the grid.

import type { ImageBlock } from '../model/types.js';
import { LINES_PER_PAGE } from '../spec/gbt9704.js';
import { IMAGE_CAPTION_LINES, IMAGE_PT_PER_PX } from '../spec/layout.js';
import type { PlanContext } from './context.js';
import { LEFT, WIDTH } from './page.js';
import type { ImagePlan, LinePiece } from './plan.js';

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
