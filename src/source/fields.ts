// Value parsers for single front-matter fields. Each reads a Raw value as typed and returns
// the typed value, or reports an error (and possibly warnings) through the context.

import type { Position, Text } from '../errors.js';
import { parseDate, DATE_EXPECTED, type DateValue } from './dates.js';
import { parseDocNumber, NUMBER_EXPECTED } from './docnumber.js';
import type { Raw } from './entries.js';
import type { DocFormat, DocType } from '../model/types.js';
import { FORMAT_NAME, FORMAT_VALUES, typeSpec } from './doctypes.js';
import type { Secrecy } from './types.js';

export interface Report {
  expected?: Text;
  found?: string;
  hint?: Text;
  /** Defaults to the key's position. */
  pos?: Position;
}

export interface FieldCtx {
  error(what: Text, r?: Report): void;
  warn(what: Text, r?: Report): void;
}

/** Returns undefined both for "absent" and after reporting an error; `EMPTY` for an empty value. */
export type Parser<T> = (raw: Raw, c: FieldCtx) => T | undefined;

const TEXT: Text = { zh: '文字', en: 'text' };

export function isEmptyRaw(raw: Raw): boolean {
  return raw.kind === 'scalar' && raw.text.trim() === '';
}

export function rawFound(raw: Raw): string | undefined {
  if (raw.kind === 'scalar') return raw.text;
  return raw.kind === 'seq' ? '（列表）' : '（键值映射）';
}

export function text(expected: Text = TEXT): Parser<string> {
  return (raw, c) => {
    if (raw.kind !== 'scalar') {
      c.error({ zh: '应为一段文字，不能是列表或映射', en: 'expected text, not a list or mapping' }, { expected, found: rawFound(raw) });
      return undefined;
    }
    return raw.text.trim();
  };
}

/** A string or a YAML list of strings. */
export function list(expected: Text = { zh: '一段文字或文字列表', en: 'text or a list of texts' }): Parser<string[]> {
  return (raw, c) => {
    if (raw.kind === 'scalar') {
      const t = raw.text.trim();
      return t === '' ? [] : [t];
    }
    if (raw.kind === 'map') {
      c.error({ zh: '应为文字或列表，不能是映射', en: 'expected text or a list, not a mapping' }, { expected });
      return undefined;
    }
    const out: string[] = [];
    let bad = false;
    for (const item of raw.items) {
      if (item.kind !== 'scalar') {
        c.error(
          { zh: '列表的每一项应为一段文字', en: 'each list item must be text' },
          { expected, found: rawFound(item), pos: item.pos },
        );
        bad = true;
        continue;
      }
      const t = item.text.trim();
      if (t === '') {
        c.error({ zh: '列表中有空项', en: 'empty list item' }, { expected, pos: item.pos });
        bad = true;
        continue;
      }
      out.push(t);
    }
    return bad ? undefined : out;
  };
}

export function oneOf<T extends string>(
  values: readonly T[],
  aliases: Readonly<Record<string, T>> = {},
  expected?: Text,
): Parser<T> {
  const exp = expected ?? { zh: values.join(' / '), en: values.join(' / ') };
  return (raw, c) => {
    const t = text(exp)(raw, c);
    if (t === undefined) return undefined;
    if ((values as readonly string[]).includes(t)) return t as T;
    if (Object.hasOwn(aliases, t)) return aliases[t];
    c.error({ zh: '不是可用的值', en: 'not an accepted value' }, { expected: exp, found: t });
    return undefined;
  };
}

export const bool: Parser<boolean> = (raw, c) => {
  const exp = { zh: 'true（是）或 false（否）', en: 'true or false' };
  const t = text(exp)(raw, c);
  if (t === undefined) return undefined;
  if (/^(true|yes|on|是)$/i.test(t)) return true;
  if (/^(false|no|off|否)$/i.test(t)) return false;
  c.error({ zh: '应为是或否', en: 'expected true or false' }, { expected: exp, found: t });
  return undefined;
};

export const positiveInt: Parser<number> = (raw, c) => {
  const exp = { zh: '正整数，如 200', en: 'a positive whole number, e.g. 200' };
  const t = text(exp)(raw, c);
  if (t === undefined) return undefined;
  if (!/^\d+$/.test(t) || Number(t) === 0) {
    c.error({ zh: '应为正整数', en: 'expected a positive whole number' }, { expected: exp, found: t });
    return undefined;
  }
  return Number(t);
};

export const date: Parser<DateValue> = (raw, c) => {
  const t = text(DATE_EXPECTED)(raw, c);
  if (t === undefined) return undefined;
  const r = parseDate(t);
  if (!r.ok) {
    c.error(r.what, { expected: DATE_EXPECTED, found: t });
    return undefined;
  }
  for (const w of r.warnings) c.warn(w, { found: t });
  return r.value;
};

export const docNumber: Parser<string> = (raw, c) => {
  const t = text(NUMBER_EXPECTED)(raw, c);
  if (t === undefined) return undefined;
  const r = parseDocNumber(t);
  if (!r.ok) {
    c.error(r.what, { expected: NUMBER_EXPECTED, found: t });
    return undefined;
  }
  for (const w of r.warnings) c.warn(w, { found: t });
  return r.value;
};

