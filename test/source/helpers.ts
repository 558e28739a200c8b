// Small helpers for the source-stage tests: inline documents and their problems.

import { expect } from 'vitest';
import { BuildError, type Problem } from '../../src/errors.js';
import { parseSource, type ProjectConfig, type Source } from '../../src/source/index.js';

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

export const noConfig: ProjectConfig = { root: '/proj', defaults: {} };

/** A valid reply's front-matter lines (line 2 onwards of the file). */
export const REPLY = [
  'type: reply',
  'issuer: 某县农业农村局',
  'number: 某农〔2024〕9号',
  'to: 县政协某界别',
  'date: 2024-05-06',
  'category: A',
  'proposal: 县政协十届三次会议第021号提案',
  'contact:',
  '  unit: 农技推广站',
  '  phone: 0391-5551234',
  '  person: 张某',
  'printer: 某县农业农村局办公室',
];

/** A valid bulletin's front-matter lines. */
export const BULLETIN = [
  'type: bulletin',
  'name: 某区“社区服务提升”行动',
  'issue: 12',
  'editor: 某区民政局办公室',
  'date: 2024年6月18日',
  'printer: 某区民政局办公室',
];

export function doc(lines: string[], body = '正文第一段。\n'): string {
  return `---\n${lines.join('\n')}\n---\n${body}`;
}

export function parse(text: string, config: ProjectConfig = noConfig, readFile?: (p: string) => Uint8Array): Source {
  return parseSource('content/a.md', enc(text), config, readFile);
}

/** The problems of a document that must fail. */
export function problems(text: string, config: ProjectConfig = noConfig, readFile?: (p: string) => Uint8Array): Problem[] {
  try {
    parse(text, config, readFile);
  } catch (e) {
    expect(e).toBeInstanceOf(BuildError);
    return (e as BuildError).problems;
  }
  throw new Error('expected a BuildError');
}

/** Replaces or adds one front-matter line (matched by its key) in a copy of `lines`. */
export function withLine(lines: string[], key: string, line: string | null): string[] {
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  const out = [...lines];
  if (i < 0) {
    if (line !== null) out.push(line);
  } else if (line === null) out.splice(i, 1);
  else out[i] = line;
  return out;
}

export const isChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);
