// The source stage: one Markdown file with front matter → typed metadata, body and layout
// options, or a BuildError carrying every problem found in the file.

import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, type Node } from 'yaml';
import { BuildError, Problem, type Position } from '../errors.js';
import type { DocType, ImageData } from '../model/types.js';
import { DEFAULT_LAYOUT, sortProblems } from './config.js';
import { controlsWarning, decodeSource, tooLarge } from './decode.js';
import { EntrySet, type Entry } from './entries.js';
import type { FieldCtx } from './fields.js';
import { splitFrontMatter } from './frontmatter.js';
import { keySpec } from './keys.js';
import { missing } from './crosschecks.js';
import { parseMeta, typeParser, TYPE_EXPECTED, type SchemaCtx } from './schema.js';
import { imageInfo, imageTooLarge, resolveProjectPath, resolveSealPath } from './seal.js';
import { TYPE_LIST, typeOfValue, typeSpec } from './doctypes.js';
import type { ProjectConfig, Source } from './types.js';
import { MAX_SOURCE_BYTES } from '../spec/limits.js';

export type {
  ApprovalMeta,
  BulletinMeta,
  FileMeta,
  MinutesMeta,
  OrderMeta,
  PlainMeta,
  RequestMeta,
  Category,
  CommonMeta,
  Contact,
  DateValue,
  Distribution,
  Meta,
  ProjectConfig,
  Publicity,
  ReplyMeta,
  Secrecy,
  Source,
  Urgency,
} from './types.js';
export { CONFIG_FILE, DEFAULT_LAYOUT, loadConfig, parseConfig } from './config.js';
export { parseDate, formatDate } from './dates.js';
export { parseDocNumber, DOC_NUMBER_RE } from './docnumber.js';
export { imageInfo, imageTooLarge, resolveSealPath } from './seal.js';
export { KEYS } from './keys.js';
export { DOC_TYPES, TYPE_LIST, typeOfValue, typeSpec } from './doctypes.js';

const TYPES: readonly DocType[] = TYPE_LIST;

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

/** Sorts the source's own problems first, then by line and column. */
function sortFor(file: string, ps: Problem[]): Problem[] {
  const own = sortProblems(ps.filter((p) => p.file === file));
  const other = sortProblems(ps.filter((p) => p.file !== file));
  return [...own, ...other];
}

/** The type as typed in the front matter (for better "did you mean" hints), if readable. */
function peekType(root: unknown): DocType | undefined {
  if (!isMap(root)) return undefined;
  for (const p of root.items) {
    const k = isScalar(p.key) ? String(p.key.value) : '';
    if ((k === 'type' || k === '类型') && isScalar(p.value)) {
      return typeOfValue(String(p.value.value ?? ''));
    }
  }
  return undefined;
}

function fieldCtx(entry: Entry, problems: Problem[], warnings: Problem[]): FieldCtx {
  const mk = (what: Problem['what'], r?: Parameters<FieldCtx['error']>[1]) =>
    new Problem({
      file: entry.file,
      pos: r?.pos ?? entry.keyPos,
      key: entry.spelled,
      what,
      expected: r?.expected,
      found: r?.found,
      hint: r?.hint,
    });
  return { error: (w, r) => problems.push(mk(w, r)), warn: (w, r) => warnings.push(mk(w, r)) };
}

/**
 * Parses one source file. `readFile` reads the seal image (default: from disk). Throws a
 * BuildError with every problem found; warnings are returned in `Source.warnings`.
 */
