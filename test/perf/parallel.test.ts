// A batch built by worker threads gives the bytes, order and errors of a sequential build, and
// the bytes of every format combination (OFD too) are the same in workers, in this process
// (whatever it built before) and in a fresh process.

import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFontSet } from '../../src/fonts/index.js';
import { loadConfig } from '../../src/source/index.js';
import { BUILTIN_TEMPLATE_DIR, loadTemplates } from '../../src/template/render.js';
import { buildFile, type BuildContext, type Built, type Format } from '../../src/pipeline/build.js';
import { createSession } from '../../src/session.js';
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

/** sha256 of each output, per file (equal digests: equal bytes). */
type Digests = Array<Partial<Record<Format, string>>>;
const digest = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const digests = (built: Built[]): Digests =>
  built.map((b) => Object.fromEntries(Object.entries(b.outputs).map(([f, bytes]) => [f, digest(bytes!)])));

/** The same build in a fresh Node process (TypeScript through tsx), as digests. */
function freshProcess(list: readonly string[], c: BuildContext): Promise<Digests> {
  const url = (p: string): string => pathToFileURL(join(root, p)).href;
  const script = join(dir, `fresh-${c.formats.join('-')}-${String(c.config.layout?.colophonOnEvenPage)}.mts`);
  writeFileSync(
    script,
    `import { createHash } from 'node:crypto';
import { createSession } from ${JSON.stringify(url('src/session.ts'))};
import { buildFile } from ${JSON.stringify(url('src/pipeline/build.ts'))};
import { loadTemplates, BUILTIN_TEMPLATE_DIR } from ${JSON.stringify(url('src/template/render.ts'))};
const [files, config, formats] = JSON.parse(process.argv[2]);
const session = createSession({ cwd: ${JSON.stringify(root)} });
const ctx = { config, templates: loadTemplates(BUILTIN_TEMPLATE_DIR), fonts: session.fonts({ system: false }), formats, pdfa: false };
const out = [];
for (const f of files) {
  const b = await buildFile(f, ctx);
  out.push(Object.fromEntries(Object.entries(b.outputs).map(([k, v]) => [k, createHash('sha256').update(v).digest('hex')])));
}
await session.close();
console.log(JSON.stringify(out));
`,
  );
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify([list, c.config, c.formats])], { cwd: root });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as Digests) : reject(new Error(err))));
  });
}

describe('the same bytes wherever a document is built', () => {
  const good = files.slice(0, -1);
  const combos: Array<[Format[], boolean]> = [];
  for (const formats of [['pdf'], ['docx'], ['pdf', 'docx'], ['pdf', 'docx', 'ofd']] as Format[][]) for (const even of [false, true]) combos.push([formats, even]);

  it.each(combos)('%j, colophonOnEvenPage %s: workers, this process and a fresh process agree', async (formats, even) => {
    const c: BuildContext = { ...ctx, formats, config: { ...config, layout: { ...config.layout, colophonOnEvenPage: even } } };
    const fresh = freshProcess(good, c);
    // In this process, after whatever it built before, with a session's compression thread.
    const session = createSession({ cwd: root });
    const here: Built[] = [];
    try {
      const local = { ...c, fonts: session.fonts({ system: false }), compressor: session.compressorFor(good.length) };
      for (const f of good) here.push(await buildFile(f, local));
    } finally {
      await session.close();
    }
    const builder = createBuilder(good, c, { jobs: 2, fontConfig: { system: false }, cwd: root, minFiles: 0, mainBuilds: false });
    const inWorkers: Built[] = [];
    try {
      for (let i = 0; i < good.length; i++) inWorkers.push(await builder.build(i));
    } finally {
      await builder.close();
    }
    expect(builder.stats.workers).toBe(good.length);
    for (const b of here) expect(Object.keys(b.outputs).sort()).toEqual([...formats].sort());
    expect(digests(inWorkers)).toEqual(digests(here));
    expect(await fresh).toEqual(digests(here));
  }, 120_000);
});
