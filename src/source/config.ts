// The project configuration: `gongwen.config.yaml` in the working directory (or the file
// given with --config). It holds front-matter defaults (under `defaults:` or at the top level,
// either spelling), fonts, the output folder and layout options.

import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { BuildError, Problem, type Position, type Text } from '../errors.js';
import type { FontRole, LayoutOptions } from '../model/types.js';
import { SIZE_PT } from '../spec/gbt9704.js';
import { decodeSource } from './decode.js';
import { EntrySet, toRaw, type PosOf, type Raw } from './entries.js';
import { yamlProblems } from './frontmatter.js';
import * as f from './fields.js';
import { editDistance } from './keys.js';
import type { ProjectConfig } from './types.js';
import * as codes from './archivecodes.js';

export const CONFIG_FILE = 'gongwen.config.yaml';

export const DEFAULT_LAYOUT: LayoutOptions = {
  lineMode: 'grid',
  colophonOnEvenPage: false,
  noBodyTextNotice: false,
  boldLevel3: false,
};

const ROLES: readonly FontRole[] = ['song', 'fangsong', 'hei', 'kai', 'songti'];
const SECTIONS = ['defaults', 'fonts', 'output', 'layout', 'strict', 'archive', '归档'] as const;
const LAYOUT_KEYS = ['lineMode', 'colophonOnEvenPage', 'noBodyTextNotice', 'boldLevel3', 'tableSize'] as const;
/** Text sizes a table may be set in (layout.tableSize), by their Chinese names [C]. */
const TABLE_SIZES: Readonly<Record<string, number>> = { 三号: SIZE_PT.sanhao, 小三: SIZE_PT.xiaosan, 四号: SIZE_PT.sihao, 小四: SIZE_PT.xiaosi, 五号: SIZE_PT.wuhao };
const FONT_KEYS = ['files', 'docxNames', 'folders'] as const;

/** Plain value of a Raw: text or list of texts (maps never reach here). */
function plain(raw: Raw): string | string[] {
  if (raw.kind === 'seq') return raw.items.map((i) => (i.kind === 'scalar' ? i.text : ''));
  return raw.kind === 'scalar' ? raw.text : '';
}

class ConfigReader {
  readonly problems: Problem[] = [];
  constructor(
    readonly file: string,
    readonly posOf: PosOf,
  ) {}

  pos(n: unknown): Position | undefined {
    const r = (n as Node | null)?.range;
    return r ? this.posOf(r[0]) : undefined;
  }

  error(pos: Position | undefined, key: string | undefined, what: Text, expected?: Text, found?: string, hint?: Text) {
    this.problems.push(new Problem({ file: this.file, pos, key, what, expected, found, hint }));
  }

  /** Iterates a mapping's pairs as (key text, value node, key position); reports unknown keys. */
  pairs(node: unknown, allowed: readonly string[], prefix: string): Array<[string, unknown, Position | undefined]> {
    const out: Array<[string, unknown, Position | undefined]> = [];
    if (!isMap(node)) {
      if (!(isScalar(node) && String(node.value ?? '') === '')) {
        this.error(this.pos(node), prefix, { zh: '应为键值映射', en: 'expected a mapping' });
      }
      return out;
    }
    for (const p of node.items) {
      const k = isScalar(p.key) ? String(p.key.value ?? '').trim() : '';
      const kp = this.pos(p.key);
      if (!allowed.includes(k)) {
        const near = allowed.find((a) => editDistance(a.toLowerCase(), k.toLowerCase()) <= 2);
        this.error(
          kp,
          prefix ? `${prefix}.${k}` : k,
          { zh: '未知的配置项', en: 'unknown setting' },
          { zh: allowed.join('、'), en: allowed.join(', ') },
          undefined,
          near ? { zh: `是否想写「${near}」？`, en: `did you mean "${near}"?` } : undefined,
        );
        continue;
      }
      out.push([k, p.value, kp]);
    }
    return out;
  }

  fieldCtx(key: string, pos: Position | undefined): f.FieldCtx {
    return {
      error: (what, r) => this.error(r?.pos ?? pos, key, what, r?.expected, r?.found, r?.hint),
      warn: () => {},
    };
  }

