// Warnings and --strict through `gongwen build` and `gongwen check`, and the contract's bad
// input (上行文 without signer, seals that do not match the issuers, attachment files missing
// or outside the project): a clear positioned message, exit 1, nothing written.

import { describe, expect, it } from 'vitest';
import { appendFileSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { GOOD_REPLY, REPO, filesUnder, pdfText, project, run } from './helpers.js';

/** A reply without 联系电话, as many are sent. */
const NO_PHONE = GOOD_REPLY.replace('  phone: 0871-6312458\n', '');

describe('warnings: shown, exit 0', () => {
  it('a reply missing 联系电话 builds, with a warning naming it at the type key', async () => {
    const dir = project({ 'r.md': NO_PHONE });
    const r = await run(dir, 'build', 'r.md', '--out', 'out');
    expect(r.code).toBe(0);
    expect(r.err).toContain('警告: r.md:2:1: 键「contact.phone」：提案答复通常应写明「联系电话」');
    expect(filesUnder(join(dir, 'out'))).toEqual(['manifest.json', 'r.docx', 'r.pdf']);
    // Only what is given is printed: the unit stands alone.
    const text = pdfText(join(dir, 'out', 'r.pdf'));
    expect(text).toContain('联系单位：基础教育科');
    expect(text).not.toContain('联系单位及电话');
  });

  it('in English with --lang en', async () => {
    const dir = project({ 'r.md': NO_PHONE });
    const r = await run(dir, 'check', 'r.md', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.err).toContain('warning: r.md:2:1: key "contact.phone": a reply usually gives "contact.phone" (联系电话)');
  });
});

describe('--strict: warnings are errors', () => {
  it('the file fails and leaves nothing; the others in the batch still build', async () => {
    const dir = project({ 'a.md': GOOD_REPLY, 'b.md': NO_PHONE });
    const r = await run(dir, 'build', '.', '--out', 'out', '--strict', '--format', 'pdf');
    expect(r.code).toBe(1);
    expect(r.err).toContain('b.md:2:1: 键「contact.phone」');
    expect(r.err).not.toContain('警告');
    expect(filesUnder(join(dir, 'out'))).toEqual(['a.pdf', 'manifest.json']);
  });

  it('strict: true in gongwen.config.yaml does the same', async () => {
    const dir = project({ 'b.md': NO_PHONE });
    appendFileSync(join(dir, 'gongwen.config.yaml'), 'strict: true\n');
    const r = await run(dir, 'build', 'b.md', '--out', 'out', '--format', 'pdf');
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'out', 'b.pdf'))).toBe(false);
  });

  it('gongwen check --strict exits 1', async () => {
    const dir = project({ 'b.md': NO_PHONE });
    expect((await run(dir, 'check', 'b.md')).code).toBe(0);
    const r = await run(dir, 'check', 'b.md', '--strict');
    expect(r.code).toBe(1);
    expect(r.err).toContain('联系电话');
  });
});

const REQUEST = `---
类型: 请示
发文机关: 江川市教育局
发文字号: 江教〔2024〕131号
签发人: 周明远
标题: 江川市教育局关于某事项的请示
主送: 江川市人民政府
成文日期: 2024年12月16日
联系人: 赵丽娟
联系电话: 0871-6312633
---

妥否，请批示。
`;

describe('bad input of the contract: exit 1, nothing written', () => {
  const sealed = (files: Record<string, string>): string => {
    const dir = project(files);
    mkdirSync(join(dir, 'assets'));
    copyFileSync(join(REPO, 'content', 'assets', 'seal-jiangchuan.png'), join(dir, 'assets', 'seal.png'));
    return dir;
  };

  it.each([
    ['a 上行文 without signer', REQUEST.replace('签发人: 周明远\n', ''), 'bad.md:1:1: 键「signer」：缺少必填项「签发人」'],
    ['a request without 联系电话', REQUEST.replace('联系电话: 0871-6312633\n', ''), 'bad.md:1:1: 键「contact.phone」：缺少必填项「联系电话」'],
    [
      'one seal too few for joint issuers',
      REQUEST.replace('发文机关: 江川市教育局', '发文机关: [江川市教育局, 江川市财政局]').replace('---\n\n', '印章: assets/seal.png\n---\n\n'),
      'bad.md:11:1: 键「印章」：印章与发文机关的数目不一致；应为 2个印章',
    ],
    [
      'one seal too many',
      REQUEST.replace('---\n\n', '印章: [assets/seal.png, assets/seal.png]\n---\n\n'),
      'bad.md:11:1: 键「印章」：印章与发文机关的数目不一致；应为 1个印章',
    ],
    [
      'an attachment file missing',
      REQUEST.replace('---\n\n', '附件:\n  - 标题: 测算表\n    文件: 附件1.md\n---\n\n'),
      'bad.md:13:5: 键「附件」：找不到附件文件；实际为「附件1.md」',
    ],
    [
      'an attachment file outside the project folder',
      REQUEST.replace('---\n\n', '附件:\n  - 标题: 测算表\n    文件: ../附件1.md\n---\n\n'),
      'bad.md:13:5: 键「附件」：附件路径超出了项目文件夹',
    ],
  ])('%s', async (_n, text, message) => {
    const dir = sealed({ 'bad.md': text });
    const r = await run(dir, 'build', 'bad.md', '--out', 'out');
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(existsSync(join(dir, 'out', 'bad.pdf'))).toBe(false);
    expect(existsSync(join(dir, 'out', 'bad.docx'))).toBe(false);
  });

  it('the request itself builds, its 附注 in the PDF', async () => {
    const dir = project({ 'q.md': REQUEST });
    const r = await run(dir, 'build', 'q.md', '--out', 'out', '--format', 'pdf');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(pdfText(join(dir, 'out', 'q.pdf')).replace(/\s+/g, '')).toContain('（联系人：赵丽娟，电话：0871-6312633）');
  });
});
