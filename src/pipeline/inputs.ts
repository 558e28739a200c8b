// Which source files a command works on, and where each one's outputs go.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, dirname } from 'node:path';
import { attachmentFileNames } from '../source/attachmentnames.js';
import type { Format } from './build.js';

export interface Job {
  /** Absolute path of the source file. */
  file: string;
  /** The source file as the user should see it (relative to the working directory when inside it). */
  display: string;
  /** Output path per format, without the extension. */
  outBase: string;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) out.push(...walk(full));
    else if (extname(name).toLowerCase() === '.md') out.push(full);
  }
  return out;
}

export class InputError extends Error {}

/**
 * Expand files and folders into jobs; a folder keeps its layout under the output folder. A
 * Markdown file that a document of the batch names as an attachment (`附件` entry with `文件`)
 * is laid out inside that document (GB/T 9704 8), so it is not a job of its own.
 */
export function planJobs(inputs: string[], outDir: string, cwd: string): Job[] {
  const jobs: Job[] = [];
  const seen = new Set<string>();
  const display = (abs: string): string => {
    const rel = relative(cwd, abs);
    return rel && !rel.startsWith('..') ? rel : abs;
  };
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    if (!existsSync(abs)) throw new InputError(input);
    if (statSync(abs).isDirectory()) {
      for (const f of walk(abs)) {
        if (seen.has(f)) continue;
        seen.add(f);
        const rel = relative(abs, f);
        jobs.push({ file: f, display: display(f), outBase: join(outDir, dirname(rel), basename(rel, extname(rel))) });
      }
    } else if (!seen.has(abs)) {
      seen.add(abs);
      jobs.push({ file: abs, display: display(abs), outBase: join(outDir, basename(abs, extname(abs))) });
    }
  }
  return withoutAttachments(jobs);
}

/** The jobs minus the files another job names as attachments (resolved from the naming file's folder). */
function withoutAttachments(jobs: Job[]): Job[] {
  const named = new Set<string>();
  for (const j of jobs) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(j.file);
    } catch {
      continue; // the build of that job reports it
    }
    for (const name of attachmentFileNames(j.file, bytes)) {
      const abs = resolve(dirname(j.file), name);
      if (abs !== j.file) named.add(abs);
    }
  }
  return named.size ? jobs.filter((j) => !named.has(j.file)) : jobs;
}

export function outputPath(job: Job, format: Format): string {
  return `${job.outBase}.${format}`;
}