export function parseSource(
  file: string,
  bytes: Uint8Array,
  config: ProjectConfig,
  readFile: (p: string) => Uint8Array = (p) => fs.readFileSync(p),
): Source {
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) throw new BuildError([decoded.problem]);
  const split = splitFrontMatter(file, decoded.text);
  if (!split.ok) throw new BuildError(split.problems);
  const { doc, openLine, body, bodyLine } = split.split;

  const problems: Problem[] = [];
  const warnings: Problem[] = decoded.removed ? [controlsWarning(file, decoded.removed)] : [];
  const root = doc?.contents ?? null;
  if (root !== null && !isMap(root) && !(isScalar(root) && String(root.value ?? '').trim() === '')) {
    const line = decoded.text.split('\n')[openLine] ?? '';
    const r = (root as Node).range;
    problems.push(
      new Problem({
        file,
        pos: r ? split.split.pos(r[0]) : { line: openLine + 1, col: 1 },
        what: { zh: '前置元数据应为「键: 值」的形式', en: 'the front matter must be "key: value" lines' },
        found: line.trim(),
        hint: line.includes('：')
          ? { zh: '键后面的冒号应为半角「:」并后跟一个空格', en: 'use an ASCII colon ":" and a space after each key' }
          : undefined,
      }),
    );
    throw new BuildError(problems);
  }

  // Keys of the front matter and of the configuration defaults.
  const typed = peekType(root);
  const fm = new EntrySet(file, typed ? [typed] : TYPES);
  fm.addYamlMap(root, split.split.pos);
  problems.push(...fm.problems);
  // Problems in config defaults name the config file as the user would type it.
  const configFile = config.path ? displayPath(config.path) : 'gongwen.config.yaml';
  const defs = new EntrySet(configFile, TYPES);
  defs.addPlain(config.defaults, config.defaultPositions);
  problems.push(...defs.problems);

  // The type decides the schema.
  let type: DocType | undefined;
  const typeEntry = fm.entries.get('type') ?? defs.entries.get('type');
  const openPos: Position = { line: openLine, col: 1 };
  const schemaBase = { file, openLine, warnings, attachment: () => undefined };
  if (!typeEntry) {
    problems.push(
      missing({ ...schemaBase, entries: new Map(), seal: () => undefined }, 'type', 'required', {
        zh: `，值为 ${TYPE_EXPECTED.zh}`,
        en: `, one of ${TYPE_EXPECTED.en}`,
      }),
    );
  } else {
    type = typeParser(typeEntry.value, fieldCtx(typeEntry, problems, warnings));
    if (type === undefined && !problems.some((p) => p.key === typeEntry.spelled)) {
      problems.push(missing({ ...schemaBase, entries: new Map(), seal: () => undefined }, 'type', 'required'));
    }
  }

  const keyPositions = new Map<string, Position>();
  for (const e of fm.entries.values()) if (e.keyPos) keyPositions.set(e.path, e.keyPos);

  let meta: Source['meta'] | undefined;
  if (type) {
    const t = type;
    const entries = new Map<string, Entry>();
    for (const e of defs.entries.values()) if (keySpec(e.path).types.includes(t)) entries.set(e.path, e);
    for (const e of fm.entries.values()) {
      const spec = keySpec(e.path);
      if (!spec.types.includes(t)) {
        const names = spec.types.map((x) => typeSpec(x).name);
        const other = { zh: names.map((n) => n.zh).join('、'), en: names.map((n) => n.en).join(', ') };
        const self = typeSpec(t).name;
        problems.push(
          new Problem({
            file,
            pos: e.keyPos,
            key: e.spelled,
            what: {
              zh: `「${spec.alias}」只用于${other.zh}，${self.zh}没有这一项`,
              en: `"${spec.path}" (${spec.alias}) belongs to ${other.en}, not ${self.en}`,
            },
          }),
        );
        continue;
      }
      entries.set(e.path, e);
    }
    const ctx: SchemaCtx = {
      ...schemaBase,
      openLine: openPos.line,
      entries,
      seal: (spec, c) => readSeal(spec, c, entries.get('seal')!, file, config, readFile),
      attachment: (spec, c, pos) => readAttachment(spec, c, pos, entries.get('attachments')!, file, config, readFile),
    };
    const r = parseMeta(ctx, t);
    if (r.ok) meta = r.meta;
    else problems.push(...r.problems);
  }

  if (body.trim() === '') {
    const lines = decoded.text.split('\n').length;
    problems.push(
      new Problem({
        file,
        pos: { line: Math.min(bodyLine, lines), col: 1 },
        what: { zh: '正文为空', en: 'the body is empty' },
        expected: { zh: '前置元数据结束行「---」之后的正文', en: 'body text after the closing "---"' },
      }),
    );
  }

  if (problems.length > 0 || !meta) throw new BuildError(sortFor(file, problems));
  return {
    file,
    meta,
    body,
    bodyLine,
    options: { ...DEFAULT_LAYOUT, ...config.layout },
    warnings: sortFor(file, warnings),
    keyPositions,
  };
}

