// A build session: what building documents keeps between them, owned by one caller (the
// `gongwen` command, or a program through the API) instead of by modules: the parsed fonts
// and their caches, the compression thread, and, only when the caller asks, process-wide
// tuning for large batches. The same input gives the same bytes whatever ran before in the
// process; close() ends the session's threads.

import type { FontConfig, FontSet } from './fonts/index.js';
import { FontCache, loadFontSet } from './fonts/index.js';
import { ThreadCompressor, poolCompressor, type Compressor } from './render/pdf/deflatethread.js';
import { COMPRESSION_THREAD_MIN_FILES, BATCH_TUNING_MIN_FILES } from './pipeline/policy.js';
import { lowerHelperThreads, tuneV8ForBatch } from './pipeline/tuning.js';

export interface SessionOptions {
  /** Folder fonts are resolved from (./fonts, relative config paths); default: process.cwd(). */
  cwd?: string;
  /**
   * Tune the whole process for large batches: V8's young generation and optimisation budget,
   * helper threads at the least priority. The `gongwen` command does; the API never does.
   */
  tuneProcess?: boolean;
}

export interface Session {
  readonly cwd: string;
  /** The session's font cache (parsed faces, names, shared bytes). */
  readonly fontCache: FontCache;
  /** The fonts for a configuration, resolved and parsed once per session. */
  fonts(config?: FontConfig): FontSet;
  /**
   * Forget the parsed fonts: the next fonts() reads the font files and folders again (a watch
   * whose configuration changed: the files it names may be new or changed too).
   */
  forgetFonts(): void;
  /**
   * How this session compresses PDF streams for a batch of `files` documents built on this
   * thread: the compression thread from COMPRESSION_THREAD_MIN_FILES on (its start costs a
   * single document more than it saves), else libuv's pool. Both give the same bytes.
   */
  compressorFor(files: number): Compressor;
  /** Before a batch of `files`: tune the process if the session was asked to and the batch is large. */
  prepareBatch(files: number): { tuned: boolean };
  /** After a tuned batch's first documents: lower the helper threads started meanwhile. */
  lowerNewThreads(): void;
  /** End the session's threads. */
  close(): Promise<void>;
}

export function createSession(opts: SessionOptions = {}): Session {
  const cwd = opts.cwd ?? process.cwd();
  const fontCache = new FontCache();
  const lowered = new Set<number>();
  let thread: ThreadCompressor | undefined;
  let closed = false;
  return {
    cwd,
    fontCache,
    fonts: (config = {}) => loadFontSet(config, { cwd }, fontCache),
    forgetFonts: () => fontCache.clear(),
    compressorFor: (files) => {
      if (closed || files < COMPRESSION_THREAD_MIN_FILES) return poolCompressor;
      return (thread ??= new ThreadCompressor());
    },
    prepareBatch: (files) => {
      const tuned = Boolean(opts.tuneProcess) && files >= BATCH_TUNING_MIN_FILES;
      if (tuned) {
        tuneV8ForBatch();
        lowerHelperThreads(lowered);
      }
      return { tuned };
    },
    lowerNewThreads: () => {
      if (opts.tuneProcess) lowerHelperThreads(lowered);
    },
    close: async () => {
      closed = true;
      await thread?.close();
      thread = undefined;
    },
  };
}
