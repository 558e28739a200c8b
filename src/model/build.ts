// mdast of the merged Markdown → the document model. Directives become official elements
// (directives.ts), Markdown becomes body blocks (markdown.ts); anything that could smuggle
// structure (raw HTML, stray text directives) is kept as literal text. The parts are then
// checked for order and number (structure.ts) and the templates' labels collected.

import { BuildError, Problem } from '../errors.js';
import { BuildContext, type BuildInput } from './context.js';
import { attachmentPage } from './attachmentpages.js';
import { markCaptions } from './captions.js';
import { declareLabels } from './directives.js';
import { node } from './markdown.js';
import { checkStructure } from './structure.js';
import type { DocumentLabels, GongwenDocument } from './types.js';

export type { BuildInput } from './context.js';

/** 本期要目 lists the article titles when there are several; else it is left out. */
function finishToc(ctx: BuildContext): void {
  if (ctx.tocIndex < 0) return;
  const toc = ctx.blocks[ctx.tocIndex];
  if (toc?.kind === 'toc' && ctx.articleTitles.length > 1) toc.items = [...ctx.articleTitles];
  else {
    ctx.blocks.splice(ctx.tocIndex, 1);
    ctx.placed.splice(ctx.tocIndex, 1);
  }
}

/** The labels the layout prints by itself; a missing one is a problem only where it is needed. */
function documentLabels(ctx: BuildContext): DocumentLabels {
  const noBodyText = ctx.labels.get('no-body-text');
  if (noBodyText === undefined && ctx.input.options.noBodyTextNotice) {
    ctx.problems.push(
      new Problem({
        file: ctx.input.origin(0).file,
        what: {
          zh: '版式选项要求印“此页无正文”，但模板没有给出这句文字：请在模板中写 ::label[（此页无正文）]{for="no-body-text"}',
          en: 'the layout option asks for a no-body-text notice, but the templates give no text for it: add ::label[（此页无正文）]{for="no-body-text"}',
        },
      }),
    );
  }
  const tableContinued = ctx.labels.get('table-continued');
  return { noBodyText: noBodyText ?? '', ...(tableContinued ? { tableContinued } : {}) };
}

/** Build the document model; throws BuildError with every problem found. */
export function buildDocument(input: BuildInput): GongwenDocument {
  const ctx = new BuildContext(input);
  declareLabels(ctx, input.tree.children);
  for (const n of input.tree.children) {
    if (n.type === 'leafDirective' && n.name === 'attachment-page') attachmentPage(ctx, n);
    else node(ctx, n);
  }
  finishToc(ctx);
  markCaptions(ctx.blocks);
  const labels = documentLabels(ctx);
  ctx.problems.push(...checkStructure(ctx.placed));
  if (ctx.problems.length) throw new BuildError(ctx.problems);
  return { info: input.info, blocks: ctx.blocks, options: input.options, labels, file: input.file };
}
