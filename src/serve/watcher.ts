// Watches folders for saved files and reports each burst of saves once, as the set of paths
// whose contents really changed (or that appeared or vanished).
//
// Folders are watched, not files: editors that save by writing a temporary file and renaming it
// over the original replace the file's inode, and a watch on the old inode goes silent. After a
// quiet period every reported path is stat'ed again, so the rename dance of one save and the
// duplicate events of one write collapse into one change.

import { watch, statSync, type FSWatcher } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

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
  settleMs?: number;
}

export interface TreeWatcher {
  close(): void;
}

/** Editor droppings that are never sources: swap and backup files, vim's write probe `4913`. */
function isScratch(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || name.endsWith('.swp') || name.endsWith('.tmp') || /^\d+$/.test(name) || name.startsWith('#');
}

function inside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..');
}

/** The folders to watch: each given folder once, dropping those inside another. */
export function watchRoots(dirs: string[]): string[] {
  const abs = [...new Set(dirs.map((d) => resolve(d)))].sort();
  return abs.filter((d) => !abs.some((o) => o !== d && inside(d, o)));
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

  const watchers: FSWatcher[] = [];
  for (const dir of watchRoots(dirs)) {
    const w = watch(dir, { recursive: true, persistent: true }, (_event, name) => {
      if (closed || name === null) return;
      const rel = name.toString();
      const parts = rel.split(sep);
      // Hidden folders (.git) and node_modules are never part of a document.
      if (isScratch(parts[parts.length - 1]!) || parts.some((p) => p.startsWith('.') || p === 'node_modules')) return;
      const path = join(dir, rel);
      if (ignore.some((d) => inside(path, d))) return;
      pending.add(path);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, settle);
    });
    // A folder that vanishes while watched ends its watch; the others go on.
    w.on('error', () => w.close());
    watchers.push(w);
  }
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
