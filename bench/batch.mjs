// One gongwen batch in its own process: node --expose-gc bench/batch.mjs DIR OUT FORMATS JOBS
// Prints one JSON line: wall seconds, documents, pages, CPU seconds, RSS after 200 documents
// and at the end, and peak RSS (the process with its worker threads).
import { existsSync, readFileSync } from 'node:fs';

// The bundle, as the `gongwen` command runs it (its workers load the bundled worker too).
const bundle = new URL('../dist/bundle/index.js', import.meta.url);
const { runBuild, loadConfig, loadTemplates, BUILTIN_TEMPLATE_DIR } = await import(existsSync(bundle) ? bundle.href : '../dist/index.js');

const [dir, out, formats, jobs] = process.argv.slice(2);
const cwd = process.cwd();
const mb = (b) => Math.round(b / 1048576);
const rssAt = {};
const heapAt = {};
let done = 0;
const t0 = performance.now();
const config = loadConfig({ cwd });
const res = await runBuild(
  {
    inputs: [dir],
    outDir: out,
    formats: formats.split(','),
    config,
    templates: loadTemplates(BUILTIN_TEMPLATE_DIR),
    cwd,
    pdfa: false,
    jobs: Number(jobs),
    // As the `gongwen` command runs a batch.
    tuneProcess: true,
  },
  {
    lang: 'en',
    progress: true,
    out: (line) => {
      if (!line.startsWith('[')) return;
      done++;
      if (done === 200 || done === 1000) {
        // RSS as it is, and the main thread's live heap after a full collection.
        rssAt[done] = mb(process.memoryUsage().rss);
        globalThis.gc?.();
        heapAt[done] = mb(process.memoryUsage().heapUsed);
      }
    },
    err: (line) => process.stderr.write(line + '\n'),
  },
);
const seconds = (performance.now() - t0) / 1000;
let pages = 0;
for (const p of res.written) {
  if (p.endsWith('.pdf')) pages += (readFileSync(p).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  // An OFD batch: the pages' parts, each named in a local header and in the central directory.
  else if (p.endsWith('.ofd') && !formats.includes('pdf')) pages += new Set(readFileSync(p).toString('latin1').match(/Pages\/Page_\d+\/Content\.xml/g)).size;
}
const ru = process.resourceUsage();
console.log(
  JSON.stringify({
    seconds,
    docs: res.ok.length,
    workers: res.workers,
    failed: res.failed.length,
    pages,
    cpu: (ru.userCPUTime + ru.systemCPUTime) / 1e6,
    rssAt,
    heapAt,
    rssEnd: mb(process.memoryUsage().rss),
    peakRss: Math.round(ru.maxRSS / 1024),
  }),
);
