// One page's Content.xml [GB/T 33190 7.7, 9, 11, 13]: the layout's glyph runs as TextObjects
// (the real text in TextCode, each character's advance in DeltaX, the embedded glyph ids in
// CGTransform), rules as PathObjects and images as ImageObjects. Positions are the layout's,
// converted to mm; nothing is laid out here.

import type { GlyphRun, Page, PlacedImage, Rule } from '../../layout/types.js';
import { OFD_BLACK_RGB, OFD_RED_RGB } from '../../spec/ofd.js';
import { BOLD_STROKE_EM } from '../pdf/constants.js';
import { box, esc, mm, num, o } from './xml.js';
import type { DocumentFonts } from './fonts.js';
import type { Ids } from './ids.js';

/** What a page refers to outside itself: resource ids of faces and images, the colour space. */
export interface PageResources {
  ids: Ids;
  fonts: DocumentFonts;
  /** Resource id of a face (allocated on first use). */
  fontRes(fontId: string): number;
  /** Resource id of an image (allocated on first use; equal images share one). */
  imageRes(image: PlacedImage['image']): number;
  colourSpace: number;
}

const rgb = (c: 'black' | 'red'): string => (c === 'red' ? OFD_RED_RGB : OFD_BLACK_RGB).join(' ');

const colour = (name: 'FillColor' | 'StrokeColor', c: 'black' | 'red', cs: number): string =>
  o(name, { Value: rgb(c), ColorSpace: cs });

function textObject(r: GlyphRun, res: PageResources): string {
  const { chars, glyphs, advances } = res.fonts.glyphs(r.fontId, r.text);
  const face = res.fonts.font(r.fontId);
  const ascent = (face.ascent / face.unitsPerEm) * r.size;
  const descent = (face.descent / face.unitsPerEm) * r.size;
  const outline = r.bold ? r.size * BOLD_STROKE_EM : 0;
  // Each character's step: its advance at this size and scale, and the run's spacing (the
  // layout's own measure, so the glyphs stand where the layout put them).
  const steps = advances.slice(0, -1).map((a) => a * r.size * r.hScale + r.charSpacing);
  const top = r.baseline - ascent;
  const inner =
    colour('FillColor', r.color, res.colourSpace) +
    (r.bold ? colour('StrokeColor', r.color, res.colourSpace) : '') +
    o('CGTransform', { CodePosition: 0, CodeCount: chars.length, GlyphCount: glyphs.length }, o('Glyphs', {}, glyphs.join(' '))) +
    o(
      'TextCode',
      { X: mm(outline), Y: mm(ascent + outline), DeltaX: steps.length ? steps.map(mm).join(' ') : undefined },
      esc(r.text),
    );
  return o(
    'TextObject',
    {
      ID: res.ids.next(),
      Boundary: box(r.x - outline, top - outline, r.width + 2 * outline, ascent - descent + 2 * outline),
      Font: res.fontRes(r.fontId),
      Size: mm(r.size),
      ...(r.hScale !== 1 ? { HScale: num(r.hScale) } : {}),
      ...(r.bold ? { Stroke: 'true', LineWidth: mm(outline) } : {}),
    },
    inner,
  );
}

function pathObject(r: Rule, res: PageResources): string {
  // The boundary holds the stroke; the path's points are relative to its corner.
  const half = r.thickness / 2;
  const x0 = Math.min(r.x1, r.x2) - half;
  const y0 = Math.min(r.y1, r.y2) - half;
  const w = Math.abs(r.x2 - r.x1) + r.thickness;
  const h = Math.abs(r.y2 - r.y1) + r.thickness;
  const path = `M ${mm(r.x1 - x0)} ${mm(r.y1 - y0)} L ${mm(r.x2 - x0)} ${mm(r.y2 - y0)}`;
  return o(
    'PathObject',
    { ID: res.ids.next(), Boundary: box(x0, y0, w, h), LineWidth: mm(r.thickness), Cap: 'Butt', Stroke: 'true', Fill: 'false' },
    colour('StrokeColor', r.color, res.colourSpace) + o('AbbreviatedData', {}, path),
  );
}

function imageObject(im: PlacedImage, res: PageResources): string {
  // An image fills the unit square of its CTM: scaled to its size within its boundary.
  return o('ImageObject', {
    ID: res.ids.next(),
    Boundary: box(im.x, im.y, im.width, im.height),
    CTM: `${mm(im.width)} 0 0 ${mm(im.height)} 0 0`,
    ResourceID: res.imageRes(im.image),
  });
}

const pageObject = (item: Page['items'][number], res: PageResources): string =>
  item.kind === 'text' ? textObject(item, res) : item.kind === 'rule' ? pathObject(item, res) : imageObject(item, res);

/**
 * The page's Content.xml. Images that mix with what is under them like ink (a seal pressed
 * on the signature, `multiply`) go in a first layer, under the text: OFD has no blend modes,
 * and black text drawn over red ink looks as black text multiplied by it. Object ids follow
 * the drawing order (some readers stack objects by id).
 */
export function pageContent(page: Page, res: PageResources): string {
  const inkLike = (item: Page['items'][number]): boolean => item.kind === 'image' && item.blend === 'multiply';
  const layers = [page.items.filter(inkLike), page.items.filter((item) => !inkLike(item))]
    .filter((l) => l.length > 0)
    .map((l) => {
      const id = res.ids.next();
      return o('Layer', { ID: id }, l.map((item) => pageObject(item, res)).join(''));
    })
    .join('');
  return o('Content', {}, layers);
}
