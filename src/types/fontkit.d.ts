// The part of fontkit 2's API that gongwen uses (the package ships no type declarations).
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    /** The code points the glyph object was first made for (fontkit keeps one object per id). */
    codePoints: number[];
  }
  export interface Font {
    type: string;
    postscriptName: string;
    familyName: string;
    subfamilyName: string;
    fullName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    numGlyphs: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    getName(key: string, lang?: string): string | null;
    characterSet: number[];
    /** OpenType shaping; writes the plan's features into `features`. */
    layout(text: string, features?: Record<string, boolean>): GlyphRun;
    /** A subset of this face (its includeGlyph and encode are public). */
    createSubset(): object;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>;
    readonly advanceWidth: number;
  }
  export interface FontCollection {
    type: 'TTC' | 'DFont';
    fonts: Font[];
    getFont(postscriptName: string): Font | null;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | FontCollection;
  export function openSync(path: string, postscriptName?: string): Font | FontCollection;
  const fontkit: { create: typeof create; openSync: typeof openSync };
  export default fontkit;
}
