// One source file → its PDF, DOCX and OFD bytes. Reading happens here (the edge); everything
// between is a pure stage: compose (template, Markdown, model) → plan (layout, once) → writers.

import { dirname, resolve } from 'node:path';
import type { ProjectConfig, Source } from '../source/index.js';
import { parseSource, readSource } from '../source/index.js';
import type { GongwenDocument } from '../model/types.js';
import type { TemplateSet } from '../template/render.js';
import type { FontSet } from '../fonts/index.js';
import type { PageItem } from '../layout/types.js';
import { Problem } from '../errors.js';
import type { Compressor } from '../render/pdf/deflatethread.js';
import { composeDocument } from './compose.js';
import { imageLoader } from './images.js';
// The layout and the writers (pdfkit, docx, OFD) load on first use: a DOCX-only run never
// loads pdfkit, a PDF-only run never loads the docx library.
const planStage = () => import('../layout/index.js');
const pdfStage = () => import('../render/pdf/index.js');
const docxStage = () => import('../render/docx/index.js');
const ofdStage = () => import('../render/ofd/index.js');

export type Format = 'pdf' | 'docx' | 'ofd';
export const FORMATS: readonly Format[] = ['pdf', 'docx', 'ofd'];
/** What a build makes unless told otherwise (the command's --format, the API's formats). */
export const DEFAULT_FORMATS: readonly Format[] = ['pdf', 'docx'];

export interface BuildContext {
  config: ProjectConfig;
  templates: TemplateSet;
  fonts: FontSet;
  formats: readonly Format[];
  /** PDF/A-2b output (always on for the archive); the OFD is then OFD-A. */
  pdfa: boolean;
  /** Compresses PDF streams (the build session's choice; default: libuv's pool). */
  compressor?: Compressor;
  /** Items drawn on top of page 1 of the PDF (the archive's 归档章); not sent to workers. */
  pageOneItems?: (source: Source, fonts: FontSet) => PageItem[];
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
  if (!ctx.formats.length) return { source, doc, outputs, warnings };
  // One plan for every writer.
  const { planDocument, drawPages } = await planStage();
  const plan = planDocument(doc, ctx.fonts);
  for (const w of plan.warnings) {
    warnings.push(new Problem({ file: w.file, ...(w.line ? { pos: { line: w.line, col: 1 } } : {}), what: { zh: w.message, en: w.message } }));
  }
  if (ctx.formats.includes('pdf') || ctx.formats.includes('ofd')) {
    const laid = drawPages(plan);
    if (ctx.formats.includes('ofd')) outputs.ofd = await (await ofdStage()).writeOfd(laid, ctx.fonts, { archive: ctx.pdfa, file: source.file, ...(ctx.compressor ? { compressor: ctx.compressor } : {}) });
    // The archive's 归档章 goes on page 1 of the archived PDF only (src/archive/stamp.ts).
    if (ctx.formats.includes('pdf')) {
      if (ctx.pageOneItems && laid.pages[0]) laid.pages[0].items.push(...ctx.pageOneItems(source, ctx.fonts));
      const pdfOpts = { pdfa: ctx.pdfa, ...(ctx.compressor ? { compressor: ctx.compressor } : {}) };
      outputs.pdf = await (await pdfStage()).writePdf(laid, ctx.fonts, pdfOpts);
    }
  }
  if (ctx.formats.includes('docx')) {
    const { writeDocx } = await docxStage();
    outputs.docx = await writeDocx(doc, plan, { fontNames: ctx.config.fonts?.docxNames });
  }
  return { source, doc, outputs, warnings };
}
