// Process-wide tuning for large batches, applied only for a session created with tuneProcess
// (the `gongwen` command; never through the API).
//
// V8: a larger young generation and optimisation budget (tuneV8ForBatch).
// Threads: a batch's critical path is the thread that builds the documents. Next to it run V8's
// platform threads (optimising compilers, garbage-collection helpers), libuv's thread pool and
// the compression thread (render/pdf/deflatethread.ts): on a two-core machine some ten threads
// take turns with the builder on two cores. Lowered to the least priority, they run on the core the
// builder leaves free and yield to it when both want one: a 200-document PDF batch ran about
// 6 % faster on the two-core benchmark machine (alternating runs, medians). Linux only (its
// /proc lists a process's threads, and setpriority applies to one thread); elsewhere nothing
// changes.

import { readdirSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { INTERRUPT_BUDGET, SEMI_SPACE_MB } from './policy.js';

/** The nice value of the helper threads: the least priority. */
const HELPER_PRIORITY = constants.priority.PRIORITY_LOW;

/** V8's young generation and optimisation budget for a batch (see policy.ts). */
export function tuneV8ForBatch(): void {
  try {
    setFlagsFromString(`--max-semi-space-size=${SEMI_SPACE_MB}`);
    setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  } catch {
    // not settable here: the defaults work, only slower
  }
}

/**
 * Lower every thread of this process but the calling one, which must be the main thread, and
 * those in `lowered` (a thread id is not reused while the process lives on). Call before
 * worker threads are started (their threads build documents too); libuv starts its pool and
 * the session its compression thread on first use, so an in-process batch calls again once
 * its first document is built.
 */
export function lowerHelperThreads(lowered: Set<number>): void {
  if (process.platform !== 'linux') return;
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const t of tids) {
    const tid = Number(t);
    if (tid === process.pid || lowered.has(tid)) continue;
    lowered.add(tid);
    try {
      setPriority(tid, HELPER_PRIORITY);
    } catch {
      // not permitted here: the thread keeps its priority
    }
  }
}
