// The archive codes as staff type them (保管期限, 门类代码, 全宗号, 机构代码), read into the
// DA/T 22 codes of src/spec/archive.ts, and the `archive:` section of the configuration.

import type { Text } from '../errors.js';
import {
  CATEGORIES,
  DEFAULT_CATEGORY,
  FONDS_PATTERN,
  ORG_PATTERN,
  RETENTION,
  RETENTION_CODES,
  type CategoryCode,
  type RetentionCode,
} from '../spec/archive.js';
import * as f from './fields.js';

export const RETENTION_EXPECTED: Text = {
  zh: 'Y（永久）、D30（定期30年）或 D10（定期10年）；也可写「永久」「30年」「10年」',
  en: 'Y (permanent), D30 (30 years) or D10 (10 years)',
};

/** `Y`, `D30`, `D10` or their Chinese names → the code; undefined for anything else. */
export function retentionCode(text: string): RetentionCode | undefined {
  const t = text.trim();
  const up = t.toUpperCase();
  if ((RETENTION_CODES as string[]).includes(up)) return up as RetentionCode;
  return RETENTION_CODES.find((c) => (RETENTION[c].aliases as readonly string[]).includes(t));
}

export const retention: f.Parser<RetentionCode> = (raw, c) => {
  const t = f.text(RETENTION_EXPECTED)(raw, c);
  if (t === undefined) return undefined;
  const code = retentionCode(t);
  if (!code) {
    c.error({ zh: '不是可用的保管期限代码', en: 'not a known retention code' }, { expected: RETENTION_EXPECTED, found: t });
  }
  return code;
};

const CATEGORY_EXPECTED: Text = {
  zh: Object.entries(CATEGORIES).map(([k, v]) => `${k}（${v}）`).join('、'),
  en: Object.keys(CATEGORIES).join(', '),
};

export const category: f.Parser<CategoryCode> = (raw, c) => {
  const t = f.text(CATEGORY_EXPECTED)(raw, c);
  if (t === undefined) return undefined;
  const up = t.toUpperCase();
  if (Object.hasOwn(CATEGORIES, up)) return up as CategoryCode;
  const byName = (Object.keys(CATEGORIES) as CategoryCode[]).find((k) => CATEGORIES[k] === t);
  if (byName) return byName;
  c.error({ zh: '不是可用的门类代码', en: 'not a known category code' }, { expected: CATEGORY_EXPECTED, found: t });
  return undefined;
};

/** A code of upper-case letters and digits (全宗号, 机构代码). */
function code(pattern: RegExp, expected: Text, what: Text): f.Parser<string> {
  return (raw, c) => {
    const t = f.text(expected)(raw, c);
    if (t === undefined) return undefined;
    if (pattern.test(t)) return t;
    const hint = pattern.test(t.toUpperCase()) ? { zh: `请写大写：${t.toUpperCase()}`, en: `upper case: ${t.toUpperCase()}` } : undefined;
    c.error(what, { expected, found: t, ...(hint ? { hint } : {}) });
    return undefined;
  };
}

export const fonds = code(
  FONDS_PATTERN,
  { zh: '全宗号：大写字母和数字，最多8位，如 J012', en: 'fonds code: upper-case letters and digits, e.g. J012' },
  { zh: '不是可用的全宗号', en: 'not a valid fonds code' },
);

export const org = code(
  ORG_PATTERN,
  { zh: '机构（问题）代码：大写字母或数字，最多8位，如 BGS', en: 'unit code: upper-case letters or digits, e.g. BGS' },
  { zh: '不是可用的机构（问题）代码', en: 'not a valid unit code' },
);

/** The `archive:` section: English keys and their Chinese aliases. */
export const ARCHIVE_KEYS = {
  fonds: '全宗号',
  fondsName: '全宗名称',
  retention: '保管期限',
  org: '机构代码',
  category: '门类代码',
  stamp: '归档章',
} as const;
export type ArchiveKey = keyof typeof ARCHIVE_KEYS;

/** The archive settings of the project (config `archive:`). */
export interface ArchiveConfig {
  /** 全宗号, e.g. `J012`. */
  fonds: string;
  /** 全宗名称, for the catalogue cover and the records. */
  fondsName?: string;
  /** 默认保管期限; a document's `retention`/保管期限 overrides it. */
  retention?: RetentionCode;
  /** 机构(问题)代码, part of the 档号 when given. */
  org?: string;
  /** 门类代码, default WS (文书). */
  category: CategoryCode;
  /** Print the 归档章 on page 1 of the archived PDF. */
  stamp: boolean;
}

export { DEFAULT_CATEGORY };
