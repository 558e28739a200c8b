import { afterEach, describe, expect, it } from 'vitest';
import { parseDate } from '../../src/source/dates.js';
import { BULLETIN, doc, parse, withLine } from './helpers.js';

describe('parseDate', () => {
  it.each([
    ['2018-12-24', '2018-12-24', '2018年12月24日', 0],
    ['2024-3-8', '2024-03-08', '2024年3月8日', 0],
    ['2018年12月24日', '2018-12-24', '2018年12月24日', 0],
    ['2024年3月8日', '2024-03-08', '2024年3月8日', 0],
    ['2024年03月08日', '2024-03-08', '2024年3月8日', 1],
    ['２０２４年３月８日', '2024-03-08', '2024年3月8日', 1],
    ['2024 年 3 月 8 日', '2024-03-08', '2024年3月8日', 1],
    ['2024-02-29', '2024-02-29', '2024年2月29日', 0],
    ['2000-02-29', '2000-02-29', '2000年2月29日', 0],
    ['2024-01-01', '2024-01-01', '2024年1月1日', 0],
    ['2023-12-31', '2023-12-31', '2023年12月31日', 0],
  ])('%s → %s / %s', (input, iso, text, warnings) => {
    const r = parseDate(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toEqual({ iso, text });
      expect(r.warnings).toHaveLength(warnings);
    }
  });

  it.each(['2018-02-30', '2023-02-29', '1900-02-29', '2024-13-01', '2024-00-10', '2024年4月31日', '2024/03/08', '24-3-8', '二〇二四年三月八日', '2024-03-08T10:00:00Z', '明天', ''])(
    '%s is rejected',
    (input) => {
      const r = parseDate(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.what.zh).toMatch(/日期/);
    },
  );
});

describe('no day shift in any time zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    process.env.TZ = saved;
  });
  it.each(['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])('%s', (tz) => {
    process.env.TZ = tz;
    for (const [line, iso, text] of [
      ['date: 2018-12-24', '2018-12-24', '2018年12月24日'],
      ['date: 2024-01-01', '2024-01-01', '2024年1月1日'],
      ['date: 2023年12月31日', '2023-12-31', '2023年12月31日'],
    ] as const) {
      const m = parse(doc(withLine(BULLETIN, 'date', line))).meta;
      expect(m.date).toEqual({ iso, text });
      expect(m.printDate).toEqual({ iso, text });
    }
  });
});

describe('dates in front matter', () => {
  it('warns on a zero-padded Chinese date, at its key', () => {
    const s = parse(doc(withLine(BULLETIN, 'date', 'date: 2024年06月08日')));
    expect(s.meta.date.text).toBe('2024年6月8日');
    expect(s.warnings.map((w) => [w.key, w.pos])).toEqual([['date', { line: 6, col: 1 }]]);
    expect(s.warnings[0]!.format()).toContain('虚位');
  });

  it('printDate defaults to date and may differ', () => {
    const m = parse(doc([...BULLETIN, '印发日期: 2024-06-20'])).meta;
    expect(m.printDate.text).toBe('2024年6月20日');
  });

  it('a quoted date works the same', () => {
    expect(parse(doc(withLine(BULLETIN, 'date', 'date: "2024-06-18"'))).meta.date.iso).toBe('2024-06-18');
  });
});
