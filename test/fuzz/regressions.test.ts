// Inputs that once crashed or hung a build, and the limits that now refuse them: each ends in a
// PDF and a DOCX or in clean problems naming file and line (never a stack trace, never output).

import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxPart, GOOD_REPLY, hasTool, pdfText, project, run } from '../cli/helpers.js';
import { pngClaiming } from './property.js';
import { breakLines, type BreakChar } from '../../src/layout/linebreak.js';
import { MAX_INLINE_DEPTH, MAX_NESTING_DEPTH, MAX_SOURCE_BYTES, MAX_TABLE_COLUMNS } from '../../src/spec/limits.js';

/** GOOD_REPLY's body line 18 holds the text after the front matter; appended blocks start at line 22. */
const withBody = (md: string): string => `${GOOD_REPLY}\n${md}\n`;
const FIRST_ADDED_LINE = GOOD_REPLY.split('\n').length + 1;

async function build(source: string | Uint8Array, extra: Record<string, string | Uint8Array> = {}, ...args: string[]) {
  const dir = project({ 'a.md': source, ...extra });
  const r = await run(dir, 'build', 'a.md', '--jobs', '1', ...args);
  const built = existsSync(join(dir, 'output', 'a.pdf')) && existsSync(join(dir, 'output', 'a.docx'));
  return { ...r, dir, built };
}

/** A refusal: exit 1, no output, no internal error or stack, and the message at `line`. */
function refusedAt(r: { code: number; err: string; built: boolean; dir: string }, line: number, what: RegExp): void {
  expect(r.code, r.err).toBe(1);
  expect(r.built).toBe(false);
  expect(existsSync(join(r.dir, 'output', 'a.pdf'))).toBe(false);
  expect(r.err).not.toMatch(/内部错误|\n\s+at /);
  expect(r.err).toMatch(new RegExp(`^a\\.md:${line}:\\d+: ${what.source}`, 'm'));
}

const table = (cols: number): string =>
  ['|' + Array.from({ length: cols }, (_, i) => `列${i}`).join('|') + '|', '|' + Array(cols).fill('-').join('|') + '|', '|' + Array(cols).fill('内容').join('|') + '|'].join('\n');

