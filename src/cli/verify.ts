// `gongwen verify [dir]`: recompute the SHA-256 of every file the folder's manifest lists and
// report files that changed or are missing; in an archive with 档号, run the 四性 checks too
// (archive/checks.ts), naming every file and field that fails. Exit 0 when all pass, 1 otherwise.

import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang, Text } from '../errors.js';
import { ManifestError, manifestPath } from '../archive/manifest.js';
import { verifyFolder } from '../archive/verify.js';
import { ASPECT_NAME, checkArchive } from '../archive/checks.js';
import { t } from './messages.js';

export const VERIFY_MSG = {
  noDir: { zh: '找不到文件夹：{p}', en: 'folder not found: {p}' },
  noManifest: { zh: '找不到清单文件 {p}（先运行 gongwen build）', en: 'no manifest at {p} (run gongwen build first)' },
  badManifest: { zh: '清单文件无法读取：{p}（{why}）', en: 'cannot read the manifest {p} ({why})' },
  changed: {
    zh: '已改动：{p}（清单记录的 SHA-256 为 {a}，现在为 {b}）',
    en: 'changed: {p} (manifest SHA-256 {a}, now {b})',
  },
  missing: { zh: '缺失：{p}（清单中有记录，文件不存在）', en: 'missing: {p} (listed in the manifest, not found)' },
  unsafe: { zh: '清单中的路径不在该文件夹内，未检查：{p}', en: 'manifest path outside the folder, not checked: {p}' },
  unlisted: { zh: '提示：清单中没有记录此文件：{p}', en: 'note: not listed in the manifest: {p}' },
  allOk: { zh: '全部 {n} 个文件与清单一致（{m}）', en: 'all {n} files match the manifest ({m})' },
  someBad: { zh: '{bad} 个文件与清单不一致，共 {n} 个（{m}）', en: '{bad} of {n} files do not match the manifest ({m})' },
  failure: { zh: '【{a}】{p}：{f} {w}', en: '[{a}] {p}: {f} {w}' },
  archiveOk: {
    zh: '四性检测通过：{n} 件归档文件的真实性、完整性、可用性、安全性均符合',
    en: 'all four checks passed for {n} archived items (authenticity, integrity, usability, security)',
  },
  archiveBad: { zh: '四性检测：{k} 项不符合（共 {n} 件归档文件）', en: 'archive checks: {k} failures ({n} archived items)' },
} satisfies Record<string, Text>;

export interface VerifyIo {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Returns the exit code: 0 all match, 1 changed/missing files or no readable manifest, 2 no such folder. */
export function runVerify(dir: string, io: VerifyIo, lang: Lang): number {
  const abs = resolve(io.cwd, dir);
  const show = (p: string): string => (p.startsWith(io.cwd + '/') ? p.slice(io.cwd.length + 1) : p);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    io.stderr(t(VERIFY_MSG.noDir, lang, { p: dir }) + '\n');
    return 2;
  }
  const m = show(manifestPath(abs));
  let report;
  try {
    report = verifyFolder(abs);
  } catch (e) {
    if (e instanceof ManifestError) {
      io.stderr(t(VERIFY_MSG.badManifest, lang, { p: m, why: e.reason }) + '\n');
      return 1;
    }
    throw e;
  }
  if (!report) {
    io.stderr(t(VERIFY_MSG.noManifest, lang, { p: m }) + '\n');
    return 1;
  }
  let bad = 0;
  const inDir = (rel: string): string => show(resolve(abs, rel));
  for (const item of report.items) {
    if (item.status === 'ok') continue;
    bad++;
    const p = item.status === 'unsafe' ? item.entry.path : inDir(item.entry.path);
    if (item.status === 'changed') io.stderr(t(VERIFY_MSG.changed, lang, { p, a: item.entry.sha256, b: item.actual ?? '' }) + '\n');
    else if (item.status === 'missing') io.stderr(t(VERIFY_MSG.missing, lang, { p }) + '\n');
    else io.stderr(t(VERIFY_MSG.unsafe, lang, { p }) + '\n');
  }
  for (const u of report.unlisted) io.stderr(t(VERIFY_MSG.unlisted, lang, { p: inDir(u) }) + '\n');
  const n = report.items.length;
  // An archive with 档号: the 四性 checks (the digests above are its 安全性).
  const checks = checkArchive(abs, report.read);
  for (const f of checks.failures) {
    io.stderr(t(VERIFY_MSG.failure, lang, { a: ASPECT_NAME[f.aspect][lang], p: inDir(f.file), f: f.field, w: f.what[lang] }) + '\n');
  }
  if (bad) io.stderr(t(VERIFY_MSG.someBad, lang, { bad, n, m }) + '\n');
  else io.stdout(t(VERIFY_MSG.allOk, lang, { n, m }) + '\n');
  if (checks.items) {
    const k = checks.failures.length + bad;
    if (k) io.stderr(t(VERIFY_MSG.archiveBad, lang, { k, n: checks.items }) + '\n');
    else io.stdout(t(VERIFY_MSG.archiveOk, lang, { n: checks.items }) + '\n');
  }
  return bad || checks.failures.length ? 1 : 0;
}
