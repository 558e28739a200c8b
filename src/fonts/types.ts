// Font resolution and loading: which file serves each role, parsed once per process.

import type { Font } from 'fontkit';
import type { FontRole } from '../model/types.js';

/** Where a font file was found, in resolution order. */
export type FontOrigin = 'config' | 'folder' | 'system' | 'bundled';

/** A font file loaded and parsed once, shared by every document of the process. */
export interface LoadedFont {
  /** Stable id, used as the pdfkit font name and in the manifest. */
  id: string;
  /** Roles this face serves (one face may serve several). */
  roles: FontRole[];
  /** Absolute path of the file on disk (for a converted WOFF: the original). */
  path: string;
  /** PostScript name and family name read from the font. */
  postscriptName: string;
  familyName: string;
  origin: FontOrigin;
  /** TrueType/OpenType bytes (WOFF already decoded). */
  bytes: Buffer;
  /**
   * The parsed face. The PDF writer hands it to pdfkit so that a document does not parse the
   * font file again; each document still makes its own subset.
   */
  face?: Font;
  /** PostScript name of the face inside a collection (.ttc), passed to pdfkit/fontkit. */
  collectionFace?: string;
  /** Units per em. */
  unitsPerEm: number;
  /** Ascender and descender in font units (hhea). */
  ascent: number;
  descent: number;
  /** True when the face has a glyph for this code point. */
  hasGlyph(codePoint: number): boolean;
  /** Advance width of a code point in em (1 = font size); undefined when missing. */
  advanceEm(codePoint: number): number | undefined;
}

/** What resolution chose for one role. */
export interface RoleFont {
  role: FontRole;
  /** The official family the format asks for (e.g. 仿宋_GB2312). */
  officialName: string;
  font: LoadedFont;
  /** True when the face is a free stand-in, not the official face. */
  standIn: boolean;
  /** Why the stand-in was chosen or what it replaces, for `gongwen fonts`. */
  remark?: string;
}

/** The fonts of one process: one face per role plus fallbacks for missing glyphs. */
export interface FontSet {
  roles: Record<FontRole, RoleFont>;
  /** Tried in order when a role's face lacks a glyph (never an empty box). */
  fallbacks: LoadedFont[];
  /** The face that will render `codePoint` for `role`: the role's face, else the first fallback that has it. */
  faceFor(role: FontRole, codePoint: number): LoadedFont | undefined;
}

/** Font configuration: explicit files per role and the names the DOCX should carry. */
export interface FontConfig {
  /** Explicit font files per role (config paths, highest priority). */
  files?: Partial<Record<FontRole, string>>;
  /** Official family names written into DOCX files. */
  docxNames?: Partial<Record<FontRole, string>>;
  /** Extra folders to search (default: ./fonts of the working directory). */
  folders?: string[];
  /** Search the system font folders (default true; tests turn it off for determinism). */
  system?: boolean;
}
