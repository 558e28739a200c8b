// The programmatic interface: `build` turns one source (a file, or Markdown text) into the
// bytes of each format asked for, with the warnings, and writes nothing. It changes nothing
// process-wide (no V8 flags, no thread priorities); fonts and threads live in a build session,
// one per call unless the caller passes its own to share the parsed fonts between calls.

import { resolve } from 'node:path';
import { BuildError, type Problem } from './errors.js';
import { loadConfig, type ProjectConfig } from './source/index.js';
import { BUILTIN_TEMPLATE_DIR, loadTemplates, type TemplateSet } from './template/render.js';
import { buildFile, DEFAULT_FORMATS, type Format } from './pipeline/build.js';
import { createSession, type Session } from './session.js';

export type { Format } from './pipeline/build.js';

/** What to build: a source file, or Markdown with front matter as text. */
export type BuildInput =
  | string
  | {
      /** The source text (UTF-8 Markdown with YAML front matter). */
      source: string | Uint8Array;
      /**
       * The path it stands for (default `<cwd>/document.md`): named in messages, and images and
       * the seal are found relative to it.
       */
      path?: string;
    };

export interface BuildOptions {
  /** Formats to build: 'pdf', 'docx', 'ofd' (default: PDF and DOCX, as the command). */
  formats?: readonly Format[];
  /** The project folder: gongwen.config.yaml, ./fonts, relative paths (default: process.cwd()). */
  cwd?: string;
  /** PDF/A-2b instead of plain PDF (and OFD-A for the OFD). */
  pdfa?: boolean;
  /** The project configuration (default: gongwen.config.yaml of cwd, if any). */
  config?: ProjectConfig;
  /** Templates (default: the built-in ones). */
  templates?: TemplateSet;
  /** A session to reuse (its fonts stay parsed between calls; the caller closes it). */
  session?: Session;
  /** Warnings are errors, as `--strict` (default: the configuration's `strict`). */
  strict?: boolean;
}

export interface BuildResult {
  pdf?: Buffer;
  docx?: Buffer;
  /** The OFD (GB/T 33190) package, when asked for; with pdfa, OFD-A. */
  ofd?: Buffer;
  /** Warnings about the source; Problem.format('zh' | 'en') gives the message. */
  warnings: Problem[];
}

/**
 * Build one document to buffers. Throws BuildError (with every problem) when the source is
 * wrong; never writes a file.
 */
export async function build(input: BuildInput, opts: BuildOptions = {}): Promise<BuildResult> {
  const cwd = resolve(opts.cwd ?? opts.session?.cwd ?? process.cwd());
  const config = opts.config ?? loadConfig({ cwd });
  const session = opts.session ?? createSession({ cwd });
  try {
    const formats = [...(opts.formats ?? DEFAULT_FORMATS)];
    const ctx = {
      config,
      templates: opts.templates ?? loadTemplates(BUILTIN_TEMPLATE_DIR),
      fonts: session.fonts({ ...(config.fonts ?? {}) }),
      formats,
      pdfa: Boolean(opts.pdfa),
      compressor: session.compressorFor(1),
    };
    const built =
      typeof input === 'string'
        ? await buildFile(resolve(cwd, input), ctx)
        : await buildFile(resolve(cwd, input.path ?? 'document.md'), ctx, typeof input.source === 'string' ? Buffer.from(input.source, 'utf8') : input.source);
    // As the command: with strict, a document with warnings fails and gives no bytes.
    if ((opts.strict ?? config.strict) && built.warnings.length) throw new BuildError(built.warnings);
    return { ...built.outputs, warnings: built.warnings };
  } finally {
    if (!opts.session) await session.close();
  }
}
