// What font loading keeps between documents, owned by whoever builds them (a build session,
// a worker): the parsed faces by file and face, the names read from font folders, the font
// sets per configuration, and font bytes another thread has read already. Nothing of it
// lives in a module: two caches never share a face, so what one build did cannot change
// another's output.

import type { FontSet, LoadedFont } from './types.js';

export class FontCache {
  /** Parsed faces by `path#postscriptName`. */
  readonly faces = new Map<string, LoadedFont>();
  /** The faces and their names found in a font file (folder search). */
  readonly names = new Map<string, Array<{ postscriptName: string; names: string[] }>>();
  /** Resolved font sets by configuration and environment. */
  readonly sets = new Map<string, FontSet>();
  /** Font bytes another thread of this process has read already (path → sfnt bytes). */
  readonly preread = new Map<string, Buffer>();

  /** Forget everything (font files or folders may have changed). */
  clear(): void {
    this.faces.clear();
    this.names.clear();
    this.sets.clear();
    this.preread.clear();
  }

  /** Use font bytes shared by another thread (shareFontBytes) instead of reading the files. */
  adopt(bytes: Readonly<Record<string, Uint8Array>>): void {
    for (const [path, b] of Object.entries(bytes)) this.preread.set(path, Buffer.from(b.buffer, b.byteOffset, b.length));
  }
}
