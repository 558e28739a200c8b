// `npm run bench`: gongwen against itself and against typst on generated documents.
//   (a) one typical 3-page document as a cold CLI process (median of several runs);
//   (b) 200 documents of both types, 1–20 pages: PDF + DOCX, then PDF only (all cores and
//       one), OFD only (one and all cores), and the same 200 documents compiled by typst (the reference);
//   (c) 1,000 documents, PDF only: RSS after 200 and after 1,000 documents, and typst on them.
// Options: --docs N (default 200), --large N (default 1000; 0 skips), --runs N (cold runs, default 5),
// --repeat N (gongwen/typst pairs of the 200-document PDF batch for a median ratio, default 1).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDocument, toMarkdown } from './corpus.mjs';
import { minFilesForWorkers } from '../dist/pipeline/batch.js';

const arg = (name, d) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const DOCS = arg('docs', 200);
const LARGE = arg('large', 1000);
const RUNS = arg('runs', 5);
const REPEAT = arg('repeat', 1);
const SEED = 9704;
const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'bin', 'gongwen.js');
const work = mkdtempSync(join(tmpdir(), 'gongwen-bench-'));
const node = process.execPath;

function corpus(dir, n) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `d${String(i).padStart(4, '0')}.md`), toMarkdown(makeDocument(i, SEED)));
}

function run(args, cwd = work) {
  const r = spawnSync(node, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  return r;
}
const json = (args) => JSON.parse(run(args).stdout.trim().split('\n').pop());
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cores = availableParallelism();
console.log(`gongwen benchmark — ${cores} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`);
console.log(`work folder ${work}\n`);

// (a) cold start: a typical 3-page bulletin, one CLI process per run.
let i3 = 0;
while (makeDocument(i3, SEED).pages !== 3) i3++;
const one = join(work, 'one');
mkdirSync(one);
writeFileSync(join(one, 'one.md'), toMarkdown(makeDocument(i3, SEED)));
const cold = (formats) => {
  run([cli, 'build', 'one.md', '-o', 'out', '-f', formats], one); // fills the disk cache of the decoded 楷体 once
  const times = [];
  for (let k = 0; k < RUNS; k++) {
    const t = performance.now();
    run([cli, 'build', 'one.md', '-o', 'out', '-f', formats], one);
    times.push(performance.now() - t);
  }
  return median(times);
};
const coldBoth = cold('pdf,docx');
const coldPdf = cold('pdf');
console.log('(a) cold CLI, one 3-page document (median of %d runs)', RUNS);
console.log(`    PDF + DOCX  ${coldBoth.toFixed(0)} ms`);
console.log(`    PDF only    ${coldPdf.toFixed(0)} ms\n`);

// (b) batches of DOCS documents.
corpus(join(work, 'batch'), DOCS);
const line = (label, r) =>
  console.log(
    `    ${label.padEnd(26)}${r.workers === 0 ? '*' : ' '}${(r.docs / r.seconds).toFixed(1).padStart(6)} docs/s ${((r.seconds * 1000) / r.pages).toFixed(1).padStart(6)} ms/page ` +
      `${String(r.pages).padStart(5)} pages ${r.seconds.toFixed(1).padStart(6)} s  CPU ${r.cpu.toFixed(1).padStart(5)} s  peak RSS ${r.peakRss} MB`,
  );
console.log(`(b) ${DOCS} documents (bulletins and replies, 1–20 pages)`);
const both = json(['bench/batch.mjs', 'batch', 'out-both', 'pdf,docx', String(cores)].map((a, k) => (k === 0 ? join(root, a) : a)));
line(`gongwen PDF+DOCX, ${cores} jobs`, both);
const pdfSeq = json([join(root, 'bench/batch.mjs'), 'batch', 'out-seq', 'pdf', '1']);
line('gongwen PDF, 1 job', pdfSeq);
const pdfPar = json([join(root, 'bench/batch.mjs'), 'batch', 'out-par', 'pdf', String(cores)]);
line(`gongwen PDF, ${cores} jobs`, pdfPar);
// OFD, the third writer of the same pages: it should cost no more than the PDF.
const ofdSeq = json([join(root, 'bench/batch.mjs'), 'batch', 'out-ofd-seq', 'ofd', '1']);
line('gongwen OFD, 1 job', ofdSeq);
const ofdPar = json([join(root, 'bench/batch.mjs'), 'batch', 'out-ofd-par', 'ofd', String(cores)]);
line(`gongwen OFD, ${cores} jobs`, ofdPar);
console.log(`    OFD / PDF time: ${(ofdSeq.seconds / pdfSeq.seconds).toFixed(2)} (1 job), ${(ofdPar.seconds / pdfPar.seconds).toFixed(2)} (${cores} jobs)`);
const typst = json([join(root, 'bench/typst.mjs'), String(DOCS), join(work, 'out-typst'), String(SEED)]);
line('typst 0.14 (typst-ts 0.7)', typst);
const ratio = pdfPar.docs / pdfPar.seconds / (typst.docs / typst.seconds);
console.log(`    throughput ratio gongwen / typst (PDF only): ${ratio.toFixed(2)}`);
// --repeat N: more gongwen/typst pairs, alternating, for a ratio less at the mercy of the
// machine's load (each pair is measured back to back).
if (REPEAT > 1) {
  const ratios = [ratio];
  for (let k = 1; k < REPEAT; k++) {
    const g = json([join(root, 'bench/batch.mjs'), 'batch', `out-par-${k}`, 'pdf', String(cores)]);
    const t = json([join(root, 'bench/typst.mjs'), String(DOCS), join(work, `out-typst-${k}`), String(SEED)]);
    ratios.push(g.docs / g.seconds / (t.docs / t.seconds));
  }
  const sorted = [...ratios].sort((a, b) => a - b);
  console.log(`    over ${REPEAT} pairs: median ratio ${median(ratios).toFixed(2)} (min ${sorted[0].toFixed(2)}, max ${sorted.at(-1).toFixed(2)})`);
}
console.log(`    * built in-process: no worker threads below ${minFilesForWorkers(['pdf'])} files for PDF, ${minFilesForWorkers(['pdf', 'docx'])} for PDF + DOCX\n`);

// (c) memory over a long batch.
if (LARGE > 0) {
  corpus(join(work, 'large'), LARGE);
  const big = json(['--expose-gc', join(root, 'bench/batch.mjs'), 'large', 'out-large', 'pdf', String(cores)]);
  console.log(`(c) ${LARGE} documents, PDF only, ${cores} jobs`);
  line(`gongwen PDF, ${cores} jobs`, big);
  console.log(`    RSS after 200: ${big.rssAt[200] ?? '-'} MB, after ${LARGE}: ${big.rssAt[1000] ?? big.rssEnd} MB, peak ${big.peakRss} MB (process and workers)`);
  console.log(`    main thread's live heap after a full GC: ${big.heapAt[200] ?? '-'} MB after 200, ${big.heapAt[1000] ?? '-'} MB after ${LARGE}`);
  // The reference on the same large batch: a long batch amortises start-up (and gongwen's workers).
  const typstLarge = json([join(root, 'bench/typst.mjs'), String(LARGE), join(work, 'out-typst-large'), String(SEED)]);
  line('typst 0.14 (typst-ts 0.7)', typstLarge);
  const ratioLarge = big.docs / big.seconds / (typstLarge.docs / typstLarge.seconds);
  console.log(`    throughput ratio gongwen / typst (PDF only, ${LARGE} documents): ${ratioLarge.toFixed(2)}`);
}
rmSync(work, { recursive: true, force: true });
