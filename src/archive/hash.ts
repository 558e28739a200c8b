// SHA-256 of outputs and sources, as lower-case hex.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function sha256File(path: string): string {
  return sha256(readFileSync(path));
}
