// 印章 (seal image): a path relative to the source file that must stay inside the project
// folder, naming a real PNG or JPEG (checked by its magic bytes, not its extension). The
// pixel size is read from the PNG IHDR chunk or the JPEG SOF marker.

import path from 'node:path';
import type { Text } from '../errors.js';
import { MAX_IMAGE_PIXELS } from '../spec/limits.js';

export type ImageInfo = { format: 'png' | 'jpeg'; width: number; height: number };

export type SealPathResult = { ok: true; abs: string } | { ok: false; what: Text; expected?: Text };

const INSIDE: Text = {
  zh: '相对于本文件的路径，且在项目文件夹之内',
  en: 'a path relative to this file, inside the project folder',
};

/** What a project path names, for messages: 印章 (seal), 附件 (attachment). */
export interface PathSubject {
  zh: string;
  en: string;
}

/**
 * Resolves `spec` against the source's folder and checks it stays inside `root`: seal images
 * and attachment files both follow this rule.
 */
export function resolveProjectPath(spec: string, sourceFile: string, root: string, subject: PathSubject): SealPathResult {
  if (path.isAbsolute(spec) || path.win32.isAbsolute(spec) || /^[a-zA-Z]:/.test(spec)) {
    return { ok: false, what: { zh: `${subject.zh}不能用绝对路径`, en: `the ${subject.en} path must not be absolute` }, expected: INSIDE };
  }
  const abs = path.resolve(path.dirname(path.resolve(sourceFile)), spec.replace(/\\/g, '/'));
  const rel = path.relative(path.resolve(root), abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    return {
      ok: false,
      what: { zh: `${subject.zh}路径超出了项目文件夹`, en: `the ${subject.en} path leaves the project folder` },
      expected: INSIDE,
    };
  }
  return { ok: true, abs };
}

/** Resolves a seal image's path (see resolveProjectPath). */
export function resolveSealPath(spec: string, sourceFile: string, root: string): SealPathResult {
  return resolveProjectPath(spec, sourceFile, root, { zh: '印章', en: 'seal' });
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function u16(b: Uint8Array, i: number): number {
  return (b[i]! << 8) | b[i + 1]!;
}
function u32(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
}

/** Format and pixel size, or undefined when the bytes are not a readable PNG or JPEG. */
export function imageInfo(b: Uint8Array): ImageInfo | undefined {
  if (b.length >= 24 && PNG_MAGIC.every((v, i) => b[i] === v)) {
    // IHDR must be the first chunk: length(4) 'IHDR'(4) width(4) height(4).
    if (String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') return undefined;
    const width = u32(b, 16);
    const height = u32(b, 20);
    return width > 0 && height > 0 ? { format: 'png', width, height } : undefined;
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    let i = 2;
    while (i + 4 <= b.length) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      if (marker === 0xff) {
        i++;
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        i += 2;
        continue;
      }
      if (marker === 0xd9 || marker === 0xda) return undefined; // end or scan before any SOF
      const len = u16(b, i + 2);
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) {
        if (i + 9 > b.length) return undefined;
        const height = u16(b, i + 5);
        const width = u16(b, i + 7);
        return width > 0 && height > 0 ? { format: 'jpeg', width, height } : undefined;
      }
      i += 2 + len;
    }
  }
  return undefined;
}

/** Why an image is refused before it is decoded (more pixels than MAX_IMAGE_PIXELS), or undefined. */
export function imageTooLarge(info: ImageInfo): Text | undefined {
  if (info.width * info.height <= MAX_IMAGE_PIXELS) return undefined;
  const mp = (n: number): string => String(Math.round(n / 1e6));
  return {
    zh: `图片像素过多：${info.width}×${info.height}，最多 ${mp(MAX_IMAGE_PIXELS)} 百万像素，请缩小后再用`,
    en: `the image has too many pixels: ${info.width}×${info.height}, at most ${mp(MAX_IMAGE_PIXELS)} megapixels; scale it down`,
  };
}
