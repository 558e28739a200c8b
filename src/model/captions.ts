// Captions of tables and figures (a Markdown convention, README «表格与图片»): a paragraph of its
// own that reads `表1 名称` directly above a table, or `图1 名称` directly below an image (in the
// image's paragraph on the next line, or the next paragraph). Such paragraphs become captions:
// set centred and kept with their table or figure.

import type { Block, ParagraphBlock } from './types.js';

/** `表1 …`, `图2-1 …`, `表 3　…`: the word, a number (with sub-numbers), a space, the name. */
const CAPTION = /^([表图])\s*\d+(?:[.．-]\d+)*[\s\u3000]+\S/;

const captionWord = (b: Block | undefined): '表' | '图' | undefined => {
  if (b?.kind !== 'paragraph' || b.style !== 'body') return undefined;
  const m = CAPTION.exec(b.runs.map((r) => r.text).join(''));
  return m ? (m[1] as '表' | '图') : undefined;
};

/** Marks the captions among `blocks` (in place). */
export function markCaptions(blocks: Block[]): void {
  blocks.forEach((b, i) => {
    const word = captionWord(b);
    if ((word === '表' && blocks[i + 1]?.kind === 'table') || (word === '图' && blocks[i - 1]?.kind === 'image')) {
      (b as ParagraphBlock).style = 'caption';
    }
  });
}
