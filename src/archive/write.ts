// Output files are written atomically: a temporary file in the same folder, then a rename,
// so a reader (or a crash) never sees a partial document.

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export function writeAtomic(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Remove outputs of an earlier run, so a failed build never leaves a stale file passed off as new. */
export function removeOutputs(paths: string[]): void {
  for (const p of paths) rmSync(p, { force: true });
}
