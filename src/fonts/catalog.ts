// Which faces the format asks for, how they are named on office machines, and the free
// faces from npm that stand in for them on a fresh machine.

import type { FontRole } from '../model/types.js';

export const FONT_ROLES: readonly FontRole[] = ['song', 'fangsong', 'hei', 'kai', 'songti'];

/** Chinese name of each role, for messages and `gongwen fonts`. */
export const ROLE_LABEL: Record<FontRole, string> = {
  song: '小标宋（标题、发文机关标志）',
  fangsong: '仿宋（正文）',
  hei: '黑体（一级标题、密级）',
  kai: '楷体（二级标题、签发人）',
  songti: '宋体（页码）',
};

/** Official family names written into DOCX files (configurable) [GB/T 9704 §3 of the spec]. */
export const OFFICIAL_DOCX_NAMES: Record<FontRole, string> = {
  song: '方正小标宋简体',
  fangsong: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  songti: '宋体',
};

/**
 * Family names (any language of the font's name table) and file names under which the
 * official faces are installed on Windows, macOS and Linux, best first.
 */
export const OFFICIAL_FACES: Record<FontRole, { families: string[]; files: string[] }> = {
  song: {
    families: ['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', 'FZXiaoBiaoSong-B05', '方正小标宋'],
    files: ['fzxbsjw.ttf', 'fzxbsk.ttf', '方正小标宋简体.ttf', '方正小标宋_gbk.ttf', '方正小标宋简体.otf'],
  },
  fangsong: {
    families: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', '华文仿宋', 'STFangsong'],
    files: ['仿宋_gb2312.ttf', 'fangsong_gb2312.ttf', 'simfang.ttf', 'stfangso.ttf', '仿宋.ttf'],
  },
  hei: {
    families: ['黑体', 'SimHei', '华文黑体', 'STHeiti'],
    files: ['simhei.ttf', '黑体.ttf', 'stheiti.ttf'],
  },
  kai: {
    families: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', '华文楷体', 'STKaiti'],
    files: ['楷体_gb2312.ttf', 'kaiti_gb2312.ttf', 'simkai.ttf', 'stkaiti.ttf', '楷体.ttf'],
  },
  songti: {
    families: ['宋体', 'SimSun', '华文宋体', 'STSong'],
    files: ['simsun.ttc', 'simsun.ttf', '宋体.ttf', 'stsong.ttf'],
  },
};

/** A free face shipped by an npm package: the package and the file inside it. */
export interface BundledFace {
  pkg: string;
  file: string;
  /** What the face is, for `gongwen fonts` and the README. */
  name: string;
}

const NOTO_SERIF_BOLD: BundledFace = {
  pkg: '@expo-google-fonts/noto-serif-sc',
  file: '700Bold/NotoSerifSC_700Bold.ttf',
  name: '思源宋体 Bold (Noto Serif SC)',
};
const NOTO_SERIF_REGULAR: BundledFace = {
  pkg: '@expo-google-fonts/noto-serif-sc',
  file: '400Regular/NotoSerifSC_400Regular.ttf',
  name: '思源宋体 Regular (Noto Serif SC)',
};
const NOTO_SANS_MEDIUM: BundledFace = {
  pkg: '@expo-google-fonts/noto-sans-sc',
  file: '500Medium/NotoSansSC_500Medium.ttf',
  name: '思源黑体 Medium (Noto Sans SC)',
};
const LXGW_WENKAI: BundledFace = {
  pkg: '@fontsource/lxgw-wenkai',
  file: 'files/lxgw-wenkai-latin-500-normal.woff',
  name: '霞鹜文楷 (LXGW WenKai)',
};

/**
 * Free defaults per role. No free 仿宋 is published on npm: the body falls back to
 * 思源宋体 Regular, the closest free face with full GB2312 coverage. Each covers all
 * 6,763 GB2312 characters (tested).
 */
export const BUNDLED_FACES: Record<FontRole, BundledFace> = {
  song: NOTO_SERIF_BOLD,
  fangsong: NOTO_SERIF_REGULAR,
  hei: NOTO_SANS_MEDIUM,
  kai: LXGW_WENKAI,
  songti: NOTO_SERIF_REGULAR,
};

/** Why a bundled face stands in for a role, shown by `gongwen fonts`. */
export const STAND_IN_REMARK: Record<FontRole, string> = {
  song: '未找到方正小标宋简体，使用免费的思源宋体 Bold 代替',
  fangsong: 'npm 上没有免费的仿宋字体，使用最接近的思源宋体 Regular 代替；安装仿宋_GB2312 后自动使用',
  hei: '未找到黑体（SimHei），使用思源黑体 Medium 代替',
  kai: '未找到楷体_GB2312，使用霞鹜文楷代替',
  songti: '未找到宋体（SimSun），使用思源宋体 Regular 代替',
};

/**
 * Faces tried, in order, for a character missing from a role's face.
 *
 * CJK Extension B and later (𠀀 U+20000, 𪚥 U+2A6A5 …): none of these faces covers the block,
 * and no freely licensed npm package with wide coverage was found (checked 2026-11:
 * `@fontsource/unifontex` 5.2.6, OFL, has 303 of the 42,720 Extension B characters and not
 * U+20000; Jigmo, Hanazono, Plangothic and BabelStone Han are not published on npm). Such a
 * character is drawn as the face's empty box and the build warns, naming the character. Only the
 * five role faces and this list are searched (resolve.ts faceFor), so a face with Extension B
 * (e.g. HanaMinB, Jigmo2) takes effect once it is added here.
 */
export const FALLBACK_FACES: readonly BundledFace[] = [NOTO_SERIF_REGULAR, NOTO_SANS_MEDIUM, LXGW_WENKAI];

/** System font folders searched for the official faces. */
export function systemFontFolders(home: string, platform: NodeJS.Platform): string[] {
  if (platform === 'win32') {
    const windir = process.env['WINDIR'] ?? 'C:\\Windows';
    const local = process.env['LOCALAPPDATA'];
    return [`${windir}\\Fonts`, ...(local ? [`${local}\\Microsoft\\Windows\\Fonts`] : [])];
  }
  if (platform === 'darwin') {
    return ['/Library/Fonts', '/System/Library/Fonts', `${home}/Library/Fonts`];
  }
  return ['/usr/share/fonts', '/usr/local/share/fonts', `${home}/.fonts`, `${home}/.local/share/fonts`];
}
