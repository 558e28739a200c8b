// The exact nesting limits on the parsed tree: block containers (quotes, lists, container
// directives) and inline marks (emphasis, links, images, text directives). Walked with an
// explicit stack, so no input depth can exhaust the call stack; the model builder, which
// recurses, only ever sees trees within these limits.

import type { Root } from 'mdast';
import { MAX_INLINE_DEPTH, MAX_NESTING_DEPTH, MAX_TABLE_COLUMNS } from '../spec/limits.js';
import type { Excess } from './guard.js';

interface Walked {
  type: string;
  children?: Walked[];
  position?: { start: { line: number } };
}

const BLOCK_CONTAINERS = new Set(['blockquote', 'list', 'containerDirective']);
const INLINE_CONTAINERS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference', 'textDirective']);

/** The first place (per kind) where the tree goes beyond a limit; lines are 1-based in the parsed text. */
export function treeExcess(tree: Root): Excess[] {
  const out: Excess[] = [];
  const seen = new Set<Excess['kind']>();
  const stack: { node: Walked; block: number; inline: number }[] = [{ node: tree as Walked, block: 0, inline: 0 }];
  while (stack.length) {
    const { node, block, inline } = stack.pop()!;
    const line = node.position?.start.line ?? 0;
    const b = block + (BLOCK_CONTAINERS.has(node.type) ? 1 : 0);
    const i = inline + (INLINE_CONTAINERS.has(node.type) ? 1 : 0);
    if (b > MAX_NESTING_DEPTH) {
      if (!seen.has('nesting')) out.push({ kind: 'nesting', line, depth: b });
      seen.add('nesting');
      continue;
    }
    if (i > MAX_INLINE_DEPTH) {
      if (!seen.has('inline')) out.push({ kind: 'inline', line, depth: i });
      seen.add('inline');
      continue;
    }
    if (node.type === 'table') {
      const columns = Math.max(0, ...(node.children ?? []).map((r) => r.children?.length ?? 0));
      if (columns > MAX_TABLE_COLUMNS) out.push({ kind: 'columns', line, columns });
    }
    for (const c of node.children ?? []) stack.push({ node: c, block: b, inline: i });
  }
  return out.sort((x, y) => x.line - y.line);
}
