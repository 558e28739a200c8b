// An in-process batch: the main thread builds every file, a few ahead of the one asked for,
// so that while a document's streams are compressed off this thread it composes, lays out
// and draws the next ones. Results are taken in input order.

import { buildFile, type BuildContext, type Built } from './build.js';
import { IN_PROCESS_AHEAD } from './policy.js';
import type { Builder } from './batch.js';

/** `afterFirst`: called once the first document is built (the session lowers new helper threads). */
export function lookAheadBuilder(files: readonly string[], ctx: BuildContext, afterFirst?: () => void): Builder {
  const stats = { main: 0, workers: 0 };
  const started = new Map<number, Promise<Built>>();
  const start = (i: number): void => {
    if (i >= files.length || started.has(i)) return;
    const p = buildFile(files[i]!, ctx);
    p.catch(() => {}); // taken (and thrown) by build()
    // libuv's pool and the compression thread exist once the first document is compressed.
    if (afterFirst && i === 0) void p.finally(afterFirst).catch(() => {});
    started.set(i, p);
  };
  return {
    workers: 0,
    stats,
    build: (i) => {
      stats.main++;
      start(i);
      const p = started.get(i)!;
      started.delete(i);
      for (let k = 1; k <= IN_PROCESS_AHEAD; k++) start(i + k);
      return p;
    },
    close: async () => {
      await Promise.allSettled(started.values());
    },
  };
}