describe('tables', () => {
  it('a 40-column table is refused at its line (it reached the line breaker with a column narrower than a character)', async () => {
    refusedAt(await build(withBody(table(40))), FIRST_ADDED_LINE, /表格列数过多/);
  });

  it(`${MAX_TABLE_COLUMNS} columns, one character each, build; one more is refused`, async () => {
    const ok = await build(withBody(table(MAX_TABLE_COLUMNS)));
    expect(ok.code, ok.err).toBe(0);
    refusedAt(await build(withBody(table(MAX_TABLE_COLUMNS + 1))), FIRST_ADDED_LINE, /表格列数过多.*「19 列」/);
  });

  it('the line breaker cuts after each character on a measure narrower than one', () => {
    const chars: BreakChar[] = [...'中文abc'].map((ch) => ({ ch, width: 16, em: 16 }));
    const lines = breakLines(chars, () => 3);
    expect(lines.map((l) => l.end - l.start)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('nesting', () => {
  it('5,000 nested block quotes are refused before parsing (they overflowed the stack)', async () => {
    refusedAt(await build(withBody('>'.repeat(5000) + ' 深')), FIRST_ADDED_LINE, /引用、列表或指令嵌套过深/);
  });

  it('a list nested 3,000 levels deep (9 MB) is refused by its size (it hung)', async () => {
    const list = Array.from({ length: 3000 }, (_, i) => '  '.repeat(i) + '- 项');
    const r = await build(withBody(list.join('\n')));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^a\.md: 文件过大/m);
  });

  it('a list nested 1,000 levels deep is refused at the line where it passes the limit', async () => {
    const list = Array.from({ length: 1000 }, (_, i) => '  '.repeat(i) + '- 项');
    refusedAt(await build(withBody(list.join('\n'))), FIRST_ADDED_LINE + MAX_NESTING_DEPTH, /引用、列表或指令嵌套过深.*「17 层」/);
  });

  it(`${MAX_NESTING_DEPTH} levels build; ${MAX_NESTING_DEPTH + 1} are refused by the exact check on the tree`, async () => {
    const ok = await build(withBody('>'.repeat(MAX_NESTING_DEPTH) + ' 深'));
    expect(ok.code, ok.err).toBe(0);
    refusedAt(await build(withBody('>'.repeat(MAX_NESTING_DEPTH + 1) + ' 深')), FIRST_ADDED_LINE, /引用、列表或指令嵌套过深/);
    refusedAt(await build(withBody('- '.repeat(MAX_NESTING_DEPTH + 4) + '项')), FIRST_ADDED_LINE, /引用、列表或指令嵌套过深/);
  });

  it('nested container directives are refused', async () => {
    const n = 1000;
    const open = Array.from({ length: n }, (_, i) => ':'.repeat(n + 3 - i) + 'editor-note');
    refusedAt(await build(withBody(open.join('\n'))), FIRST_ADDED_LINE + MAX_NESTING_DEPTH, /引用、列表或指令嵌套过深/);
  });

  it.each([
    ['emphasis', '*'.repeat(5000) + '强' + '*'.repeat(5000)],
    ['alternating marks', '*_'.repeat(2000) + '强' + '_*'.repeat(2000)],
    ['images', '!['.repeat(2000) + '图' + '](u)'.repeat(2000)],
    ['links', '[a '.repeat(2000) + 'x' + ' a]'.repeat(2000)],
  ])('deeply nested inline marks (%s) are refused before parsing (the parser took seconds)', async (_, md) => {
    refusedAt(await build(withBody(md)), FIRST_ADDED_LINE, /强调、链接或图片标记嵌套过深/);
  });

  it(`inline marks nested ${MAX_INLINE_DEPTH + 1} deep are refused by the exact check`, async () => {
    const md = '*甲 '.repeat(MAX_INLINE_DEPTH + 1) + '乙' + ' 丙*'.repeat(MAX_INLINE_DEPTH + 1);
    refusedAt(await build(withBody(md)), FIRST_ADDED_LINE, /强调、链接或图片标记嵌套过深/);
  });
});

describe('dates', () => {
  it.each(['9999-12-31', '1948-12-31', '2101-01-01', '0001-01-01'])('date: %s is refused at the key line (9999 crashed the DOCX zip)', async (d) => {
    refusedAt(await build(GOOD_REPLY.replace('date: 2024-07-16', `date: ${d}`)), 7, /键「date」：日期的年份应在 1949—2100 年之间/);
  });

  it.each(['1949-10-01', '2100-12-31'])('date: %s builds (the DOCX zip dates clamped to 1980–2099)', async (d) => {
    const r = await build(GOOD_REPLY.replace('date: 2024-07-16', `date: ${d}`));
    expect(r.code, r.err).toBe(0);
  });
});

describe('messages', () => {
  it('a multi-line or huge value found is shown on one line, cut (fuzz: a block scalar as the date)', async () => {
    const r = await build(GOOD_REPLY.replace('date: 2024-07-16', 'date: |\n  多行\n  文本').replace('signer: 周明远', `signer: ${'字'.repeat(5000)}`));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^a\.md:7:1: 键「date」：日期格式不正确；.*实际为「多行\\n文本」$/m);
    for (const line of r.err.split('\n').filter(Boolean)) expect(line).toMatch(/^a\.md:\d+:\d+: /);
  });
});

describe('characters', () => {
  const line = '中\u200D文\u202E反\u202C向\uFE0F字\u200C\u2066隔\u2069离\uFEFF。';

  it('joiners, bidi controls and variation selectors draw nothing and warn nothing', async () => {
    const r = await build(withBody(line));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    if (hasTool('pdftotext')) expect(pdfText(join(r.dir, 'output', 'a.pdf')).replace(/\s+/g, '')).toContain('中文反向字隔离。');
  });

  it('C0 controls are removed with one warning naming the first line', async () => {
    const r = await build(withBody(`控制\u0001字符\u0007。\n\n第二\u001b段\u007f。`));
    expect(r.code, r.err).toBe(0);
    const warnings = r.err.split('\n').filter(Boolean);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^警告: a\\.md:${FIRST_ADDED_LINE}:1: 删除了 4 个不可打印的控制字符`));
    const xml = docxPart(readFileSync(join(r.dir, 'output', 'a.docx')));
    expect(xml).toContain('控制字符。');
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  });

  it('noncharacters U+FFFE/U+FFFF (not allowed in XML) are removed too', async () => {
    const r = await build(withBody('字\uFFFF\uFFFE字'));
    expect(r.code, r.err).toBe(0);
    expect(docxPart(readFileSync(join(r.dir, 'output', 'a.docx')))).toContain('字字');
  });
});

describe('sizes', () => {
  it('a source over the size limit is refused without being read', async () => {
    const big = GOOD_REPLY + 'a'.repeat(MAX_SOURCE_BYTES);
    const r = await build(big);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^a\.md: 文件过大：最多 8\.0 MB；实际为「8\.0 MB」/m);
  });

  it('a seal whose header claims 100,000 × 100,000 pixels is refused before decoding', async () => {
    const src = GOOD_REPLY.replace('printer:', 'seal: bomb.png\nprinter:');
    refusedAt(await build(src, { 'bomb.png': pngClaiming(100_000, 100_000) }), 14, /键「seal」：图片像素过多/);
  });

  it('a bulletin image over the pixel limit, or with a malformed % escape, is refused at its line', async () => {
    const bulletin = `---\ntype: bulletin\nname: 江川教育\nissue: 3\neditor: 江川市教育局办公室\ndate: 2024-11-18\n---\n\n# 文章\n\n![图](bomb.png)\n\n![图](%E0%A4%A)\n`;
    const r = await build(bulletin, { 'bomb.png': pngClaiming(20_000, 20_000) });
    refusedAt(r, 11, /键「bomb\.png」：图片像素过多/);
    expect(r.err).toMatch(/^a\.md:13:1: .*图片路径中的 % 编码不正确/m);
  });
});

describe('the fuzz project files', () => {
  it('a PNG claiming a size has a valid header', async () => {
    const dir = project({});
    writeFileSync(join(dir, 'x.png'), pngClaiming(3, 2));
    const { imageInfo } = await import('../../src/source/seal.js');
    expect(imageInfo(readFileSync(join(dir, 'x.png')))).toEqual({ format: 'png', width: 3, height: 2 });
  });
});
