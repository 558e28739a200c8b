// The documents being written: builds them once, then rebuilds exactly those a saved file
// affects, one at a time, keeping each document's last good output when a save breaks it.
// Shared by `gongwen watch` (writes the outputs) and `gongwen serve` (also keeps them in memory).

import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { within } from './within.js';
import type { Lang } from '../errors.js';
import { BuildError, Problem } from '../errors.js';
import { CONFIG_FILE, type ProjectConfig } from '../source/index.js';
import type { TemplateSet } from '../template/render.js';
import type { FontSet } from '../fonts/index.js';
import { createSession, type Session } from '../session.js';
import { buildFile, type Built, type Format } from '../pipeline/build.js';
import { outputPath, planJobs, type Job } from '../pipeline/inputs.js';
import { writeAtomic } from '../archive/write.js';
import { BuildLedger, type Written } from '../cli/archive.js';
import { shown } from '../cli/build.js';
import type { DocType } from '../model/types.js';
import { fileDependencies } from './deps.js';
import type { Change } from './watcher.js';

/** What the command line loads: the configuration, the templates and where they live. */
export interface Project {
  config: ProjectConfig;
  templates: TemplateSet;
  templatesDir: string;
}

export interface WorkspaceOptions {
  inputs: string[];
  cwd: string;
  formats: Format[];
  /** Absolute output folder; outputs are written there only when `write` is set. */
  outDir: string;
  write: boolean;
  /** Keep the last good bytes of each output in memory (for the preview). */
  keep: boolean;
  /** Leave out sources whose real path lies outside the given folders (symlinks out). */
  confine: boolean;
  lang: Lang;
  /** Reads the configuration and templates (again after either changed). */
  load: () => Project;
  /** The build session (fonts and their caches); without one the workspace has its own, ended by close(). */
  session?: Session;
}

/** A problem as shown to the writer: the formatted message plus where it points. */
export interface ProblemView {
  file: string;
  line?: number;
  col?: number;
  message: string;
}

/** `pending`: not built yet in this session. */
export type DocStatus = 'pending' | 'ok' | 'failed';

export interface DocState {
  /** Opaque id (never a path): the page names documents by it. */
  id: string;
  job: Job;
  status: DocStatus;
  /** From the last good build. */
  type?: DocType;
  number?: string;
  title?: string;
  problems: ProblemView[];
  warnings: ProblemView[];
  /** Counts good builds: the page reloads the preview when it grows. */
  version: number;
  /** Last good outputs (with `keep`). */
  outputs: Partial<Record<Format, Buffer>>;
  /** Files this document was built from (source, seal, images); empty until a good build. */
  deps: Set<string>;
  /** Milliseconds the last build took. */
  ms: number;
  /** Paths written by the last good build. */
  written: string[];
}

export type WorkspaceEvent =
  | { kind: 'built'; doc: DocState }
  | { kind: 'failed'; doc: DocState }
  | { kind: 'list' };

/** Extensions of the files a document is made from: sources, images, configuration, templates. */
const SOURCE_KINDS = new Set(['.md', '.png', '.jpg', '.jpeg', '.yaml', '.yml', '.hbs']);

/** The id of a source: a hash of its absolute path, stable across rebuilds and restarts. */
export function docId(file: string): string {
  return createHash('sha256').update(file).digest('hex').slice(0, 12);
}


