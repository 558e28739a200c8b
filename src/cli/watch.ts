// `gongwen watch`: build once, then rebuild what each save affects, one status line per
// rebuild, until stopped (Ctrl-C). A broken save prints its errors and keeps the last good output.

import { relative, resolve } from 'node:path';
import type { Format } from '../pipeline/build.js';
import { Workspace, type DocState, type Project } from '../serve/workspace.js';
import { watchTree, type TreeWatcher } from '../serve/watcher.js';
import { WATCH_MSG } from '../serve/messages.js';
import { MSG, t } from './messages.js';
import type { Reporter } from './build.js';

export interface WatchCommand {
  inputs: string[];
  cwd: string;
  formats: Format[];
  /** Output folder (relative to cwd or absolute). */
  outDir: string;
  load: () => Project;
}

export interface WatchSession {
  workspace: Workspace;
  /** Resolves after the rebuilds of the saves seen so far (tests wait on it). */
  idle(): Promise<void>;
  /** Stop watching; resolves when the rebuilds under way are done and the build session ended. */
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Write outputs to the output folder (watch: yes; serve: only with --out). */
  write: boolean;
  keep: boolean;
  confine: boolean;
  /** Return before the first build is done (serve: the page shows it happen). */
  early?: boolean;
  /** Runs before anything is built or watched (serve: start listening; a busy port stops here). */
  before?: (ws: Workspace) => Promise<void>;
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

/** One line per rebuild; the problems of a failed one follow it, one per line with file:line. */
export function statusLines(doc: DocState, cwd: string, r: Reporter): void {
  const vars = { time: clock(), file: doc.job.display, s: (doc.ms / 1000).toFixed(1) };
  if (doc.status === 'failed') {
    r.err(t(WATCH_MSG.failed, r.lang, vars));
    for (const p of doc.problems) r.err('  ' + p.message);
    return;
  }
  const out = doc.written.map((p) => relative(cwd, p) || p).join(', ');
  r.out(t(out ? WATCH_MSG.rebuilt : WATCH_MSG.rebuiltMem, r.lang, { ...vars, out }));
  for (const w of doc.warnings) r.err(`  ${r.lang === 'en' ? 'warning' : '警告'}: ${w.message}`);
}

/** Start a session: the first build runs, then saves are followed until `close`. */
export async function startSession(cmd: WatchCommand, r: Reporter, o: SessionOptions): Promise<WatchSession> {
  const outDir = resolve(cmd.cwd, cmd.outDir);
  const ws = new Workspace({ inputs: cmd.inputs, cwd: cmd.cwd, formats: cmd.formats, outDir, lang: r.lang, load: cmd.load, ...o });
  ws.on((e) => {
    if (e.kind !== 'list') statusLines(e.doc, cmd.cwd, r);
  });
  await o.before?.(ws);
  let pending: Promise<void> = ws.start();
  if (ws.docs.size === 0) r.err(t(MSG.noInput, r.lang));
  if (!o.early) await pending;
  const dirs = ws.watchDirs();
  const watcher: TreeWatcher = watchTree(dirs.deep, (changes) => {
    pending = ws.changed(changes);
  }, { ignore: [outDir], shallow: dirs.shallow });
  return {
    workspace: ws,
    idle: () => pending,
    close: async () => {
      watcher.close();
      await pending;
      await ws.close();
    },
  };
}

/** Resolves on Ctrl-C (SIGINT) or SIGTERM. */
export function untilStopped(): Promise<void> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function runWatch(cmd: WatchCommand, r: Reporter, until: Promise<void>): Promise<number> {
  const s = await startSession(cmd, r, { write: true, keep: false, confine: false });
  r.out(t(WATCH_MSG.watching, r.lang, { n: s.workspace.docs.size }));
  await until;
  await s.close();
  r.out(t(WATCH_MSG.stopped, r.lang));
  return 0;
}
