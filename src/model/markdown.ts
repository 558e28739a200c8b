// Markdown blocks of the merged text → body blocks: paragraphs, headings with their official
// numbers, lists, tables, images (简报 only), quotes, code and raw HTML (printed literally).

import type { Heading, List, Paragraph, PhrasingContent, Table } from 'mdast';
import { BuildError } from '../errors.js';
import type { BuildContext, Node } from './context.js';
import { directive } from './directives.js';
import { mergeRuns, plain, runs, trimRuns } from './inline.js';
import { headingPrefix } from './numbering.js';
import type { HeadingBlock, Run } from './types.js';

/** Split runs at hard breaks: each piece becomes its own paragraph line. */
function pushParagraphs(ctx: BuildContext, list: Run[], style: 'body' | 'quote' | 'list' | 'code', from: Node): void {
  const line = ctx.sourceLine(from);
  let cur: Run[] = [];
  const flush = (): void => {
    const text = cur.map((r) => r.text).join('');
    if (text.trim()) ctx.push({ kind: 'paragraph', runs: trimRuns(cur), style, line }, from);
    cur = [];
  };
  for (const r of list) {
    if (r.text === '\n') flush();
    else cur.push(r);
  }
  flush();
}

function paragraph(ctx: BuildContext, p: Paragraph): void {
  const images = p.children.filter((c) => c.type === 'image');
  if (images.length === 0) return pushParagraphs(ctx, runs(ctx, p.children), 'body', p);
  if (ctx.input.type !== 'bulletin') {
    ctx.problem(images[0]!, { zh: '提案答复中不能插入图片（仅简报可以）', en: 'images are allowed only in a bulletin' });
    return;
  }
  let rest: PhrasingContent[] = [];
  for (const c of p.children) {
    if (c.type === 'image') {
      pushParagraphs(ctx, runs(ctx, rest), 'body', p);
      rest = [];
      image(ctx, c.url, c.alt ?? '', c);
    } else rest.push(c);
  }
  pushParagraphs(ctx, runs(ctx, rest), 'body', p);
}

function image(ctx: BuildContext, url: string, alt: string, n: PhrasingContent): void {
  if (!ctx.input.loadImage) return;
  try {
    const data = ctx.input.loadImage(url, ctx.originOf(n));
    ctx.push({ kind: 'image', image: data, alt, line: ctx.sourceLine(n) }, n);
  } catch (e) {
    if (e instanceof BuildError) ctx.problems.push(...e.problems);
    else throw e;
  }
}

function heading(ctx: BuildContext, h: Heading): void {
  const line = ctx.sourceLine(h);
  const text = plain(ctx, h.children).trim();
  if (ctx.input.type === 'bulletin' && h.depth === 1) {
    ctx.articleTitles.push(text);
    ctx.push({ kind: 'title', text, article: true, line }, h);
    ctx.lastLevel = 0;
    ctx.counters.fill(0);
    return;
  }
  const level = h.depth - ctx.baseDepth + 1;
  if (level > 4) {
    ctx.problem(h, {
      zh: `标题层级过深：公文正文最多四级（一、（一）1.（1））`,
      en: 'heading too deep: official documents have at most four levels',
    });
    return;
  }
  const lv = level as HeadingBlock['level'];
  let list = runs(ctx, h.children);
  // Levels are relative, so a skipped one would silently shift the rest: always an error.
  if (lv > ctx.lastLevel + 1) {
    ctx.problem(h, {
      zh: `标题层级跳级：从第${ctx.lastLevel}级直接到第${lv}级`,
      en: `heading level skipped: from level ${ctx.lastLevel} to ${lv}`,
    });
  }
  if (ctx.input.numbering === 'auto') {
    ctx.counters[lv - 1]! += 1;
    for (let i = lv; i < 4; i++) ctx.counters[i] = 0;
    list = [{ text: headingPrefix(lv, ctx.counters[lv - 1]!), line }, ...list];
  }
  ctx.lastLevel = lv;
  ctx.push({ kind: 'heading', level: lv, runs: mergeRuns(list), line }, h);
}

function list(ctx: BuildContext, l: List): void {
  let n = l.start ?? 1;
  for (const item of l.children) {
    const marker = l.ordered ? `${n}.` : '';
    n++;
    let first = true;
    for (const c of item.children) {
      if (c.type === 'paragraph') {
        const r = runs(ctx, c.children);
        if (first && marker) r.unshift({ text: marker });
        pushParagraphs(ctx, mergeRuns(r), 'list', c);
        first = false;
      } else if (c.type === 'list') list(ctx, c);
      else node(ctx, c);
    }
  }
}

function table(ctx: BuildContext, t: Table): void {
  const [head, ...rows] = t.children;
  const cells = (r: (typeof t.children)[number]): Run[][] => r.children.map((c) => runs(ctx, c.children));
  ctx.push(
    {
      kind: 'table',
      header: head ? cells(head) : [],
      rows: rows.map(cells),
      align: (t.align ?? []).map((a) => a ?? null),
      line: ctx.sourceLine(t),
    },
    t,
  );
}

/** One top-level node of the merged Markdown. */
export function node(ctx: BuildContext, n: Node): void {
  switch (n.type) {
    case 'paragraph':
      return paragraph(ctx, n);
    case 'heading':
      return heading(ctx, n);
    case 'list':
      return list(ctx, n);
    case 'table':
      return table(ctx, n);
    case 'blockquote':
      for (const c of n.children) {
        if (c.type === 'paragraph') pushParagraphs(ctx, runs(ctx, c.children), 'quote', c);
        else node(ctx, c);
      }
      return;
    case 'code':
      for (const l of n.value.split('\n')) {
        if (l.trim()) ctx.push({ kind: 'paragraph', runs: [{ text: l }], style: 'code', line: ctx.sourceLine(n) }, n);
      }
      return;
    case 'html': {
      // Raw HTML prints literally, never as markup.
      const text = n.value.replace(/\n/g, ' ');
      const line = ctx.sourceLine(n);
      if (text.trim()) ctx.push({ kind: 'paragraph', runs: [{ text, line }], style: 'body', line }, n);
      return;
    }
    case 'leafDirective':
    case 'containerDirective':
      return directive(ctx, n);
    default:
      // thematicBreak, definition, footnoteDefinition: nothing to print.
      return;
  }
}
