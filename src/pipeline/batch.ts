// Building a batch: in-process with files built ahead (lookahead.ts), or on every core with
// worker threads building files ahead of the main thread (pool.ts), as policy.ts decides.
// The caller takes results in input order and writes them, so the outputs (order and bytes)
// are those of a sequential build, in any process, whatever ran in it before.

import type { FontConfig } from '../fonts/index.js';
import type { Session } from '../session.js';
import type { BuildContext, Built } from './build.js';
import { lookAheadBuilder } from './lookahead.js';
import { defaultJobs, minFilesForWorkers, workersFor } from './policy.js';
import { WorkerPool } from './pool.js';

export { defaultJobs, minFilesForWorkers, workersFor } from './policy.js';

export interface Builder {
  /** Workers in use (0: in-process). */
  readonly workers: number;
  /** Files built so far by the main thread and by the workers. */
  readonly stats: { main: number; workers: number };
  /** The result of files[index], as buildFile would give or throw it. Ask in input order. */
  build(index: number): Promise<Built>;
  /** Stop the workers. */
  close(): Promise<void>;
}

export interface BuilderOptions {
  /** `--jobs`: parallel builds (default: available cores; 1 builds in-process). */
  jobs?: number;
  /** What workers need to load the same fonts as ctx.fonts. */
  fontConfig: FontConfig;
  cwd: string;
  /** Use workers from this many files on (default minFilesForWorkers(formats); tests set 0). */
  minFiles?: number;
  /** Whether the main thread builds files too (default true; tests turn it off to exercise the workers). */
  mainBuilds?: boolean;
  /**
   * The build session: its compression thread for the main thread's documents, and its process
   * tuning when it was created with tuneProcess. Without one, streams go to libuv's pool.
   */
  session?: Session;
}

export function createBuilder(files: readonly string[], ctx: BuildContext, opts: BuilderOptions): Builder {
  const n = workersFor(files.length, opts.jobs ?? defaultJobs(), opts.minFiles ?? minFilesForWorkers(ctx.formats));
  const session = opts.session;
  const { tuned } = session?.prepareBatch(files.length) ?? { tuned: false };
  const main: BuildContext = session && !ctx.compressor ? { ...ctx, compressor: session.compressorFor(files.length) } : ctx;
  if (n === 0) return lookAheadBuilder(files, main, tuned ? () => session?.lowerNewThreads() : undefined);
  return new WorkerPool(files, main, { fontConfig: opts.fontConfig, cwd: opts.cwd, ...(opts.mainBuilds !== undefined ? { mainBuilds: opts.mainBuilds } : {}) }, n);
}
