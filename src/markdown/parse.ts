// Markdown → mdast with GFM (tables) and generic directives (the official elements).

import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}
