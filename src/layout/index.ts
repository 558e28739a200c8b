// The layout stage: a GongwenDocument and its fonts → a DocumentPlan, every layout decision
// on the GB/T 9704 grid (22 lines × 28 characters in the 156 × 225 mm 版心) made once, as
// data, for both writers. drawPages turns a plan into pages of glyph runs for the PDF writer;
// the DOCX writer reads the plan directly. Pure: no I/O.

import type { FontSet } from '../fonts/types.js';
import type { Block, GongwenDocument } from '../model/types.js';
import * as S from '../spec/gbt9704.js';
import * as L from '../spec/layout.js';
import { placeColophon } from './colophon.js';
import { planContext } from './context.js';
import { drawPages } from './draw.js';
import { planFlow } from './flow.js';
import { HEADER_KINDS, planHeader } from './header.js';
import { LEFT, RIGHT } from './page.js';
import { paginate } from './paginate.js';
import type { DocumentPlan, FixedText, ImagePlan, PagePlan } from './plan.js';
import { naturalWidth, shapeText, type ShapeContext } from './text.js';
import type { LaidOutDocument } from './types.js';

export type { LaidOutDocument, Page, PageItem, GlyphRun, Rule, PlacedImage, LayoutWarning } from './types.js';
export type * from './plan.js';
export { breakLines, canBreakBefore, classify, isFullWidth } from './linebreak.js';
export { splitTitle } from './title.js';
export { HEADER_KINDS, topLineSlots } from './header.js';
export { sealBox } from './signature.js';
export { drawPages } from './draw.js';

/** Plans a document: header, flow, pages, 版记 and page numbers. */
export function planDocument(doc: GongwenDocument, fonts: FontSet): DocumentPlan {
  const pc = planContext(doc, fonts);
  const blocks = doc.blocks;
  // 版头 / 报头: every header block before the first flow block.
  let i = 0;
  const head: Block[] = [];
  while (i < blocks.length && HEADER_KINDS.has(blocks[i]!.kind)) head.push(blocks[i++]!);
  const header = planHeader(pc, head);
  const flow = planFlow(pc, blocks, i, header.plan);
  const { pages, slot } = paginate(pc, flow.lines, header.fixed, header.plan.lines);
  // 信函格式: 首页不显示页码 [S 10.1].
  if (doc.info.format === 'letter') pages[0]!.numbered = false;
  const colophon = flow.colophon ? placeColophon(pc, flow.colophon, pages, slot) : undefined;
  pages.forEach((p, k) => numberPage(pc.shaper, p, k + 1));
  return {
    info: doc.info,
    file: doc.file,
    pitch: pc.pitch,
    header: header.plan,
    titles: flow.titles,
    signatures: flow.signatures,
    attachments: flow.attachments,
    attachmentPages: flow.attachmentPages,
    tables: flow.tables,
    images: flow.images.map((img) => placedImage(img, pages)),
    attendance: flow.attendance,
    ...(colophon ? { colophon } : {}),
    pages,
    warnings: pc.shaper.warnings,
  };
}

/** An image plan with the size its line was given on its page (scaled down near a page end). */
function placedImage(img: ImagePlan, pages: readonly PagePlan[]): ImagePlan {
  for (const p of pages) {
    for (const { line } of p.lines) {
      if (line.role !== 'image' || line.block !== img.block) continue;
      const piece = line.pieces.find((x) => x.kind === 'image');
      if (piece && piece.kind === 'image') return { ...img, width: piece.width, height: piece.height, span: line.span };
    }
  }
  return img;
}

/** Plans and draws a document (the PDF path in one call). */
export function layoutDocument(doc: GongwenDocument, fonts: FontSet): LaidOutDocument {
  return drawPages(planDocument(doc, fonts));
}

/**
 * Page `index` gets `— N —` when it is numbered and not empty: 4号 宋体, the em-box centre
 * 7 mm below the 版心, odd pages right and even left, inset 1 字 [S 7.5].
 */
function numberPage(shaper: ShapeContext, p: PagePlan, index: number): void {
  if (!p.numbered || (!p.lines.some((l) => l.line.pieces.length) && !p.fixed.length)) return;
  p.number = index;
  p.numberSide = index % 2 === 1 ? 'right' : 'left';
  const size = S.PAGE_NO_SIZE_PT;
  const chars = shapeText(shaper, S.formatPageNumber(index), { role: 'songti', size });
  const w = naturalWidth(chars);
  const x = p.numberSide === 'right' ? RIGHT - S.PAGE_NO_SIDE_INSET_PT - w : LEFT + S.PAGE_NO_SIDE_INSET_PT;
  const text: FixedText = { kind: 'text', chars, x, baseline: L.PAGE_NO_CENTRE_Y_PT - size / 2 + L.EM_BOX_ASCENT_EM * size };
  p.numberText = text;
}
