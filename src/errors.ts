// Errors and warnings shown to staff. Each names the file, the line and column, the key,
// what was expected and what was found, in Chinese (English with `--lang en`).

export type Lang = 'zh' | 'en';

/** A bilingual text: Chinese first, English where staff ask for it. */
export interface Text {
  zh: string;
  en: string;
}

export interface Position {
  /** 1-based line in the source file. */
  line: number;
  /** 1-based column in the source file. */
  col: number;
}

export interface ProblemInit {
  file: string;
  pos?: Position;
  /** The front-matter key (as the writer typed it), directive name, or other subject. */
  key?: string;
  /** What happened, e.g. {zh:'缺少必填项', en:'missing required key'}. */
  what: Text;
  expected?: Text;
  found?: string;
  /** Extra hint, e.g. a "did you mean". */
  hint?: Text;
}

/** Characters of a found value shown in a message; a longer value is cut with「…」. */
const FOUND_SHOWN_CHARS = 100;

/** A found value on one line: line breaks shown as `\n`, long values cut. */
function oneLine(found: string): string {
  const flat = found.replace(/\r?\n/g, '\\n');
  const chars = [...flat];
  return chars.length > FOUND_SHOWN_CHARS ? chars.slice(0, FOUND_SHOWN_CHARS).join('') + '…' : flat;
}

/** One problem in one file: an error stops the file, a warning does not. */
export class Problem {
  readonly file: string;
  readonly pos?: Position;
  readonly key?: string;
  readonly what: Text;
  readonly expected?: Text;
  readonly found?: string;
  readonly hint?: Text;

  constructor(init: ProblemInit) {
    this.file = init.file;
    this.pos = init.pos;
    this.key = init.key;
    this.what = init.what;
    this.expected = init.expected;
    this.found = init.found;
    this.hint = init.hint;
  }

  /** `file:line:col: 键「key」：what；应为 …；实际为 …。hint` */
  format(lang: Lang = 'zh'): string {
    const where = this.pos ? `${this.file}:${this.pos.line}:${this.pos.col}` : this.file;
    const parts: string[] = [];
    if (lang === 'zh') {
      let head = this.key !== undefined ? `键「${this.key}」：${this.what.zh}` : this.what.zh;
      if (this.expected) head += `；应为 ${this.expected.zh}`;
      if (this.found !== undefined) head += `；实际为「${oneLine(this.found)}」`;
      parts.push(head);
      if (this.hint) parts.push(this.hint.zh);
      return `${where}: ${parts.join('。')}`;
    }
    let head = this.key !== undefined ? `key "${this.key}": ${this.what.en}` : this.what.en;
    if (this.expected) head += `; expected ${this.expected.en}`;
    if (this.found !== undefined) head += `; found "${oneLine(this.found)}"`;
    parts.push(head);
    if (this.hint) parts.push(this.hint.en);
    return `${where}: ${parts.join('. ')}`;
  }
}

/** Thrown by a stage when a file cannot be built; carries every problem found. */
export class BuildError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map((p) => p.format('en')).join('\n'));
    this.name = 'BuildError';
    this.problems = problems;
  }
}

/** A non-fatal message (e.g. a bracket normalised, a glyph drawn by a fallback font). */
export type Warning = Problem;
