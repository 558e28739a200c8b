// A batch lowers the priority of the process's helper threads (V8's compilers and collectors,
// libuv's pool), never that of the thread that builds documents.

import { readFileSync, readdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { lowerHelperThreads } from '../../src/pipeline/tuning.js';
import { createBuilder } from '../../src/pipeline/batch.js';
import { createSession } from '../../src/session.js';
import { loadFontSet } from '../../src/fonts/index.js';
import { loadConfig } from '../../src/source/index.js';
import { BUILTIN_TEMPLATE_DIR, loadTemplates } from '../../src/template/render.js';

/** A thread's nice value as the kernel reports it (field 19 of /proc/…/stat). */
const niceOf = (tid: number): number => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
const threads = (): number[] => readdirSync('/proc/self/task').map(Number);

const root = join(import.meta.dirname, '..', '..');

describe.runIf(process.platform === 'linux')('helper threads of a batch', () => {
  // First: lowering cannot be undone without privileges.
  it('keep their priority in a host process whose session does not tune the process', async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    deflateSync(Buffer.alloc(1024));
    const before = threads().map((t) => [t, niceOf(t)]);
    const ctx = {
      config: loadConfig({ cwd: root }),
      templates: loadTemplates(BUILTIN_TEMPLATE_DIR),
      fonts: loadFontSet({ system: false }, { cwd: root }),
      formats: ['pdf' as const],
      pdfa: false,
    };
    // A batch large enough to be tuned; nothing is built (files are read on build()).
    const files = Array.from({ length: 500 }, (_, i) => join(root, `absent-${i}.md`));
    const session = createSession({ cwd: root });
    await createBuilder(files, ctx, { jobs: 1, fontConfig: { system: false }, cwd: root, session }).close();
    await session.close();
    for (const [t, nice] of before) expect(niceOf(t!)).toBe(nice);
  });

  it('run at the least priority; the calling (main) thread keeps its own', async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    deflateSync(Buffer.alloc(1024)); // any work: the process has its helper threads by now
    const main = niceOf(process.pid);
    const helpers = threads().filter((t) => t !== process.pid);
    expect(helpers.length).toBeGreaterThan(0);
    lowerHelperThreads(new Set());
    expect(niceOf(process.pid)).toBe(main);
    for (const t of helpers) expect(niceOf(t)).toBe(19);
  });
});
