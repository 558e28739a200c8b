// `gongwen new`, `gongwen fonts`, `gongwen check` and progress output, run in-process.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main, type Io } from '../../src/cli/main.js';
import { TYPE_LIST, typeOfValue } from '../../src/source/index.js';

function io(cwd: string, isTTY = false): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, isTTY, stdout: (s) => out.push(s), stderr: (s) => err.push(s), out, err };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'gw-cli-'));

describe('gongwen new', () => {
  it.each([...TYPE_LIST])('writes a %s starter that checks and builds', async (type) => {
    const dir = tmp();
    const a = io(dir);
    expect(await main(['new', type, 'doc.md'], a)).toBe(0);
    const typed = /^(?:type|类型): *(\S+)/m.exec(readFileSync(join(dir, 'doc.md'), 'utf8'))?.[1] ?? '';
    expect(typeOfValue(typed)).toBe(type);
    const c = io(dir);
    expect(await main(['check', 'doc.md'], c)).toBe(0);
    expect(c.err).toEqual([]);
    const b = io(dir);
    expect(await main(['build', 'doc.md', '--out', 'out', '--format', 'pdf'], b)).toBe(0);
    expect(existsSync(join(dir, 'out', 'doc.pdf'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'doc.docx'))).toBe(false);
  });

  it('refuses to overwrite an existing file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'reply.md'), 'mine');
    const a = io(dir);
    expect(await main(['new', 'reply'], a)).toBe(1);
    expect(a.err.join('')).toMatch(/文件已存在/);
    expect(readFileSync(join(dir, 'reply.md'), 'utf8')).toBe('mine');
  });

  it('rejects an unknown type as a usage error', async () => {
    const a = io(tmp());
    expect(await main(['new', 'memo'], a)).toBe(2);
    expect(a.err.join('')).toMatch(/未知的文种「memo」/);
  });

  it('writes a 复函 starter in 信函格式 with --letter, which builds without 印发 row and page 1 number', async () => {
    const dir = tmp();
    expect(await main(['new', 'reply', 'r.md', '--letter'], io(dir))).toBe(0);
    const text = readFileSync(join(dir, 'r.md'), 'utf8');
    expect(text).toMatch(/^format: letter/m);
    expect(text).toMatch(/特此函复。/);
    const b = io(dir);
    expect(await main(['build', 'r.md', '--out', 'out', '--format', 'pdf'], b)).toBe(0);
    expect(existsSync(join(dir, 'out', 'r.pdf'))).toBe(true);
    const u = io(dir);
    expect(await main(['new', 'notice', 'n.md', '--letter'], u)).toBe(2);
    expect(u.err.join('')).toMatch(/没有信函格式的示例文稿/);
  });

  it('takes the type in Chinese', async () => {
    const dir = tmp();
    expect(await main(['new', '请示', 'q.md'], io(dir))).toBe(0);
    expect(readFileSync(join(dir, 'q.md'), 'utf8')).toMatch(/^类型: 请示/m);
  });
});

describe('gongwen fonts', () => {
  it('names the file serving each role and says which are stand-ins', async () => {
    const a = io(tmp());
    expect(await main(['fonts'], a)).toBe(0);
    const text = a.out.join('');
    for (const role of ['song', 'fangsong', 'hei', 'kai', 'songti']) expect(text).toContain(`[${role}]`);
    expect(text).toMatch(/仿宋_GB2312/);
    expect(text).toMatch(/\.(ttf|otf|woff|ttc)/i);
  });
});

describe('progress output', () => {
  const starter = async (dir: string): Promise<void> => {
    await main(['new', 'reply', 'a.md'], io(dir));
  };

  it('prints a line per file on a terminal', async () => {
    const dir = tmp();
    await starter(dir);
    const a = io(dir, true);
    expect(await main(['build', 'a.md', '--out', 'out', '--format', 'pdf'], a), a.err.join('')).toBe(0);
    expect(a.out.join('')).toMatch(/\[1\/1\] 已生成 a\.md → out\/a\.pdf/);
  });

  it('is quiet when not a terminal, unless --verbose', async () => {
    const dir = tmp();
    await starter(dir);
    const quiet = io(dir, false);
    expect(await main(['build', 'a.md', '--out', 'out', '--format', 'pdf'], quiet)).toBe(0);
    expect(quiet.out).toEqual([]);
    const verbose = io(dir, false);
    expect(await main(['build', 'a.md', '--out', 'out', '--format', 'pdf', '--verbose', '--lang', 'en'], verbose)).toBe(0);
    expect(verbose.out.join('')).toMatch(/\[1\/1\] built a\.md/);
  });
});
