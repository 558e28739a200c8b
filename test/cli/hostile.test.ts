// Hostile input end to end: Markdown, directive, template and HTML syntax in front-matter
// values and raw HTML in the body print literally in the PDF and DOCX, and create no
// structure (no extra heading, red rule, colophon).

import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxPart, docxText, GOOD_REPLY, hasTool, pdfText, project, run } from './helpers.js';
import { readAndCompose } from '../../src/pipeline/build.js';
import { loadConfig } from '../../src/source/index.js';
import { loadTemplates } from '../../src/template/render.js';

const TITLE = '# 假标题 ::: {{meta.issuer}} **粗** <script>alert(1)</script>';
const TO = ':::colophon';
const UNIT = '**基础**教育科 #3 ::red-rule';
const BODY_LITERALS = [
  '<div class="x">原样HTML</div>',
  '段落里有 <b>内联</b> 标签和 <script>alert(2)</script> 脚本。',
  '{{meta.title}} 与 ::red-rule 都应原样显示。',
];

const SOURCE = GOOD_REPLY.replace('type: reply\n', `type: reply\ntitle: '${TITLE}'\n`)
  .replace('to: 致公党江川市委', `to: '${TO}'`)
  .replace('  unit: 基础教育科', `  unit: '${UNIT}'`)
  .replace('我市课后服务工作全面开展。', `我市课后服务工作全面开展。\n\n${BODY_LITERALS.join('\n\n')}`);

/** Text without white space and page numbers (lines may break anywhere; pages add — N —). */
const flat = (s: string): string => s.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');

describe('hostile input', () => {
  let dir = '';
  beforeAll(async () => {
    dir = project({ 'h.md': SOURCE });
    const r = await run(dir, 'build', 'h.md');
    expect(r.code, r.err).toBe(0);
  });

  it.skipIf(!hasTool('pdftotext'))('prints every value literally in the PDF', () => {
    const text = flat(pdfText(join(dir, 'output', 'h.pdf')));
    for (const s of [TITLE, `${TO}：`, UNIT, ...BODY_LITERALS]) expect(text).toContain(flat(s));
  });

  it('prints every value literally in the DOCX', () => {
    const text = docxText(readFileSync(join(dir, 'output', 'h.docx')));
    for (const s of [TITLE, TO, UNIT, ...BODY_LITERALS]) expect(flat(text)).toContain(flat(s));
  });

  it('creates no extra structure: one title, one level-1 heading, one red rule, no script element', () => {
    const xml = docxPart(readFileSync(join(dir, 'output', 'h.docx')));
    const styles = [...xml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(styles.filter((s) => s === 'Title')).toHaveLength(1);
    expect(styles.filter((s) => s === 'GwHeading1')).toHaveLength(1); // 「一、基本情况」 only
    expect(styles.filter((s) => s === 'GwHeading2' || s === 'GwHeading3')).toHaveLength(0);
    expect(xml).not.toContain('<script');

    const config = loadConfig({ cwd: dir });
    const { doc } = readAndCompose(join(dir, 'h.md'), config, loadTemplates());
    const kinds = doc.blocks.map((b) => b.kind);
    expect(kinds.filter((k) => k === 'redRule')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'title')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'heading')).toHaveLength(1);
    // The same official elements, in the same order, as the plain reply.
    const plain = project({ 'p.md': GOOD_REPLY });
    const base = readAndCompose(join(plain, 'p.md'), loadConfig({ cwd: plain }), loadTemplates()).doc.blocks.map((b) => b.kind);
    const noParas = (ks: string[]): string[] => ks.filter((k) => k !== 'paragraph');
    expect(noParas(kinds)).toEqual(noParas(base));
    expect(kinds.filter((k) => k === 'paragraph').length).toBe(base.filter((k) => k === 'paragraph').length + BODY_LITERALS.length);
    const title = doc.blocks.find((b) => b.kind === 'title') as { text: string };
    expect(title.text).toBe(TITLE);
  });
});
