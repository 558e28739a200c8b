// Watches folders for saved files and reports each burst of saves once, as the set of paths
// whose contents really changed (or that appeared or vanished).
//
// Folders are watched, not files: editors that save by writing a temporary file and renaming it
// over the original replace the file's inode, and a watch on the old inode goes silent. After a
// quiet period every reported path is stat'ed again, so the rename dance of one save and the
// duplicate events of one write collapse into one change.
//
// Each folder of the tree gets its own (non-recursive) watch: Node 20's `recursive: true` on
// Linux watches files rather than folders and misses every rename save after the first.

import { readdirSync, watch, statSync, type FSWatcher } from 'node:fs';
import { join, resolve } from 'node:path';
import { within } from './within.js';

/** Quiet time after the last event before a burst is reported (ms): one save is one burst. */
export const SETTLE_MS = 120;

export interface Change {
  /** Absolute path. */
  path: string;
  /** False when the path no longer exists (deleted, or renamed away). */
  exists: boolean;
}

export interface WatchOptions {
  /** Paths (absolute) to ignore, with everything below them: the output folder. */
  ignore?: string[];
  /** Folders watched without their subfolders (the configuration's folder). */
  shallow?: string[];
  settleMs?: number;
}

export interface TreeWatcher {
  close(): void;
}

/** Editor droppings that are never sources: swap and backup files, vim's write probe `4913`. */
function isScratch(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || name.endsWith('.swp') || name.endsWith('.tmp') || /^\d+$/.test(name) || name.startsWith('#');
}


/** The folders to watch: each given folder once, dropping those inside another. */
export function watchRoots(dirs: string[]): string[] {
  const abs = [...new Set(dirs.map((d) => resolve(d)))].sort();
  return abs.filter((d) => !abs.some((o) => o !== d && within(d, o)));
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function filesUnder(dir: string, skip: (path: string, name: string) => boolean): string[] {
  const out: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names) {
    const p = join(dir, n);
    if (skip(p, n)) continue;
    if (isDir(p)) out.push(...filesUnder(p, skip));
    else out.push(p);
  }
  return out;
}

/** Stat signature used to tell a real change from a repeated event. */
function signature(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isFile() ? `${st.size}:${st.mtimeMs}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}

export function watchTree(dirs: string[], onChanges: (changes: Change[]) => void, o: WatchOptions = {}): TreeWatcher {
  const ignore = (o.ignore ?? []).map((p) => resolve(p));
  const settle = o.settleMs ?? SETTLE_MS;
  const pending = new Set<string>();
  const known = new Map<string, string | undefined>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = (): void => {
    timer = undefined;
    const changes: Change[] = [];
    for (const path of [...pending]) {
      // A folder made or moved in: watch it, and count the files already in it.
      if (isDir(path)) {
        if (!watchers.has(path) && deep.some((d) => within(path, d))) {
          add(path);
          for (const f of filesUnder(path, skip)) pending.add(f);
        }
        pending.delete(path);
      } else if (watchers.has(path)) drop(path);
    }
    for (const path of [...pending].sort()) {
      const sig = signature(path);
      const before = known.has(path) ? known.get(path) : null;
      known.set(path, sig);
      // Unchanged size, time and inode: a duplicate event of a write already reported.
      if (sig !== undefined && sig === before) continue;
      if (sig === undefined && before === undefined) continue;
      changes.push({ path, exists: sig !== undefined });
    }
    pending.clear();
    if (changes.length && !closed) onChanges(changes);
  };

  const skip = (path: string, name: string): boolean =>
    // Hidden folders (.git) and node_modules are never part of a document.
    isScratch(name) || name === 'node_modules' || ignore.some((d) => within(path, d));

  const watchers = new Map<string, FSWatcher>();
  const add = (dir: string, deep = true): void => {
    if (closed || watchers.has(dir)) return;
    let w: FSWatcher;
    try {
      w = watch(dir, { persistent: true }, (_event, name) => {
        if (closed || name === null) return;
        const path = join(dir, name.toString());
        if (skip(path, name.toString())) return;
        pending.add(path);
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, settle);
      });
    } catch {
      return; // Gone before it could be watched.
    }
    // A folder that vanishes ends its watch; a folder of that name made later is found by its parent.
    w.on('error', () => drop(dir));
    watchers.set(dir, w);
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      // Unreadable: only its own entries' events are seen.
    }
    if (!deep) return;
    for (const n of names) {
      const sub = join(dir, n);
      if (!skip(sub, n) && isDir(sub)) add(sub);
    }
  };
  const drop = (dir: string): void => {
    for (const [d, w] of watchers) {
      if (within(d, dir)) {
        w.close();
        watchers.delete(d);
      }
    }
  };
  const deep = watchRoots(dirs);
  for (const dir of deep) add(dir);
  for (const dir of (o.shallow ?? []).map((d) => resolve(d))) if (!deep.some((d) => within(dir, d))) add(dir, false);

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
