// `gongwen build` and `gongwen check`: every file of the batch is tried; a failing file
// leaves no output (nor a stale one from an earlier run) and makes the exit code 1.

import { isAbsolute, relative, resolve } from 'node:path';
import type { Lang } from '../errors.js';
import { BuildError, Problem } from '../errors.js';
import type { ProjectConfig } from '../source/index.js';
import { createSession, type Session } from '../session.js';
import type { TemplateSet } from '../template/render.js';
import { buildFile, readAndCompose, type BuildContext, type Format } from '../pipeline/build.js';
import { createBuilder } from '../pipeline/batch.js';
import { outputPath, planJobs, type Job } from '../pipeline/inputs.js';
import { removeOutputs, writeAtomic } from '../archive/write.js';
import { MSG, t } from './messages.js';
import { BuildLedger, type Written } from './archive.js';

export interface Reporter {
  lang: Lang;
  /** Progress lines: on a terminal, or with --verbose. */
  progress: boolean;
  /** `--debug`: the stack of an internal error too. */
  debug?: boolean;
  out(line: string): void;
  err(line: string): void;
}

export interface BuildCommand {
  inputs: string[];
  outDir: string;
  formats: Format[];
  config: ProjectConfig;
  templates: TemplateSet;
  cwd: string;
  /** PDF/A-2b PDFs (`--pdfa`; always on with an archive). */
  pdfa: boolean;
  /** `--archive DIR [--force] [--stamp]`: copy finished documents into DIR/<year>/<type>/ (with 档号 when configured). */
  archive?: { dir: string; force: boolean; stamp?: boolean };
  /** `--jobs N`: parallel builds (default: available cores; 1 builds in-process). */
  jobs?: number;
  /** Tune this process for a large batch (see SessionOptions.tuneProcess): the command does. */
  tuneProcess?: boolean;
  /** The build session to use (its fonts and threads); without one, the batch has its own. */
  session?: Session;
  /** `--strict` or `strict: true`: a file with warnings fails like one with errors. */
  strict?: boolean;
}

export interface BatchResult {
  ok: Job[];
  failed: Job[];
  written: string[];
  /** Built, but the archive refused to replace a different file. */
  refused: Job[];
  /** Worker threads the batch used (0: built in-process). */
  workers: number;
}

/** Show a problem's file relative to the working directory, as the user typed it. */
export function shown(p: Problem, cwd: string, lang: Lang): string {
  const rel = relative(cwd, p.file);
  const file = isAbsolute(p.file) && rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p.file;
  return new Problem({ ...p, file }).format(lang);
}

/** An error's kind and first line, for the one-line report of an internal error. */
export function errorSummary(e: unknown): string {
  const line = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0]!;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function reportError(e: unknown, job: Job, cwd: string, r: Reporter): void {
  if (e instanceof BuildError) for (const p of e.problems) r.err(shown(p, cwd, r.lang));
  else {
    // A bug, not the writer's mistake: one line naming the file; the stack only with --debug.
    r.err(`${job.display}: ${t(MSG.internal, r.lang, { what: errorSummary(e), file: job.display })}`);
    if (r.debug && e instanceof Error && e.stack) r.err(e.stack);
  }
}

export async function runBuild(cmd: BuildCommand, r: Reporter): Promise<BatchResult> {
  const jobs = planJobs(cmd.inputs, resolve(cmd.cwd, cmd.outDir), cmd.cwd);
  if (jobs.length === 0) r.err(t(MSG.noInput, r.lang));
  const session = cmd.session ?? createSession({ cwd: cmd.cwd, ...(cmd.tuneProcess ? { tuneProcess: true } : {}) });
  try {
    return await buildWith(session, jobs, cmd, r);
  } finally {
    if (!cmd.session) await session.close();
  }
}

