// Front-matter (or config) keys → entries keyed by canonical path, each with the position of
// the key as typed. Unknown keys, keys given in both spellings and malformed nesting are
// problems here; values are checked later by the schema.

import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { Problem, type Position } from '../errors.js';
import type { DocType } from '../model/types.js';
import { PARENTS, childNames, keyName, resolveChildKey, resolveTopKey, suggestKey, type KeySpec } from './keys.js';

/** A value as typed: text, a list, or a mapping (nested parents, attachment entries). */
export type Raw =
  | { kind: 'scalar'; text: string; pos?: Position }
  | { kind: 'seq'; items: Raw[]; pos?: Position }
  | { kind: 'map'; pairs: RawPair[]; pos?: Position };

/** One key of a mapping value, with the key's position. */
export interface RawPair {
  key: string;
  keyPos?: Position;
  value: Raw;
}

export interface Entry {
  /** Canonical path, e.g. `contact.phone`. */
  path: string;
  /** The key as typed (`联系电话`, `phone`, `contact.phone`). */
  spelled: string;
  /** File the entry comes from (the source or the config). */
  file: string;
  keyPos?: Position;
  value: Raw;
}

export type PosOf = (offset: number) => Position;

export function toRaw(node: unknown, posOf: PosOf): Raw {
  const n = node as Node | null | undefined;
  const pos = n && 'range' in n && n.range ? posOf(n.range[0]) : undefined;
  if (isSeq(n)) return { kind: 'seq', items: n.items.map((i) => toRaw(i, posOf)), pos };
  if (isMap(n)) {
    const pairs = n.items.map((p): RawPair => {
      const k = p.key as Node | null;
      return {
        key: isScalar(k) ? String(k.value ?? '').trim() : '',
        keyPos: k?.range ? posOf(k.range[0]) : undefined,
        value: toRaw(p.value, posOf),
      };
    });
    return { kind: 'map', pairs, pos };
  }
  if (isScalar(n)) return { kind: 'scalar', text: String(n.value ?? ''), pos };
  return { kind: 'scalar', text: '', pos };
}

/** A plain JS value (config given in code) → Raw. Numbers and booleans become their text. */
export function plainToRaw(v: unknown, pos?: Position): Raw {
  if (Array.isArray(v)) return { kind: 'seq', items: v.map((i) => plainToRaw(i, pos)), pos };
  if (v instanceof Date) return { kind: 'scalar', text: v.toISOString().slice(0, 10), pos };
  if (v !== null && typeof v === 'object') {
    const pairs = Object.entries(v as Record<string, unknown>).map(([key, x]) => ({ key, keyPos: pos, value: plainToRaw(x, pos) }));
    return { kind: 'map', pairs, pos };
  }
  return { kind: 'scalar', text: v === null || v === undefined ? '' : String(v), pos };
}

function fmtPos(p?: Position): { zh: string; en: string } {
  return p ? { zh: `第${p.line}行第${p.col}列`, en: `line ${p.line}, column ${p.col}` } : { zh: '别处', en: 'elsewhere' };
}

export class EntrySet {
  readonly entries = new Map<string, Entry>();
  readonly problems: Problem[] = [];

  constructor(
    readonly file: string,
    /** Types whose keys are suggested for typos (all when the type is not known yet). */
    readonly types: readonly DocType[],
  ) {}

  add(spec: KeySpec, spelled: string, keyPos: Position | undefined, value: Raw): void {
    const prev = this.entries.get(spec.path);
    if (prev) {
      const at = fmtPos(prev.keyPos);
      this.problems.push(
        new Problem({
          file: this.file,
          pos: keyPos,
          key: spelled,
          what: {
            zh: `与${at.zh}的「${prev.spelled}」是同一项，重复填写`,
            en: `same key as "${prev.spelled}" at ${at.en}, given twice`,
          },
          expected: { zh: `只写一种写法：${keyName(spec.path)}`, en: `one spelling only: ${keyName(spec.path, 'en')}` },
        }),
      );
      return;
    }
    this.entries.set(spec.path, { path: spec.path, spelled, file: this.file, keyPos, value });
  }

