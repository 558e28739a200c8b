// `npm run bench:scaling`: how the build time grows with the size of one document. Builds one
// notice whose body is a 20-page unit of text repeated 1×, 2×, 5×, 10× and 20× (about 20 to
// 400 pages) and prints, per stage (compose: front matter, template, Markdown, model;
// plan: layout; PDF; DOCX), the median time of several runs and its ratio to the 1× body. A
// step no worse than n log n keeps the 20× ratio near 20–25.
// Options: --runs N (default 3), --sizes 1,2,5,10,20.
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAndCompose } from '../dist/pipeline/build.js';
import { planDocument, drawPages } from '../dist/layout/index.js';
import { writePdf } from '../dist/render/pdf/index.js';
import { writeDocx } from '../dist/render/docx/index.js';
import { loadFontSet } from '../dist/fonts/index.js';
import { loadConfig } from '../dist/source/index.js';
import { loadTemplates } from '../dist/template/render.js';

const arg = (name, d) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const RUNS = Number(arg('runs', '3'));
const SIZES = arg('sizes', '1,2,5,10,20').split(',').map(Number);
const root = fileURLToPath(new URL('..', import.meta.url));

const FRONT = `---
type: notice
issuer: 江川市教育局
number: 江教发〔2024〕8号
title: 关于做好冬季校园安全工作的通知
to: 各县（市、区）教育局，局属各学校
date: 2024-12-02
---
`;

/** About two pages: headings, paragraphs with Latin and digits, a list, a table, a quote. */
function block(k) {
  const para = (i) =>
    `入冬以来，我市气温持续走低（第${k}-${i}段），雨雪冰冻、火灾、一氧化碳中毒等安全风险明显上升。各地各校要对照 GB/T 9704—2012 和《江川市中小学冬季安全隐患排查清单》，于12月10日前完成一轮全覆盖排查，重点检查校舍、锅炉房、食堂、学生宿舍和电气线路，详见 https://jyj.jiangchuan.example/notice/2024/118 。`;
  return [
    `## 第${k}部分 开展隐患排查整治`,
    para(1),
    para(2),
    `### 细化工作措施`,
    para(3),
    '1. 建立台账，明确责任人和时限。\n2. 能立即整改的立即整改。\n   - 不能立即整改的要落实管控措施。',
    '| 项目 | 责任单位 | 完成时限 |\n|---|---|---|\n| 校舍 | 各学校 | 12月10日 |\n| 锅炉房 | 后勤科 | 12月15日 |',
    `> ${para(4)}`,
    para(5),
    para(6),
  ].join('\n\n');
}

const dir = mkdtempSync(join(tmpdir(), 'gongwen-scaling-'));
cpSync(join(root, 'gongwen.config.yaml'), join(dir, 'gongwen.config.yaml'));
const config = loadConfig({ cwd: dir });
const templates = loadTemplates();
const fonts = loadFontSet({ ...(config.fonts ?? {}) }, { cwd: dir });

async function once(file) {
  const t = [performance.now()];
  const { doc } = readAndCompose(file, config, templates);
  t.push(performance.now());
  const plan = planDocument(doc, fonts);
  t.push(performance.now());
  await writePdf(drawPages(plan), fonts, { pdfa: false });
  t.push(performance.now());
  await writeDocx(doc, plan, {});
  t.push(performance.now());
  return { stages: t.slice(1).map((x, i) => x - t[i]), pages: plan.pages.length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Blocks in the 1× body (about 20 pages: large enough that start-up costs do not hide the curve). */
const UNIT_BLOCKS = 10;
const STAGES = ['compose', 'plan', 'pdf', 'docx'];
const fileOf = (n) => {
  const file = join(dir, `x${n}.md`);
  writeFileSync(file, FRONT + '\n' + Array.from({ length: n * UNIT_BLOCKS }, (_, k) => block(k + 1)).join('\n\n') + '\n');
  return file;
};
// Warm the process up first (JIT, caches), or the smallest body pays for it.
const warm = fileOf(5);
for (let i = 0; i < 3; i++) await once(warm);
const rows = [];
for (const n of SIZES) {
  const file = fileOf(n);
  const runs = [];
  for (let r = 0; r < RUNS; r++) runs.push(await once(file));
  const stages = STAGES.map((_, s) => median(runs.map((x) => x.stages[s])));
  rows.push({ n, pages: runs[0].pages, stages, total: stages.reduce((a, b) => a + b, 0) });
}
const base = rows[0];
console.log(`body × | pages | ${STAGES.map((s) => `${s} ms (×)`).join(' | ')} | total ms (×)`);
for (const r of rows) {
  const cell = (v, b) => `${v.toFixed(0)} (${(v / b).toFixed(1)})`;
  console.log(`${r.n} | ${r.pages} | ${r.stages.map((v, s) => cell(v, base.stages[s])).join(' | ')} | ${cell(r.total, base.total)}`);
}
