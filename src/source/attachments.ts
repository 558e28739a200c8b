// `attachments`/附件: a list whose entries are a title, or a mapping `{title, file}` (aliases
// 标题, 文件) naming a Markdown file laid out on its own pages (GB/T 9704 8). The file is read
// through the reader the caller gives (the edge); here only the shape of the value is checked.

import type { Position, Text } from '../errors.js';
import type { Raw } from './entries.js';
import type { FieldCtx, Parser } from './fields.js';
import { rawFound } from './fields.js';

export interface AttachmentEntry {
  title: string;
  /** As given, relative to the source. */
  file?: string;
  /** The file's Markdown body, once read. */
  markdown?: string;
}

/** Reads an attachment file; reports through `c` at `pos` and returns undefined on failure. */
export type AttachmentReader = (spec: string, c: FieldCtx, pos: Position | undefined) => string | undefined;

const SUBKEYS: Readonly<Record<string, 'title' | 'file'>> = { title: 'title', 标题: 'title', file: 'file', 文件: 'file' };

const EXPECTED: Text = {
  zh: '附件名称，或「title: 名称」与「file: 附件文件.md」（标题、文件）',
  en: 'an attachment title, or "title: …" and "file: attachment.md" (标题, 文件)',
};

/** Reads one `{title, file}` mapping. */
function entryOf(raw: Extract<Raw, { kind: 'map' }>, c: FieldCtx, read: AttachmentReader): AttachmentEntry | undefined {
  const got: Partial<Record<'title' | 'file', { text: string; pos?: Position }>> = {};
  let bad = false;
  for (const p of raw.pairs) {
    const k = SUBKEYS[p.key];
    if (!Object.hasOwn(SUBKEYS, p.key) || k === undefined) {
      c.error({ zh: `附件中未知的键「${p.key}」`, en: `unknown key "${p.key}" in an attachment` }, { expected: EXPECTED, pos: p.keyPos });
      bad = true;
      continue;
    }
    if (got[k]) {
      c.error({ zh: `附件的「${p.key}」写了两次`, en: `"${p.key}" is given twice in an attachment` }, { pos: p.keyPos });
      bad = true;
      continue;
    }
    if (p.value.kind !== 'scalar' || p.value.text.trim() === '') {
      c.error({ zh: `附件的「${p.key}」应为一段文字`, en: `"${p.key}" of an attachment must be text` }, {
        expected: EXPECTED,
        found: rawFound(p.value),
        pos: p.keyPos,
      });
      bad = true;
      continue;
    }
    got[k] = { text: p.value.text.trim(), pos: p.keyPos };
  }
  if (!got.title || !got.file) {
    if (!bad) {
      c.error(
        got.title
          ? { zh: '附件缺少「file」（文件）', en: 'the attachment lacks "file" (文件)' }
          : { zh: '附件缺少「title」（标题）', en: 'the attachment lacks "title" (标题)' },
        { expected: EXPECTED, pos: raw.pos },
      );
    }
    return undefined;
  }
  if (bad) return undefined;
  const markdown = read(got.file.text, c, got.file.pos);
  return markdown === undefined ? undefined : { title: got.title.text, file: got.file.text, markdown };
}

export function attachmentList(read: AttachmentReader): Parser<AttachmentEntry[]> {
  return (raw, c) => {
    if (raw.kind === 'scalar') {
      const t = raw.text.trim();
      return t === '' ? [] : [{ title: t }];
    }
    if (raw.kind === 'map') {
      const e = entryOf(raw, c, read);
      return e ? [e] : undefined;
    }
    const out: AttachmentEntry[] = [];
    let bad = false;
    for (const item of raw.items) {
      if (item.kind === 'map') {
        const e = entryOf(item, c, read);
        if (e) out.push(e);
        else bad = true;
      } else if (item.kind === 'scalar' && item.text.trim() !== '') {
        out.push({ title: item.text.trim() });
      } else {
        c.error({ zh: '附件列表中有空项或嵌套列表', en: 'an empty or nested item in the attachment list' }, {
          expected: EXPECTED,
          pos: item.pos,
        });
        bad = true;
      }
    }
    return bad ? undefined : out;
  };
}
