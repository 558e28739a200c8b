// `gongwen new bulletin|reply [path]`: a filled-in starter file to edit.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Lang } from '../errors.js';
import type { DocType } from '../model/types.js';
import { BUILTIN_TEMPLATE_DIR } from '../template/render.js';
import { writeAtomic } from '../archive/write.js';
import type { Io } from './main.js';
import { MSG, t } from './messages.js';

export function runNew(type: DocType, path: string | undefined, io: Io, lang: Lang): number {
  const target = resolve(io.cwd, path ?? `${type}.md`);
  if (existsSync(target)) {
    io.stderr(t(MSG.exists, lang, { p: target }) + '\n');
    return 1;
  }
  const starter = readFileSync(join(BUILTIN_TEMPLATE_DIR, 'starters', `${type}.md`));
  writeAtomic(target, starter);
  io.stdout(t(MSG.created, lang, { p: target }) + '\n');
  return 0;
}
