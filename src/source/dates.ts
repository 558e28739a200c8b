// Dates as typed: a YAML date `2018-12-24` or a Chinese date `2018年12月24日`. Parsed by
// pattern, never through Date, so no time zone can shift the day. Output text uses Arabic
// numerals, the full year and no leading zeros.

import type { Text } from '../errors.js';
import { MAX_YEAR, MIN_YEAR } from '../spec/limits.js';

export interface DateValue {
  /** `2018-12-24` */
  iso: string;
  /** `2018年12月24日` */
  text: string;
}

export type DateResult =
  | { ok: true; value: DateValue; warnings: Text[] }
  | { ok: false; what: Text };

export const DATE_EXPECTED: Text = {
  zh: '日期，如 2024-03-08 或 2024年3月8日',
  en: 'a date such as 2024-03-08 or 2024年3月8日',
};

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export function formatDate(y: number, m: number, d: number): DateValue {
  const p = (n: number) => String(n).padStart(2, '0');
  return { iso: `${String(y).padStart(4, '0')}-${p(m)}-${p(d)}`, text: `${y}年${m}月${d}日` };
}

export function parseDate(input: string): DateResult {
  const warnings: Text[] = [];
  let s = input.trim();
  const wide = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (wide !== s) {
    warnings.push({ zh: '日期中的全角数字已改为半角数字', en: 'full-width digits in the date were changed to ASCII digits' });
    s = wide;
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const chinese = m ? null : /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(s);
  if (chinese) {
    m = chinese;
    if (/\s/.test(s)) {
      warnings.push({ zh: '日期中的空格已删除', en: 'spaces in the date were removed' });
    }
    if (/^0/.test(chinese[2]!) || /^0/.test(chinese[3]!)) {
      warnings.push({
        zh: '成文日期不编虚位，月、日前的 0 已删除',
        en: 'dates are written without leading zeros; the zeros were removed',
      });
    }
  }
  if (!m) {
    if (/^\d{4}-\d{1,2}-\d{1,2}[T\s]/.test(s)) {
      return { ok: false, what: { zh: '日期不能带时刻', en: 'a date must not carry a time of day' } };
    }
    return { ok: false, what: { zh: '日期格式不正确', en: 'not a valid date' } };
  }
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < MIN_YEAR || y > MAX_YEAR) {
    return {
      ok: false,
      what: { zh: `日期的年份应在 ${MIN_YEAR}—${MAX_YEAR} 年之间`, en: `the year of a date must lie between ${MIN_YEAR} and ${MAX_YEAR}` },
    };
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    return { ok: false, what: { zh: '不存在这个日期', en: 'no such date' } };
  }
  return { ok: true, value: formatDate(y, mo, d), warnings };
}