export class Workspace {
  readonly docs = new Map<string, DocState>();
  private project: Project;
  private readonly session: Session;
  private fonts: FontSet;
  private projectError: ProblemView[] = [];
  private readonly listeners: Array<(e: WorkspaceEvent) => void> = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly o: WorkspaceOptions) {
    this.project = o.load();
    this.session = o.session ?? createSession({ cwd: o.cwd });
    this.fonts = this.session.fonts({ ...(this.project.config.fonts ?? {}) });
  }

  /** After the builds queued so far: end the workspace's own session (a given one is the caller's). */
  async close(): Promise<void> {
    await this.queue;
    if (!this.o.session) await this.session.close();
  }

  on(listener: (e: WorkspaceEvent) => void): void {
    this.listeners.push(listener);
  }

  private emit(e: WorkspaceEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** The folders to watch: the inputs and the templates with their subfolders, the configuration's folder alone. */
  watchDirs(): { deep: string[]; shallow: string[] } {
    const deep = this.o.inputs.map((i) => resolve(this.o.cwd, i)).map((p) => (extname(p).toLowerCase() === '.md' ? resolve(p, '..') : p));
    deep.push(this.project.templatesDir);
    const shallow = [this.project.config.path ? resolve(this.project.config.path, '..') : this.o.cwd];
    return { deep: deep.filter((d) => existsSync(d)), shallow: shallow.filter((d) => existsSync(d)) };
  }

  /** The folders whose files may be served or saved: the inputs (a file input: its folder). */
  servedDirs(): string[] {
    return this.o.inputs
      .map((i) => resolve(this.o.cwd, i))
      .filter((p) => existsSync(p))
      .map((p) => (extname(p).toLowerCase() === '.md' ? resolve(p, '..') : p))
      .map((p) => realpathSync(p));
  }

  list(): DocState[] {
    return [...this.docs.values()].sort((a, b) => a.job.display.localeCompare(b.job.display));
  }

  /** List the documents now and build them all (the start of a session); resolves when built. */
  start(): Promise<void> {
    this.plan(true);
    return this.enqueue([...this.docs.keys()]);
  }

  /** Rebuilds after a burst of saves; resolves when they are done. */
  changed(changes: Change[]): Promise<void> {
    const ids = new Set<string>();
    const cfg = this.project.config.path;
    const reload = changes.some(
      (c) => (cfg !== undefined && c.path === cfg) || (cfg === undefined && c.path === resolve(this.o.cwd, CONFIG_FILE)) || within(c.path, this.project.templatesDir),
    );
    if (reload) this.reload();
    const before = new Set(this.docs.keys());
    if (changes.some((c) => extname(c.path).toLowerCase() === '.md' && (c.exists !== before.has(docId(c.path)) || !c.exists))) {
      this.plan();
      this.emit({ kind: 'list' });
      for (const id of this.docs.keys()) if (!before.has(id)) ids.add(id);
    }
    // A failed document's files are unknown (its image may be the one just added): a change to
    // any file of a kind a document reads retries it.
    const retry = changes.some((c) => SOURCE_KINDS.has(extname(c.path).toLowerCase()));
    for (const doc of this.docs.values()) {
      if (reload) ids.add(doc.id);
      else if (doc.status === 'failed' && retry) ids.add(doc.id);
      else if (changes.some((c) => c.path === doc.job.file || doc.deps.has(c.path))) ids.add(doc.id);
    }
    return this.enqueue([...ids]);
  }

  private reload(): void {
    try {
      const project = this.o.load();
      // The configuration may name other font files, or new ones dropped into a font folder.
      this.session.forgetFonts();
      this.fonts = this.session.fonts({ ...(project.config.fonts ?? {}) });
      this.project = project;
      this.projectError = [];
    } catch (e) {
      // A broken configuration or template fails every document; the last good outputs stay.
      this.projectError = this.views(e, this.project.config.path ?? resolve(this.o.cwd, CONFIG_FILE));
    }
  }

  /** List the documents; at the start a missing input is the writer's mistake (InputError). */
  private plan(first = false): void {
    let jobs: Job[];
    try {
      jobs = planJobs(this.o.inputs, this.o.outDir, this.o.cwd);
    } catch (e) {
      if (first) throw e;
      return; // An input folder vanished for a moment (a rename): keep the current list.
    }
    if (this.o.confine) {
      const roots = this.servedDirs();
      jobs = jobs.filter((j) => {
        try {
          const real = realpathSync(j.file);
          return roots.some((r) => within(real, r));
        } catch {
          return false;
        }
      });
    }
    const next = new Map<string, DocState>();
    for (const job of jobs) {
      const id = docId(job.file);
      next.set(
        id,
        this.docs.get(id) ?? { id, job, status: 'pending', problems: [], warnings: [], version: 0, outputs: {}, deps: new Set(), ms: 0, written: [] },
      );
    }
    this.docs.clear();
    for (const [id, d] of next) this.docs.set(id, d);
  }

  private enqueue(ids: string[]): Promise<void> {
    const run = async (): Promise<void> => {
      for (const id of ids) {
        const doc = this.docs.get(id);
        if (doc) await this.build(doc);
      }
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  private views(e: unknown, file: string): ProblemView[] {
    const problems =
      e instanceof BuildError
        ? e.problems
        : [new Problem({ file, what: { zh: `内部错误：${e instanceof Error ? e.message : String(e)}`, en: `internal error: ${e instanceof Error ? e.message : String(e)}` } })];
    return problems.map((p) => this.view(p));
  }

  private view(p: Problem): ProblemView {
    return {
      file: relativeFile(this.o.cwd, p.file),
      ...(p.pos ? { line: p.pos.line, col: p.pos.col } : {}),
      message: shown(p, this.o.cwd, this.o.lang),
    };
  }

  private async build(doc: DocState): Promise<void> {
    const t0 = performance.now();
    if (this.projectError.length) {
      doc.status = 'failed';
      doc.problems = this.projectError;
      doc.ms = performance.now() - t0;
      this.emit({ kind: 'failed', doc });
      return;
    }
    let built: Built;
    try {
      const ctx = {
        config: this.project.config,
        templates: this.project.templates,
        fonts: this.fonts,
        formats: this.o.formats,
        pdfa: false,
        compressor: this.session.compressorFor(1),
      };
      built = await buildFile(doc.job.file, ctx);
    } catch (e) {
      doc.status = 'failed';
      doc.problems = this.views(e, doc.job.file);
      doc.ms = performance.now() - t0;
      this.emit({ kind: 'failed', doc });
      return;
    }
    const meta = built.source.meta;
    doc.status = 'ok';
    doc.problems = [];
    doc.warnings = built.warnings.map((w) => this.view(w));
    doc.type = meta.type;
    // A bulletin has no 文号: its 期号 stands in the list.
    doc.number = meta.number ?? built.doc.info.subject;
    doc.title = built.doc.info.title;
    doc.deps = new Set(fileDependencies(built, this.project.config.root));
    doc.version++;
    if (this.o.keep) doc.outputs = { ...built.outputs };
    doc.written = this.o.write ? this.writeOutputs(doc.job, built) : [];
    doc.ms = performance.now() - t0;
    this.emit({ kind: 'built', doc });
  }

  /** Writes the outputs atomically and records them in the output folder's manifest. */
  private writeOutputs(job: Job, built: Built): string[] {
    const ledger = new BuildLedger(
      { cwd: this.o.cwd, outDir: this.o.outDir, fonts: this.fonts, docxNames: this.project.config.fonts?.docxNames, pdfa: false },
      { lang: this.o.lang, progress: false, out: () => {}, err: () => {} },
    );
    const written: Written[] = [];
    for (const f of this.o.formats) {
      const bytes = built.outputs[f];
      if (!bytes) continue;
      writeAtomic(outputPath(job, f), bytes);
      written.push({ format: f, path: outputPath(job, f), bytes });
    }
    ledger.built(job, built, written);
    ledger.finish();
    return written.map((w) => w.path);
  }
}

/** The problem's file as the writer sees it (relative to the working folder when inside it). */
function relativeFile(cwd: string, file: string): string {
  return file !== cwd && within(file, cwd) ? relative(cwd, file) : file;
}
