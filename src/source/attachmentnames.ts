// Which files a source names as its attachments (`attachments`/附件 entries with `file`/文件),
// read from the front matter alone and leniently: a batch uses it to leave those files out of
// the documents it builds. Pure; any problem of the source is reported by its own build.

import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { decodeSource } from './decode.js';
import { splitFrontMatter } from './frontmatter.js';
import { resolveTopKey } from './keys.js';

const FILE_KEYS: ReadonlySet<string> = new Set(['file', '文件']);
/** A front matter that cannot name an attachment file (no file key in it) is not parsed at all. */
const MAY_NAME_FILE = /file|文件/;
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---/;

/** The attachment files a source text names, as written (relative to the source). */
export function attachmentFileNames(file: string, bytes: Uint8Array): string[] {
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return [];
  // Most sources name no attachment file: a batch then reads their front matter only once, in their build.
  if (!MAY_NAME_FILE.test(FRONT_MATTER.exec(decoded.text)?.[1] ?? '')) return [];
  const split = splitFrontMatter(file, decoded.text);
  if (!split.ok) return [];
  const root = split.split.doc?.contents;
  if (!isMap(root)) return [];
  const out: string[] = [];
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const r = resolveTopKey(key);
    if (r.kind !== 'key' || r.spec.path !== 'attachments') continue;
    const value = pair.value as Node | null;
    const entries = isSeq(value) ? value.items : [value];
    for (const e of entries) {
      if (!isMap(e)) continue;
      for (const p of e.items) {
        if (isScalar(p.key) && FILE_KEYS.has(String(p.key.value)) && isScalar(p.value)) out.push(String(p.value.value).trim());
      }
    }
  }
  return out;
}
