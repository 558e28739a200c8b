// Source → document model: template merge, Markdown parse, model build. Pure.

import { dirname, resolve } from 'node:path';
import { BuildError, Problem } from '../errors.js';
import type { Source, Meta } from '../source/index.js';
import { FORMAT_NAME } from '../source/doctypes.js';
import type { DocumentInfo, GongwenDocument, ImageData } from '../model/types.js';
import { viewOf } from '../template/view.js';
import { renderDocument, type LineOrigin, type TemplateSet } from '../template/render.js';
import { parseMarkdown } from '../markdown/parse.js';
import { buildDocument } from '../model/build.js';

/** Metadata of the output files: title, author = issuer, subject = number or 期号. */
export function documentInfo(meta: Meta): DocumentInfo {
  if (meta.type === 'bulletin') {
    return {
      type: 'bulletin',
      title: `${meta.name}${meta.heading} 第${meta.issue}期`,
      author: meta.issuer ?? meta.editor,
      subject: `第${meta.issue}期`,
      isoDate: meta.date.iso,
    };
  }
  return { type: meta.type, title: meta.title, author: meta.issuers.join('、'), subject: meta.number, isoDate: meta.date.iso, format: meta.format };
}

export interface ComposeOptions {
  /** Reads an image named in a bulletin body (file I/O stays at the edge). */
  loadImage?: (url: string, from: LineOrigin) => ImageData;
}

/**
 * What the source asks for that no layout draws yet: the 信函/命令/纪要 formats and several
 * seals of joint issuers. Refused rather than silently set in 文件格式 or with one seal.
 */
function notLaidOut(source: Source): Problem[] {
  const { meta, keyPositions } = source;
  const out: Problem[] = [];
  if (meta.format !== 'file') {
    out.push(
      new Problem({
        file: source.file,
        pos: keyPositions.get('format'),
        key: 'format',
        what: {
          zh: '这种公文格式的版式尚未提供，不能生成（可先写「格式: 文件」）',
          en: 'this format cannot be laid out yet (use "format: file" for now)',
        },
        found: FORMAT_NAME[meta.format],
      }),
    );
  }
  if (meta.seals.length > 1) {
    out.push(
      new Problem({
        file: source.file,
        pos: keyPositions.get('seal'),
        key: 'seal',
        what: {
          zh: '联合行文加盖多个印章的版式尚未提供，不能生成',
          en: 'the layout of several seals (joint issuers) is not available yet',
        },
        found: String(meta.seals.length),
      }),
    );
  }
  return out;
}

export function composeDocument(source: Source, templates: TemplateSet, opts: ComposeOptions = {}): GongwenDocument {
  const { meta } = source;
  const refused = notLaidOut(source);
  if (refused.length) throw new BuildError(refused);
  const merged = renderDocument(templates, meta.type, viewOf(meta), source.body, {
    file: source.file,
    bodyLine: source.bodyLine,
  });
  const doc = buildDocument({
    type: meta.type,
    markdown: merged.markdown,
    tree: parseMarkdown(merged.markdown),
    origin: merged.origin,
    locate: merged.locate,
    info: documentInfo(meta),
    options: source.options,
    file: source.file,
    numbering: meta.numbering,
    ...(meta.seal ? { seal: meta.seal } : {}),
    ...(opts.loadImage ? { loadImage: opts.loadImage } : {}),
    attachments: meta.attachmentFiles.map((a) => ({
      index: a.index,
      path: resolve(dirname(source.file), a.file),
      markdown: a.markdown,
      tree: parseMarkdown(a.markdown),
    })),
  });
  // Attachment files travel with the model for their own pages (GB/T 9704 8).
  return meta.attachmentFiles.length ? { ...doc, attachments: meta.attachmentFiles } : doc;
}
