// Building a batch on every core: the main thread builds files itself, and worker threads
// (one per further core, each loading the fonts once) build files ahead of it; the caller
// takes results in input order and writes them, so the outputs (order and bytes) are those
// of a sequential build. A batch too small to pay for a worker's start stays in-process.

import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { FontConfig } from '../fonts/index.js';
import { shareFontBytes } from '../fonts/load.js';
import { buildFile, type BuildContext, type Built, type Format } from './build.js';
import { errorFromWire, fromWire, type WorkerReply, type WorkerRequest, type WorkerSetup } from './wire.js';
import { lowerHelperThreads } from './threads.js';

/**
 * Workers pay off from a batch of this much sequential work, ms. A worker needs about a second
 * of a core (modules, a cold JIT; the fonts it shares with the main thread) before it builds
 * at full speed, and it slows the main thread meanwhile. On the two-core benchmark machine
 * (`npm run bench`), PDF only: 200 files built 10–15 % slower with a worker, 300 and 500 files
 * 5–10 % faster, 1,000 files about 40 % faster; PDF and DOCX: 200 files some 25 % faster.
 */
const MIN_BATCH_WORK_MS = 4250;
/** What one typical file costs per format on that machine, ms (the bench's 1–20-page documents). */
const WORK_PER_FILE_MS: Readonly<Record<Format, number>> = { pdf: 17, docx: 10, ofd: 12 };

/** Fewest files for which workers pay off when building `formats`. */
export function minFilesForWorkers(formats: readonly Format[]): number {
  const perFile = formats.reduce((ms, f) => ms + WORK_PER_FILE_MS[f], 0);
  return Math.ceil(MIN_BATCH_WORK_MS / Math.max(1, perFile));
}

/**
 * Files an in-process batch builds ahead of the one asked for. With one, this thread still
 * waited for the thread pool some 6 % of a 200-document batch (measured with the event loop's
 * utilisation); with two, about 4 %; three ran some 1–2 % faster again (alternating runs).
 */
const IN_PROCESS_AHEAD = 3;
/** Files handed to a worker before it asks for more (it never waits for the main thread). */
const QUEUED_PER_WORKER = 3;
/** Results built ahead of the caller, at most, per thread (bounds memory on any batch size). */
const AHEAD_PER_THREAD = 4;

/**
 * A larger young generation for batches: building a document allocates a lot of short-lived
 * objects, and V8's default 1–8 MB semi-spaces scavenge so often that a batch runs 10–20 %
 * slower (measured). Costs some 50–100 MB of RSS per thread.
 */
const SEMI_SPACE_MB = 16;
const YOUNG_GENERATION_MB = SEMI_SPACE_MB * 3;
/**
 * How much a function runs (bytecode budget) before V8 considers optimising it: four times
 * V8's default (67,584). A batch's first documents run while the optimising compiler works
 * through hundreds of functions on the same two cores; with a larger budget only the truly
 * hot ones are compiled: a 200-document PDF batch ran some 2 % faster (alternating runs).
 */
const INTERRUPT_BUDGET = 4 * 67_584;
/**
 * Batches from this many files get the larger young generation and budget (in-process ones
 * too) and their helper threads lowered (threads.ts), when the caller tunes the process
 * (BuilderOptions.tuneProcess: the `gongwen` command).
 */
const BATCH_TUNING_MIN_FILES = 100;
let tunedV8 = false;
function tuneV8ForBatch(): void {
  if (tunedV8) return;
  tunedV8 = true;
  try {
    setFlagsFromString(`--max-semi-space-size=${SEMI_SPACE_MB}`);
    setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  } catch {
    // not settable here: the defaults work, only slower
  }
}

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
   * Tune the whole process for a large batch (V8's young generation and optimisation budget,
   * helper threads at the least priority). The `gongwen` command does; a host process that
   * calls the API keeps its own settings unless it asks for this.
   */
  tuneProcess?: boolean;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** How many worker threads a batch of `files` gets with `jobs` allowed (the main thread is one job). */
