// DrawingML the docx library cannot write: straight lines (the red rule), text boxes (the
// 版记 pinned to the bottom of the 版心) and floating pictures (the seal). Shapes are plain
// `wps:wsp` inside `wp:anchor`, which Word 2010+ and LibreOffice read; ids come from a
// counter, so the output is deterministic.

import { el, esc } from './xml.js';

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
const WPS_URI = 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape';

/** Hands out drawing ids (wp:docPr/@id) and z-orders in document order. */
export class DrawingIds {
  private n = 0;
  next(): number {
    this.n += 1;
    return this.n;
  }
}

export type HRel = 'margin' | 'page' | 'column';
export type VRel = 'margin' | 'page' | 'paragraph' | 'line';

export interface AnchorPos {
  /** Horizontal: offset in EMU, or an alignment. */
  h: { rel: HRel; offset?: number; align?: 'left' | 'center' | 'right' };
  v: { rel: VRel; offset?: number; align?: 'top' | 'center' | 'bottom' };
}

export interface AnchorOpts {
  id: number;
  name: string;
  /** Size in EMU. */
  cx: number;
  cy: number;
  pos: AnchorPos;
  wrap: 'none' | 'topAndBottom';
  behindDoc?: boolean;
  graphic: string;
}

const position = (axis: 'H' | 'V', rel: string, offset?: number, align?: string): string =>
  el(
    `wp:position${axis}`,
    { relativeFrom: rel },
    align ? el('wp:align', {}, align) : el('wp:posOffset', {}, String(Math.round(offset ?? 0))),
  );

/** A floating drawing (`wp:anchor`) wrapped in a run. */
export const anchorRun = (o: AnchorOpts): string => {
  const wrap = o.wrap === 'none' ? el('wp:wrapNone') : el('wp:wrapTopAndBottom');
  const anchor = el(
    'wp:anchor',
    {
      distT: 0,
      distB: 0,
      distL: 0,
      distR: 0,
      simplePos: 0,
      relativeHeight: 251658240 + o.id,
      behindDoc: o.behindDoc ? 1 : 0,
      locked: 0,
      layoutInCell: 1,
      allowOverlap: 1,
    },
    el('wp:simplePos', { x: 0, y: 0 }) +
      position('H', o.pos.h.rel, o.pos.h.offset, o.pos.h.align) +
      position('V', o.pos.v.rel, o.pos.v.offset, o.pos.v.align) +
      el('wp:extent', { cx: Math.round(o.cx), cy: Math.round(o.cy) }) +
      el('wp:effectExtent', { l: 0, t: 0, r: 0, b: 0 }) +
      wrap +
      el('wp:docPr', { id: o.id, name: o.name }) +
      el('wp:cNvGraphicFramePr') +
      o.graphic,
  );
  return el('w:r', {}, el('w:drawing', {}, anchor));
};

const wsp = (inner: string): string =>
  el('a:graphic', { 'xmlns:a': A }, el('a:graphicData', { uri: WPS_URI }, el('wps:wsp', {}, inner)));

const xfrm = (cx: number, cy: number): string =>
  el('a:xfrm', {}, el('a:off', { x: 0, y: 0 }) + el('a:ext', { cx: Math.round(cx), cy: Math.round(cy) }));

/** Graphic of a horizontal line `cx` EMU long, `thickness` EMU wide, in `color` (hex). */
export const lineGraphic = (cx: number, thickness: number, color: string): string =>
  wsp(
    el('wps:cNvSpPr') +
      el(
        'wps:spPr',
        {},
        xfrm(cx, 0) +
          el('a:prstGeom', { prst: 'line' }, el('a:avLst')) +
          el('a:noFill') +
          el(
            'a:ln',
            { w: Math.round(thickness), cap: 'flat' },
            el('a:solidFill', {}, el('a:srgbClr', { val: color })) + el('a:prstDash', { val: 'solid' }) + el('a:miter', { lim: 800000 }),
          ),
      ) +
      el('wps:bodyPr'),
  );

/**
 * Graphic of a borderless, unfilled text box with zero insets holding `content`
 * (paragraph XML), its text anchored at the bottom (default) or top of the box.
 */
export const textBoxGraphic = (cx: number, cy: number, content: string, anchor: 't' | 'b' = 'b'): string =>
  wsp(
    el('wps:cNvSpPr', { txBox: 1 }) +
      el(
        'wps:spPr',
        {},
        xfrm(cx, cy) + el('a:prstGeom', { prst: 'rect' }, el('a:avLst')) + el('a:noFill') + el('a:ln', {}, el('a:noFill')),
      ) +
      el('wps:txbx', {}, el('w:txbxContent', {}, content)) +
      el(
        'wps:bodyPr',
        { rot: 0, vert: 'horz', wrap: 'square', lIns: 0, tIns: 0, rIns: 0, bIns: 0, anchor, anchorCtr: 0 },
        el('a:noAutofit'),
      ),
  );

/** Graphic of a picture stored under relationship `rId`. */
export const pictureGraphic = (id: number, name: string, rId: string, cx: number, cy: number): string =>
  el(
    'a:graphic',
    { 'xmlns:a': A },
    el(
      'a:graphicData',
      { uri: PIC },
      el(
        'pic:pic',
        { 'xmlns:pic': PIC },
        el('pic:nvPicPr', {}, el('pic:cNvPr', { id, name: esc(name) === name ? name : 'image' }) + el('pic:cNvPicPr')) +
          el('pic:blipFill', {}, el('a:blip', { 'r:embed': rId }) + el('a:stretch', {}, el('a:fillRect'))) +
          el('pic:spPr', {}, xfrm(cx, cy) + el('a:prstGeom', { prst: 'rect' }, el('a:avLst'))),
      ),
    ),
  );

/** An inline picture (`wp:inline`) wrapped in a run. */
export const inlinePictureRun = (id: number, name: string, rId: string, cx: number, cy: number): string =>
  el(
    'w:r',
    {},
    el(
      'w:drawing',
      {},
      el(
        'wp:inline',
        { distT: 0, distB: 0, distL: 0, distR: 0 },
        el('wp:extent', { cx: Math.round(cx), cy: Math.round(cy) }) +
          el('wp:effectExtent', { l: 0, t: 0, r: 0, b: 0 }) +
          el('wp:docPr', { id, name }) +
          el('wp:cNvGraphicFramePr') +
          pictureGraphic(id, name, rId, cx, cy),
      ),
    ),
  );
