// What proposal-handling practice expects of a reply but real replies often lack (办理结果,
// 联系人, 联系电话): warnings, not errors (errors with --strict), at the `type` key.

import { Problem, type Position } from '../errors.js';
import { keySpec } from './keys.js';
import type { SchemaCtx } from './schema.js';
import type { Category, Contact } from './types.js';

/** Warnings for what proposal-handling practice expects of a reply but the file lacks. */
export function replyWarnings(ctx: SchemaCtx, meta: { category?: Category; contact: Contact }): Problem[] {
  const t = ctx.entries.get('type');
  const pos: Position = t && t.file === ctx.file && t.keyPos ? t.keyPos : { line: ctx.openLine, col: 1 };
  const lacking: Array<[string, boolean]> = [
    ['category', meta.category === undefined],
    ['contact.person', meta.contact.person.length === 0],
    ['contact.phone', meta.contact.phone.length === 0],
  ];
  return lacking
    .filter(([, absent]) => absent)
    .map(([path]) => {
      const s = keySpec(path);
      return new Problem({
        file: ctx.file,
        pos,
        key: path,
        what: {
          zh: `提案答复通常应写明「${s.alias}」，本文件没有`,
          en: `a reply usually gives "${path}" (${s.alias}); this file does not`,
        },
        expected: { zh: `「${path}: …」或「${s.alias}: …」`, en: `"${path}: …" or "${s.alias}: …"` },
      });
    });
}
