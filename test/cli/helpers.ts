// Shared by the CLI tests: an in-memory Io, temporary projects made from the examples, and
// readers for the outputs (pdftotext, word/document.xml).

import { cpSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { execFileSync, spawnSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { main, type Io } from '../../src/cli/main.js';

export const REPO = join(import.meta.dirname, '..', '..');

export interface TestIo extends Io {
  out: string[];
  err: string[];
  text(): string;
}

export function io(cwd: string): TestIo {
  const out: string[] = [];
  const err: string[] = [];
  return { cwd, isTTY: false, stdout: (s) => out.push(s), stderr: (s) => err.push(s), out, err, text: () => out.join('') + err.join('') };
}

/** Run the CLI in-process; returns the exit code and what it printed. */
export async function run(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const i = io(cwd);
  const code = await main(argv, i);
  return { code, out: i.out.join(''), err: i.err.join('') };
}

export const tmp = (prefix = 'gw-test-'): string => mkdtempSync(join(tmpdir(), prefix));

/** A project folder with the repository's configuration, example content and seal. */
export function exampleProject(): string {
  const dir = tmp('gw-proj-');
  cpSync(join(REPO, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(REPO, 'gongwen.config.yaml'), join(dir, 'gongwen.config.yaml'));
  return dir;
}

/** A minimal valid 提案答复 (reply). `edit` rewrites its text. */
export const GOOD_REPLY = `---
type: reply
issuer: 江川市教育局
number: 江教提〔2024〕31号
signer: 周明远
to: 致公党江川市委
date: 2024-07-16
category: A
proposal: 市政协十届三次会议第031号提案
contact:
  unit: 基础教育科
  phone: 0871-6312458
  person: 王晓岚
printer: 江川市教育局办公室
---

贵委提出的提案收悉。经认真研究，现答复如下。

# 一、基本情况

我市课后服务工作全面开展。
`;

/** A project folder with the configuration and the given files (text, or bytes). */
export function project(files: Record<string, string | Uint8Array>): string {
  const dir = tmp('gw-proj-');
  cpSync(join(REPO, 'gongwen.config.yaml'), join(dir, 'gongwen.config.yaml'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

/** Every file under `dir`, relative, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const f = join(d, n);
      if (statSync(f).isDirectory()) walk(f);
      else out.push(relative(dir, f));
    }
  };
  walk(dir);
  return out.sort();
}

export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The XML of one part of a DOCX package. */
export function docxPart(bytes: Uint8Array, part = 'word/document.xml'): string {
  const f = unzipSync(bytes)[part];
  if (!f) throw new Error(`no ${part}`);
  return strFromU8(f);
}

/** The text of a DOCX body: every <w:t>, XML entities decoded. */
export function docxText(bytes: Uint8Array): string {
  const xml = docxPart(bytes);
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export const hasTool = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

/** Run the real command in a child process (exit codes, environment). */
export function runProcess(cwd: string, argv: string[], env: Record<string, string> = {}): { code: number; out: string; err: string } {
  // `--import tsx` resolves from the working directory, so name the loader by its URL.
  const loader = pathToFileURL(join(REPO, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const r = spawnSync(process.execPath, ['--import', loader, join(REPO, 'src', 'cli.ts'), ...argv], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
