import { describe, expect, it } from 'vitest';
import { DOC_NUMBER_RE, parseDocNumber } from '../../src/source/docnumber.js';
import { REPLY, doc, parse, problems, withLine } from './helpers.js';

describe('parseDocNumber', () => {
  it.each([
    ['豫农〔2024〕9号', 0],
    ['豫农[2024]9号', 1],
    ['豫农(2024)9号', 1],
    ['豫农［2024］9号', 1],
    ['豫农（2024）9号', 1],
    ['豫农﹝2024﹞9号', 1],
    ['豫农【2024】9号', 1],
    ['豫农 〔2024〕 9号', 1],
  ])('%s → 豫农〔2024〕9号 (%i warning)', (input, warnings) => {
    const r = parseDocNumber(input);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toBe('豫农〔2024〕9号');
      expect(DOC_NUMBER_RE.test(r.value)).toBe(true);
      expect(r.warnings).toHaveLength(warnings);
    }
  });

  it('keeps a long sequence', () => {
    const r = parseDocNumber('某办发〔2023〕1024号');
    expect(r.ok && r.value).toBe('某办发〔2023〕1024号');
  });

  it.each([
    ['豫农〔2024〕076号', '虚位'],
    ['豫农〔2024〕0号', '虚位'],
    ['豫农9号', '年份'],
    ['豫农2024年9号', '年份'],
    ['豫农〔24〕9号', '4位'],
    ['豫农〔2024〕第9号', '第'],
    ['豫农〔2024〕9', '号'],
    ['〔2024〕9号', '机关代字'],
    ['豫农〔2024〕号', '序号'],
    ['豫农〔二〇二四〕9号', '年份'],
    ['豫农〔2024〕九号', '序号'],
    ['豫农〔2024〕〔9〕号', '括号'],
  ])('%s is rejected (%s)', (input, word) => {
    const r = parseDocNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.what.zh).toContain(word);
  });
});

describe('document numbers in front matter', () => {
  it('an error names the expected form, the key and the position', () => {
    const ps = problems(doc(withLine(REPLY, 'number', '发文字号: 某农〔2024〕076号')));
    expect(ps).toHaveLength(1);
    expect(ps[0]!).toMatchObject({ file: 'content/a.md', key: '发文字号', pos: { line: 4, col: 1 }, found: '某农〔2024〕076号' });
    expect(ps[0]!.format()).toContain('机关代字〔年份〕序号号');
  });

  it('a bulletin may carry a number, checked the same way', () => {
    const s = parse(doc(['type: bulletin', 'name: 名', 'issue: 1', 'editor: 甲', 'date: 2024-01-02', 'printer: 甲', 'number: 某【2024】2号']));
    expect(s.meta.number).toBe('某〔2024〕2号');
    expect(s.warnings).toHaveLength(1);
  });
});
