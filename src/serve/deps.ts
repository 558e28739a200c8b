// The files one built document was made from, besides the templates and the configuration
// (which every document depends on): its source, its seal image and the images of its body.
// A save of any of them rebuilds the document.

import { dirname, resolve } from 'node:path';
import type { Built } from '../pipeline/build.js';

/**
 * Absolute paths of the files `built` read (image paths resolve like the image loader does).
 * A seal may come from a configuration default, relative to `configRoot`: both readings count.
 */
export function fileDependencies(built: Built, configRoot?: string): string[] {
  const file = resolve(built.source.file);
  const from = dirname(file);
  const at = (src: string, base = from): string => {
    let spec = src;
    try {
      spec = decodeURI(src);
    } catch {
      // A malformed escape was read as typed.
    }
    return resolve(base, spec.replace(/\\/g, '/'));
  };
  const deps = new Set<string>([file]);
  const seal = built.source.meta.seal;
  if (seal) deps.add(at(seal.src));
  if (seal && configRoot) deps.add(at(seal.src, configRoot));
  // Attachments given as files (附件 {title, file}) are laid out with the document.
  for (const a of built.doc.attachments ?? []) deps.add(at(a.file));
  for (const b of built.doc.blocks) {
    if (b.kind === 'image') deps.add(at(b.image.src));
    if (b.kind === 'signature' && b.seal) deps.add(at(b.seal.src));
  }
  return [...deps];
}
