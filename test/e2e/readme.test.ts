// The users' manual builds: every Markdown example with front matter in README.md is built to
// PDF and DOCX in a project that has the example assets, and its PDF text shows the element the
// README says it prints. A README that drifts from the code fails here.

import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, pdfText, run, tmp } from '../cli/helpers.js';

const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const examples = [...README.matchAll(/```markdown\n(---\n[\s\S]*?)```/g)].map((m) => m[1]!);

/** The attachment files the examples name, taken from the example of the same content. */
const ATTACHMENT = join(REPO, 'content', 'notices', '2024-118-附件1-排查清单.md');

describe('the README examples', () => {
  it('are there: one per type the README shows', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7);
  });

  examples.forEach((text, k) => {
    const type = /^(?:类型|type): *(\S+)/m.exec(text)?.[1] ?? '?';
    it(`example ${k + 1} (${type}) builds to PDF and DOCX without warnings`, async () => {
      const dir = tmp('gw-readme-');
      mkdirSync(join(dir, 'content', 'docs'), { recursive: true });
      cpSync(join(REPO, 'content', 'assets'), join(dir, 'content', 'assets'), { recursive: true });
      // The examples' project: its folder bounds the seal and attachment paths.
      cpSync(join(REPO, 'gongwen.config.yaml'), join(dir, 'gongwen.config.yaml'));
      for (const m of text.matchAll(/文件: *(\S+\.md)/g)) cpSync(ATTACHMENT, join(dir, 'content', 'docs', m[1]!));
      writeFileSync(join(dir, 'content', 'docs', 'example.md'), text);
      const r = await run(dir, 'build', join('content', 'docs', 'example.md'), '--out', 'out', '--strict');
      expect(r.code, r.err).toBe(0);
      const pdf = pdfText(join(dir, 'out', 'example.pdf')).replace(/\s+/g, '');
      expect(readFileSync(join(dir, 'out', 'example.docx')).subarray(0, 2).toString()).toBe('PK');
      // The title the example gives (or its proposal's default title) is printed.
      const title = /^(?:标题|title): *(.+)$/m.exec(text)?.[1];
      if (title) expect(pdf).toContain(title.replace(/\s+/g, ''));
      const issuer = /^(?:发文机关|issuer): *([^\s[#]+)/m.exec(text)?.[1];
      if (issuer) expect(pdf).toContain(issuer);
    });
  });
});
