// Phrasing content → runs of uniform style. Stray text directives and footnote references
// are not part of the vocabulary: they print as the text the writer typed.

import type { PhrasingContent } from 'mdast';
import type { BuildContext } from './context.js';
import type { Run } from './types.js';

export function runs(ctx: BuildContext, nodes: PhrasingContent[], style: { bold?: boolean; italic?: boolean } = {}): Run[] {
  const out: Run[] = [];
  for (const n of nodes) {
    const line = ctx.sourceLine(n);
    switch (n.type) {
      case 'text':
        out.push({ text: n.value.replace(/\n/g, ''), ...style, line });
        break;
      case 'strong':
        out.push(...runs(ctx, n.children, { ...style, bold: true }));
        break;
      case 'emphasis':
        out.push(...runs(ctx, n.children, { ...style, italic: true }));
        break;
      case 'delete':
      case 'link':
      case 'linkReference':
        out.push(...runs(ctx, n.children, style));
        break;
      case 'inlineCode':
      case 'html':
        out.push({ text: n.value, ...style, line });
        break;
      case 'break':
        out.push({ text: '\n', line });
        break;
      case 'image':
      case 'imageReference':
        out.push({ text: n.alt ?? '', ...style, line });
        break;
      default:
        out.push({ text: ctx.sourceOf(n), ...style, line });
    }
  }
  return mergeRuns(out);
}

/** The plain text of phrasing content. */
export function plain(ctx: BuildContext, nodes: PhrasingContent[]): string {
  return runs(ctx, nodes)
    .map((r) => r.text)
    .join('');
}

export function mergeRuns(list: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of list) {
    if (!r.text) continue;
    const last = out[out.length - 1];
    if (last && r.text !== '\n' && last.text !== '\n' && last.bold === r.bold && last.italic === r.italic && last.font === r.font) {
      last.text += r.text;
    } else out.push({ ...r });
  }
  return out;
}

export function trimRuns(list: Run[]): Run[] {
  const out = list.map((r) => ({ ...r }));
  if (out[0]) out[0].text = out[0].text.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, '');
  return out.filter((r) => r.text);
}
