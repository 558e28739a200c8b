// Source → document model: template merge, Markdown parse, model build. Pure.

import { dirname, resolve } from 'node:path';
import type { Source, Meta } from '../source/index.js';
import type { DocumentInfo, GongwenDocument, ImageData } from '../model/types.js';
import { viewOf } from '../template/view.js';
import { renderDocument, type LineOrigin, type TemplateSet } from '../template/render.js';
import { parseWithinLimits } from './parse.js';
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
  const base = { type: meta.type, author: meta.issuers.join('、'), isoDate: meta.date.iso, format: meta.format };
  if (meta.type === 'order') {
    const mark = meta.mark ?? `${meta.issuer}令`;
    return { ...base, title: meta.title ?? `${mark}（第${meta.orderNumber}号）`, subject: `第${meta.orderNumber}号` };
  }
  if (meta.type === 'minutes') {
    const issue = meta.issue ? `第${meta.issue}期` : '';
    return { ...base, title: meta.title ?? `${meta.name}纪要${issue ? ` ${issue}` : ''}`, subject: issue };
  }
  return { ...base, title: meta.title, subject: meta.number };
}

export interface ComposeOptions {
  /** Reads an image named in a bulletin body (file I/O stays at the edge). */
  loadImage?: (url: string, from: LineOrigin) => ImageData;
}

export function composeDocument(source: Source, templates: TemplateSet, opts: ComposeOptions = {}): GongwenDocument {
  const { meta } = source;
  const merged = renderDocument(templates, meta.type, viewOf(meta), source.body, {
    file: source.file,
    bodyLine: source.bodyLine,
  });
  const doc = buildDocument({
    type: meta.type,
    markdown: merged.markdown,
    tree: parseWithinLimits(merged.markdown, merged.origin),
    origin: merged.origin,
    locate: merged.locate,
    info: documentInfo(meta),
    options: source.options,
    file: source.file,
    numbering: meta.numbering,
    ...(meta.seal ? { seal: meta.seal } : {}),
    ...(meta.seals.length > 1 ? { seals: meta.seals } : {}),
    ...(opts.loadImage ? { loadImage: opts.loadImage } : {}),
    attachments: meta.attachmentFiles.map((a) => {
      const path = resolve(dirname(source.file), a.file);
      // The same limits as the body: an attachment's problems name its own file and line.
      return { index: a.index, path, markdown: a.markdown, tree: parseWithinLimits(a.markdown, (line) => ({ file: path, line })) };
    }),
  });
  // Attachment files travel with the model for their own pages (GB/T 9704 8).
  return meta.attachmentFiles.length ? { ...doc, attachments: meta.attachmentFiles } : doc;
}