function readSeal(
  spec: string,
  c: FieldCtx,
  entry: Entry,
  file: string,
  config: ProjectConfig,
  readFile: (p: string) => Uint8Array,
): ImageData | undefined {
  const root = config.path ? config.root : path.dirname(path.resolve(file));
  // A seal given as a config default is relative to the config file.
  const base = entry.file === file ? file : path.join(config.root, 'gongwen.config.yaml');
  const r = resolveSealPath(spec, base, root);
  if (!r.ok) {
    c.error(r.what, { expected: r.expected, found: spec });
    return undefined;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFile(r.abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    c.error(
      code === 'ENOENT'
        ? { zh: '找不到印章图片', en: 'seal image not found' }
        : { zh: `无法读取印章图片（${code ?? String(e)}）`, en: `cannot read the seal image (${code ?? String(e)})` },
      { found: spec },
    );
    return undefined;
  }
  const info = imageInfo(bytes);
  if (!info) {
    c.error(
      { zh: '印章文件不是有效的 PNG 或 JPEG 图片', en: 'the seal file is not a valid PNG or JPEG image' },
      { expected: { zh: 'PNG 或 JPEG 图片', en: 'a PNG or JPEG image' }, found: spec },
    );
    return undefined;
  }
  const huge = imageTooLarge(info);
  if (huge) {
    c.error(huge, { found: spec });
    return undefined;
  }
  return { src: spec, bytes, ...info };
}

/** Reads an attachment file named in `attachments` (inside the project folder, UTF-8 Markdown). */
function readAttachment(
  spec: string,
  c: FieldCtx,
  pos: Position | undefined,
  entry: Entry,
  file: string,
  config: ProjectConfig,
  readFile: (p: string) => Uint8Array,
): string | undefined {
  const root = config.path ? config.root : path.dirname(path.resolve(file));
  const base = entry.file === file ? file : path.join(config.root, 'gongwen.config.yaml');
  const r = resolveProjectPath(spec, base, root, { zh: '附件', en: 'attachment' });
  if (!r.ok) {
    c.error(r.what, { expected: r.expected, found: spec, pos });
    return undefined;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFile(r.abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    c.error(
      code === 'ENOENT'
        ? { zh: '找不到附件文件', en: 'attachment file not found' }
        : { zh: `无法读取附件文件（${code ?? String(e)}）`, en: `cannot read the attachment file (${code ?? String(e)})` },
      { found: spec, pos },
    );
    return undefined;
  }
  const decoded = decodeSource(spec, bytes);
  if (!decoded.ok) {
    c.error(decoded.problem.what, { found: spec, pos });
    return undefined;
  }
  if (decoded.removed) c.warn(controlsWarning(spec, decoded.removed).what, { found: spec, pos });
  // An attachment may carry its own front matter (e.g. from `gongwen new`): only its body is laid
  // out. It is blanked, not cut, so that the body's lines keep their numbers in the file.
  return decoded.text.replace(/^---\n[\s\S]*?\n---[ \t]*(?:\n|$)/, (m) => m.replace(/[^\n]/g, ''));
}

/** Reads one source file from disk (and its seal image). */
export function readSource(file: string, config: ProjectConfig): Source {
  let bytes: Uint8Array;
  try {
    // A file over the limit is refused before it is read.
    const size = fs.statSync(file).size;
    if (size > MAX_SOURCE_BYTES) throw new BuildError([tooLarge(file, size)]);
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof BuildError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new BuildError([
      new Problem({
        file,
        what:
          code === 'ENOENT'
            ? { zh: '找不到文件', en: 'file not found' }
            : { zh: `无法读取文件（${code ?? String(e)}）`, en: `cannot read the file (${code ?? String(e)})` },
      }),
    ]);
  }
  return parseSource(file, bytes, config);
}