export function workersFor(files: number, jobs: number, minFiles: number): number {
  if (jobs <= 1 || files < minFiles) return 0;
  return jobs - 1;
}

export function createBuilder(files: readonly string[], ctx: BuildContext, opts: BuilderOptions): Builder {
  const minFiles = minFilesForWorkers(ctx.formats);
  const n = workersFor(files.length, opts.jobs ?? defaultJobs(), opts.minFiles ?? minFiles);
  const tuned = Boolean(opts.tuneProcess) && files.length >= BATCH_TUNING_MIN_FILES;
  if (tuned) {
    tuneV8ForBatch();
    lowerHelperThreads();
  }
  if (n === 0) {
    const stats = { main: 0, workers: 0 };
    // Files ahead: while a document's pages and fonts are compressed off this thread, it
    // composes, lays out and draws the next ones.
    const started = new Map<number, Promise<Built>>();
    const start = (i: number): void => {
      if (i >= files.length || started.has(i)) return;
      const p = buildFile(files[i]!, ctx);
      p.catch(() => {}); // taken (and thrown) by build()
      // libuv's pool exists once the first document is compressed, the compression thread
      // once the second is (render/pdf/deflatethread.ts): lower them as they come.
      if (tuned && i <= 1) void p.finally(lowerHelperThreads).catch(() => {});
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
  return new WorkerPool(files, ctx, opts, n);
}

interface Pending {
  resolve(b: Built): void;
  reject(e: Error): void;
  promise: Promise<Built>;
}

const resourceLimits = { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB };

/** The worker entry: compiled JavaScript, or the TypeScript source run through tsx (tests, `tsx src/cli.ts`). */
function spawn(setup: WorkerSetup): Worker {
  const self = import.meta.url;
  if (self.endsWith('.ts')) {
    const entry = new URL('./worker.ts', self).href;
    // A data: module imports absolute URLs only.
    // tsx's ESM API (require.resolve finds the CommonJS twin beside it).
    const tsx = pathToFileURL(createRequire(self).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
    const boot = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)});`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), { workerData: setup, resourceLimits });
  }
  return new Worker(new URL('./worker.js', self), { workerData: setup, resourceLimits });
}

class WorkerPool implements Builder {
  readonly workers: number;
  readonly stats = { main: 0, workers: 0 };
  private mainBuilds: boolean;
  /** Wakes a caller waiting for workers that are gone. */
  private wake?: () => void;
  private readonly pool: Worker[] = [];
  /** Workers that have loaded their modules and fonts. */
  private readonly ready = new Set<Worker>();
  /** Files each worker holds (sent, not yet answered). */
  private readonly held = new Map<Worker, Set<number>>();
  private readonly results = new Map<number, Pending>();
  /** Files the main thread builds or has built. */
  private readonly local = new Set<number>();
  private next = 0;
  private wanted = 0;
  private closed = false;

  constructor(
    private readonly files: readonly string[],
    private readonly ctx: BuildContext,
    opts: BuildOptionsForPool,
    n: number,
  ) {
    this.workers = n;
    this.mainBuilds = opts.mainBuilds ?? true;
    const setup: WorkerSetup = {
      config: ctx.config,
      templates: ctx.templates,
      formats: [...ctx.formats],
      pdfa: ctx.pdfa,
      fontConfig: opts.fontConfig,
      cwd: opts.cwd,
      // The fonts read by this thread, as shared memory: workers need not read them again.
      ...(ctx.formats.includes('pdf') || ctx.formats.includes('ofd')
        ? { fontBytes: shareFontBytes([...Object.values(ctx.fonts.roles).map((r) => r.font), ...ctx.fonts.fallbacks]) }
        : {}),
    };
    for (let i = 0; i < n; i++) this.add(setup);
  }

  private add(setup: WorkerSetup): void {
    const w = spawn(setup);
    w.unref();
    this.held.set(w, new Set());
    w.on('message', (m: WorkerReply) => {
      if ('ready' in m) {
        this.ready.add(w);
        this.pump();
        return;
      }
      this.held.get(w)?.delete(m.id);
      this.stats.workers++;
      const p = this.pending(m.id);
      if (m.ok) p.resolve(fromWire(m.built));
      else p.reject(errorFromWire(m.error));
      this.pump();
    });
    w.on('error', (e) => {
      // The files it held fail. A worker that had started is replaced; one that could not
      // start is not, and without workers the main thread builds what is left.
      const ids = this.held.get(w) ?? new Set<number>();
      const started = this.ready.has(w);
      this.held.delete(w);
      this.ready.delete(w);
      this.pool.splice(this.pool.indexOf(w), 1);
      for (const id of ids) this.pending(id).reject(e instanceof Error ? e : new Error(String(e)));
      if (started && !this.closed) this.add(setup);
      if (this.pool.length === 0) this.mainBuilds = true;
      this.pump();
      this.wake?.();
    });
    this.pool.push(w);
    this.pump();
  }

  private pending(i: number): Pending {
    let p = this.results.get(i);
    if (!p) {
      let resolve!: (b: Built) => void;
      let reject!: (e: Error) => void;
      const promise = new Promise<Built>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      promise.catch(() => {}); // taken (and thrown) by build()
      p = { resolve, reject, promise };
      this.results.set(i, p);
    }
    return p;
  }

  private get limit(): number {
    return Math.min(this.files.length, this.wanted + (this.workers + 1) * AHEAD_PER_THREAD);
  }

  /** Keep every worker holding a couple of files, never too far ahead of the caller. */
  private pump(): void {
    if (this.closed) return;
    for (const w of this.pool) {
      if (!this.ready.has(w)) continue;
      const ids = this.held.get(w)!;
      while (ids.size < QUEUED_PER_WORKER && this.next < this.limit) {
        const id = this.next++;
        this.pending(id);
        ids.add(id);
        w.postMessage({ id, file: this.files[id]! } satisfies WorkerRequest);
      }
    }
  }

  /** Build the next unclaimed file on the main thread. */
  private async buildHere(): Promise<void> {
    // Let the workers' answers in first (a build alone never yields to the event loop), so
    // that they get new files before the main thread takes one.
    await new Promise((r) => setImmediate(r));
    if (this.next >= this.files.length) return;
    const id = this.next++;
    this.local.add(id);
    this.stats.main++;
    const p = this.pending(id);
    await buildFile(this.files[id]!, this.ctx).then(p.resolve, p.reject);
  }

  async build(index: number): Promise<Built> {
    this.wanted = Math.max(this.wanted, index);
    this.pump();
    // Not handed out yet: the main thread builds up to it. While a worker still builds it,
    // the main thread builds later files instead of waiting.
    if (!this.mainBuilds && this.next <= index) {
      // Wait for a worker to take it, or for the workers to be gone.
      await Promise.race([this.pending(index).promise.then(() => {}, () => {}), new Promise<void>((r) => (this.wake = r))]);
    }
    if (this.mainBuilds) {
      while (this.next <= index) await this.buildHere();
      while (!this.settled(index) && this.next < this.limit) await this.buildHere();
    }
    const p = this.pending(index);
    try {
      return await p.promise;
    } finally {
      this.results.delete(index);
      this.local.delete(index);
      this.pump();
    }
  }

  private settled(i: number): boolean {
    if (this.local.has(i)) return true;
    for (const ids of this.held.values()) if (ids.has(i)) return false;
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.pool.map((w) => w.terminate()));
  }
}

type BuildOptionsForPool = Pick<BuilderOptions, 'fontConfig' | 'cwd' | 'mainBuilds'>;
