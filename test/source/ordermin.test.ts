// The front matter of 命令(令) and 纪要 [GB/T 9704 10.2, 10.3]: their keys in English and
// Chinese, the 令号 and 期号, what each type does not take (发文字号, 主送 in a 纪要), and the
// problems of a missing key at its line.

import { describe, expect, it } from 'vitest';
import type { MinutesMeta, OrderMeta } from '../../src/source/index.js';
import { doc, parse, problems, withLine } from './helpers.js';

const ORDER = [
  '类型: 令',
  '发文机关: 某市人民政府',
  '令号: 12',
  '签发人: 王某',
  '签发人职务: 市长',
  '成文日期: 2025年3月1日',
  '印发机关: 某市人民政府办公室',
];

const MINUTES = [
  'type: minutes',
  'issuer: 某局办公室',
  'name: 某局局长办公会议',
  'issue: 4',
  'date: 2025-03-05',
  'attendees: [张某, 李某]',
  'absent: 赵某',
  'observers: [钱某, 孙某]',
  'cc: [局领导, 各科室]',
  'printer: 某局办公室',
];

describe('命令 / 令', () => {
  it('parses in Chinese keys, format 命令 by default, no 发文字号 or 主送 needed', () => {
    const m = parse(doc(ORDER)).meta as OrderMeta;
    expect(m).toMatchObject({ type: 'order', format: 'order', issuer: '某市人民政府', orderNumber: '12', signer: ['王某'], signerTitle: '市长' });
    expect(m.number).toBeUndefined();
    expect(parse(doc(withLine(ORDER, '类型', 'type: 命令'))).meta.type).toBe('order');
  });

  it('takes 第N号 as typed with a warning; other text is an error at its line', () => {
    const s = parse(doc(withLine(ORDER, '令号', '令号: 第12号')));
    expect((s.meta as OrderMeta).orderNumber).toBe('12');
    expect(s.warnings[0]!.format()).toContain('只需写数字');
    const ps = problems(doc(withLine(ORDER, '令号', '令号: 十二')));
    expect(ps[0]!.format()).toContain('令号应为阿拉伯数字');
    expect(ps[0]!.pos?.line).toBe(4);
  });

  it('requires 令号, 签发人 and 签发人职务, each named in the message', () => {
    for (const key of ['令号', '签发人', '签发人职务']) {
      const ps = problems(doc(withLine(ORDER, key, null)));
      expect(ps.map((p) => p.format()).join('\n')).toContain(`缺少必填项「${key}」`);
    }
  });

  it('refuses a 发文字号 (an order is numbered by its 令号)', () => {
    const ps = problems(doc([...ORDER, '发文字号: 某政〔2025〕1号']));
    expect(ps[0]!.format()).toContain('命令没有这一项');
  });
});

describe('纪要', () => {
  it('parses the name, 期号 and the three lists; cc is its 分送', () => {
    const m = parse(doc(MINUTES)).meta as MinutesMeta;
    expect(m).toMatchObject({ type: 'minutes', format: 'minutes', name: '某局局长办公会议', issue: '4', attendees: ['张某', '李某'], absent: ['赵某'], observers: ['钱某', '孙某'], cc: ['局领导', '各科室'] });
  });

  it('takes the Chinese keys 纪要名称, 期号, 出席, 请假, 列席 and 分送', () => {
    const zh = ['类型: 纪要', '发文机关: 某局办公室', '纪要名称: 某局局长办公会议', '期号: 4', '成文日期: 2025-03-05', '出席: [张某]', '请假: [赵某]', '列席: [钱某]', '分送: [各科室]', '印发机关: 某局办公室'];
    const m = parse(doc(zh)).meta as MinutesMeta;
    expect(m).toMatchObject({ name: '某局局长办公会议', issue: '4', attendees: ['张某'], absent: ['赵某'], observers: ['钱某'], cc: ['各科室'] });
  });

  it('requires the name (called 纪要名称) and the attendees', () => {
    expect(problems(doc(withLine(MINUTES, 'name', null)))[0]!.format()).toContain('缺少必填项「纪要名称」');
    expect(problems(doc(withLine(MINUTES, 'attendees', null)))[0]!.format()).toContain('缺少必填项「出席」');
  });

  it('has no 主送 (GB/T 9704 10.3)', () => {
    const ps = problems(doc([...MINUTES, '主送: 各科室']));
    expect(ps[0]!.format()).toContain('纪要没有这一项');
  });
});
