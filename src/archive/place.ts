// Copy finished documents into the archive folder. An archive file is never silently
// replaced: the same bytes are accepted (so archiving again is harmless), different bytes
// are refused unless forced.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './write.js';

export interface Placement {
  /** Absolute target path in the archive. */
  target: string;
  bytes: Uint8Array;
  /** The output the bytes were built as (for messages). */
  from: string;
}

export type PlaceOutcome = 'new' | 'same' | 'replaced';

export interface Conflict {
  target: string;
  from: string;
}

/** Existing archive files whose bytes differ from what would be placed. */
export function conflicts(placements: Placement[]): Conflict[] {
  return placements
    .filter((p) => existsSync(p.target) && !Buffer.from(readFileSync(p.target)).equals(Buffer.from(p.bytes)))
    .map((p) => ({ target: p.target, from: p.from }));
}

/**
 * Place every file of one document, or none: when any target holds different bytes and
 * `force` is off, nothing is written and the conflicts are returned.
 */
export function placeAll(placements: Placement[], force: boolean): { outcomes: PlaceOutcome[]; conflicts: Conflict[] } {
  const found = conflicts(placements);
  if (found.length && !force) return { outcomes: [], conflicts: found };
  const outcomes = placements.map((p): PlaceOutcome => {
    if (!existsSync(p.target)) {
      writeAtomic(p.target, p.bytes);
      return 'new';
    }
    if (found.some((c) => c.target === p.target)) {
      writeAtomic(p.target, p.bytes);
      return 'replaced';
    }
    return 'same';
  });
  return { outcomes, conflicts: found };
}

export function archiveTarget(archiveDir: string, rel: string): string {
  return join(archiveDir, ...rel.split('/'));
}
