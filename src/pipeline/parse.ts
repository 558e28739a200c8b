// The merged Markdown → its tree, within the input limits (src/spec/limits.ts): the line scan
// before the parser (markdown/guard.ts), the exact check after it (markdown/depth.ts). Each
// excess becomes a Problem at the line of the file it came from.

import type { Root } from 'mdast';
import { BuildError, Problem, type Text } from '../errors.js';
import { parseMarkdown } from '../markdown/parse.js';
import { scanMarkdown, type Excess } from '../markdown/guard.js';
import { treeExcess } from '../markdown/depth.js';
import { MAX_INLINE_DEPTH, MAX_NESTING_DEPTH, MAX_TABLE_COLUMNS } from '../spec/limits.js';
import type { LineOrigin } from '../template/render.js';

function what(e: Excess): { what: Text; found: string } {
  switch (e.kind) {
    case 'nesting':
      return {
        what: {
          zh: `引用、列表或指令嵌套过深：最多 ${MAX_NESTING_DEPTH} 层`,
          en: `quotes, lists or directives nested too deep: at most ${MAX_NESTING_DEPTH} levels`,
        },
        found: `${e.depth} 层`,
      };
    case 'inline':
      return {
        what: {
          zh: `强调、链接或图片标记嵌套过深：最多 ${MAX_INLINE_DEPTH} 层`,
          en: `emphasis, links or images nested too deep: at most ${MAX_INLINE_DEPTH} levels`,
        },
        found: `${e.depth} 层`,
      };
    case 'columns':
      return {
        what: {
          zh: `表格列数过多：版心宽度最多容纳 ${MAX_TABLE_COLUMNS} 列（每列至少一个字）`,
          en: `too many table columns: the type area holds at most ${MAX_TABLE_COLUMNS} (one character each)`,
        },
        found: `${e.columns} 列`,
      };
  }
}

function problems(excess: readonly Excess[], origin: (line: number) => LineOrigin): Problem[] {
  return excess.map((e) => {
    const o = origin(e.line);
    return new Problem({ file: o.file, ...(o.line > 0 ? { pos: { line: o.line, col: 1 } } : {}), ...what(e) });
  });
}

/** Parse `markdown`; throws a BuildError naming every line beyond a limit. */
export function parseWithinLimits(markdown: string, origin: (line: number) => LineOrigin): Root {
  const scanned = scanMarkdown(markdown);
  if (scanned.length) throw new BuildError(problems(scanned, origin));
  const tree = parseMarkdown(markdown);
  const exact = treeExcess(tree);
  if (exact.length) throw new BuildError(problems(exact, origin));
  return tree;
}
