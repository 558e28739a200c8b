// The reference typesetter on the same documents, in its own process:
// node bench/typst.mjs COUNT OUT SEED — compiles the typst twin of each generated document
// with the fonts gongwen resolves (the WOFF 楷体 decoded to a temporary TTF) and writes the PDFs.
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTypst } from './typst-package.mjs';
import { loadFontSet } from '../dist/fonts/index.js';
import { makeDocument, toTypst } from './corpus.mjs';

const { NodeCompiler } = await loadTypst();
const [count, out, seed] = process.argv.slice(2);
const mb = (b) => Math.round(b / 1048576);
const t0 = performance.now();
const fonts = loadFontSet({}, { cwd: process.cwd() });
const fontDir = mkdtempSync(join(tmpdir(), 'gongwen-typst-fonts-'));
const paths = new Set();
const names = {};
for (const [role, rf] of Object.entries(fonts.roles)) {
  const f = rf.font;
  let p = f.path;
  if (!/\.(ttf|otf|ttc)$/i.test(p)) {
    p = join(fontDir, `${f.postscriptName}.ttf`);
    writeFileSync(p, f.bytes);
  }
  paths.add(p);
  names[role] = f.face?.getName('preferredFamily') ?? f.familyName;
}
const compiler = NodeCompiler.create({ workspace: fontDir, fontArgs: [{ fontPaths: [...paths] }] });
mkdirSync(out, { recursive: true });
let pages = 0;
let rssAt = {};
for (let i = 0; i < Number(count); i++) {
  const d = makeDocument(i, Number(seed));
  const res = compiler.compile({ mainFileContent: toTypst(d, names) });
  const doc = res.result;
  if (!doc) throw new Error(`typst failed on document ${i}: ${JSON.stringify(compiler.fetchDiagnostics(res.takeDiagnostics()))}`);
  pages += doc.numOfPages;
  writeFileSync(join(out, `d${String(i).padStart(4, '0')}.pdf`), compiler.pdf(doc));
  if (i + 1 === 200) rssAt[200] = mb(process.memoryUsage().rss);
  // A batch tool evicts typst's memo cache now and then, as its CLI does.
  if (i % 50 === 49) compiler.evictCache(10);
}
const seconds = (performance.now() - t0) / 1000;
rmSync(fontDir, { recursive: true, force: true });
const ru = process.resourceUsage();
console.log(
  JSON.stringify({ seconds, docs: Number(count), pages, cpu: (ru.userCPUTime + ru.systemCPUTime) / 1e6, rssAt, peakRss: Math.round(ru.maxRSS / 1024) }),
);
