// The archive's codes: 保管期限 in front matter, the `archive:` configuration, 档号 and 件号
// numbering, the catalogue CSV.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildError, type Problem } from '../../src/errors.js';
import { loadConfig } from '../../src/source/index.js';
import { assignPieces, formatCode, naturalCompare, pieceProblems } from '../../src/archive/danghao.js';
import { catalogueCsv, parseCsv, type Catalogue } from '../../src/archive/catalogue.js';
import { REPLY, doc, parse, problems, withLine } from '../source/helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-arch-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;
function configProblems(config: string): Problem[] {
  const dir = path.join(tmp, `p${n++}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'gongwen.config.yaml'), config);
  try {
    loadConfig({ cwd: dir });
  } catch (e) {
    expect(e).toBeInstanceOf(BuildError);
    return (e as BuildError).problems;
  }
  throw new Error('expected a BuildError');
}
function config(text: string) {
  const dir = path.join(tmp, `p${n++}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'gongwen.config.yaml'), text);
  return loadConfig({ cwd: dir });
}

describe('保管期限 in the front matter', () => {
  it('accepts the codes and their Chinese names, in either spelling of the key', () => {
    expect(parse(doc([...REPLY, 'retention: D30'])).meta.retention).toBe('D30');
    expect(parse(doc([...REPLY, '保管期限: 永久'])).meta.retention).toBe('Y');
    expect(parse(doc([...REPLY, '保管期限: 10年'])).meta.retention).toBe('D10');
    expect(parse(doc(REPLY)).meta.retention).toBeUndefined();
  });

  it('an unknown code is an error with file, line and the accepted codes', () => {
    const [p] = problems(doc([...REPLY, '保管期限: 长期']));
    expect(p!.file).toBe('content/a.md');
    expect(p!.pos?.line).toBe(REPLY.length + 2);
    expect(p!.format('zh')).toContain('不是可用的保管期限代码');
    expect(p!.format('zh')).toContain('D30');
    expect(p!.format('zh')).toContain('长期');
  });

  it('archive settings belong in the configuration, not the front matter', () => {
    const [p] = problems(doc(withLine(REPLY, 'archive', '归档: x')));
    expect(p!.format('zh')).toContain('只能写在项目配置文件');
  });
});

describe('archive: in gongwen.config.yaml', () => {
  it('reads English keys or Chinese aliases, with defaults', () => {
    expect(config('archive:\n  fonds: J012\n  retention: D10\n').archive).toEqual({ fonds: 'J012', retention: 'D10', category: 'WS', stamp: false });
    expect(config('归档:\n  全宗号: X001\n  全宗名称: 某局\n  机构代码: BGS\n  门类代码: 文书\n  归档章: 是\n').archive).toEqual({
      fonds: 'X001',
      fondsName: '某局',
      org: 'BGS',
      category: 'WS',
      stamp: true,
    });
  });

  it('unknown codes and keys are errors at their line', () => {
    let [p] = configProblems('output: out\narchive:\n  fonds: J012\n  retention: D5\n');
    expect(p!.file).toBe('gongwen.config.yaml');
    expect(p!.pos?.line).toBe(4);
    expect(p!.format('zh')).toContain('不是可用的保管期限代码');
    [p] = configProblems('archive:\n  fonds: J012\n  category: XX\n');
    expect(p!.pos?.line).toBe(3);
    expect(p!.format('zh')).toContain('不是可用的门类代码');
    [p] = configProblems('archive:\n  fonds: j012\n');
    expect(p!.format('zh')).toContain('J012');
    [p] = configProblems('archive:\n  fond: J012\n');
    expect(p!.format('zh')).toContain('fonds');
    [p] = configProblems('archive:\n  retention: D30\n');
    expect(p!.pos?.line).toBe(1);
    expect(p!.format('zh')).toContain('全宗号');
  });
});

describe('档号 and 件号', () => {
  it('formats DA/T 22 codes, with and without a 机构(问题)代码', () => {
    expect(formatCode({ fonds: 'J012', category: 'WS', year: '2024', retention: 'D30', piece: 7 })).toBe('J012-WS·2024-D30-0007');
    expect(formatCode({ fonds: 'Z109', category: 'WS', year: '2011', retention: 'Y', org: 'BGS', piece: 1 })).toBe('Z109-WS·2011-Y-BGS-0001');
  });

  it('orders 文号 naturally', () => {
    expect(['某〔2024〕31号', '某〔2024〕4号', '某〔2024〕100号'].sort(naturalCompare)).toEqual(['某〔2024〕4号', '某〔2024〕31号', '某〔2024〕100号']);
  });

  it('numbers new items per year and 保管期限 by date then number, after the pieces taken', () => {
    const parts = (retention: 'Y' | 'D30', year = '2024') => ({ fonds: 'J012', category: 'WS' as const, year, retention });
    const got = assignPieces(
      [
        { id: 'a', parts: parts('D30'), date: '2024-05-01', number: '某〔2024〕12号' },
        { id: 'b', parts: parts('D30'), date: '2024-03-01', number: '某〔2024〕30号' },
        { id: 'c', parts: parts('D30'), date: '2024-05-01', number: '某〔2024〕3号' },
        { id: 'd', parts: parts('Y'), date: '2024-01-01', number: '某〔2024〕1号' },
        { id: 'e', parts: parts('D30', '2025'), date: '2025-01-01', number: '某〔2025〕1号' },
      ],
      new Map([['J012|WS|2024|D30|', [1, 2, 3]]]),
    );
    expect(Object.fromEntries([...got].map(([id, p]) => [id, formatCode(p)]))).toEqual({
      b: 'J012-WS·2024-D30-0004',
      c: 'J012-WS·2024-D30-0005',
      a: 'J012-WS·2024-D30-0006',
      d: 'J012-WS·2024-Y-0001',
      e: 'J012-WS·2025-D30-0001',
    });
  });

  it('finds gaps and repeats', () => {
    expect(pieceProblems([1, 2, 3])).toEqual({ gaps: [], duplicates: [] });
    expect(pieceProblems([1, 3, 3, 5])).toEqual({ gaps: [2, 4], duplicates: [3] });
  });
});

describe('catalogue CSV', () => {
  it('has a BOM, CRLF lines, exactly the DA/T 22 columns, and quotes what needs it', () => {
    const c: Catalogue = {
      key: 'k',
      fonds: 'J012',
      category: 'WS',
      year: '2024',
      retention: 'D30',
      lastDate: '2024-01-01',
      rows: [{ 序号: '1', 档号: 'J012-WS·2024-D30-0001', 文号: '某〔2024〕1号', 责任者: '某局', 题名: '关于"甲",乙的答复', 日期: '20240101', 密级: '', 页数: '2', 备注: '' }],
    };
    const text = catalogueCsv(c);
    expect(text.startsWith('\uFEFF序号,档号,文号,责任者,题名,日期,密级,页数,备注\r\n')).toBe(true);
    expect(text).toContain('"关于""甲"",乙的答复"');
    expect(parseCsv(text)[1]).toEqual(['1', 'J012-WS·2024-D30-0001', '某〔2024〕1号', '某局', '关于"甲",乙的答复', '20240101', '', '2', '']);
  });
});