  text(node: unknown, key: string, pos: Position | undefined): string | undefined {
    return f.text()(toRaw(node, this.posOf), this.fieldCtx(key, pos));
  }
}

function readLayout(r: ConfigReader, node: unknown): Partial<LayoutOptions> {
  const out: Partial<LayoutOptions> = {};
  for (const [k, v, kp] of r.pairs(node, LAYOUT_KEYS, 'layout')) {
    const raw = toRaw(v, r.posOf);
    const c = r.fieldCtx(`layout.${k}`, kp);
    if (k === 'lineMode') {
      const m = f.oneOf<LayoutOptions['lineMode']>(['grid', 'fixed28'], {}, {
        zh: 'grid（22行排满版心）或 fixed28（固定28磅行距）',
        en: 'grid or fixed28',
      })(raw, c);
      if (m) out.lineMode = m;
    } else if (k === 'tableSize') {
      const names = Object.keys(TABLE_SIZES);
      const m = f.oneOf<string>(names, {}, {
        zh: `表格文字的字号：${names.join('、')}`,
        en: `the text size of tables: ${names.join(', ')}`,
      })(raw, c);
      if (m) out.tableSize = TABLE_SIZES[m];
    } else {
      const b = f.bool(raw, c);
      if (b !== undefined) out[k as Exclude<(typeof LAYOUT_KEYS)[number], 'lineMode' | 'tableSize'>] = b;
    }
  }
  return out;
}

function readFonts(r: ConfigReader, node: unknown, dir: string): NonNullable<ProjectConfig['fonts']> {
  const out: NonNullable<ProjectConfig['fonts']> = {};
  for (const [k, v, kp] of r.pairs(node, FONT_KEYS, 'fonts')) {
    if (k === 'folders') {
      const l = f.list()(toRaw(v, r.posOf), r.fieldCtx('fonts.folders', kp));
      if (l) out.folders = l.map((p) => path.resolve(dir, p));
      continue;
    }
    const m: Partial<Record<FontRole, string>> = {};
    for (const [role, rv, rp] of r.pairs(v, ROLES, `fonts.${k}`)) {
      const t = r.text(rv, `fonts.${k}.${role}`, rp);
      if (t) m[role as FontRole] = k === 'files' ? path.resolve(dir, t) : t;
    }
    out[k as 'files' | 'docxNames'] = m;
  }
  return out;
}

/** `archive:` (DA/T 22): every key in English or Chinese; 全宗号 is required once the section is given. */
function readArchive(r: ConfigReader, node: unknown, keyPos: Position | undefined): ProjectConfig['archive'] {
  const byName = new Map<string, codes.ArchiveKey>();
  for (const [en, zh] of Object.entries(codes.ARCHIVE_KEYS) as Array<[codes.ArchiveKey, string]>) {
    byName.set(en, en);
    byName.set(zh, en);
  }
  const seen = new Map<codes.ArchiveKey, string>();
  const out: Partial<NonNullable<ProjectConfig['archive']>> = {};
  let bad = false;
  for (const [spelled, v, kp] of r.pairs(node, [...byName.keys()], 'archive')) {
    const k = byName.get(spelled)!;
    const key = `archive.${spelled}`;
    if (seen.has(k)) {
      r.error(kp, key, { zh: `与「${seen.get(k)}」是同一项，重复填写`, en: `same setting as "${seen.get(k)}", given twice` });
      bad = true;
      continue;
    }
    seen.set(k, spelled);
    const raw = toRaw(v, r.posOf);
    const before = r.problems.length;
    const c = r.fieldCtx(key, kp);
    if (k === 'fonds') out.fonds = codes.fonds(raw, c);
    else if (k === 'fondsName') out.fondsName = f.text()(raw, c);
    else if (k === 'retention') out.retention = codes.retention(raw, c);
    else if (k === 'org') out.org = f.isEmptyRaw(raw) ? undefined : codes.org(raw, c);
    else if (k === 'category') out.category = codes.category(raw, c);
    else out.stamp = f.bool(raw, c);
    if (r.problems.length > before) bad = true;
  }
  if (!out.fonds && !bad) {
    r.error(keyPos, 'archive', { zh: '归档设置缺少「全宗号」（fonds）', en: 'the archive settings lack "fonds" (全宗号)' }, {
      zh: '如「fonds: J012」或「全宗号: J012」',
      en: 'e.g. "fonds: J012"',
    });
  }
  if (bad || !out.fonds) return undefined;
  return {
    fonds: out.fonds,
    category: out.category ?? codes.DEFAULT_CATEGORY,
    stamp: out.stamp ?? false,
    ...(out.fondsName ? { fondsName: out.fondsName } : {}),
    ...(out.retention ? { retention: out.retention } : {}),
    ...(out.org ? { org: out.org } : {}),
  };
}

