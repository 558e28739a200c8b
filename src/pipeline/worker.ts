// A build worker: loads the fonts once (every format needs them), then builds the files the
// main thread sends, one at a time, and posts back the outputs (or the error) of each. Its
// streams are compressed on libuv's pool (see policy.ts).

import { parentPort, workerData } from 'node:worker_threads';
import { FontCache, loadFontSet } from '../fonts/index.js';
import { buildFile } from './build.js';
import { toWire, type WorkerSetup, type WorkerRequest } from './wire.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const cache = new FontCache();
if (setup.fontBytes) cache.adopt(setup.fontBytes);
const fonts = loadFontSet(setup.fontConfig, { cwd: setup.cwd }, cache);

// Ready: the main thread hands out files only now, building them itself until then.
port.postMessage({ ready: true });

// Files queue up (the main thread keeps a couple in hand here) and are built one at a time.
let queue: Promise<void> = Promise.resolve();
port.on('message', (req: WorkerRequest) => {
  queue = queue.then(() =>
    buildFile(req.file, {
      config: setup.config,
      templates: setup.templates,
      fonts,
      formats: setup.formats,
      pdfa: setup.pdfa,
    }).then(
      (built) => port.postMessage({ id: req.id, ok: true, built: toWire(built) }),
      (e: unknown) => port.postMessage({ id: req.id, ok: false, error: errorToWire(e) }),
    ),
  );
});

function errorToWire(e: unknown): { problems?: unknown[]; message: string; stack?: string } {
  const problems = (e as { problems?: unknown[] } | undefined)?.problems;
  if (e instanceof Error && e.name === 'BuildError' && Array.isArray(problems)) {
    return { problems: problems.map((p) => ({ ...(p as object) })), message: e.message };
  }
  return e instanceof Error ? { message: e.message, ...(e.stack ? { stack: e.stack } : {}) } : { message: String(e) };
}
