// Font names written into the DOCX. Runs name the official families (configurable) for
// every script, so Chinese, digits and punctuation come from one face as in the PDF. The
// font table adds, per family, its GB2312 charset and an alternative name (w:altName) that
// Word and WPS use when the official face is missing: the face Windows ships under a
// related name. LibreOffice substitutes through fontconfig instead.

import { OFFICIAL_DOCX_NAMES } from '../../fonts/catalog.js';
import type { FontRole } from '../../model/types.js';
import { el } from './xml.js';

/** Official family names per role, from the font catalog (FontConfig.docxNames overrides them). */
export const DEFAULT_DOCX_FONT_NAMES: Readonly<Record<FontRole, string>> = OFFICIAL_DOCX_NAMES;

/** Alternatives shipped with Windows and Office, written as w:altName. */
const ALT_NAMES: Readonly<Record<FontRole, string>> = {
  song: '华文中宋',
  fangsong: '仿宋',
  hei: 'SimHei',
  kai: '楷体',
  songti: 'SimSun',
};

/** Generic family of each role for the font table: serif faces are `roman`, 黑体 is `modern`. */
const FAMILY: Readonly<Record<FontRole, string>> = {
  song: 'roman',
  fangsong: 'modern',
  hei: 'modern',
  kai: 'modern',
  songti: 'auto',
};

export type FontNames = Readonly<Record<FontRole, string>>;

export const resolveFontNames = (overrides?: Partial<Record<FontRole, string>>): FontNames => ({
  ...DEFAULT_DOCX_FONT_NAMES,
  ...(overrides ?? {}),
});

const ROLES: readonly FontRole[] = ['song', 'fangsong', 'hei', 'kai', 'songti'];

/** word/fontTable.xml: one entry per distinct family, with charset GB2312 (86) and altName. */
export const fontTableXml = (names: FontNames): string => {
  const seen = new Set<string>();
  const fonts: string[] = [];
  for (const role of ROLES) {
    const name = names[role];
    if (seen.has(name)) continue;
    seen.add(name);
    const alt = ALT_NAMES[role] !== name ? el('w:altName', { 'w:val': ALT_NAMES[role] }) : '';
    fonts.push(
      el(
        'w:font',
        { 'w:name': name },
        alt +
          el('w:charset', { 'w:val': '86' }) +
          el('w:family', { 'w:val': FAMILY[role] }) +
          el('w:pitch', { 'w:val': 'variable' }),
      ),
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    el('w:fonts', { 'xmlns:w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main' }, fonts.join(''))
  );
};