/** 份号: digits, printed as 6 digits. */
export const copyNumber: Parser<string> = (raw, c) => {
  const exp = { zh: '1至6位阿拉伯数字，印为6位，如 000123', en: '1 to 6 digits, printed as 6, e.g. 000123' };
  const t = text(exp)(raw, c);
  if (t === undefined) return undefined;
  if (!/^\d+$/.test(t)) {
    c.error({ zh: '份号只能是阿拉伯数字', en: 'the copy number must be digits only' }, { expected: exp, found: t });
    return undefined;
  }
  if (t.length > 6) {
    c.error({ zh: '份号最多6位数字', en: 'the copy number has at most 6 digits' }, { expected: exp, found: t });
    return undefined;
  }
  if (/^0+$/.test(t)) {
    c.error({ zh: '份号不能为0', en: 'the copy number must not be 0' }, { expected: exp, found: t });
    return undefined;
  }
  return t.padStart(6, '0');
};

/** 期号 / 总期号: digits as typed; `第56期` / `总第56期` accepted with a warning. */
export function issueNumber(prefix: '第' | '总第'): Parser<string> {
  return (raw, c) => {
    const exp = { zh: `阿拉伯数字，如 56（印为「${prefix}56期」）`, en: `digits, e.g. 56 (printed ${prefix}56期)` };
    const t = text(exp)(raw, c);
    if (t === undefined) return undefined;
    if (/^\d+$/.test(t) && !/^0+$/.test(t)) return t;
    const m = new RegExp(`^(?:总?第)\\s*(\\d+)\\s*期$`).exec(t);
    if (m && !/^0+$/.test(m[1]!)) {
      c.warn(
        { zh: `只需写数字，「${prefix}」和「期」由模板加上`, en: `write the number only; the template adds ${prefix}…期` },
        { found: t },
      );
      return m[1];
    }
    c.error({ zh: '期号应为阿拉伯数字', en: 'the issue number must be digits' }, { expected: exp, found: t });
    return undefined;
  };
}

/** 令号 [GB/T 9704 10.2]: digits, printed `第N号` by the template; `第5号` as typed is accepted with a warning. */
export const orderNumber: Parser<string> = (raw, c) => {
  const exp = { zh: '阿拉伯数字，如 5（印为「第5号」）', en: 'digits, e.g. 5 (printed 第5号)' };
  const t = text(exp)(raw, c);
  if (t === undefined) return undefined;
  if (/^[1-9]\d*$/.test(t)) return t;
  const m = /^第\s*([1-9]\d*)\s*号$/.exec(t);
  if (m) {
    c.warn({ zh: '只需写数字，「第」和「号」由模板加上', en: 'write the number only; the template adds 第…号' }, { found: t });
    return m[1];
  }
  c.error({ zh: '令号应为阿拉伯数字', en: 'the order number must be digits' }, { expected: exp, found: t });
  return undefined;
};

/** 保密期限: a term such as `1年`, `6个月`, `长期`. */
export const secrecyTerm: Parser<string> = (raw, c) => {
  const exp = { zh: '保密期限，如 1年、6个月', en: 'a term such as 1年 or 6个月' };
  const t = text(exp)(raw, c);
  if (t === undefined) return undefined;
  if (t.includes('★')) {
    c.error({ zh: '保密期限不含「★」，由模板加上', en: 'write the term without ★; the template adds it' }, { expected: exp, found: t });
    return undefined;
  }
  return t;
};

/** `secrecy: 机密★1年` is split into level and term. */
export const secrecyParser: Parser<{ level: Secrecy; term?: string }> = (raw, c) => {
  const exp = { zh: '秘密 / 机密 / 绝密', en: '秘密 / 机密 / 绝密' };
  const t = text(exp)(raw, c);
  if (t === undefined) return undefined;
  const [level, term, ...more] = t.split('★').map((s) => s.trim());
  if (!['秘密', '机密', '绝密'].includes(level!) || more.length > 0 || term === '') {
    c.error({ zh: '不是可用的密级', en: 'not an accepted secrecy level' }, { expected: exp, found: t });
    return undefined;
  }
  return { level: level as Secrecy, term };
};

/** `format`/格式: one of the four formats, and one the type may take. */
export function formatParser(type: DocType): Parser<DocFormat> {
  const allowed = typeSpec(type).formats;
  const exp: Text = {
    zh: allowed.map((x) => `${x}（${FORMAT_NAME[x].replace('格式', '')}）`).join(' 或 '),
    en: allowed.join(' or '),
  };
  const any = oneOf<DocFormat>(['file', 'letter', 'order', 'minutes'], FORMAT_VALUES, {
    zh: 'file（文件）、letter（信函）、order（命令）或 minutes（纪要）',
    en: 'file, letter, order or minutes',
  });
  return (raw, c) => {
    const v = any(raw, c);
    if (v === undefined || allowed.includes(v)) return v;
    const name = typeSpec(type).name;
    c.error(
      { zh: `${name.zh}不能用${FORMAT_NAME[v]}`, en: `${name.en} cannot be set in the ${v} format` },
      { expected: exp, found: raw.kind === 'scalar' ? raw.text : undefined },
    );
    return undefined;
  };
}
