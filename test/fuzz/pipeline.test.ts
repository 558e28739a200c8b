// The fuzz suite's fixed-seed slice: generated hostile sources through the whole pipeline
// (front matter, template merge, Markdown, model, plan, PDF and DOCX writers). The long run
// is `npm run fuzz` (scripts/fuzz.ts).

import { describe, it } from 'vitest';
import fc from 'fast-check';
import { source } from './arbitraries.js';
import { checkCase, fuzzProject } from './property.js';

/** Fixed, so that `npm test` is repeatable; `npm run fuzz` draws new seeds. */
const SEED = 20261204;
const RUNS = 150;

describe('fuzz: every source builds or is refused cleanly', () => {
  it(`${RUNS} generated sources (seed ${SEED})`, async () => {
    const dir = fuzzProject();
    await fc.assert(
      fc.asyncProperty(source, async (s) => {
        await checkCase(dir, s);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: false },
    );
  });
});
