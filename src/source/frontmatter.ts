// Splits a source text into front matter and body with gray-matter, parsing the block with
// the `yaml` package (failsafe schema: every scalar stays the text typed) so that every key
// and value keeps its line and column in the original file.

import matter from 'gray-matter';
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { Problem, type Position, type Text } from '../errors.js';

export interface Split {
  /** The parsed front matter; undefined when the block is empty. */
  doc?: Document;
  /** Maps offsets in the YAML text to file positions. */
  pos: (offset: number) => Position;
  /** Line of the opening `---`. */
  openLine: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

export type SplitResult = { ok: true; split: Split } | { ok: false; problems: Problem[] };

const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: '同一个键写了两次',
  BAD_INDENT: '缩进不正确',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请用空格',
  MULTILINE_IMPLICIT_KEY: '键必须写在一行内，并以半角冒号「:」结束',
  MISSING_CHAR: '缺少必要的字符（如引号或括号未闭合）',
  MULTIPLE_DOCS: '前置元数据中只能有一个 YAML 文档',
  UNEXPECTED_TOKEN: '出现了不应有的字符',
  BLOCK_AS_IMPLICIT_KEY: '键的写法不正确',
  BAD_SCALAR_START: '值不能以这个字符开头，请给值加引号',
  BAD_ALIAS: 'YAML 别名写法不正确',
  BAD_DIRECTIVE: 'YAML 指令写法不正确',
  BAD_DQ_ESCAPE: '双引号中的转义序列不正确',
  TAG_RESOLVE_FAILED: 'YAML 标签无法识别',
  KEY_OVER_1024_CHARS: '键太长',
  MULTILINE_IMPLICIT_KEY_VALUE: '值的写法不正确',
};

/** Hint for the most common slip: a full-width colon after the key. */
function colonHint(line: string | undefined): Text | undefined {
  if (line && /^\s*[^\s:#][^:]*：/.test(line) && !line.includes(':')) {
    return {
      zh: '键后面的冒号应为半角「:」并后跟一个空格，不能用全角「：」',
      en: 'a key must be followed by an ASCII colon ":" and a space, not a full-width "："',
    };
  }
  return undefined;
}

export function yamlProblems(
  file: string,
  errors: readonly YAMLError[],
  lines: readonly string[],
  lineOffset = 0,
): Problem[] {
  return errors.map((e) => {
    const lp = e.linePos?.[0];
    const pos = lp ? { line: lp.line + lineOffset, col: lp.col } : undefined;
    const firstLine = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const zh = YAML_CODES[e.code] ?? 'YAML 语法错误';
    return new Problem({
      file,
      pos,
      what: { zh: `YAML 语法错误：${zh}`, en: `YAML syntax error: ${firstLine}` },
      found: pos ? lines[pos.line - 1]?.trim() : undefined,
      hint: colonHint(pos ? lines[pos.line - 1] : undefined),
    });
  });
}

/** The text is already decoded (no BOM, `\n` line ends). */
export function splitFrontMatter(file: string, text: string): SplitResult {
  const lines = text.split('\n');
  if (!/^---[^-]/.test(text + '\n')) {
    const first = lines.findIndex((l) => l.trim() !== '');
    const later = first >= 0 && lines[first]!.trim() === '---';
    return {
      ok: false,
      problems: [
        new Problem({
          file,
          pos: { line: later ? first + 1 : 1, col: 1 },
          what: later
            ? { zh: '前置元数据必须从文件第一行开始', en: 'the front matter must start on the first line of the file' }
            : { zh: '缺少前置元数据', en: 'missing front matter' },
          expected: {
            zh: '文件以「---」一行开头，接着写「键: 值」，再以「---」一行结束',
            en: 'a first line "---", then "key: value" lines, then a closing "---" line',
          },
        }),
      ],
    };
  }

  let doc: Document | undefined;
  const lineCounter = new LineCounter();
  const parsed = matter(text, {
    engines: {
      yaml: (src: string) => {
        doc = parseDocument(src, { schema: 'failsafe', lineCounter, prettyErrors: true, uniqueKeys: true });
        return {};
      },
    },
  });

  // gray-matter's block starts right after `---` on line 1, so YAML lines are file lines.
  const blockLines = parsed.matter.split('\n').length;
  const closeLine = blockLines + 1;
  const closing = lines[closeLine - 1];
  if (closing === undefined || !/^---\s*$/.test(closing)) {
    return {
      ok: false,
      problems: [
        new Problem({
          file,
          pos: closing === undefined ? { line: 1, col: 1 } : { line: closeLine, col: 1 },
          what:
            closing === undefined
              ? { zh: '前置元数据没有结束行', en: 'the front matter is not closed' }
              : { zh: '前置元数据的结束行只能是「---」', en: 'the closing line of the front matter must be exactly "---"' },
          expected: { zh: '单独一行「---」', en: 'a line "---"' },
          found: closing?.trim(),
        }),
      ],
    };
  }

  const d = doc as Document | undefined;
  if (d && d.errors.length > 0) {
    return { ok: false, problems: yamlProblems(file, d.errors, lines) };
  }
  const body = lines.slice(closeLine).join('\n');
  return {
    ok: true,
    split: {
      doc: d,
      pos: (offset) => lineCounter.linePos(offset),
      openLine: 1,
      body,
      bodyLine: closeLine + 1,
    },
  };
}
