// The problems a call fails with, as their Chinese texts (the call must fail with a BuildError).

import { BuildError } from '../../src/errors.js';

export function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof BuildError) return e.problems.map((p) => p.format('zh'));
    throw e;
  }
  throw new Error('expected a BuildError');
}
