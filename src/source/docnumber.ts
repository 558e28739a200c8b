// 发文字号 (document number): 机关代字〔年份〕序号号 [GB/T 9704 7.2.5]. Year brackets typed as
// [ ] ( ) ［ ］ （ ） ﹝ ﹞ 【 】 are accepted and printed as 〔 〕 with a warning; a zero-padded
// or otherwise malformed number is an error.

import type { Text } from '../errors.js';
import { DOC_NUMBER_PATTERN } from '../spec/index.js';

export const NUMBER_EXPECTED: Text = {
  zh: '机关代字〔年份〕序号号，如 京教〔2024〕15号',
  en: 'agency code〔year〕sequence号, e.g. 京教〔2024〕15号',
};

/** The format's own regex, kept in src/spec [GB/T 9704 7.2.5]. */
export const DOC_NUMBER_RE = DOC_NUMBER_PATTERN;

export type DocNumberResult = { ok: true; value: string; warnings: Text[] } | { ok: false; what: Text };

const OPEN = '[(［（〔﹝【';
const CLOSE = '])］）〕﹞】';

function fail(zh: string, en: string): DocNumberResult {
  return { ok: false, what: { zh, en } };
}

export function parseDocNumber(input: string): DocNumberResult {
  const warnings: Text[] = [];
  let s = input.trim();
  if (/\s/.test(s)) {
    s = s.replace(/\s+/g, '');
    warnings.push({ zh: '发文字号中的空格已删除', en: 'spaces in the document number were removed' });
  }
  const wide = s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (wide !== s) {
    s = wide;
    warnings.push({ zh: '发文字号中的全角数字已改为半角数字', en: 'full-width digits were changed to ASCII digits' });
  }
  const m = /^(.*?)([[(［（〔﹝【])([^\])］）〕﹞】]*)([\])］）〕﹞】])(.*)$/u.exec(s);
  if (!m) {
    return fail('发文字号缺少用六角括号括起的年份', 'the year in brackets is missing from the document number');
  }
  const [, agency, open, year, close, rest] = m as unknown as [string, string, string, string, string, string];
  if (agency === '') return fail('发文字号缺少机关代字', 'the agency code is missing from the document number');
  if (/[[(［（〔﹝【\])］）〕﹞】]/.test(agency + rest)) {
    return fail('发文字号中的括号不成对', 'unbalanced brackets in the document number');
  }
  if (!/^\d+$/.test(year)) return fail('年份应为4位阿拉伯数字', 'the year must be 4 Arabic digits');
  if (year.length !== 4) return fail('年份应写全4位，不能简写', 'the year must be written in full (4 digits)');
  if (rest.startsWith('第')) return fail('序号前不加「第」字', 'no 第 before the sequence number');
  if (!rest.endsWith('号')) return fail('发文字号应以「号」结尾', 'the document number must end with 号');
  const seq = rest.slice(0, -1);
  if (seq === '') return fail('发文字号缺少序号', 'the sequence number is missing');
  if (!/^\d+$/.test(seq)) return fail('序号应为阿拉伯数字', 'the sequence must be Arabic digits');
  if (/^0/.test(seq)) {
    return fail('序号不编虚位，前面不能加 0（如 1 不写成 001）', 'the sequence must not have leading zeros (1, not 001)');
  }
  if (OPEN.indexOf(open) !== CLOSE.indexOf(close) || open !== '〔') {
    warnings.push({
      zh: `年份括号「${open}${close}」已改为六角括号「〔〕」`,
      en: `year brackets "${open}${close}" were changed to 〔〕`,
    });
  }
  const value = `${agency}〔${year}〕${seq}号`;
  if (!DOC_NUMBER_RE.test(value)) return fail('发文字号格式不正确', 'malformed document number');
  return { ok: true, value, warnings };
}