async function buildWith(session: Session, jobs: Job[], cmd: BuildCommand, r: Reporter): Promise<BatchResult> {
  const fonts = session.fonts({ ...(cmd.config.fonts ?? {}) });
  const result: BatchResult = { ok: [], failed: [], written: [], refused: [], workers: 0 };
  const pdfa = cmd.pdfa || Boolean(cmd.archive);
  const ctx: BuildContext = { config: cmd.config, templates: cmd.templates, fonts, formats: cmd.formats, pdfa };
  const ledger = new BuildLedger(
    {
      cwd: cmd.cwd,
      outDir: resolve(cmd.cwd, cmd.outDir),
      fonts,
      docxNames: cmd.config.fonts?.docxNames,
      pdfa,
      ...(cmd.archive
        ? {
            archive: {
              dir: cmd.archive.dir,
              force: cmd.archive.force,
              stamp: Boolean(cmd.archive.stamp || cmd.config.archive?.stamp),
              ...(cmd.config.archive ? { settings: cmd.config.archive } : {}),
            },
            // The archived PDF with the 归档章: the same document laid out again, the stamp on page 1.
            rebuild: (file, pageOneItems) => buildFile(file, { ...ctx, formats: ['pdf'], pdfa: true, ...(pageOneItems ? { pageOneItems } : {}) }),
          }
        : {}),
    },
    r,
  );
  const builder = createBuilder(
    jobs.map((j) => j.file),
    ctx,
    {
      ...(cmd.jobs ? { jobs: cmd.jobs } : {}),
      fontConfig: { ...(cmd.config.fonts ?? {}) },
      cwd: cmd.cwd,
      session,
    },
  );
  result.workers = builder.workers;
  for (const [i, job] of jobs.entries()) {
    const paths = cmd.formats.map((f) => outputPath(job, f));
    // A file that fails must not leave an earlier run's output passed off as new.
    removeOutputs(paths);
    try {
      const built = await builder.build(i);
      if (cmd.strict && built.warnings.length) throw new BuildError(built.warnings);
      for (const w of built.warnings) r.err(`${t(MSG.warning, r.lang)}: ${shown(w, cmd.cwd, r.lang)}`);
      const written: Written[] = [];
      for (const f of cmd.formats) {
        const bytes = built.outputs[f];
        if (bytes) {
          writeAtomic(outputPath(job, f), bytes);
          result.written.push(outputPath(job, f));
          written.push({ format: f, path: outputPath(job, f), bytes });
        }
      }
      result.ok.push(job);
      if (r.progress) r.out(`[${i + 1}/${jobs.length}] ${t(MSG.built, r.lang)} ${job.display} → ${paths.map((p) => relativeTo(cmd.cwd, p)).join(', ')}`);
      ledger.built(job, built, written);
    } catch (e) {
      removeOutputs(paths);
      ledger.failed(paths);
      result.failed.push(job);
      if (r.progress) r.out(`[${i + 1}/${jobs.length}] ${t(MSG.failed, r.lang)} ${job.display}`);
      reportError(e, job, cmd.cwd, r);
    }
  }
  await builder.close();
  result.refused.push(...(await ledger.finish()));
  if (r.progress) r.out(t(MSG.summary, r.lang, { n: jobs.length, ok: result.ok.length, bad: result.failed.length }));
  return result;
}

export function runCheck(cmd: Omit<BuildCommand, 'outDir' | 'formats' | 'pdfa'>, r: Reporter): BatchResult {
  const jobs = planJobs(cmd.inputs, cmd.cwd, cmd.cwd);
  if (jobs.length === 0) r.err(t(MSG.noInput, r.lang));
  const result: BatchResult = { ok: [], failed: [], written: [], refused: [], workers: 0 };
  for (const job of jobs) {
    try {
      const { source } = readAndCompose(job.file, cmd.config, cmd.templates);
      if (cmd.strict && source.warnings.length) throw new BuildError(source.warnings);
      for (const w of source.warnings) r.err(`${t(MSG.warning, r.lang)}: ${shown(w, cmd.cwd, r.lang)}`);
      result.ok.push(job);
      if (r.progress) r.out(`${t(MSG.checked, r.lang)} ${job.display}`);
    } catch (e) {
      result.failed.push(job);
      reportError(e, job, cmd.cwd, r);
    }
  }
  if (r.progress) r.out(t(MSG.checkSummary, r.lang, { n: jobs.length, ok: result.ok.length, bad: result.failed.length }));
  return result;
}

function relativeTo(cwd: string, p: string): string {
  return p.startsWith(cwd + '/') ? p.slice(cwd.length + 1) : p;
}
