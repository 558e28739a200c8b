// Markdown → mdast with the GFM constructs official documents meet (tables; strikethrough,
// so that `~~` never prints; footnote marks, which the model prints as written) and generic
// directives (the official elements). Strikethrough takes double tildes only: a single tilde
// is a range in Chinese text (“5~10度”), and GFM's default would strike out what stands
// between two of them. Autolink literals and task-list boxes are left out: an address prints
// as its text either way, a box as typed, and each is a tokenizer micromark runs over every
// line of the text.

import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkDirective from 'remark-directive';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import type { Root } from 'mdast';

/** remark plugin: the GFM syntax above. */
function officialGfm(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough({ singleTilde: false }), gfmFootnote());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown());
}

const processor = unified().use(remarkParse).use(officialGfm).use(remarkDirective);

export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}
