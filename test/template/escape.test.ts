import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { escapeAttribute, escapeMarkdown } from '../../src/template/escape.js';
import { chineseNumeral, headingPrefix } from '../../src/model/numbering.js';

const HOSTILE = [
  '# 不是标题',
  ':::colophon',
  '::red-rule',
  '{{meta.issuer}} {{{body}}}',
  '**粗体** _斜体_ `代码`',
  '<script>alert(1)</script>',
  '[链接](http://example.com) ![图](x.png)',
  '1. 不是列表',
  '- 不是列表',
  '> 不是引用',
  '| a | b |',
  'a\n\n# 换行后的标题',
  '反斜杠 \\ 和 &amp; 实体',
];

function textOf(node: unknown): string {
  const n = node as { value?: string; children?: unknown[] };
  return (n.value ?? '') + (n.children ?? []).map(textOf).join('');
}

describe('escaping of front-matter values', () => {
  it.each(HOSTILE)('prints %j literally as a directive label, creating no structure', (value) => {
    const tree = parseMarkdown(`::title[${escapeMarkdown(value)}]\n`);
    expect(tree.children).toHaveLength(1);
    const d = tree.children[0]!;
    expect(d.type).toBe('leafDirective');
    // Only text nodes inside: no emphasis, link, html or code.
    // GFM turns a bare URL in any text into an autolink; the model prints its text, so
    // the only inline structure allowed is such an autolink whose text is its own URL.
    const kinds = new Set<string>();
    const walk = (n: { type: string; url?: string; children?: unknown[] }): void => {
      if (n.type === 'link') expect(textOf(n)).toBe(n.url);
      else kinds.add(n.type);
      (n.children ?? []).forEach((c) => walk(c as { type: string }));
    };
    walk(d as { type: string; children?: unknown[] });
    expect([...kinds].sort()).toEqual(['leafDirective', 'text']);
    expect(textOf(d)).toBe(value.replace(/\n+/g, ' '));
  });

  it.each(HOSTILE)('keeps %j literally inside a directive attribute', (value) => {
    const tree = parseMarkdown(`::signature[x]{date="${escapeAttribute(value)}"}\n`);
    expect(tree.children).toHaveLength(1);
    const d = tree.children[0] as { type: string; attributes: Record<string, string> };
    expect(d.type).toBe('leafDirective');
    expect(d.attributes['date']).toBe(value.replace(/\n+/g, ' '));
  });
});

describe('heading numbers', () => {
  it('writes Chinese numerals', () => {
    expect([1, 9, 10, 11, 20, 21, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十一', '九十九']);
  });
  it('formats the four official levels', () => {
    expect([headingPrefix(1, 3), headingPrefix(2, 12), headingPrefix(3, 4), headingPrefix(4, 2)]).toEqual([
      '三、',
      '（十二）',
      '4.',
      '（2）',
    ]);
  });
});
