// `gongwen new <type> [path]`: a filled-in starter file to edit; `--letter` picks the type's
// 信函格式 starter (a reply sent as a 复函).

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../errors.js';
import type { DocType } from '../model/types.js';
import { BUILTIN_TEMPLATE_DIR } from '../template/render.js';
import { writeAtomic } from '../archive/write.js';
import type { Io } from './main.js';
import { MSG, t } from './messages.js';

/** Types with a starter of their own in 信函格式 (`templates/starters/<type>-letter.md`). */
export const LETTER_STARTERS: readonly DocType[] = ['reply', 'letter'];

export function runNew(type: DocType, path: string | undefined, io: Io, lang: Lang, letter = false): number {
  const target = resolve(io.cwd, path ?? `${type}.md`);
  if (existsSync(target)) {
    io.stderr(t(MSG.exists, lang, { p: target }) + '\n');
    return 1;
  }
  // The 函 is in 信函格式 already.
  const name = letter && type !== 'letter' ? `${type}-letter` : type;
  const starter = readFileSync(join(BUILTIN_TEMPLATE_DIR, 'starters', `${name}.md`));
  writeAtomic(target, starter);
  io.stdout(t(MSG.created, lang, { p: target }) + '\n');
  return 0;
}
