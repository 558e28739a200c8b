// What `gongwen build` records after each file: manifest entries beside the outputs, and
// with `--archive DIR` the finished documents kept for the archive (archiving.ts places
// them). Both manifests are written once, at the end of the batch.

import { basename, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Lang, Text } from '../errors.js';
import type { FontSet } from '../fonts/index.js';
import type { FontRole } from '../model/types.js';
import type { BuildContext, Built, Format } from '../pipeline/build.js';
import type { ArchiveConfig } from '../source/archivecodes.js';
import type { Job } from '../pipeline/inputs.js';
import { OFFICIAL_DOCX_NAMES as DEFAULT_DOCX_FONT_NAMES } from '../fonts/catalog.js';
import { sha256 } from '../archive/hash.js';
import { manifestPath, relPosix, toolVersion, updateManifest, type FontRecord, type ManifestEntry } from '../archive/manifest.js';
import { t } from './messages.js';

export const PDFA_CONFORMANCE = 'PDF/A-2b';
export const OFDA_CONFORMANCE = 'OFD-A';

export const ARCHIVE_MSG = {
  conflict: {
    zh: '归档文件已存在且内容不同，未替换：{a}（本次生成的文件：{o}）。确需替换请加 --force',
    en: 'a different file is already in the archive, not replaced: {a} (this build made {o}); use --force to replace it',
  },
  replaced: { zh: '已替换归档文件（--force）：{a}', en: 'replaced archive file (--force): {a}' },
  archived: { zh: '已归档', en: 'archived' },
  unchanged: { zh: '归档中已有相同文件', en: 'already in the archive' },
  noRetention: {
    zh: '{f}：没有保管期限，未归档。请在前置元数据中写「保管期限: D30」（Y 永久、D30 定期30年、D10 定期10年），或在配置文件 archive 中设置 retention',
    en: '{f}: no retention period, not archived; give "retention: D30" (Y, D30, D10) in the front matter or archive.retention in the configuration',
  },
  code: { zh: '档号', en: 'archival code' },
  catalogue: { zh: '已写归档文件目录', en: 'wrote the catalogue' },
  brokenManifest: {
    zh: '清单文件无法读取，已按本次生成的文件重写：{p}（{why}）',
    en: 'the manifest could not be read and was rewritten from this build: {p} ({why})',
  },
} satisfies Record<string, Text>;

export interface LedgerOptions {
  cwd: string;
  /** Absolute output folder: its manifest.json lists the outputs. */
  outDir: string;
  fonts: FontSet;
  docxNames?: Partial<Record<FontRole, string>>;
  pdfa: boolean;
  archive?: { dir: string; force: boolean; stamp: boolean; settings?: ArchiveConfig };
  /** Builds a document again with extra items on page 1 (the 归档章). */
  rebuild?: Rebuild;
}

/** What the archive needs of a built document (not its model: a batch keeps these to its end). */
export type BuiltFacts = Pick<Built, 'source'> & { doc: Pick<Built['doc'], 'info'> };

/** A document built and written, waiting to be archived at the end of the batch. */
export interface Pending {
  job: Job;
  built: BuiltFacts;
  written: Written[];
  sourceSha: string;
}

export type Rebuild = (file: string, pageOne: BuildContext['pageOneItems']) => Promise<Built>;

export interface Sink {
  lang: Lang;
  out(line: string): void;
  err(line: string): void;
  progress: boolean;
}

export interface Written {
  format: Format;
  path: string;
  bytes: Uint8Array;
}

export class BuildLedger {
  private readonly add: ManifestEntry[] = [];
  private readonly remove: string[] = [];
  private readonly pending: Pending[] = [];
  private readonly archiveDir?: string;

  constructor(
    private readonly o: LedgerOptions,
    private readonly r: Sink,
  ) {
    if (o.archive) this.archiveDir = resolve(o.cwd, o.archive.dir);
  }

  private fontsOf(format: Format): Record<string, FontRecord> {
    const out: Record<string, FontRecord> = {};
    // PDF and OFD embed the font files; a DOCX names the families Word should use.
    if (format === 'pdf' || format === 'ofd') {
      for (const [role, rf] of Object.entries(this.o.fonts.roles)) {
        out[role] = { file: basename(rf.font.path), postscriptName: rf.font.postscriptName };
      }
    } else {
      const names = { ...DEFAULT_DOCX_FONT_NAMES, ...(this.o.docxNames ?? {}) };
      for (const [role, name] of Object.entries(names)) out[role] = { name };
    }
    return out;
  }

