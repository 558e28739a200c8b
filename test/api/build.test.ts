// build(): one source (a file, or text) to PDF, DOCX and OFD buffers with its warnings, writing
// nothing and changing nothing process-wide; two sessions in one process give the same bytes.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v8 from 'node:v8';
import * as os from 'node:os';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Process-wide settings are changed through these two calls only: record them.
vi.mock('node:v8', async (original) => ({ ...(await original<typeof import('node:v8')>()), setFlagsFromString: vi.fn() }));
vi.mock('node:os', async (original) => ({ ...(await original<typeof import('node:os')>()), setPriority: vi.fn() }));
import { BuildError, build, createSession } from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..');
const file = join(root, 'content', 'replies', '2024-proposal-031-A.md');
const dir = mkdtempSync(join(tmpdir(), 'gongwen-api-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdfText = (pdf: Buffer): string => {
  const f = join(dir, `t${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(f, pdf);
  return execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
};
const docxText = (docx: Buffer): string => strFromU8(unzipSync(docx)['word/document.xml']!).replace(/<[^>]+>/g, '');

describe('build()', () => {
  it('builds a file to PDF and DOCX buffers, and the same text given as a string to the same bytes', async () => {
    const before = readdirSync(dir);
    const fromFile = await build(file, { cwd: root });
    const fromText = await build({ source: readFileSync(file, 'utf8'), path: file }, { cwd: root });
    expect(readdirSync(dir)).toEqual(before);
    expect(fromFile.pdf!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(fromFile.docx!.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(pdfText(fromFile.pdf!)).toContain('提案');
    expect(docxText(fromFile.docx!)).toContain('提案');
    expect(fromText.pdf!.equals(fromFile.pdf!)).toBe(true);
    expect(fromText.docx!.equals(fromFile.docx!)).toBe(true);
    expect(Array.isArray(fromFile.warnings)).toBe(true);
  });

  it('builds only the formats asked for, and throws BuildError for a wrong source', async () => {
    const pdfOnly = await build(file, { cwd: root, formats: ['pdf'] });
    expect(pdfOnly.pdf).toBeDefined();
    expect(pdfOnly.docx).toBeUndefined();
    expect(pdfOnly.ofd).toBeUndefined();
    await expect(build({ source: '---\ntype: memo\n---\n正文\n' }, { cwd: root })).rejects.toBeInstanceOf(BuildError);
  });

  it('with strict (or strict: true in the configuration), a source with warnings throws and gives no bytes', async () => {
    // The example reply without 办理结果 is built with a warning naming it.
    const lax = join(root, 'content', 'replies', '2024-proposal-062.md');
    const r = await build(lax, { cwd: root, formats: ['pdf'] });
    expect(r.pdf).toBeDefined();
    expect(r.warnings.map((w) => w.format('zh')).join('\n')).toContain('办理结果');
    await expect(build(lax, { cwd: root, formats: ['pdf'], strict: true })).rejects.toBeInstanceOf(BuildError);
    const config = { ...(await import('../../src/source/index.js')).loadConfig({ cwd: root }), strict: true };
    await expect(build(lax, { cwd: root, formats: ['pdf'], config })).rejects.toBeInstanceOf(BuildError);
  });

  it('leaves V8 flags and thread priorities as they were (a session asked to tune changes them)', async () => {
    await build(file, { cwd: root });
    await build({ source: readFileSync(file), path: file }, { cwd: root, formats: ['pdf'] });
    expect(v8.setFlagsFromString).not.toHaveBeenCalled();
    expect(os.setPriority).not.toHaveBeenCalled();
    // The control: what the `gongwen` command's session does for a large batch.
    const tuning = createSession({ cwd: root, tuneProcess: true });
    expect(tuning.prepareBatch(500).tuned).toBe(true);
    await tuning.close();
    expect(v8.setFlagsFromString).toHaveBeenCalled();
    if (process.platform === 'linux') expect(os.setPriority).toHaveBeenCalled();
  });

  it('gives the same bytes from two sessions of one process, and from a session used twice', async () => {
    const a = createSession({ cwd: root });
    const b = createSession({ cwd: root });
    try {
      const formats = ['pdf', 'docx', 'ofd'] as const;
      const first = await build(file, { session: a, formats });
      const second = await build(file, { session: b, formats });
      const again = await build(file, { session: a, formats });
      expect(Object.keys(unzipSync(first.ofd!))).toContain('OFD.xml');
      for (const r of [second, again]) {
        expect(r.pdf!.equals(first.pdf!)).toBe(true);
        expect(r.docx!.equals(first.docx!)).toBe(true);
        expect(r.ofd!.equals(first.ofd!)).toBe(true);
      }
      // Each session parses its own fonts.
      expect(a.fonts().roles.fangsong.font.face).not.toBe(b.fonts().roles.fangsong.font.face);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
