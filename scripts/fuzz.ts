// `npm run fuzz [-- --runs N --seed S --max-ms T]`: the fuzz suite's long run. Builds generated
// hostile sources through the whole pipeline, prints cases per second, and on a failure (a crash,
// a stack trace, a dirty refusal, or a case slower than --max-ms) the minimal (shrunk) input.

import fc from 'fast-check';
import { source } from '../test/fuzz/arbitraries.js';
import { checkCase, fuzzProject } from '../test/fuzz/property.js';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const runs = arg('runs', 1000);
const seed = arg('seed', Date.now() % 2 ** 31);
/** A case may take this long, ms: a normal document builds in well under a second. */
const maxMs = arg('max-ms', 15_000);

const dir = fuzzProject();
let cases = 0;
let built = 0;
let slowest = 0;
const t0 = performance.now();
const tick = setInterval(() => {
  const s = (performance.now() - t0) / 1000;
  console.log(`${cases} cases, ${(cases / s).toFixed(1)} cases/s, ${built} built, slowest ${slowest.toFixed(0)} ms`);
}, 10_000);
tick.unref();

const result = await fc.check(
  fc.asyncProperty(source, async (s) => {
    const o = await checkCase(dir, s);
    cases++;
    if (o.built) built++;
    slowest = Math.max(slowest, o.ms);
    if (o.ms > maxMs) throw new Error(`took ${o.ms.toFixed(0)} ms (more than ${maxMs})`);
  }),
  { seed, numRuns: runs },
);
clearInterval(tick);
const secs = (performance.now() - t0) / 1000;
console.log(`seed ${seed}: ${cases} cases in ${secs.toFixed(1)} s (${(cases / secs).toFixed(1)} cases/s), ${built} built, slowest ${slowest.toFixed(0)} ms`);
if (result.failed) {
  console.log(`FAILED after ${result.numRuns} runs, shrunk ${result.numShrinks} times. Minimal input:`);
  console.log(JSON.stringify(result.counterexample?.[0]));
  console.log(String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance));
  console.log(`Replay: npm run fuzz -- --seed ${seed} --runs ${runs}`);
  process.exitCode = 1;
} else console.log('no failure');
