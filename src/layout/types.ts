// Layout output: pages of positioned glyph runs, rules and images. Pure data, so it can be
// tested without a PDF and drawn by any writer. Coordinates are points from the top-left
// corner of the paper (y grows downwards); text is placed by its baseline.

import type { DocumentInfo, FontRole, ImageData } from '../model/types.js';

/** A run of glyphs drawn in one font at one size, with uniform spacing. */
export interface GlyphRun {
  kind: 'text';
  /** Left edge of the first glyph, pt. */
  x: number;
  /** Baseline, pt from the paper top. */
  baseline: number;
  text: string;
  /** LoadedFont.id of the face that draws this run (a fallback face when the role's lacks a glyph). */
  fontId: string;
  /** The role the text belongs to (for tests and the DOCX/PDF writers' reference). */
  role: FontRole;
  size: number;
  /** Extra space after every character, pt (negative tightens). */
  charSpacing: number;
  /** Horizontal scale, 1 = 100 %. */
  hScale: number;
  color: 'black' | 'red';
  /** Width the run occupies, pt (for tests and underlines). */
  width: number;
  /** Emphasised (Markdown **bold**): drawn with a thin outline, since CJK faces have no bold. */
  bold?: boolean;
}

/** A horizontal (or any) straight rule. */
export interface Rule {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Stroke width, pt. */
  thickness: number;
  color: 'black' | 'red';
}

export interface PlacedImage {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  image: ImageData;
  /**
   * How the image mixes with what is under it. `multiply`: like ink on paper, black text under
   * a red seal stays black and visible (GB/T 9704 7.3.5.1: the seal presses on the name and date).
   */
  blend?: 'multiply';
}

export type PageItem = GlyphRun | Rule | PlacedImage;

export interface Page {
  /** Printed page number, or null for an unnumbered page (blank page before the 版记). */
  number: number | null;
  items: PageItem[];
}

/** A warning raised during layout (e.g. a glyph drawn by a fallback font). */
export interface LayoutWarning {
  file: string;
  line?: number;
  message: string;
}

export interface LaidOutDocument {
  info: DocumentInfo;
  pages: Page[];
  warnings: LayoutWarning[];
}
