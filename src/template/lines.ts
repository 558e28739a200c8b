// Template line marks: every line of template text is tagged in the parsed template, so that
// each line of the merged Markdown can be traced back to the template file and line it came
// from (partials and conditionals included). The marks never reach the Markdown.

import type Handlebars from 'handlebars';

/** Where a line of the merged text came from in the templates. */
export interface TemplateLine {
  file: string;
  line: number;
}

// NUL cannot occur in a value (escape.ts folds control characters) nor in a template line
// that reaches the Markdown, so a mark is unambiguous.
const mark = (fileIndex: number, line: number): string => `\u0000@${fileIndex}:${line}\u0000`;
const MARK = /\u0000@(\d+):(\d+)\u0000/g;

interface Content {
  type: 'ContentStatement';
  value: string;
  original: string;
  rightStripped?: boolean;
  loc: { start: { line: number } };
}

/** The whitespace Handlebars removed in front of a content node (standalone lines, `~`). */
function strippedPrefix(c: Content): string {
  if (!c.rightStripped) return '';
  for (const re of [/^[ \t]*\r?\n?/, /^\s+/]) {
    const p = re.exec(c.original)?.[0] ?? '';
    if (c.original.slice(p.length).startsWith(c.value)) return p;
  }
  return '';
}

/**
 * Mark one content node: its start and the start of every line in it. Handlebars runs its
 * whitespace control again when it compiles a parsed template; a mark at the start and after
 * every newline keeps that second pass from stripping anything the first pass kept.
 */
function markContent(c: Content, fileIndex: number): void {
  if (!c.value) return;
  let line = c.loc.start.line + (strippedPrefix(c).match(/\n/g)?.length ?? 0);
  let out = mark(fileIndex, line);
  for (const ch of c.value) {
    out += ch;
    if (ch === '\n') out += mark(fileIndex, ++line);
  }
  c.value = out;
}

function walk(node: unknown, visit: (c: Content) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const n = node as { type?: string; body?: unknown; program?: unknown; inverse?: unknown };
  if (n.type === 'ContentStatement') visit(node as Content);
  walk(n.body, visit);
  walk(n.program, visit);
  walk(n.inverse, visit);
}

/** Parse a template and tag its lines with `fileIndex` (an index into the caller's file list). */
export function parseMarked(hb: typeof Handlebars, text: string, fileIndex: number): hbs.AST.Program {
  const ast = hb.parse(text);
  walk(ast, (c) => markContent(c, fileIndex));
  return ast;
}

/** The mark that tells where a rendered line came from. */
function lineMark(l: string): RegExpExecArray | null {
  // Marks at the very start stand before the line's own text: the last of them is nearest to it
  // (the others end a partial or a block that printed nothing more on this line).
  const lead = /^(?:\u0000@\d+:\d+\u0000)+/.exec(l)?.[0];
  if (lead) return [...lead.matchAll(MARK)].pop() ?? null;
  // A line that starts with a value takes the first mark after it.
  return /\u0000@(\d+):(\d+)\u0000/.exec(l);
}

/**
 * Remove the marks from rendered text. Returns the clean text and, per 1-based line, the
 * template line it came from (a line with no mark takes that of the line above).
 */
export function unmark(text: string, files: readonly string[], fallback: TemplateLine): { text: string; lines: TemplateLine[] } {
  const lines: TemplateLine[] = [];
  let last = fallback;
  const clean = text.split('\n').map((l) => {
    const m = lineMark(l);
    if (m) last = { file: files[Number(m[1])] ?? fallback.file, line: Number(m[2]) };
    lines.push(last);
    return l.replace(MARK, '');
  });
  return { text: clean.join('\n'), lines };
}
