// 附件 on their own pages [GB/T 9704 7.3.7, 8]: the template's ::attachment-page directive → the
// head block of the page (label and title, as the template words them), then the attachment
// file's Markdown built as body blocks of its own: headings numbered afresh, lines and problems
// pointing into the attachment file.

import { BuildContext, type Directive } from './context.js';
import { allowed } from './directives.js';
import { plain } from './inline.js';
import { node } from './markdown.js';

export function attachmentPage(ctx: BuildContext, d: Directive): void {
  if (!allowed(ctx, d, undefined)) return;
  const attrs = d.attributes ?? {};
  const index = Number(attrs['index'] ?? '');
  const title = d.type === 'leafDirective' ? plain(ctx, d.children).trim() : '';
  const file = ctx.input.attachments?.find((a) => a.index === index);
  if (!file) {
    ctx.problem(d, {
      zh: `模板中的 ::attachment-page 指向第${attrs['index'] ?? '?'}个附件，但该附件没有给出文件`,
      en: `::attachment-page names attachment ${attrs['index'] ?? '?'}, which has no file`,
    }, { key: d.name });
    return;
  }
  ctx.push({ kind: 'attachmentPage', label: attrs['label'] ?? '', title, line: ctx.sourceLine(d) }, d, d.name);
  const sub = new BuildContext({
    ...ctx.input,
    markdown: file.markdown,
    tree: file.tree,
    origin: (line) => ({ file: file.path, line }),
    file: file.path,
    attachments: [],
  });
  for (const n of file.tree.children) node(sub, n);
  ctx.blocks.push(...sub.blocks);
  ctx.placed.push(...sub.placed);
  ctx.problems.push(...sub.problems);
}
