// The front-matter vocabulary: every key's canonical English path, its Chinese alias, what it
// means, and which document types use it. Also resolves a key as typed and suggests the
// nearest key for a typo.

import type { Text } from '../errors.js';
import type { DocType } from '../model/types.js';
import { TYPE_LIST } from './doctypes.js';

export interface KeySpec {
  /** Canonical path, e.g. `issuer`, `contact.phone`. */
  path: string;
  /** Chinese alias, a flat top-level key, e.g. `发文机关`, `联系电话`. */
  alias: string;
  /** Short meaning, used in messages: zh is the alias, en a few words. */
  label: Text;
  /** Types that use the key. */
  types: readonly DocType[];
  /** A type's own Chinese name for the key (纪要名称 for `name` in minutes), accepted for every type. */
  aliasFor?: Partial<Record<DocType, string>>;
}

const ALL: readonly DocType[] = TYPE_LIST;
const B: readonly DocType[] = ['bulletin'];
const R: readonly DocType[] = ['reply'];
/** Every type in a GB/T 9704 format (all but the bulletin). */
const F: readonly DocType[] = TYPE_LIST.filter((t) => t !== 'bulletin');
/** Types with a 发文字号 and a 主送 in the 文件 way: all but the bulletin, 命令 and 纪要 (10.2, 10.3). */
const N: readonly DocType[] = F.filter((t) => t !== 'order' && t !== 'minutes');
/** 纪要 has no 主送 (10.3). */
const T: readonly DocType[] = ALL.filter((t) => t !== 'minutes');
const O: readonly DocType[] = ['order'];
const M: readonly DocType[] = ['minutes'];
/** Types with a contact block: the reply (its own lines), the request (附注, 7.3.6). */
const C: readonly DocType[] = ['reply', 'request'];

function k(path: string, alias: string, en: string, types: readonly DocType[] = ALL, aliasFor?: Partial<Record<DocType, string>>): KeySpec {
  return { path, alias, label: { zh: alias, en }, types, ...(aliasFor ? { aliasFor } : {}) };
}

export const KEYS: readonly KeySpec[] = [
  k('type', '类型', 'document type'),
  k('title', '标题', 'title'),
  k('issuer', '发文机关', 'issuing organ'),
  k('mark', '发文机关标志', 'issuer mark'),
  k('number', '发文字号', 'document number', ['bulletin', ...N]),
  k('signer', '签发人', 'signer'),
  k('to', '主送', 'addressee', T),
  k('date', '成文日期', 'date'),
  k('copy', '份号', 'copy number'),
  k('secrecy', '密级', 'secrecy level'),
  k('secrecyTerm', '保密期限', 'secrecy term'),
  k('urgency', '紧急程度', 'urgency'),
  k('attachments', '附件', 'attachments'),
  k('note', '附注', 'note'),
  k('cc', '抄送', 'copies to', ALL, { minutes: '分送' }),
  k('printer', '印发机关', 'printing office'),
  k('printDate', '印发日期', 'print date'),
  k('copies', '印数', 'number of copies printed'),
  k('seal', '印章', 'seal image'),
  k('numbering', '标题编号', 'heading numbering'),
  k('format', '格式', 'format (文件, 信函, 命令, 纪要)', F),
  k('retention', '保管期限', 'retention period'),
  // 简报
  k('name', '简报名称', 'bulletin or minutes name', [...B, ...M], { minutes: '纪要名称' }),
  k('heading', '报头', 'masthead word', B),
  k('issue', '期号', 'issue number', [...B, ...M]),
  k('volume', '总期号', 'running issue number', B),
  k('editor', '编印单位', 'editing unit', B),
  k('marking', '密级标注', 'handling note', B),
  k('toc', '本期要目', 'table of contents', B),
  k('distribution.report', '报', 'reported to', B),
  k('distribution.send', '送', 'sent to', B),
  k('distribution.issue', '发', 'issued to', B),
  // 提案答复
  k('category', '办理结果', 'result category', R),
  k('proposal', '提案', 'proposal', R),
  k('contact.unit', '联系单位', 'contact unit', C),
  k('contact.phone', '联系电话', 'contact phone', C),
  k('contact.person', '联系人', 'contact person', C),
  k('publicity', '公开方式', 'publicity', R),
  // 批复
  k('replyTo', '来文', 'the document replied to', ['approval', 'letter']),
  // 命令(令) (GB/T 9704 10.2, 7.3.5.3)
  k('orderNumber', '令号', 'order number', O),
  k('signerTitle', '签发人职务', "signer's title", O),
  // 纪要 (10.3)
  k('attendees', '出席', 'attendees', M),
  k('absent', '请假', 'absent with leave', M),
  k('observers', '列席', 'observers', M),
];