  unknown(spelled: string, keyPos: Position | undefined, parent?: string): void {
    const s = suggestKey(spelled, this.types, parent);
    this.problems.push(
      new Problem({
        file: this.file,
        pos: keyPos,
        key: parent ? `${parent}.${spelled}` : spelled,
        what: { zh: '未知的键', en: 'unknown key' },
        expected: parent
          ? { zh: `${parent} 下的 ${childNames(parent).join('、')}`, en: `one of ${childNames(parent).join(', ')} under ${parent}` }
          : undefined,
        hint: s ? { zh: `是否想写「${s.spelled}」（${s.other}）？`, en: `did you mean "${s.spelled}" (${s.other})?` } : undefined,
      }),
    );
  }

  /** Reads the top-level mapping of a YAML document. `skip` receives keys handled elsewhere. */
  addYamlMap(
    root: unknown,
    posOf: PosOf,
    skip?: (spelled: string, pair: Pair, keyPos: Position | undefined) => boolean,
  ): void {
    if (!isMap(root)) return;
    for (const pair of root.items) {
      const keyNode = pair.key as Node | null;
      const keyPos = keyNode?.range ? posOf(keyNode.range[0]) : undefined;
      if (!isScalar(keyNode)) {
        this.problems.push(
          new Problem({
            file: this.file,
            pos: keyPos,
            what: { zh: '键必须是简单的文字', en: 'a key must be plain text' },
          }),
        );
        continue;
      }
      const spelled = String(keyNode.value ?? '').trim();
      if (skip?.(spelled, pair, keyPos)) continue;
      const r = resolveTopKey(spelled);
      if (r.kind === 'key') {
        this.add(r.spec, spelled, keyPos, toRaw(pair.value, posOf));
      } else if (r.kind === 'parent') {
        const v = pair.value as Node | null;
        if (isScalar(v) && String(v.value ?? '').trim() === '') continue;
        if (!isMap(v)) {
          this.problems.push(
            new Problem({
              file: this.file,
              pos: keyPos,
              key: spelled,
              what: { zh: '应为嵌套的键值', en: 'expected nested keys' },
              expected: {
                zh: `${PARENTS[r.name]!.label.zh}，如「${r.name}:」下一行缩进写「${childNames(r.name)[0]}: …」`,
                en: `${PARENTS[r.name]!.label.en}, e.g. "${r.name}:" then an indented "${childNames(r.name)[0]}: …"`,
              },
            }),
          );
          continue;
        }
        for (const cp of v.items) {
          const ck = cp.key as Node | null;
          const cpos = ck?.range ? posOf(ck.range[0]) : undefined;
          const cs = isScalar(ck) ? String(ck.value ?? '').trim() : '';
          const spec = resolveChildKey(r.name, cs);
          if (spec) this.add(spec, `${spelled}.${cs}`, cpos, toRaw(cp.value, posOf));
          else this.unknown(cs, cpos, r.name);
        }
      } else if (r.kind === 'configOnly') {
        this.problems.push(
          new Problem({
            file: this.file,
            pos: keyPos,
            key: spelled,
            what: {
              zh: '这一项只能写在项目配置文件 gongwen.config.yaml 中，不能写在前置元数据里',
              en: 'this belongs in the project configuration (gongwen.config.yaml), not in front matter',
            },
          }),
        );
      } else {
        this.unknown(spelled, keyPos);
      }
    }
  }

  /** Reads plain defaults (from code or an already-read config): canonical, alias or nested keys. */
  addPlain(obj: Record<string, unknown>, positions?: ReadonlyMap<string, Position> | Record<string, Position>): void {
    const posFor = (p: string): Position | undefined =>
      positions instanceof Map ? positions.get(p) : (positions as Record<string, Position> | undefined)?.[p];
    for (const [spelled, value] of Object.entries(obj)) {
      if (value === undefined) continue;
      const r = resolveTopKey(spelled);
      if (r.kind === 'key') {
        this.add(r.spec, spelled, posFor(r.spec.path), plainToRaw(value, posFor(r.spec.path)));
      } else if (r.kind === 'parent' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const [cs, cv] of Object.entries(value as Record<string, unknown>)) {
          const spec = resolveChildKey(r.name, cs);
          if (spec) this.add(spec, `${spelled}.${cs}`, posFor(spec.path), plainToRaw(cv, posFor(spec.path)));
          else this.unknown(cs, undefined, r.name);
        }
      } else {
        this.unknown(spelled, posFor(spelled));
      }
    }
  }
}
