// A cheap line scan of Markdown before it is parsed, refusing what would make the parser
// itself slow: its cost grows with the square of the nesting depth of block quotes, lists,
// container directives and inline marks, and of a table's width (measured: 50,000 nested
// quotes take 44 s, a 3,000-deep list minutes). The scan estimates (it does not parse, and
// reads code blocks like any text), so it lets twice the limits through; the exact limits
// are then checked on the parsed tree (depth.ts).

import { MAX_INLINE_DEPTH, MAX_NESTING_DEPTH, MAX_TABLE_COLUMNS, SCAN_DEPTH_SLACK } from '../spec/limits.js';

export type Excess =
  | { kind: 'nesting'; line: number; depth: number }
  | { kind: 'inline'; line: number; depth: number }
  | { kind: 'columns'; line: number; columns: number };

const BLOCK_SCAN_MAX = MAX_NESTING_DEPTH * SCAN_DEPTH_SLACK;
const INLINE_SCAN_MAX = MAX_INLINE_DEPTH * SCAN_DEPTH_SLACK;

const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const isBlank = (c: string | undefined): boolean => c === undefined || c === ' ' || c === '\t';

/** Length of a list marker at `pos` (`-`, `+`, `*`, `1.`, `1)`) followed by a space or the line end; 0 if none. */
function listMarker(line: string, pos: number): number {
  const c = line[pos];
  if (c === '-' || c === '+' || c === '*') return isBlank(line[pos + 1]) ? 1 : 0;
  let k = pos;
  while (k < line.length && k - pos < 9 && line[k]! >= '0' && line[k]! <= '9') k++;
  if (k === pos || (line[k] !== '.' && line[k] !== ')')) return 0;
  return isBlank(line[k + 1]) ? k + 1 - pos : 0;
}

/** Cells of a table delimiter row (`|---|:-:|`). */
function cellsOf(row: string): number {
  const t = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return t.split('|').length;
}

/**
 * Inline nesting of one line, carried over the lines of a paragraph: brackets of links,
 * images and text directives, and runs of emphasis marks that open (after a space) or close
 * (before one). Returns the deepest level reached.
 */
function scanInline(line: string, from: number, state: { brackets: number; marks: number }): number {
  let max = 0;
  for (let i = from; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') i++;
    else if (c === '[') state.brackets++;
    else if (c === ']') state.brackets = Math.max(0, state.brackets - 1);
    else if (c === '*' || c === '_' || c === '~') {
      let e = i;
      while (e < line.length && (line[e] === '*' || line[e] === '_' || line[e] === '~')) e++;
      const before = i === from || isBlank(line[i - 1]);
      const after = e >= line.length || isBlank(line[e]);
      if (before && !after) state.marks += e - i;
      else if (after && !before) state.marks = Math.max(0, state.marks - (e - i));
      i = e - 1;
    }
    max = Math.max(max, state.brackets + state.marks);
  }
  return max;
}

/** Every place where the Markdown goes beyond what the parser is let to see; lines are 1-based in `markdown`. */
export function scanMarkdown(markdown: string): Excess[] {
  const out: Excess[] = [];
  /** Content columns of the open list items. */
  const lists: number[] = [];
  let directives = 0;
  const inline = { brackets: 0, marks: 0 };
  let prev = '';
  /** Where the depth first went beyond the limit (reported there), and its depth then. */
  let deepFrom: { line: number; depth: number } | undefined;
  let nestingReported = false;
  let inlineReported = false;
  const lines = markdown.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    let pos = 0;
    let col = 0;
    let quotes = 0;
    let markers = 0;
    // Container prefixes: quote marks and list markers, in any order.
    for (;;) {
      while (line[pos] === ' ' || line[pos] === '\t') {
        col += line[pos] === '\t' ? 4 - (col % 4) : 1;
        pos++;
      }
      if (line[pos] === '>') {
        quotes++;
        pos++;
        col++;
        continue;
      }
      const m = listMarker(line, pos);
      if (m && !THEMATIC_BREAK.test(line.slice(pos))) {
        if (markers === 0) while (lists.length && lists[lists.length - 1]! > col) lists.pop();
        markers++;
        lists.push(col + m + 1);
        pos += m;
        col += m;
        continue;
      }
      break;
    }
    const rest = line.slice(pos);
    if (rest.trim() === '') {
      inline.brackets = 0;
      inline.marks = 0;
    } else {
      // Text at a column left of an open item closes it (lazy lines aside: the scan may only underestimate there).
      if (markers === 0) while (lists.length && lists[lists.length - 1]! > col) lists.pop();
      if (/^:{3,}[A-Za-z]/.test(rest)) directives++;
      else if (/^:{3,}[ \t]*$/.test(rest)) directives = Math.max(0, directives - 1);
      if (DELIMITER_ROW.test(rest) && prev.includes('|')) {
        const columns = cellsOf(rest);
        if (columns > MAX_TABLE_COLUMNS) out.push({ kind: 'columns', line: n, columns });
      }
      const deep = scanInline(line, pos, inline);
      if (deep > INLINE_SCAN_MAX && !inlineReported) {
        out.push({ kind: 'inline', line: n + 1, depth: deep });
        inlineReported = true;
      }
    }
    const depth = quotes + lists.length + directives;
    if (depth <= MAX_NESTING_DEPTH) deepFrom = undefined;
    else deepFrom ??= { line: n + 1, depth };
    if (depth > BLOCK_SCAN_MAX && !nestingReported) {
      out.push({ kind: 'nesting', ...deepFrom! });
      nestingReported = true;
    }
    prev = rest;
    if (nestingReported && inlineReported) break;
  }
  return out;
}
