// The fuzz property: every source ends either in a PDF and a DOCX, or in clean problems —
// each line `file:line:col: …` or `file: …`, no internal error, no stack trace, exit 1,
// nothing written. Each case is built by the real command, in-process, in a project folder
// that holds a seal, a huge-claiming PNG (decode bomb), attachments and config.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../../src/cli/main.js';
import { pngFile } from '../helpers/png.js';

const REPO = join(import.meta.dirname, '..', '..');

/** A PNG whose header claims `w`×`h` pixels (its data is a few bytes: a decode bomb). */
export const pngClaiming = (w: number, h: number): Uint8Array => pngFile(w, h, 6, Buffer.alloc(64));

/** One project folder for a whole run: the cases overwrite a.md in it. */
export function fuzzProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gw-fuzz-'));
  cpSync(join(REPO, 'gongwen.config.yaml'), join(dir, 'gongwen.config.yaml'));
  cpSync(join(REPO, 'content', 'assets'), join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'bomb.png'), pngClaiming(100_000, 100_000));
  writeFileSync(join(dir, 'huge.png'), pngClaiming(0xffffffff, 0xffffffff));
  writeFileSync(join(dir, 'att.md'), '# 附件\n\n内容\u0001。\n');
  writeFileSync(join(dir, 'big.md'), Buffer.alloc(9 * 1024 * 1024, 0x61));
  return dir;
}

export interface Outcome {
  built: boolean;
  code: number;
  err: string;
  ms: number;
}

/** Lines a clean refusal may print: a problem (`a.md:3:1: …`, `a.md: …`, a template's), or a warning. */
const CLEAN_LINE = /^(警告: )?[^\s:][^:]*(:\d+:\d+)?: \S/;

/** Build `source` as a.md in `dir` with the real command; throws when the property fails. */
export async function checkCase(dir: string, source: string | Uint8Array): Promise<Outcome> {
  writeFileSync(join(dir, 'a.md'), source);
  const out = join(dir, 'output');
  rmSync(out, { recursive: true, force: true });
  const err: string[] = [];
  const t0 = performance.now();
  const code = await main(['build', 'a.md', '--jobs', '1'], { cwd: dir, isTTY: false, stdout: () => {}, stderr: (s) => err.push(s) });
  const ms = performance.now() - t0;
  const text = err.join('');
  const fail = (why: string): never => {
    throw new Error(`${why}\n--- exit ${code}, stderr:\n${text.slice(0, 2000)}`);
  };
  if (/内部错误|internal error/.test(text)) fail('internal error');
  if (/^\s+at .+:\d+:\d+\)?$/m.test(text)) fail('stack trace printed');
  const pdf = join(out, 'a.pdf');
  const docx = join(out, 'a.docx');
  if (code === 0) {
    if (!existsSync(pdf) || !existsSync(docx)) fail('exit 0 without both outputs');
    if (readFileSync(pdf).subarray(0, 5).toString('latin1') !== '%PDF-') fail('not a PDF');
    if (readFileSync(docx).subarray(0, 2).toString('latin1') !== 'PK') fail('not a DOCX (zip)');
  } else {
    if (code !== 1) fail(`exit ${code}, expected 0 or 1`);
    if (existsSync(pdf) || existsSync(docx)) fail('a failed build left output');
    const lines = text.split('\n').filter((l) => l.trim());
    if (!lines.length) fail('refused without a message');
    for (const l of lines) if (!CLEAN_LINE.test(l)) fail(`not a clean problem line: ${l}`);
    if (!lines.some((l) => !l.startsWith('警告'))) fail('refused with warnings only');
    if (!/[\u4e00-\u9fff]/.test(text)) fail('no Chinese in the message');
  }
  return { built: code === 0, code, err: text, ms };
}
