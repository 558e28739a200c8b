// State shared by the block writers of one document: font names, drawing ids, media parts.

import type { ImageData, LayoutOptions } from '../../model/types.js';
import { DrawingIds } from './drawing.js';
import type { FontNames } from './fonts.js';
import type { Para } from './xml.js';

/** A picture stored as word/media/imageN.ext with relationship `rId`. */
export interface MediaPart {
  rId: string;
  path: string;
  bytes: Uint8Array;
  ext: 'png' | 'jpeg';
}

export class Media {
  readonly parts: MediaPart[] = [];
  add(image: ImageData): MediaPart {
    const n = this.parts.length + 1;
    const ext = image.format === 'png' ? 'png' : 'jpeg';
    const part: MediaPart = { rId: `rIdGwImage${n}`, path: `media/image${n}.${ext}`, bytes: image.bytes, ext };
    this.parts.push(part);
    return part;
  }
}

/** Raw body XML that is not a paragraph (a table). */
export interface RawXml {
  kind: 'raw';
  xml: string;
}

export type BodyPart = Para | RawXml;

export interface Ctx {
  fonts: FontNames;
  options: LayoutOptions;
  /** Grid pitch, twip: 579 (22 lines fill the 版心) or 560 (fixed 28 pt). */
  pitch: number;
  ids: DrawingIds;
  media: Media;
}

export const newCtx = (fonts: FontNames, options: LayoutOptions, pitch: number): Ctx => ({
  fonts,
  options,
  pitch,
  ids: new DrawingIds(),
  media: new Media(),
});