/** English parents whose children nest: `distribution: {report, send, issue}`. */
export const PARENTS: Readonly<Record<string, { types: readonly DocType[]; label: Text }>> = {
  distribution: { types: B, label: { zh: '报送范围（报、送、发）', en: 'distribution (report, send, issue)' } },
  contact: { types: C, label: { zh: '联系方式（联系单位、联系电话、联系人）', en: 'contact (unit, phone, person)' } },
};

/** Keys that belong to the project configuration only. */
export const CONFIG_ONLY: Readonly<Record<string, string>> = {
  fonts: 'fonts',
  字体: 'fonts',
  layout: 'layout',
  版式: 'layout',
  output: 'output',
  输出: 'output',
  defaults: 'defaults',
  strict: 'strict',
  严格: 'strict',
  archive: 'archive',
  归档: 'archive',
};

const byPath = new Map(KEYS.map((s) => [s.path, s]));
const byAlias = new Map(KEYS.flatMap((s) => [s.alias, ...Object.values(s.aliasFor ?? {})].map((a) => [a, s] as const)));

/** The Chinese name of a key in a type's messages (纪要名称 for `name` in minutes). */
export const aliasOf = (s: KeySpec, type?: DocType): string => (type && s.aliasFor?.[type]) || s.alias;

export function keySpec(path: string): KeySpec {
  const s = byPath.get(path);
  if (!s) throw new Error(`unknown key path ${path}`);
  return s;
}

/** `issuer（发文机关）` style name for messages. */
export function keyName(path: string, lang: 'zh' | 'en' = 'zh'): string {
  const s = byPath.get(path);
  if (!s) return path;
  return lang === 'zh' ? `${s.path}（${s.alias}）` : `${s.path} (${s.alias})`;
}

export type Resolved =
  | { kind: 'key'; spec: KeySpec }
  | { kind: 'parent'; name: string }
  | { kind: 'configOnly'; name: string }
  | { kind: 'unknown' };

/** Resolves a top-level key as typed: English name, Chinese alias, or dotted `contact.phone`. */
export function resolveTopKey(spelled: string): Resolved {
  const s = byPath.get(spelled) ?? byAlias.get(spelled);
  if (s) return { kind: 'key', spec: s };
  if (Object.hasOwn(PARENTS, spelled)) return { kind: 'parent', name: spelled };
  if (Object.hasOwn(CONFIG_ONLY, spelled)) return { kind: 'configOnly', name: CONFIG_ONLY[spelled]! };
  return { kind: 'unknown' };
}

/** Resolves a key nested under an English parent (`contact: {phone}`); the alias is accepted too. */
export function resolveChildKey(parent: string, spelled: string): KeySpec | undefined {
  const s = byPath.get(`${parent}.${spelled}`);
  if (s) return s;
  const a = byAlias.get(spelled);
  return a && a.path.startsWith(`${parent}.`) ? a : undefined;
}

export function childNames(parent: string): string[] {
  return KEYS.filter((s) => s.path.startsWith(`${parent}.`)).map((s) => s.path.slice(parent.length + 1));
}

/** Restricted Damerau-Levenshtein distance (adjacent transpositions count 1). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = [];
  for (let i = 0; i <= x.length; i++) {
    d.push([i]);
    for (let j = 1; j <= y.length; j++) d[i]![j] = i === 0 ? j : 0;
  }
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = v;
    }
  }
  return d[x.length]![y.length]!;
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[\s_\-.]/g, '');
}

export interface Suggestion {
  /** The spelling suggested (English or Chinese, whichever is nearer). */
  spelled: string;
  /** The other spelling, shown in parentheses. */
  other: string;
}

/**
 * The nearest key for a typo, over both spellings of the keys `types` use (all keys when the
 * type is unknown). `parent` restricts to the children of a nested English key.
 */
export function suggestKey(spelled: string, types: readonly DocType[] = ALL, parent?: string): Suggestion | undefined {
  const cands: Suggestion[] = [];
  for (const s of KEYS) {
    if (!s.types.some((t) => types.includes(t))) continue;
    if (parent) {
      if (!s.path.startsWith(`${parent}.`)) continue;
      const child = s.path.slice(parent.length + 1);
      cands.push({ spelled: child, other: s.alias }, { spelled: s.alias, other: child });
      continue;
    }
    if (!s.path.includes('.')) cands.push({ spelled: s.path, other: s.alias });
    cands.push({ spelled: s.alias, other: s.path });
  }
  if (!parent) {
    for (const [name, p] of Object.entries(PARENTS)) {
      if (p.types.some((t) => types.includes(t))) cands.push({ spelled: name, other: p.label.zh });
    }
  }
  const n = norm(spelled);
  const len = [...n].length;
  // A CJK character carries more than a letter: allow up to half of a Chinese key to differ.
  const limit = Math.max(1, Math.floor(len * (/[\u3400-\u9fff]/.test(n) ? 0.5 : 0.4)));
  let best: Suggestion | undefined;
  let bestD = Infinity;
  for (const c of cands) {
    const d = editDistance(n, norm(c.spelled));
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best && bestD <= limit ? best : undefined;
}
