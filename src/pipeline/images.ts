// Images named in a bulletin body: resolved like the seal (relative to the source file,
// inside the project folder) and checked to be real PNG or JPEG files.

import { readFileSync, existsSync } from 'node:fs';
import { BuildError, Problem } from '../errors.js';
import type { ImageData } from '../model/types.js';
import type { LineOrigin } from '../template/render.js';
import { imageInfo, resolveSealPath } from '../source/index.js';

export function imageLoader(sourceFile: string, root: string): (url: string, from: LineOrigin) => ImageData {
  return (url, from) => {
    const fail = (what: { zh: string; en: string }): never => {
      throw new BuildError([new Problem({ file: from.file, pos: { line: from.line, col: 1 }, key: url, what })]);
    };
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) fail({ zh: '图片必须是项目中的文件，不能是网址', en: 'an image must be a file of the project, not a URL' });
    const r = resolveSealPath(decodeURI(url), sourceFile, root);
    if (!r.ok) return fail(r.what);
    if (!existsSync(r.abs)) return fail({ zh: '图片文件不存在', en: 'image file not found' });
    const bytes = readFileSync(r.abs);
    const info = imageInfo(bytes);
    if (!info) return fail({ zh: '图片不是有效的 PNG 或 JPEG 文件', en: 'not a valid PNG or JPEG image' });
    return { src: url, bytes: new Uint8Array(bytes), ...info };
  };
}
