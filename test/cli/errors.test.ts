// Bad input through the CLI: each class of mistake gives a positioned, bilingual message,
// exit code 1, and no output file (an earlier run's output is removed too).

import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder, GOOD_REPLY, project, run } from './helpers.js';

const swap = (from: string, to: string): string => {
  if (!GOOD_REPLY.includes(from)) throw new Error(`fixture lacks ${from}`);
  return GOOD_REPLY.replace(from, to);
};
const frontMatterOnly = GOOD_REPLY.slice(0, GOOD_REPLY.indexOf('---\n\n') + 4);

/** A reply saved as GBK (Node has no GBK encoder: the six characters used are written by hand). */
function gbkBytes(): Uint8Array {
  // "type: reply\n" etc. stays ASCII; the Chinese values are written in GBK.
  const gbk: Record<string, number[]> = {
    江: [0xbd, 0xad], 川: [0xb4, 0xa8], 市: [0xca, 0xd0], 教: [0xbd, 0xcc], 育: [0xd3, 0xfd], 局: [0xbe, 0xd6],
  };
  const text = '---\ntype: reply\nissuer: 江川市教育局\n---\n\n江川\n';
  const out: number[] = [];
  for (const ch of text) out.push(...(gbk[ch] ?? [...Buffer.from(ch, 'utf8')]));
  return new Uint8Array(out);
}

interface Case {
  name: string;
  file: string | Uint8Array;
  /** Every part must appear in the Chinese message. */
  zh: string[];
  extra?: Record<string, string | Uint8Array>;
}

const CASES: Case[] = [
  { name: 'missing required key', file: swap('number: 江教提〔2024〕31号\n', ''), zh: ['bad.md:1:1', '键「number」', '缺少必填项「发文字号」'] },
  { name: 'unknown key with a suggestion', file: swap('signer:', 'singer:'), zh: ['bad.md:5:1', '键「singer」', '未知的键', '是否想写「signer」'] },
  {
    name: 'both spellings of one key',
    file: swap('signer: 周明远', 'signer: 周明远\n签发人: 周明远'),
    zh: ['bad.md:6:1', '键「签发人」', '与第5行第1列的「signer」是同一项'],
  },
  { name: 'invalid date', file: swap('date: 2024-07-16', 'date: 2024-02-30'), zh: ['bad.md:7:1', '键「date」', '不存在这个日期', '「2024-02-30」'] },
  { name: 'category other than A/B/C', file: swap('category: A', 'category: D'), zh: ['bad.md:8:1', '键「category」', '不是可用的值', '实际为「D」'] },
  {
    name: 'zero-padded number',
    file: swap('〔2024〕31号', '〔2024〕076号'),
    zh: ['bad.md:4:1', '键「number」', '前面不能加 0', '实际为「江教提〔2024〕076号」'],
  },
  { name: 'malformed number', file: swap('江教提〔2024〕31号', '江教提2024-31'), zh: ['bad.md:4:1', '键「number」', '六角括号', '实际为「江教提2024-31」'] },
  { name: 'YAML syntax error', file: swap('to: 致公党江川市委', 'to: [致公党江川市委'), zh: ['bad.md:7:1', 'YAML 语法错误'] },
  { name: 'missing front matter', file: GOOD_REPLY.split('---\n').slice(2).join('---\n'), zh: ['bad.md:1:1', '缺少前置元数据'] },
  { name: 'unknown type', file: swap('type: reply', 'type: memo'), zh: ['bad.md:2:1', '键「type」', '实际为「memo」', 'bulletin（简报）、reply（提案答复、建议答复）'] },
  { name: 'empty body', file: frontMatterOnly + '\n', zh: ['bad.md:16:1', '正文为空'] },
  { name: 'GBK file', file: gbkBytes(), zh: ['bad.md:3:9', '不是 UTF-8 编码', 'GBK'] },
  {
    name: 'seal outside the project',
    file: swap('printer: 江川市教育局办公室', 'printer: 江川市教育局办公室\nseal: ../outside.png'),
    zh: ['bad.md:15:1', '键「seal」', '印章路径超出了项目文件夹', '「../outside.png」'],
  },
  {
    name: 'seal that is not a PNG or JPEG',
    file: swap('printer: 江川市教育局办公室', 'printer: 江川市教育局办公室\nseal: fake.png'),
    zh: ['bad.md:15:1', '键「seal」', '不是有效的 PNG 或 JPEG 图片'],
    extra: { 'fake.png': 'GIF89a not a png' },
  },
];


