// An office's own templates folder: a template that breaks the order of the official parts
// fails with the template file and line (exit 1, nothing written); the fixed texts printed
// come from the templates, so editing a template changes them.

import { describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { exampleProject, filesUnder, GOOD_REPLY, pdfText, project, REPO, run } from './helpers.js';

/** A project with a copy of the built-in templates, `edit` applied to one of them. */
function withTemplates(files: Record<string, string>, template: string, edit: (text: string) => string, dir = project(files)): string {
  cpSync(join(REPO, 'templates'), join(dir, 'templates'), { recursive: true });
  const path = join(dir, 'templates', template);
  const text = readFileSync(path, 'utf8');
  const edited = edit(text);
  if (edited === text) throw new Error(`edit left ${template} unchanged`);
  writeFileSync(path, edited);
  return dir;
}

const lineOf = (dir: string, template: string, needle: string): number =>
  readFileSync(join(dir, 'templates', template), 'utf8').split('\n').findIndex((l) => l.startsWith(needle)) + 1;

const moveLine = (text: string, startsWith: string, before: string): string => {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(startsWith));
  const [moved] = lines.splice(i, 1);
  lines.splice(lines.findIndex((l) => l.startsWith(before)), 0, moved!, '');
  return lines.join('\n');
};

const noOutputs = (dir: string): void => {
  const out = join(dir, 'output');
  if (existsSync(out)) expect(filesUnder(out).filter((f) => /\.(pdf|docx)$/.test(f))).toEqual([]);
};

describe('a template that breaks the format', () => {
  it('::title above ::issuer-mark: fails naming the template line, exit 1, no output', async () => {
    const dir = withTemplates({ 'a.md': GOOD_REPLY }, 'reply.hbs', (t) => moveLine(t, '::title[', '{{> issuer-mark}}'));
    const line = lineOf(dir, 'reply.hbs', '::title[');
    const r = await run(dir, 'build', 'a.md');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`templates/reply.hbs:${line}:1: 模板中 ::title 出现在版头（::issuer-mark`);
    noOutputs(dir);
    const k = await run(dir, 'check', 'a.md', '--lang', 'en');
    expect(k.code).toBe(1);
    expect(k.err).toContain(`templates/reply.hbs:${line}:1: in the template, ::title comes before the header (::issuer-mark`);
  });

  it('a header element from a partial in the wrong order names the partial and its line', async () => {
    const files = { 'a.md': GOOD_REPLY.replace('category: A', 'category: A\nurgency: 特急') };
    const dir = withTemplates(files, 'reply.hbs', (t) => moveLine(t, '{{> security}}', '::category['));
    const r = await run(dir, 'build', 'a.md');
    expect(r.code).toBe(1);
    const line = lineOf(dir, 'partials/security.hbs', '::urgency[');
    expect(r.err).toMatch(new RegExp(`templates/partials/security\\.hbs:${line}:1: 模板中 ::urgency 应排在 ::red-rule（reply\\.hbs 第\\d+行）之前`));
    noOutputs(dir);
  });

  it('the body after the colophon: the colophon must come last', async () => {
    const dir = withTemplates({ 'a.md': GOOD_REPLY }, 'reply.hbs', (t) => t.replace('{{{body}}}\n', '') + '\n{{{body}}}\n');
    const r = await run(dir, 'build', 'a.md');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`templates/reply.hbs:${lineOf(dir, 'reply.hbs', ':::colophon')}:1: 模板中版记（::colophon）之后还有 正文（a.md 第`);
  });

  it('an editor’s note without its label in the templates is an error, not an unlabelled note', async () => {
    const dir = withTemplates({}, 'partials/labels.hbs', (t) => t.replace(/^::label\[编者按：\].*\n/m, ''), exampleProject());
    const r = await run(dir, 'build', 'content/bulletins/2024-13-teacher-training.md');
    expect(r.code).toBe(1);
    expect(r.err).toContain('模板没有给出编者按的标签文字');
  });
});

describe('labels live in the templates', () => {
  it('editing a template changes the printed labels', async () => {
    const dir = withTemplates({}, 'partials/labels.hbs', (t) => t.replace('::label[编者按：]', '::label[按语：]'), exampleProject());
    const reply = readFileSync(join(dir, 'templates', 'reply.hbs'), 'utf8');
    writeFileSync(join(dir, 'templates', 'reply.hbs'), reply.replace('label="签发人："', 'label="签发："'));
    const r = await run(dir, 'build', 'content', '--format', 'pdf');
    expect(r.code).toBe(0);
    const bulletin = pdfText(join(dir, 'output', 'bulletins', '2024-13-teacher-training.pdf'));
    expect(bulletin).toContain('按语：');
    expect(bulletin).not.toContain('编者按');
    const replyText = pdfText(join(dir, 'output', 'replies', '2024-proposal-031-A.pdf'));
    expect(replyText).toContain('签发：');
    expect(replyText).not.toContain('签发人');
  });
});
