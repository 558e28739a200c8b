// The document's resource parts [GB/T 33190 7.9]: PublicRes.xml with the colour space and the
// embedded fonts (FontFile), DocumentRes.xml with the images as multimedia (MediaFile). Their
// files live beside them in Res/ (the parts' BaseLoc).

import { createHash } from 'node:crypto';
import type { ImageData } from '../../model/types.js';
import { OFD_BITS_PER_COMPONENT } from '../../spec/ofd.js';
import { o, part } from './xml.js';
import type { Ids } from './ids.js';

/** Folder of the resource files, relative to the document's folder. */
export const RES_DIR = 'Res';

export interface FontResource {
  id: number;
  fontName: string;
  familyName: string;
  /** File name inside RES_DIR. */
  file: string;
}

export interface ImageResource {
  id: number;
  format: 'PNG' | 'JPEG';
  file: string;
  bytes: Uint8Array;
}

/** The images of one document, each stored once however often it is drawn. */
export class ImageResources {
  private readonly byHash = new Map<string, ImageResource>();
  readonly list: ImageResource[] = [];

  constructor(private readonly ids: Ids) {}

  idOf(image: ImageData): number {
    const hash = createHash('sha256').update(image.bytes).digest('hex');
    let r = this.byHash.get(hash);
    if (!r) {
      const id = this.ids.next();
      const ext = image.format === 'png' ? 'png' : 'jpg';
      r = { id, format: image.format === 'png' ? 'PNG' : 'JPEG', file: `Image_${id}.${ext}`, bytes: image.bytes };
      this.byHash.set(hash, r);
      this.list.push(r);
    }
    return r.id;
  }
}

/** PublicRes.xml: the RGB colour space and the fonts. */
export function publicRes(colourSpace: number, fonts: readonly FontResource[]): string {
  return part(
    'Res',
    { BaseLoc: RES_DIR },
    o('ColorSpaces', {}, o('ColorSpace', { ID: colourSpace, Type: 'RGB', BitsPerComponent: OFD_BITS_PER_COMPONENT })) +
      (fonts.length
        ? o(
            'Fonts',
            {},
            fonts.map((f) => o('Font', { ID: f.id, FontName: f.fontName, FamilyName: f.familyName }, o('FontFile', {}, f.file))).join(''),
          )
        : ''),
  );
}

/** DocumentRes.xml: the images. */
export function documentRes(images: readonly ImageResource[]): string {
  const media = images.map((m) => o('MultiMedia', { ID: m.id, Type: 'Image', Format: m.format }, o('MediaFile', {}, m.file)));
  return part('Res', { BaseLoc: RES_DIR }, media.length ? o('MultiMedias', {}, media.join('')) : '');
}
