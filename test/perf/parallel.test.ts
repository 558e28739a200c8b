// A batch built by worker threads gives the bytes, order and errors of a sequential build.

import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import { loadConfig } from '../../src/source/index.js';
import { BUILTIN_TEMPLATE_DIR, loadTemplates } from '../../src/template/render.js';
import { buildFile, type BuildContext, type Built } from '../../src/pipeline/build.js';
import { createBuilder, minFilesForWorkers, workersFor } from '../../src/pipeline/batch.js';
import { BuildError } from '../../src/errors.js';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'gongwen-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The four examples (one reply has a seal image), two variants and one broken file.
const examples = [
  'content/bulletins/2024-12-campus-safety.md',
  'content/bulletins/2024-13-teacher-training.md',
  'content/replies/2024-proposal-031-A.md',
  'content/replies/2024-proposal-047-B.md',
].map((f) => join(root, f));
const variant = (from: string, name: string, edit: (s: string) => string): string => {
  const p = join(dir, name);
  writeFileSync(p, edit(readFileSync(from, 'utf8')));
  return p;
};
const files = [
  ...examples,
  variant(examples[0]!, 'issue-14.md', (s) => s.replace('issue: 12', 'issue: 14').replace(/^(11月以来)/m, '本月$1')),
  variant(examples[3]!, 'no-seal.md', (s) => s.replace(/^seal:.*$/m, '').replace('date: ', 'date: 2024-09-02\nold_date: ')),
  variant(examples[0]!, 'broken.md', (s) => s.replace('type: bulletin', 'type: memo')),
];

const config = loadConfig({ cwd: root });
const ctx: BuildContext = {
  config,
  templates: loadTemplates(BUILTIN_TEMPLATE_DIR),
  fonts: loadFontSet({ system: false }, { cwd: root }),
  formats: ['pdf', 'docx'],
  pdfa: false,
};

/** Byte arrays as plain number lists (a worker's Buffers arrive as Uint8Array). */
const plain = (v: unknown): unknown =>
  v instanceof Uint8Array
    ? [...v]
    : Array.isArray(v)
      ? v.map(plain)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
        : v;

type Outcome = { ok: true; built: Built } | { ok: false; error: unknown };
const settle = (p: Promise<Built>): Promise<Outcome> =>
  p.then(
    (built) => ({ ok: true as const, built }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('parallel batch', () => {
  it('uses workers only for batches large enough to pay for them', () => {
    const pdf = minFilesForWorkers(['pdf']);
    expect(workersFor(6, 1, pdf)).toBe(0);
    expect(workersFor(6, 2, pdf)).toBe(0);
    expect(workersFor(500, 1, pdf)).toBe(0);
    expect(workersFor(500, 2, pdf)).toBe(1);
    expect(workersFor(6, 3, 0)).toBe(2);
    // More work per file: workers pay off sooner.
    expect(minFilesForWorkers(['pdf', 'docx'])).toBeLessThan(pdf);
    expect(minFilesForWorkers(['docx'])).toBeGreaterThan(pdf);
  });

  it('gives the same bytes, warnings and errors as a sequential build', async () => {
    const sequential: Outcome[] = [];
    for (const f of files) sequential.push(await settle(buildFile(f, ctx)));

    const builder = createBuilder(files, ctx, { jobs: 3, fontConfig: { system: false }, cwd: root, minFiles: 0, mainBuilds: false });
    expect(builder.workers).toBe(2);
    const parallel: Outcome[] = [];
    try {
      for (let i = 0; i < files.length; i++) parallel.push(await settle(builder.build(i)));
    } finally {
      await builder.close();
    }
    expect(builder.stats).toEqual({ main: 0, workers: files.length });

    expect(parallel.map((o) => o.ok)).toEqual([true, true, true, true, true, true, false]);
    for (const [i, seq] of sequential.entries()) {
      const par = parallel[i]!;
      expect(par.ok, files[i]).toBe(seq.ok);
      if (seq.ok && par.ok) {
        for (const f of ['pdf', 'docx'] as const) {
          expect(Buffer.isBuffer(par.built.outputs[f]), `${files[i]} ${f}`).toBe(true);
          expect(par.built.outputs[f]!.equals(seq.built.outputs[f]!), `${files[i]} ${f}`).toBe(true);
        }
        expect(par.built.warnings.map((w) => w.format('zh'))).toEqual(seq.built.warnings.map((w) => w.format('zh')));
        expect(par.built.doc.info).toEqual(seq.built.doc.info);
        expect(plain(par.built.source.meta)).toEqual(plain(seq.built.source.meta));
      } else if (!seq.ok && !par.ok) {
        expect(par.error).toBeInstanceOf(BuildError);
        expect((par.error as BuildError).problems.map((p) => p.format('en'))).toEqual(
          (seq.error as BuildError).problems.map((p) => p.format('en')),
        );
      }
    }
  });
});
