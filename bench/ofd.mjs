// `npm run bench:ofd`: the OFD writer against the PDF writer on the same documents. Pairs of
// batches (PDF only, then OFD only, the order alternating from pair to pair), each batch in a
// process of its own (bench/batch.mjs), so that a shared, noisy machine weighs on both alike;
// prints each pair and the median OFD / PDF ratios of wall time and of CPU time (the process
// and its threads: less at the mercy of other load than the wall time).
// Options: --docs N (default 200), --pairs N (default 5), --jobs N (default: all cores; 1 for one thread).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDocument, toMarkdown } from './corpus.mjs';

const arg = (name, d) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const DOCS = arg('docs', 200);
const PAIRS = arg('pairs', 5);
const JOBS = arg('jobs', availableParallelism());
const SEED = 9704;
const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'gongwen-bench-ofd-'));

mkdirSync(join(work, 'batch'));
for (let i = 0; i < DOCS; i++) writeFileSync(join(work, 'batch', `d${String(i).padStart(4, '0')}.md`), toMarkdown(makeDocument(i, SEED)));

function batch(format, k) {
  const r = spawnSync(process.execPath, [join(root, 'bench/batch.mjs'), 'batch', `out-${format}-${k}`, format, String(JOBS)], { cwd: work, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${format} batch failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`OFD against PDF: ${DOCS} documents, ${JOBS} job(s), ${PAIRS} pairs (work folder ${work})`);
const ratios = [];
const cpuRatios = [];
for (let k = 0; k < PAIRS; k++) {
  const order = k % 2 === 0 ? ['pdf', 'ofd'] : ['ofd', 'pdf'];
  const r = Object.fromEntries(order.map((f) => [f, batch(f, k)]));
  ratios.push(r.ofd.seconds / r.pdf.seconds);
  cpuRatios.push(r.ofd.cpu / r.pdf.cpu);
  console.log(
    `  pair ${k + 1} (${order.join(' → ')}): PDF ${r.pdf.seconds.toFixed(2)} s (CPU ${r.pdf.cpu.toFixed(1)} s), ` +
      `OFD ${r.ofd.seconds.toFixed(2)} s (CPU ${r.ofd.cpu.toFixed(1)} s), OFD / PDF ${ratios.at(-1).toFixed(2)}`,
  );
}
const range = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${median(xs).toFixed(2)} (min ${s[0].toFixed(2)}, max ${s.at(-1).toFixed(2)})`;
};
console.log(`  median OFD / PDF wall time ${range(ratios)}, CPU time ${range(cpuRatios)}`);
