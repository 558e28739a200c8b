// How a document's streams are compressed: one thread that compresses them all, or libuv's
// thread pool. Handing each stream to the pool costs a pool job, a thread wake-up and a
// callback per stream (a document has a dozen: every page, every font program, every
// ToUnicode CMap), and on two cores the woken pool threads took turns with the thread that
// builds the documents. The compression thread takes a document's streams in one message and
// gives them back in one: a 200-document PDF batch ran some 13 % faster (alternating runs,
// medians 3.10 s → 2.71 s). Both give the same bytes (same zlib and options). Which one a
// build uses is the build session's choice (src/session.ts), by the size of the batch: the
// thread's start costs a single document more than it saves, and a build worker's own thread
// held on to memory. Nothing here depends on what the process did before.

import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { deflate, type ZlibOptions } from 'node:zlib';

const deflateAsync = promisify(deflate);

/** zlib's largest window (32 KiB) and its hash and buffer sizes (memLevel) by default. */
const MAX_WINDOW_BITS = 15;
const MIN_WINDOW_BITS = 9;
const DEFAULT_MEM_LEVEL = 8;
/** Bytes zlib looks ahead of the window (MIN_LOOKAHEAD: longest match + shortest + 1). */
const LOOKAHEAD_BYTES = 262;

/**
 * zlib sizes for `n` bytes of input: a window no larger than the input needs and hash tables
 * to match. With the defaults every stream allocates some 256 KiB (window, chains, hash
 * heads, pending output), while a page's content is 2–6 KB: here about 32 KiB, which the
 * allocator hands back and forth instead of mapping fresh memory per stream (a 200-document
 * batch deflates some 2,500 streams). Matches are the same up to hash collisions: the output
 * grows by about 0.1 %.
 */
export function zlibOptionsFor(n: number): ZlibOptions {
  let windowBits = MIN_WINDOW_BITS;
  while (windowBits < MAX_WINDOW_BITS && 1 << windowBits < n + LOOKAHEAD_BYTES) windowBits++;
  return { windowBits, memLevel: Math.min(DEFAULT_MEM_LEVEL, windowBits - (MAX_WINDOW_BITS - DEFAULT_MEM_LEVEL)) };
}

interface Job {
  id: number;
  streams: Array<{ bytes: Uint8Array; options: ZlibOptions }>;
}
type Reply = { id: number; deflated: Uint8Array[] } | { id: number; error: string };

// The worker's whole program (CommonJS, run from this string: nothing to bundle or locate).
// Every buffer goes back with the reply, the streams it was sent too: its heap is so small
// that its collector would seldom run, and the buffers it let go of would pile up (some
// 100 MB of RSS); moved back, they are freed with the main thread's garbage.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { deflateSync } = require('node:zlib');
parentPort.on('message', ({ id, streams }) => {
  try {
    const deflated = streams.map((s) => new Uint8Array(deflateSync(s.bytes, s.options)));
    const sent = streams.map((s) => s.bytes);
    const moved = new Set([...deflated, ...sent].map((b) => b.buffer));
    parentPort.postMessage({ id, deflated, sent }, [...moved]);
  } catch (e) {
    parentPort.postMessage({ id, error: String(e && e.stack || e) });
  }
});`;

interface Pending {
  resolve(deflated: Uint8Array[]): void;
  reject(e: Error): void;
}

/** Deflates a document's streams (zlib format, sizes from zlibOptionsFor), in order. */
export interface Compressor {
  deflateAll(streams: readonly Uint8Array[]): Promise<Uint8Array[]>;
  /** Ends its thread, if it has one. */
  close(): Promise<void>;
}

/** libuv's thread pool: a job per stream. Nothing to start or end. */
export const poolCompressor: Compressor = {
  deflateAll: (streams) => Promise.all(streams.map((bytes) => deflateAsync(bytes, zlibOptionsFor(bytes.length)))),
  close: async () => {},
};

/** One worker thread for every stream of a document, started on first use. */
export class ThreadCompressor implements Compressor {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private closed = false;

  private start(): Worker {
    const w = new Worker(WORKER_SOURCE, { eval: true });
    w.on('message', (m: Reply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      // Idle, the thread must not keep the process alive.
      if (this.pending.size === 0) w.unref();
      if ('error' in m) p.reject(new Error(`deflate: ${m.error}`));
      else p.resolve(m.deflated);
    });
    const fail = (e: Error): void => {
      if (this.worker === w) this.worker = undefined;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`deflate thread exited (${code})`)));
    return w;
  }

  deflateAll(streams: readonly Uint8Array[]): Promise<Uint8Array[]> {
    if (streams.length === 0) return Promise.resolve([]);
    // Ended: whatever still comes is compressed on the pool (same bytes).
    if (this.closed) return poolCompressor.deflateAll(streams);
    const w = (this.worker ??= this.start());
    const id = this.nextId++;
    const job: Job = { id, streams: streams.map((bytes) => ({ bytes, options: zlibOptionsFor(bytes.length) })) };
    return new Promise<Uint8Array[]>((resolve, reject) => {
      try {
        w.postMessage(job);
      } catch (e) {
        // Not sent (a buffer that cannot be copied): nothing to wait for, nothing kept alive.
        reject(e as Error);
        return;
      }
      if (this.pending.size === 0) w.ref();
      this.pending.set(id, { resolve, reject });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
