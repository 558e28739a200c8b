// What `gongwen build` records after each file: manifest entries beside the outputs, and
// with `--archive DIR` a copy of each finished document in the archive (with the archive's
// own manifest). Both manifests are written once, at the end of the batch.

import { basename, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Lang, Text } from '../errors.js';
import type { FontSet } from '../fonts/index.js';
import type { FontRole } from '../model/types.js';
import type { Built, Format } from '../pipeline/build.js';
import type { Job } from '../pipeline/inputs.js';
import { OFFICIAL_DOCX_NAMES as DEFAULT_DOCX_FONT_NAMES } from '../fonts/catalog.js';
import { sha256 } from '../archive/hash.js';
import { manifestPath, relPosix, toolVersion, updateManifest, type FontRecord, type ManifestEntry } from '../archive/manifest.js';
import { archiveRelPath } from '../archive/names.js';
import { archiveTarget, placeAll, type Placement } from '../archive/place.js';
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
  archive?: { dir: string; force: boolean };
}

interface Sink {
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
  private readonly archiveAdd: ManifestEntry[] = [];
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

  private entry(dir: string, path: string, w: Written, job: Job, built: Built, sourceSha: string): ManifestEntry {
    const meta = built.source.meta;
    return {
      path: relPosix(dir, path),
      format: w.format,
      ...(w.format === 'pdf' && this.o.pdfa ? { conformance: PDFA_CONFORMANCE } : {}),
      ...(w.format === 'ofd' && this.o.pdfa ? { conformance: OFDA_CONFORMANCE } : {}),
      size: w.bytes.length,
      sha256: sha256(w.bytes),
      source: relPosix(dir, job.file),
      sourceSha256: sourceSha,
      type: meta.type,
      title: built.doc.info.title,
      ...(meta.number !== undefined ? { number: meta.number } : {}),
      ...(meta.type === 'bulletin' ? { issue: built.doc.info.subject } : {}),
      date: meta.date.iso,
      fonts: this.fontsOf(w.format),
      tool: toolVersion(),
    };
  }

  /** A file failed: its outputs (already removed) leave the manifest. */
  failed(outputs: string[]): void {
    for (const p of outputs) this.remove.push(relPosix(this.o.outDir, p));
  }

  /**
   * A file was built and its outputs written: record them, and archive them when asked.
   * Returns false when the archive refused to replace a different file.
   */
  built(job: Job, built: Built, written: Written[]): boolean {
    const sourceSha = sha256(readFileSync(job.file));
    for (const w of written) this.add.push(this.entry(this.o.outDir, w.path, w, job, built, sourceSha));
    if (!this.archiveDir || !this.o.archive) return true;

    const placements: Placement[] = written.map((w) => ({
      target: archiveTarget(this.archiveDir!, archiveRelPath(built.source.meta, w.format)),
      bytes: w.bytes,
      from: w.path,
    }));
    const { outcomes, conflicts } = placeAll(placements, this.o.archive.force);
    const show = (p: string): string => relativeTo(this.o.cwd, p);
    if (conflicts.length && !this.o.archive.force) {
      for (const c of conflicts) this.r.err(t(ARCHIVE_MSG.conflict, this.r.lang, { a: show(c.target), o: show(c.from) }));
      return false;
    }
    placements.forEach((p, i) => {
      const w = written[i]!;
      this.archiveAdd.push(this.entry(this.archiveDir!, p.target, w, job, built, sourceSha));
      if (outcomes[i] === 'replaced') this.r.err(t(ARCHIVE_MSG.replaced, this.r.lang, { a: show(p.target) }));
      else if (this.r.progress) {
        this.r.out(`  ${t(outcomes[i] === 'same' ? ARCHIVE_MSG.unchanged : ARCHIVE_MSG.archived, this.r.lang)} ${show(p.target)}`);
      }
    });
    return true;
  }

  /** Write the manifests (output folder, and archive when used). */
  finish(): void {
    const write = (dir: string, add: ManifestEntry[], remove: string[]): void => {
      if (add.length === 0 && remove.length === 0) return;
      const file = manifestPath(dir);
      const res = updateManifest(file, { add, remove });
      if (res.replacedBroken) this.r.err(t(ARCHIVE_MSG.brokenManifest, this.r.lang, { p: relativeTo(this.o.cwd, file), why: res.replacedBroken }));
    };
    write(this.o.outDir, this.add, this.remove);
    if (this.archiveDir) write(this.archiveDir, this.archiveAdd, []);
  }
}

function relativeTo(cwd: string, p: string): string {
  return p.startsWith(cwd + '/') ? p.slice(cwd.length + 1) : p;
}
