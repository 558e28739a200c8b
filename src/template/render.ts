// Templates: one Handlebars text per document type (templates/<type>.hbs) plus partials,
// merged with the front-matter view into one Markdown text. Values reach the template only
// escaped (meta.* for Markdown, attr.* for directive attributes), so content cannot create
// structure; only the known helpers run, and templates never see the file system.

import Handlebars from 'handlebars';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BuildError, Problem } from '../errors.js';
import type { DocType } from '../model/types.js';
import { escapeAttribute, escapeDeep, escapeMarkdown } from './escape.js';
import { parseMarked, unmark } from './lines.js';
import type { View } from './view.js';
import { TYPE_LIST } from '../source/doctypes.js';

export interface TemplateFile {
  path: string;
  text: string;
}

export interface TemplateSet {
  dir: string;
  types: Partial<Record<DocType, TemplateFile>>;
  partials: Record<string, TemplateFile>;
}

/** The templates that ship with gongwen. */
export const BUILTIN_TEMPLATE_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

/** Read a template folder (file I/O edge). */
export function loadTemplates(dir: string = BUILTIN_TEMPLATE_DIR): TemplateSet {
  const read = (path: string): TemplateFile => ({ path, text: readFileSync(path, 'utf8') });
  const types: TemplateSet['types'] = {};
  for (const type of TYPE_LIST) {
    const p = join(dir, `${type}.hbs`);
    if (existsSync(p)) types[type] = read(p);
  }
  const partials: Record<string, TemplateFile> = {};
  const pdir = join(dir, 'partials');
  if (existsSync(pdir)) {
    for (const f of readdirSync(pdir).sort()) if (f.endsWith('.hbs')) partials[basename(f, '.hbs')] = read(join(pdir, f));
  }
  return { dir, types, partials };
}

/** Marker that stands for the body while the template is rendered, to map lines back. */
const BODY_MARK = '\u0000GONGWEN-BODY\u0000';

interface Compiled {
  render: (ctx: unknown) => string;
  /** Template files by the index their line marks carry. */
  files: string[];
}
const compiledCache = new WeakMap<TemplateSet, Map<DocType, Compiled>>();

function compile(set: TemplateSet, type: DocType): Compiled {
  let perSet = compiledCache.get(set);
  if (!perSet) compiledCache.set(set, (perSet = new Map()));
  const hit = perSet.get(type);
  if (hit) return hit;
  const file = set.types[type];
  if (!file) {
    throw new BuildError([
      new Problem({
        file: join(set.dir, `${type}.hbs`),
        what: { zh: '找不到该文种的模板', en: 'no template for this document type' },
      }),
    ]);
  }
  const hb = Handlebars.create();
  hb.registerHelper('join', (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : '') : '',
  );
  const options = { noEscape: true, knownHelpersOnly: true, knownHelpers: { join: true }, strict: false };
  const files = [file.path];
  let current = file.path;
  try {
    for (const [name, p] of Object.entries(set.partials)) {
      current = p.path;
      files.push(p.path);
      hb.registerPartial(name, hb.compile(parseMarked(hb, p.text, files.length - 1), options));
    }
    current = file.path;
    const render = hb.compile(parseMarked(hb, file.text, 0), options);
    // Compile eagerly so that syntax errors surface here, with the template's position.
    render({ meta: {}, attr: {}, body: '' });
    const compiled = { render, files };
    perSet.set(type, compiled);
    return compiled;
  } catch (e) {
    throw templateError(current, e);
  }
}

function templateError(path: string, e: unknown): BuildError {
  const msg = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ');
  const m = /line (\d+)/.exec(msg);
  return new BuildError([
    new Problem({
      file: path,
      pos: m ? { line: Number(m[1]), col: 1 } : undefined,
      what: { zh: `模板错误：${msg}`, en: `template error: ${msg}` },
    }),
  ]);
}

/** Where each line of the merged Markdown came from. */
export interface LineOrigin {
  file: string;
  line: number;
}

export interface Merged {
  markdown: string;
  /** origin(line) for a 1-based line of `markdown`. */
  origin(line: number): LineOrigin;
  /** Position of a directive in the template text, for errors about template content. */
  locate(directive: string): { line: number; col: number } | undefined;
}

/**
 * Merge a view and a body into one Markdown text. `bodyLine` is the body's first line in
 * the source file, so positions in the body map back to the file the staff wrote.
 */
export function renderDocument(
  set: TemplateSet,
  type: DocType,
  view: View,
  body: string,
  source: { file: string; bodyLine: number },
): Merged {
  const compiled = compile(set, type);
  const templatePath = set.types[type]!.path;
  const ctx = { meta: escapeDeep(view, escapeMarkdown), attr: escapeDeep(view, escapeAttribute), body: BODY_MARK };
  let marked: string;
  try {
    marked = compiled.render(ctx);
  } catch (e) {
    throw templateError(templatePath, e);
  }
  const { text, lines: templateLines } = unmark(marked, compiled.files, { file: templatePath, line: 0 });
  const at = text.indexOf(BODY_MARK);
  const markLine = at < 0 ? -1 : text.slice(0, at).split('\n').length; // 1-based
  const bodyText = body.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  const bodyLines = bodyText.split('\n').length;
  const markdown = at < 0 ? text : text.slice(0, at) + bodyText + text.slice(at + BODY_MARK.length);
  return {
    markdown,
    origin(line: number): LineOrigin {
      if (markLine > 0 && line >= markLine && line < markLine + bodyLines) {
        return { file: source.file, line: source.bodyLine + (line - markLine) };
      }
      // Lines after the body stand bodyLines − 1 further down than in the rendered template.
      const rendered = markLine > 0 && line >= markLine + bodyLines ? line - bodyLines + 1 : line;
      return templateLines[rendered - 1] ?? { file: templatePath, line: 0 };
    },
    locate(directive: string) {
      const lines = set.types[type]!.text.split('\n');
      const re = new RegExp(`(^|[^:]):{2,3}${directive.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
      for (let i = 0; i < lines.length; i++) {
        const m = re.exec(lines[i]!);
        if (m) return { line: i + 1, col: m.index + m[1]!.length + 1 };
      }
      return undefined;
    },
  };
}
