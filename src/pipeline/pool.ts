// A batch's worker threads: each loads the fonts once (the bytes shared by the main thread)
// and builds the files it is handed, a few at a time; the main thread builds files too,
// unless told not to. Results are taken in input order, as a sequential build gives them.

import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { FontConfig } from '../fonts/index.js';
import { shareFontBytes } from '../fonts/load.js';
import { buildFile, type BuildContext, type Built } from './build.js';
import { errorFromWire, fromWire, type WorkerReply, type WorkerRequest, type WorkerSetup } from './wire.js';
import { AHEAD_PER_THREAD, QUEUED_PER_WORKER, YOUNG_GENERATION_MB } from './policy.js';
import type { Builder } from './batch.js';

export interface PoolOptions {
  /** What workers need to load the same fonts as ctx.fonts. */
  fontConfig: FontConfig;
  cwd: string;
  /** Whether the main thread builds files too (default true). */
  mainBuilds?: boolean;
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

export class WorkerPool implements Builder {
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
    opts: PoolOptions,
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
      // The fonts read by this thread, as shared memory: workers need not read them again. Every
      // format needs them (the DOCX measures with them and places the 版记 by the PDF layout).
      fontBytes: shareFontBytes([...Object.values(ctx.fonts.roles).map((r) => r.font), ...ctx.fonts.fallbacks]),
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

