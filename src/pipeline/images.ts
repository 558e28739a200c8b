// Images named in a bulletin body: resolved like the seal (relative to the source file,
// inside the project folder) and checked to be real PNG or JPEG files.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { BuildError, Problem } from '../errors.js';
import type { ImageData } from '../model/types.js';
import type { LineOrigin } from '../template/render.js';
import { imageInfo, imageTooLarge, resolveSealPath } from '../source/index.js';

export function imageLoader(sourceFile: string, root: string): (url: string, from: LineOrigin) => ImageData {
  return (url, from) => {
    const fail = (what: { zh: string; en: string }): never => {
      throw new BuildError([new Problem({ file: from.file, pos: { line: from.line, col: 1 }, key: url, what })]);
    };
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) fail({ zh: '图片必须是项目中的文件，不能是网址', en: 'an image must be a file of the project, not a URL' });
    let path: string;
    try {
      path = decodeURI(url);
    } catch {
      return fail({ zh: '图片路径中的 % 编码不正确', en: 'the image path has a malformed % escape' });
    }
    const r = resolveSealPath(path, sourceFile, root);
    if (!r.ok) return fail(r.what);
    if (!existsSync(r.abs) || !statSync(r.abs).isFile()) return fail({ zh: '图片文件不存在', en: 'image file not found' });
    const bytes = readFileSync(r.abs);
    const info = imageInfo(bytes);
    if (!info) return fail({ zh: '图片不是有效的 PNG 或 JPEG 文件', en: 'not a valid PNG or JPEG image' });
    const huge = imageTooLarge(info);
    if (huge) return fail(huge);
    return { src: url, bytes: new Uint8Array(bytes), ...info };
  };
}
