// `gongwen watch`: a save gives a new PDF within seconds (read back with pdftotext); a broken
// save prints the error with file:line and keeps the last good PDF; editors that save by
// rename, a changed seal image and a new file are followed; Ctrl-C stops the real command.

import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSession, type WatchSession } from '../../src/cli/watch.js';
import { GOOD_REPLY, REPO, pdfText, project } from '../cli/helpers.js';
import { collect, loader, waitFor } from './helpers.js';

const SEAL = join(REPO, 'content', 'assets', 'seal-jiangchuan.png');
let session: WatchSession | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function watchProject(files: Record<string, string>, inputs: string[]) {
  const dir = project(files);
  const r = collect();
  session = await startSession(
    { inputs, cwd: dir, formats: ['pdf'], outDir: 'output', load: loader(dir) },
    r,
    { write: true, keep: false, confine: false },
  );
  return { dir, r, pdf: join(dir, 'output', 'a.pdf') };
}

const builtLines = (lines: string[], file: string): number => lines.filter((l) => l.includes(`已生成 ${file}`)).length;

describe('gongwen watch', () => {
  it('rebuilds on save, reports a broken save with file:line and keeps the last good PDF', async () => {
    const { dir, r, pdf } = await watchProject({ 'a.md': GOOD_REPLY }, ['a.md']);
    expect(pdfText(pdf)).toContain('课后服务工作全面开展');
    expect(builtLines(r.lines, 'a.md')).toBe(1);

    writeFileSync(join(dir, 'a.md'), GOOD_REPLY.replace('课后服务工作全面开展', '午餐配送工作全面开展'));
    await waitFor(() => pdfText(pdf).includes('午餐配送工作全面开展'), 'the new PDF');
    expect(builtLines(r.lines, 'a.md')).toBe(2);
    expect(r.lines.at(-1)).toMatch(/^\d\d:\d\d:\d\d 已生成 a\.md → output\/a\.pdf（\d+\.\d 秒）$/);

    const good = readFileSync(pdf);
    writeFileSync(join(dir, 'a.md'), GOOD_REPLY.replace('category: A', 'category: D'));
    await waitFor(() => r.lines.some((l) => l.includes('a.md:8:1: 键「category」')), 'the error with its line');
    expect(r.lines.some((l) => /失败 a\.md：保留上次生成的文件/.test(l))).toBe(true);
    expect(readFileSync(pdf).equals(good)).toBe(true);
    // The manifest still describes the kept PDF.
    const manifest = readFileSync(join(dir, 'output', 'manifest.json'), 'utf8');
    expect(manifest).toContain('"path": "a.pdf"');
  });

  it('follows an editor that saves by writing a new file and renaming it over the old one', async () => {
    const { dir, pdf } = await watchProject({ 'a.md': GOOD_REPLY }, ['.']);
    writeFileSync(join(dir, 'a.md.new'), GOOD_REPLY.replace('课后服务工作全面开展', '校车接送工作全面开展'));
    renameSync(join(dir, 'a.md.new'), join(dir, 'a.md'));
    await waitFor(() => pdfText(pdf).includes('校车接送工作全面开展'), 'the PDF after a rename save');
    // And again: the watch is on the folder, so the replaced file is still followed.
    writeFileSync(join(dir, 'a.md.new'), GOOD_REPLY.replace('课后服务工作全面开展', '课桌更新工作全面开展'));
    renameSync(join(dir, 'a.md.new'), join(dir, 'a.md'));
    await waitFor(() => pdfText(pdf).includes('课桌更新工作全面开展'), 'the PDF after a second rename save');
  });

  it('rebuilds a document when its seal image changes, and builds new files and folders', async () => {
    const sealed = GOOD_REPLY.replace('category: A', 'category: A\nseal: seal.png');
    const dir = project({ 'a.md': sealed });
    copyFileSync(SEAL, join(dir, 'seal.png'));
    const r = collect();
    session = await startSession({ inputs: ['.'], cwd: dir, formats: ['pdf'], outDir: 'output', load: loader(dir) }, r, {
      write: true,
      keep: false,
      confine: false,
    });
    expect(builtLines(r.lines, 'a.md')).toBe(1);
    writeFileSync(join(dir, 'seal.png'), readFileSync(SEAL));
    await waitFor(() => builtLines(r.lines, 'a.md') === 2, 'a rebuild after the seal changed');

    writeFileSync(join(dir, 'b.md'), GOOD_REPLY.replace('课后服务工作全面开展', '新建文稿'));
    await waitFor(() => existsSync(join(dir, 'output', 'b.pdf')) && pdfText(join(dir, 'output', 'b.pdf')).includes('新建文稿'), 'the new file built');

    // A folder made after the start is watched too, and the file written in it built.
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'c.md'), GOOD_REPLY.replace('课后服务工作全面开展', '子文件夹文稿'));
    const c = join(dir, 'output', 'sub', 'c.pdf');
    await waitFor(() => existsSync(c) && pdfText(c).includes('子文件夹文稿'), 'the file in a new folder built');
    writeFileSync(join(dir, 'sub', 'c.md'), GOOD_REPLY.replace('课后服务工作全面开展', '子文件夹再次修改'));
    await waitFor(() => pdfText(c).includes('子文件夹再次修改'), 'the file in a new folder rebuilt');
  });

  it('rebuilds every document when the configuration or a template changes; a broken configuration keeps the outputs', async () => {
    // The printer (印发机关) comes from the configuration's defaults.
    const reply = GOOD_REPLY.replace('printer: 江川市教育局办公室\n', '');
    const dir = project({ 'a.md': reply, 'b.md': reply.replace('课后服务工作全面开展', '第二份文稿') });
    cpSync(join(REPO, 'templates'), join(dir, 'templates'), { recursive: true });
    const r = collect();
    session = await startSession({ inputs: ['a.md', 'b.md'], cwd: dir, formats: ['pdf'], outDir: 'output', load: loader(dir) }, r, {
      write: true,
      keep: false,
      confine: false,
    });
    const a = join(dir, 'output', 'a.pdf');
    const b = join(dir, 'output', 'b.pdf');

    const hbs = join(dir, 'templates', 'reply.hbs');
    writeFileSync(hbs, readFileSync(hbs, 'utf8').replace('联系单位及电话：', '承办单位及电话：'));
    await waitFor(() => pdfText(a).includes('承办单位及电话') && pdfText(b).includes('承办单位及电话'), 'both documents rebuilt with the new template');

    const cfg = join(dir, 'gongwen.config.yaml');
    const good = readFileSync(cfg, 'utf8');
    const kept = readFileSync(a);
    writeFileSync(cfg, good + '\nnosuchkey: [\n');
    await waitFor(() => r.lines.filter((l) => l.includes('保留上次生成的文件')).length === 2, 'both documents failed');
    expect(r.lines.some((l) => l.includes('gongwen.config.yaml'))).toBe(true);
    expect(readFileSync(a).equals(kept)).toBe(true);

    writeFileSync(cfg, good.replace(/^(\s*printer:).*$/m, '$1 江川市教育局文印室'));
    await waitFor(() => pdfText(a).includes('江川市教育局文印室') && pdfText(b).includes('江川市教育局文印室'), 'both documents rebuilt with the new configuration');
  });

  it('as a process: builds, rebuilds on save, and stops cleanly on Ctrl-C', async () => {
    const dir = project({ 'a.md': GOOD_REPLY });
    const loader = pathToFileURL(join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, join(REPO, 'src', 'cli.ts'), 'watch', 'a.md', '--format', 'pdf'], { cwd: dir });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      await waitFor(() => out.includes('正在监视 1 个文件的改动，按 Ctrl-C 停止'), 'the watch to start', 60_000);
      writeFileSync(join(dir, 'a.md'), GOOD_REPLY.replace('课后服务工作全面开展', '进程内修改'));
      await waitFor(() => (out.match(/已生成 a\.md/g) ?? []).length === 2, 'the rebuild');
      expect(pdfText(join(dir, 'output', 'a.pdf'))).toContain('进程内修改');
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(out).toContain('已停止监视');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
