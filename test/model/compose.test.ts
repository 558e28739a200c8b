import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadConfig, readSource } from '../../src/source/index.js';
import { loadTemplates } from '../../src/template/render.js';
import { composeDocument } from '../../src/pipeline/compose.js';
import { problemsOf } from '../helpers/problems.js';
import type { Block, GongwenDocument, Run } from '../../src/model/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const templates = loadTemplates();

function compose(file: string, cwd = ROOT): GongwenDocument {
  const config = loadConfig({ cwd });
  return composeDocument(readSource(file, config), templates);
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gw-compose-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const runsText = (runs: Run[]): string => runs.map((r) => r.text).join('');
function blockText(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
    case 'heading':
      return runsText(b.runs);
    case 'title':
    case 'addressee':
    case 'note':
    case 'copyNumber':
    case 'category':
      return b.text;
    default:
      return '';
  }
}

const REPLY = (extra: string, body = '答复正文。') => `---
type: reply
issuer: 测试县教育局
number: 测教〔2025〕3号
to: 某某委员
date: 2025-01-02
category: C
title: 关于某事的答复
contact: { unit: 办公室, phone: 0000-1111111, person: 张三 }
printer: 测试县教育局办公室
${extra}
---

${body}
`;

describe('composing the examples', () => {
  const examples = ['bulletins', 'replies'].flatMap((d) =>
    readdirSync(join(ROOT, 'content', d)).filter((f) => f.endsWith('.md')).map((f) => join('content', d, f)),
  );

  it('has at least two bulletins and two replies', () => {
    expect(examples.filter((f) => f.includes('bulletins')).length).toBeGreaterThanOrEqual(2);
    expect(examples.filter((f) => f.includes('replies')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples)('%s gives its official elements in order', (file) => {
    const doc = compose(join(ROOT, file));
    const kinds = doc.blocks.map((b) => b.kind);
    if (doc.info.type === 'reply') {
      // 办理结果 is printed only when the reply gives it.
      const order = ['issuerMark', 'docNumber', 'redRule', 'category', 'title', 'addressee', 'paragraph', 'signature', 'contact', 'colophon'].filter(
        (k) => k !== 'category' || /^(category|办理结果):/m.test(readFileSync(join(ROOT, file), 'utf8')),
      );
      const at = order.map((k) => kinds.indexOf(k as Block['kind']));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(doc.info.subject).toMatch(/〔\d{4}〕[1-9]\d*号$/);
    } else {
      expect(kinds[0]).toBe('masthead');
      expect(kinds.at(-1)).toBe('colophon');
      expect(kinds).toContain('title');
    }
  });

  it('numbers 〔〕 and keeps the proposal number as typed in the default title', () => {
    const doc = compose(join(ROOT, 'content/replies/2024-proposal-047-B.md'));
    const num = doc.blocks.find((b) => b.kind === 'docNumber');
    expect(num?.kind === 'docNumber' && num.number).toBe('江教提〔2024〕47号');
    expect(doc.blocks.find((b) => b.kind === 'title')).toMatchObject({ text: '对市政协十届三次会议第047号提案的答复' });
  });

  it('generates 本期要目 for a bulletin with two articles', () => {
    const doc = compose(join(ROOT, 'content/bulletins/2024-13-teacher-training.md'));
    const toc = doc.blocks.find((b) => b.kind === 'toc');
    const titles = doc.blocks.filter((b) => b.kind === 'title').map((b) => (b.kind === 'title' ? b.text : ''));
    expect(titles).toHaveLength(2);
    expect(toc).toMatchObject({ items: titles });
    expect(doc.blocks.find((b) => b.kind === 'editorNote')).toMatchObject({ label: '编者按：' });
  });
});

describe('body Markdown', () => {
  it('maps headings to the four levels and keeps inline numbering as body text', () => {
    const dir = project({ 'a.md': REPLY('', '# 一、甲\n\n## （一）乙\n\n### 1.丙\n\n#### （1）丁\n\n一是正文里的层次。') });
    const doc = compose(join(dir, 'a.md'), dir);
    const heads = doc.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.level : 0));
    expect(heads).toEqual([1, 2, 3, 4]);
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && blockText(b) === '一是正文里的层次。')).toBe(true);
  });

  it('numbers headings with numbering: auto and rejects a skipped level', () => {
    const dir = project({
      'a.md': REPLY('numbering: auto', '# 甲\n\n## 乙\n\n## 丙\n\n# 丁\n\n### 1.戊\n'),
    });
    const problems = problemsOf(() => compose(join(dir, 'a.md'), dir));
    expect(problems.join('\n')).toMatch(/a\.md:22:1: .*跳级/);
    const ok = project({ 'b.md': REPLY('numbering: auto', '# 甲\n\n## 乙\n\n## 丙\n\n# 丁\n') });
    const texts = compose(join(ok, 'b.md'), ok).blocks.filter((b) => b.kind === 'heading').map(blockText);
    expect(texts).toEqual(['一、甲', '（一）乙', '（二）丙', '二、丁']);
  });

  it('prints raw HTML and stray directives literally', () => {
    const dir = project({ 'a.md': REPLY('', '正文<b>加粗</b>，邮箱:abc 见附表。\n\n<div>块</div>') });
    const texts = compose(join(dir, 'a.md'), dir).blocks.filter((b) => b.kind === 'paragraph').map(blockText);
    expect(texts).toEqual(['正文<b>加粗</b>，邮箱:abc 见附表。', '<div>块</div>']);
  });

  it('keeps single tildes (ranges such as 5~10) and takes ~~double~~ ones as strikethrough', () => {
    const dir = project({ 'a.md': REPLY('', '气温5~10度，湿度40~60%，~~已删~~照印。') });
    const texts = compose(join(dir, 'a.md'), dir).blocks.filter((b) => b.kind === 'paragraph').map(blockText);
    expect(texts).toEqual(['气温5~10度，湿度40~60%，已删照印。']);
  });

  it('keeps footnote marks, task boxes and bare addresses as the text written', () => {
    const body = '见说明[^1]。\n\n- [ ] 待办事项\n\n网址 www.example.cn 可查。';
    const dir = project({ 'a.md': REPLY('', body) });
    const texts = compose(join(dir, 'a.md'), dir).blocks.filter((b) => b.kind === 'paragraph').map(blockText);
    expect(texts).toEqual(['见说明[^1]。', '[ ] 待办事项', '网址 www.example.cn 可查。']);
  });

  it('rejects an unknown directive in the body with file and line', () => {
    const dir = project({ 'a.md': REPLY('', '正文。\n\n::colophon-x[坏]\n') });
    expect(problemsOf(() => compose(join(dir, 'a.md'), dir)).join('\n')).toMatch(/a\.md:16:1: 键「colophon-x」：未知的指令/);
  });

  it('rejects a template-only directive written in the body', () => {
    const dir = project({ 'a.md': REPLY('', '正文。\n\n::red-rule\n') });
    expect(problemsOf(() => compose(join(dir, 'a.md'), dir)).join('\n')).toMatch(/a\.md:16:1: .*不能用在这里/);
  });

  it('rejects an image in a reply', () => {
    const dir = project({ 'a.md': REPLY('', '正文。\n\n![照片](photo.png)\n') });
    expect(problemsOf(() => compose(join(dir, 'a.md'), dir)).join('\n')).toMatch(/a\.md:16:1: .*仅简报/);
  });

  it('keeps hostile front-matter values literal: no heading, directive or markup', () => {
    const hostile = '# 标题 ::: {{meta.issuer}} **粗** <script>x</script> ::red-rule';
    const dir = project({ 'a.md': REPLY(`note: "${hostile}"`).replace('title: 关于某事的答复', `title: "${hostile}"`) });
    const doc = compose(join(dir, 'a.md'), dir);
    expect(doc.blocks.find((b) => b.kind === 'title')).toMatchObject({ text: hostile });
    expect(doc.blocks.find((b) => b.kind === 'note')).toMatchObject({ text: `（${hostile}）` });
    expect(doc.blocks.filter((b) => b.kind === 'redRule')).toHaveLength(1);
    expect(doc.blocks.filter((b) => b.kind === 'heading')).toHaveLength(0);
  });
});
