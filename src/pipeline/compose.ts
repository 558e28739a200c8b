// Source → document model: template merge, Markdown parse, model build. Pure.

import type { Source, Meta } from '../source/index.js';
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
  return { type: 'reply', title: meta.title, author: meta.issuer, subject: meta.number, isoDate: meta.date.iso };
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
  return buildDocument({
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
  });
}