/**
 * Parses config bytes. `file` names it in messages; relative paths in it resolve against the
 * folder of `abs` (default: `file` resolved against the process's working directory).
 */
export function parseConfig(file: string, bytes: Uint8Array, abs: string = path.resolve(file)): ProjectConfig {
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) throw new BuildError([decoded.problem]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(decoded.text, { schema: 'failsafe', lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) throw new BuildError(yamlProblems(file, doc.errors, decoded.text.split('\n')));
  const posOf: PosOf = (o) => lineCounter.linePos(o);
  const r = new ConfigReader(file, posOf);
  const dir = path.dirname(abs);
  const config: ProjectConfig = { path: abs, root: dir, defaults: {}, defaultPositions: new Map() };
  const defaults = new EntrySet(file, ['bulletin', 'reply']);
  const root = doc.contents;
  if (root !== null && !isMap(root) && !(isScalar(root) && String(root.value ?? '') === '')) {
    r.error(r.pos(root), undefined, { zh: '配置文件应为「键: 值」的映射', en: 'the configuration must be a mapping of keys' });
  }
  defaults.addYamlMap(root, posOf, (spelled, pair, keyPos) => {
    if (!(SECTIONS as readonly string[]).includes(spelled)) return false;
    if (spelled === 'defaults') defaults.addYamlMap(pair.value, posOf);
    else if (spelled === 'layout') config.layout = readLayout(r, pair.value);
    else if (spelled === 'fonts') config.fonts = readFonts(r, pair.value, dir);
    else if (spelled === 'strict') {
      // Offices whose rules require every element: warnings become errors (as --strict).
      const b = f.bool(toRaw(pair.value, posOf), r.fieldCtx('strict', keyPos));
      if (b !== undefined) config.strict = b;
    } else if (spelled === 'archive' || spelled === '归档') {
      const a = readArchive(r, pair.value, keyPos);
      if (a) config.archive = a;
    } else {
      const t = r.text(pair.value, 'output', keyPos);
      if (t) config.output = path.resolve(dir, t);
    }
    return true;
  });
  for (const e of defaults.entries.values()) {
    config.defaults[e.path] = plain(e.value);
    if (e.keyPos) config.defaultPositions!.set(e.path, e.keyPos);
  }
  const problems = [...defaults.problems, ...r.problems];
  if (problems.length > 0) throw new BuildError(sortProblems(problems));
  return config;
}

export function sortProblems(ps: Problem[]): Problem[] {
  return [...ps].sort(
    (a, b) =>
      (a.pos?.line ?? 0) - (b.pos?.line ?? 0) || (a.pos?.col ?? 0) - (b.pos?.col ?? 0),
  );
}

/**
 * Reads `gongwen.config.yaml` in `cwd`, or `configPath` (relative to `cwd`). Without a config
 * file the result has no defaults and `root` is `cwd`.
 */
export function loadConfig(opts: { cwd: string; configPath?: string }): ProjectConfig {
  const file = opts.configPath
    ? path.resolve(opts.cwd, opts.configPath)
    : path.join(opts.cwd, CONFIG_FILE);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!opts.configPath && code === 'ENOENT') return { root: path.resolve(opts.cwd), defaults: {} };
    throw new BuildError([
      new Problem({
        file: opts.configPath ?? file,
        what:
          code === 'ENOENT'
            ? { zh: '找不到配置文件', en: 'configuration file not found' }
            : { zh: `无法读取配置文件（${code ?? String(e)}）`, en: `cannot read the configuration file (${code ?? String(e)})` },
      }),
    ]);
  }
  return parseConfig(opts.configPath ?? CONFIG_FILE, bytes, file);
}
