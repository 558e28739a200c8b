// A batch lowers the priority of the process's helper threads (V8's compilers and collectors,
// libuv's pool), never that of the thread that builds documents.

import { readFileSync, readdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { lowerHelperThreads } from '../../src/pipeline/threads.js';

/** A thread's nice value as the kernel reports it (field 19 of /proc/…/stat). */
const niceOf = (tid: number): number => Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
const threads = (): number[] => readdirSync('/proc/self/task').map(Number);

describe.runIf(process.platform === 'linux')('helper threads of a batch', () => {
  it('run at the least priority; the calling (main) thread keeps its own', async () => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    deflateSync(Buffer.alloc(1024)); // any work: the process has its helper threads by now
    const main = niceOf(process.pid);
    const helpers = threads().filter((t) => t !== process.pid);
    expect(helpers.length).toBeGreaterThan(0);
    lowerHelperThreads();
    expect(niceOf(process.pid)).toBe(main);
    for (const t of helpers) expect(niceOf(t)).toBe(19);
  });
});
