// One source file → its PDF and DOCX bytes. Reading happens here (the edge); everything
// between is a pure stage: compose (template, Markdown, model) → layout → writers.

import { dirname, resolve } from 'node:path';
import type { ProjectConfig, Source } from '../source/index.js';
import { parseSource, readSource } from '../source/index.js';
import type { GongwenDocument } from '../model/types.js';
import type { TemplateSet } from '../template/render.js';
import type { FontSet } from '../fonts/index.js';
import { Problem } from '../errors.js';
import type { Compressor } from '../render/pdf/deflatethread.js';
import { composeDocument } from './compose.js';
import { imageLoader } from './images.js';
// The layout engine and the writers (pdfkit, docx) load on first use: a DOCX-only run never
// loads pdfkit, a PDF-only run never loads the docx library.
const pdfStage = async () => ({ ...(await import('../layout/index.js')), ...(await import('../render/pdf/index.js')) });
const docxStage = () => import('../render/docx/index.js');

export type Format = 'pdf' | 'docx';
export const FORMATS: readonly Format[] = ['pdf', 'docx'];

export interface BuildContext {
  config: ProjectConfig;
  templates: TemplateSet;
  fonts: FontSet;
  formats: readonly Format[];
  /** PDF/A-2b output (always on for the archive). */
  pdfa: boolean;
  /** Compresses PDF streams (the build session's choice; default: libuv's pool). */
  compressor?: Compressor;
}

export interface Built {
  source: Source;
  doc: GongwenDocument;
  outputs: Partial<Record<Format, Buffer>>;
  warnings: Problem[];
}

/** Read one source and compose its document model (what `gongwen check` runs). */
export function readAndCompose(file: string, config: ProjectConfig, templates: TemplateSet, bytes?: Uint8Array): { source: Source; doc: GongwenDocument } {
  const source = bytes ? parseSource(file, bytes, config) : readSource(file, config);
  // The project folder is the config file's folder, else the source's own folder.
  const root = config.path ? config.root : dirname(resolve(file));
  const doc = composeDocument(source, templates, { loadImage: imageLoader(file, root) });
  return { source, doc };
}

/** Build one file (its text `bytes` when given, else read); throws BuildError when the source is wrong. */
export async function buildFile(file: string, ctx: BuildContext, bytes?: Uint8Array): Promise<Built> {
  const { source, doc } = readAndCompose(file, ctx.config, ctx.templates, bytes);
  const warnings: Problem[] = [...source.warnings];
  const outputs: Partial<Record<Format, Buffer>> = {};
  if (ctx.formats.includes('pdf')) {
    const { layoutDocument, writePdf } = await pdfStage();
    const laid = layoutDocument(doc, ctx.fonts);
    for (const w of laid.warnings) {
      warnings.push(
        new Problem({ file: w.file, ...(w.line ? { pos: { line: w.line, col: 1 } } : {}), what: { zh: w.message, en: w.message } }),
      );
    }
    outputs.pdf = await writePdf(laid, ctx.fonts, { pdfa: ctx.pdfa, ...(ctx.compressor ? { compressor: ctx.compressor } : {}) });
  }
  if (ctx.formats.includes('docx')) {
    const { writeDocx } = await docxStage();
    outputs.docx = await writeDocx(doc, { fontNames: ctx.config.fonts?.docxNames, fonts: ctx.fonts });
  }
  return { source, doc, outputs, warnings };
}