describe('bad input through gongwen build', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: positioned Chinese message, exit 1, no output, stale output removed', async (_, c) => {
    const dir = project({ 'bad.md': GOOD_REPLY, ...(c.extra ?? {}) });
    // An earlier successful run left outputs...
    expect((await run(dir, 'build', 'bad.md')).code).toBe(0);
    expect(existsSync(join(dir, 'output', 'bad.pdf'))).toBe(true);
    // ...then the source went bad.
    writeFileSync(join(dir, 'bad.md'), c.file);
    const r = await run(dir, 'build', 'bad.md');
    expect(r.code).toBe(1);
    for (const part of c.zh) expect(r.err).toContain(part);
    expect(filesUnder(join(dir, 'output'))).toEqual(['manifest.json']);
    expect(JSON.parse(readFileSync(join(dir, 'output', 'manifest.json'), 'utf8')).entries).toEqual([]);
    // `check` reports the same problem.
    const k = await run(dir, 'check', 'bad.md');
    expect(k.code).toBe(1);
    expect(k.err).toContain(c.zh[0]!);
  });

  it('gives English messages with --lang en', async () => {
    const dir = project({
      'missing.md': swap('number: 江教提〔2024〕31号\n', ''),
      'unknown.md': swap('signer:', 'singer:'),
      'date.md': swap('date: 2024-07-16', 'date: 2024-02-30'),
    });
    const r = await run(dir, 'build', 'missing.md', 'unknown.md', 'date.md', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('missing.md:1:1: key "number": missing required key "number"');
    expect(r.err).toContain('unknown.md:5:1: key "singer": unknown key. did you mean "signer"');
    expect(r.err).toMatch(/date\.md:7:1: key "date": .*"2024-02-30"/);
    expect(r.err).not.toMatch(/[键应为]/);
  });

  it('a batch of good and bad files: good ones built, bad ones absent, exit 1', async () => {
    const dir = project({
      'a-good.md': GOOD_REPLY,
      'b-bad.md': swap('category: A', 'category: E'),
      'c-good.md': GOOD_REPLY.replace('31号', '33号'),
      'd-bad.md': swap('type: reply', 'type: memo'),
    });
    const r = await run(dir, 'build', '.', '--out', 'out', '--verbose');
    expect(r.code).toBe(1);
    expect(filesUnder(join(dir, 'out'))).toEqual(['a-good.docx', 'a-good.pdf', 'c-good.docx', 'c-good.pdf', 'manifest.json']);
    expect(r.err).toContain('b-bad.md:8:1');
    expect(r.err).toContain('d-bad.md:2:1');
    expect(r.out).toContain('共 4 个文件：成功 2 个，失败 2 个');
    const m = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as { entries: Array<{ path: string }> };
    expect(m.entries.map((e) => e.path)).toEqual(['a-good.docx', 'a-good.pdf', 'c-good.docx', 'c-good.pdf']);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    ['unknown option', ['build', '--bogus', 'a.md'], /unknown option '--bogus'/],
    ['unknown format', ['build', 'a.md', '--format', 'pdf,bmp'], /未知的输出格式「bmp」/],
    ['missing path', ['build', 'nothere.md'], /找不到文件或文件夹：nothere\.md/],
    ['unknown command', ['compile'], /unknown command 'compile'/],
    ['bad --lang', ['build', 'a.md', '--lang', 'fr'], /--lang/],
  ])('%s', async (_, argv, message) => {
    const dir = project({ 'a.md': GOOD_REPLY });
    const r = await run(dir, ...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(existsSync(join(dir, 'output'))).toBe(false);
  });

  it('a missing path is reported in English with --lang en', async () => {
    const r = await run(project({}), 'build', 'nothere.md', '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain('file or folder not found: nothere.md');
  });
});
