// A batch's critical path is the thread that builds the documents. Next to it run V8's
// platform threads (optimising compilers, garbage-collection helpers), libuv's thread pool and
// the compression thread (render/pdf/deflatethread.ts): on a two-core machine some ten threads
// take turns with the builder on two cores. Lowered to the least priority, they run on the core the
// builder leaves free and yield to it when both want one: a 200-document PDF batch ran about
// 6 % faster on the two-core benchmark machine (alternating runs, medians). Linux only (its
// /proc lists a process's threads, and setpriority applies to one thread); elsewhere nothing
// changes.

import { readdirSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

/** The nice value of the helper threads: the least priority. */
const HELPER_PRIORITY = constants.priority.PRIORITY_LOW;

/** Threads already lowered (a thread id is not reused while the process lives on). */
const lowered = new Set<number>();

/**
 * Lower every thread of this process but the calling one, which must be the main thread.
 * Call before worker threads are started (their threads build documents too); libuv starts
 * its pool on first use and the compression thread starts with the second document, so an
 * in-process batch calls again once each of its first two documents is built.
 */
export function lowerHelperThreads(): void {
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
