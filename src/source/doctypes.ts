// The document types of the front-matter contract: each type's values as staff type them
// (English or Chinese), its name in messages, its default GB/T 9704 format and which formats
// it may take, and whether it is 上行文 (sent upwards: a signer is required, 7.2.6).

import type { Text } from '../errors.js';
import type { DocFormat, DocType } from '../model/types.js';

export interface DocTypeSpec {
  type: DocType;
  /** Name in messages and the archive folder, e.g. 通知. */
  name: Text;
  /** Every accepted spelling of the `type` value. */
  values: readonly string[];
  /** Default of `format`/格式 (frontmatter.md «format / 格式»). */
  format: DocFormat;
  /** Formats accepted in the front matter. */
  formats: readonly DocFormat[];
  /** 上行文: `signer`/签发人 is required [GB/T 9704 7.2.6]. */
  upward: boolean;
}

const t = (
  type: DocType,
  zh: string,
  en: string,
  values: readonly string[],
  extra: Partial<Pick<DocTypeSpec, 'format' | 'formats' | 'upward'>> = {},
): DocTypeSpec => ({
  type,
  name: { zh, en },
  values: [type, ...values],
  format: extra.format ?? 'file',
  formats: extra.formats ?? ['file'],
  upward: extra.upward ?? false,
});

export const DOC_TYPES: readonly DocTypeSpec[] = [
  t('bulletin', '简报', 'a bulletin', ['简报']),
  // A reply is often sent as a 复函 in 信函格式 (`格式: 信函`).
  t('reply', '提案答复', 'a reply', ['提案答复', '建议答复'], { formats: ['file', 'letter'] }),
  t('notice', '通知', 'a notice', ['通知']),
  t('circular', '通报', 'a circular', ['通报']),
  t('request', '请示', 'a request', ['请示'], { upward: true }),
  t('report', '报告', 'a report', ['报告'], { upward: true }),
  t('opinion', '意见', 'an opinion', ['意见']),
  t('approval', '批复', 'an approval', ['批复']),
  // 函: 信函格式 by default [GB/T 9704 10.1]; a 复函 names the letter it answers (来文).
  t('letter', '函', 'a letter', ['函'], { format: 'letter', formats: ['letter', 'file'] }),
  // 命令(令) and 纪要 have a format each (GB/T 9704 10.2, 10.3).
  t('order', '命令', 'an order', ['命令', '令'], { format: 'order', formats: ['order'] }),
  t('minutes', '纪要', 'minutes', ['纪要'], { format: 'minutes', formats: ['minutes'] }),
];

export const TYPE_LIST: readonly DocType[] = DOC_TYPES.map((s) => s.type);

const byType = new Map(DOC_TYPES.map((s) => [s.type, s]));

export function typeSpec(type: DocType): DocTypeSpec {
  return byType.get(type)!;
}

/** The type a value as typed names (`通知` → notice), if any. */
export function typeOfValue(value: string): DocType | undefined {
  const v = value.trim();
  return DOC_TYPES.find((s) => s.values.includes(v))?.type;
}

/** `bulletin（简报）、reply（提案答复、建议答复）…` for messages. */
export const TYPE_EXPECTED: Text = {
  zh: DOC_TYPES.map((s) => `${s.type}（${s.values.slice(1).join('、')}）`).join('、'),
  en: DOC_TYPES.map((s) => `${s.type} (${s.values.slice(1).join(', ')})`).join(', '),
};

/** Values of `format`/格式 as typed → the format. */
export const FORMAT_VALUES: Readonly<Record<string, DocFormat>> = {
  file: 'file',
  文件: 'file',
  文件格式: 'file',
  letter: 'letter',
  信函: 'letter',
  信函格式: 'letter',
  order: 'order',
  命令: 'order',
  命令格式: 'order',
  minutes: 'minutes',
  纪要: 'minutes',
  纪要格式: 'minutes',
};

export const FORMAT_NAME: Readonly<Record<DocFormat, string>> = {
  file: '文件格式',
  letter: '信函格式',
  order: '命令格式',
  minutes: '纪要格式',
};