  private entry(dir: string, path: string, w: Written, job: Job, built: BuiltFacts, sourceSha: string): ManifestEntry {
    return manifestEntry({ dir, path, bytes: w.bytes, format: w.format, job, built, sourceSha, pdfa: this.o.pdfa, fonts: this.fontsOf(w.format) });
  }

  /** A file failed: its outputs (already removed) leave the manifest. */
  failed(outputs: string[]): void {
    for (const p of outputs) this.remove.push(relPosix(this.o.outDir, p));
  }

  /** A file was built and its outputs written: record them; with an archive, keep it for finish(). */
  built(job: Job, built: Built, written: Written[]): void {
    const sourceSha = sha256(readFileSync(job.file));
    for (const w of written) this.add.push(this.entry(this.o.outDir, w.path, w, job, built, sourceSha));
    if (this.archiveDir) this.pending.push({ job, built: { source: built.source, doc: { info: built.doc.info } }, written, sourceSha });
  }

  /**
   * Write the output folder's manifest, and archive the batch when asked (numbering, stamps,
   * records, catalogues, the archive's manifest). Returns the jobs the archive refused.
   */
  async finish(): Promise<Job[]> {
    const res = updateManifest(manifestPath(this.o.outDir), { add: this.add, remove: this.remove });
    if (res.replacedBroken) this.brokenManifest(manifestPath(this.o.outDir), res.replacedBroken);
    if (!this.archiveDir || !this.o.archive) return [];
    const { archiveBatch } = await import('./archiving.js');
    return archiveBatch(
      {
        cwd: this.o.cwd,
        dir: this.archiveDir,
        force: this.o.archive.force,
        stamp: this.o.archive.stamp,
        ...(this.o.archive.settings ? { settings: this.o.archive.settings } : {}),
        ...(this.o.rebuild ? { rebuild: this.o.rebuild } : {}),
        fonts: this.o.fonts,
        entry: (a) => this.entry(this.archiveDir!, a.path, a.w, a.job, a.built, a.sourceSha),
        brokenManifest: (p, why) => this.brokenManifest(p, why),
      },
      this.pending,
      this.r,
    );
  }

  private brokenManifest(file: string, why: string): void {
    this.r.err(t(ARCHIVE_MSG.brokenManifest, this.r.lang, { p: relativeTo(this.o.cwd, file), why }));
  }
}

/** One manifest entry of a written document. */
export function manifestEntry(a: {
  dir: string;
  path: string;
  bytes: Uint8Array;
  format: Format;
  job: Job;
  built: BuiltFacts;
  sourceSha: string;
  pdfa: boolean;
  fonts: Record<string, FontRecord>;
}): ManifestEntry {
  const meta = a.built.source.meta;
  return {
    path: relPosix(a.dir, a.path),
    format: a.format,
    ...(a.format === 'pdf' && a.pdfa ? { conformance: PDFA_CONFORMANCE } : {}),
    ...(a.format === 'ofd' && a.pdfa ? { conformance: OFDA_CONFORMANCE } : {}),
    size: a.bytes.length,
    sha256: sha256(a.bytes),
    source: relPosix(a.dir, a.job.file),
    sourceSha256: a.sourceSha,
    type: meta.type,
    title: a.built.doc.info.title,
    // 发文字号, or an order's 令号; the 期号 of a bulletin or minutes.
    ...(meta.number !== undefined ? { number: meta.number } : meta.type === 'order' ? { number: a.built.doc.info.subject } : {}),
    ...((meta.type === 'bulletin' || meta.type === 'minutes') && a.built.doc.info.subject ? { issue: a.built.doc.info.subject } : {}),
    date: meta.date.iso,
    fonts: a.fonts,
    tool: toolVersion(),
  };
}

export function relativeTo(cwd: string, p: string): string {
  return p.startsWith(cwd + '/') ? p.slice(cwd.length + 1) : p;
}
