// When a batch's extra threads pay: build workers, files built ahead, the compression thread,
// process tuning. Figures measured on the two-core benchmark machine (`npm run bench`).

import { availableParallelism } from 'node:os';
import type { Format } from './build.js';

/**
 * Workers pay off from a batch of this much sequential work, ms. A worker needs about a second
 * of a core (modules, a cold JIT; the fonts it shares with the main thread) before it builds
 * at full speed, and it slows the main thread meanwhile. PDF only: 200 files built 10–15 %
 * slower with a worker, 300 and 500 files 5–10 % faster, 1,000 files about 40 % faster; PDF
 * and DOCX: 200 files some 25 % faster.
 */
const MIN_BATCH_WORK_MS = 4250;
/** What one typical file costs per format on that machine, ms (the bench's 1–20-page documents). */
const WORK_PER_FILE_MS: Readonly<Record<Format, number>> = { pdf: 17, docx: 10, ofd: 12 };

/** Fewest files for which workers pay off when building `formats`. */
export function minFilesForWorkers(formats: readonly Format[]): number {
  const perFile = formats.reduce((ms, f) => ms + WORK_PER_FILE_MS[f], 0);
  return Math.ceil(MIN_BATCH_WORK_MS / Math.max(1, perFile));
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** How many worker threads a batch of `files` gets with `jobs` allowed (the main thread is one job). */
export function workersFor(files: number, jobs: number, minFiles: number): number {
  if (jobs <= 1 || files < minFiles) return 0;
  return jobs - 1;
}

/**
 * Files an in-process batch builds ahead of the one asked for. With one, this thread still
 * waited for the thread pool some 6 % of a 200-document batch (measured with the event loop's
 * utilisation); with two, about 4 %; three ran some 1–2 % faster again (alternating runs).
 */
export const IN_PROCESS_AHEAD = 3;
/** Files handed to a worker before it asks for more (it never waits for the main thread). */
export const QUEUED_PER_WORKER = 3;
/** Results built ahead of the caller, at most, per thread (bounds memory on any batch size). */
export const AHEAD_PER_THREAD = 4;

/**
 * Batches built on the main thread from this many files compress on the compression thread
 * (render/pdf/deflatethread.ts); a single document compresses on libuv's pool, since starting
 * the thread costs it more than the thread saves. Build workers always use the pool: a
 * compression thread of their own each held on to memory (1,000 documents: RSS +180 MB from
 * the 200th on, against +80 MB).
 */
export const COMPRESSION_THREAD_MIN_FILES = 2;

/**
 * A larger young generation for batches: building a document allocates a lot of short-lived
 * objects, and V8's default 1–8 MB semi-spaces scavenge so often that a batch runs 10–20 %
 * slower (measured). Costs some 50–100 MB of RSS per thread.
 */
export const SEMI_SPACE_MB = 16;
export const YOUNG_GENERATION_MB = SEMI_SPACE_MB * 3;
/**
 * How much a function runs (bytecode budget) before V8 considers optimising it: four times
 * V8's default (67,584). A batch's first documents run while the optimising compiler works
 * through hundreds of functions on the same two cores; with a larger budget only the truly
 * hot ones are compiled: a 200-document PDF batch ran some 2 % faster (alternating runs).
 */
export const INTERRUPT_BUDGET = 4 * 67_584;
/**
 * Batches from this many files get the larger young generation and budget (in-process ones
 * too) and their helper threads lowered (tuning.ts), when the session tunes the process.
 */
export const BATCH_TUNING_MIN_FILES = 100;
