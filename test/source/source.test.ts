import { describe, expect, it } from 'vitest';
import type { BulletinMeta, ReplyMeta } from '../../src/source/index.js';
import { BULLETIN, REPLY, doc, isChinese, parse, problems, withLine } from './helpers.js';

describe('a valid reply', () => {
  it('reads every field, with defaults', () => {
    const s = parse(doc(REPLY, '尊敬的委员：\n\n答复如下。\n'));
    const m = s.meta as ReplyMeta;
    expect(m).toMatchObject({
      type: 'reply',
      issuer: '某县农业农村局',
      number: '某农〔2024〕9号',
      to: ['县政协某界别'],
      date: { iso: '2024-05-06', text: '2024年5月6日' },
      printDate: { iso: '2024-05-06', text: '2024年5月6日' },
      category: 'A',
      title: '对县政协十届三次会议第021号提案的答复',
      contact: { unit: ['农技推广站'], phone: ['0391-5551234'], person: ['张某'] },
      printer: '某县农业农村局办公室',
      signer: [],
      cc: [],
      attachments: [],
      numbering: 'keep',
    });
    expect(s.body).toBe('尊敬的委员：\n\n答复如下。\n');
    expect(s.bodyLine).toBe(REPLY.length + 3);
    expect(s.warnings).toEqual([]);
    expect(s.options).toEqual({ lineMode: 'grid', colophonOnEvenPage: false, noBodyTextNotice: false, boldLevel3: false });
    expect(s.keyPositions.get('issuer')).toEqual({ line: 3, col: 1 });
    expect(s.keyPositions.get('contact.phone')).toEqual({ line: 11, col: 3 });
  });

  it('an explicit title wins over the proposal default', () => {
    const m = parse(doc([...REPLY, 'title: 关于加强农技服务的答复'])).meta;
    expect(m.title).toBe('关于加强农技服务的答复');
  });

  it('reads optional fields', () => {
    const m = parse(
      doc([
        ...REPLY,
        'signer: [甲某, 乙某]',
        'cc:',
        '  - 县政协提案委',
        '  - 县政府督查室',
        'attachments: 补充材料',
        'copy: 000123',
        'secrecy: 秘密',
        'secrecyTerm: 1年',
        'urgency: 加急',
        'note: （此件主动公开）',
        'printDate: 2024-05-08',
        'copies: 30',
        'publicity: 主动公开',
        'numbering: auto',
        'mark: 某县农业农村局文件',
      ]),
    ).meta as ReplyMeta;
    expect(m).toMatchObject({
      signer: ['甲某', '乙某'],
      cc: ['县政协提案委', '县政府督查室'],
      attachments: ['补充材料'],
      copy: '000123',
      secrecy: '秘密',
      secrecyTerm: '1年',
      urgency: '加急',
      note: '（此件主动公开）',
      printDate: { iso: '2024-05-08', text: '2024年5月8日' },
      copies: 30,
      publicity: '主动公开',
      numbering: 'auto',
      mark: '某县农业农村局文件',
    });
  });
});

describe('a valid bulletin', () => {
  it('reads every field, with defaults', () => {
    const s = parse(doc(BULLETIN, '# 第一篇\n\n内容。\n'));
    const m = s.meta as BulletinMeta;
    expect(m).toMatchObject({
      type: 'bulletin',
      name: '某区“社区服务提升”行动',
      heading: '简报',
      issue: '12',
      editor: '某区民政局办公室',
      date: { iso: '2024-06-18', text: '2024年6月18日' },
      toc: true,
      distribution: { report: [], send: [], issue: [] },
    });
    expect(m.title).toBeUndefined();
  });

  it('reads distribution nested and as Chinese aliases', () => {
    const m = parse(
      doc([
        ...BULLETIN,
        'distribution:',
        '  report: [市民政局]',
        '  send: 区委办公室',
        '发:',
        '  - 各街道办事处',
        '  - 各社区居委会',
        'toc: false',
        'volume: 140',
        'marking: 内部资料 注意保存',
        'heading: 工作简报',
      ]),
    ).meta as BulletinMeta;
    expect(m.distribution).toEqual({ report: ['市民政局'], send: ['区委办公室'], issue: ['各街道办事处', '各社区居委会'] });
    expect(m).toMatchObject({ toc: false, volume: '140', marking: '内部资料 注意保存', heading: '工作简报' });
  });

  it('accepts the Chinese type values', () => {
    expect(parse(doc(withLine(BULLETIN, 'type', 'type: 简报'))).meta.type).toBe('bulletin');
    expect(parse(doc(withLine(REPLY, 'type', '类型: 提案答复'))).meta.type).toBe('reply');
    expect(parse(doc(withLine(REPLY, 'type', 'type: 建议答复'))).meta.type).toBe('reply');
  });
});

describe('values are read as text as typed', () => {
  it.each([
    ['copy: 000123', 'copy', '000123'],
    ['copy: 123', 'copy', '000123'],
    ['copy: 0o17', 'copy', undefined],
    ['issue: 56', 'issue', '56'],
    ['issue: 056', 'issue', '056'],
  ])('%s', (line, key, want) => {
    const lines = withLine(BULLETIN, key, line);
    if (want === undefined) {
      expect(problems(doc(lines))[0]!.key).toBe(key);
    } else {
      expect((parse(doc(lines)).meta as unknown as Record<string, unknown>)[key]).toBe(want);
    }
  });

  it('keeps a phone number with a dash and leading zero', () => {
    const lines = withLine(REPLY, '  phone', '  phone: 0374-2699897');
    expect((parse(doc(lines)).meta as ReplyMeta).contact.phone).toEqual(['0374-2699897']);
  });

  it('keeps YAML-special words as text', () => {
    const m = parse(doc(withLine(REPLY, 'to', 'to: [yes, null, 1e3]'))).meta;
    expect(m.to).toEqual(['yes', 'null', '1e3']);
  });

  it('converts booleans and numbers', () => {
    for (const [v, want] of [['false', false], ['true', true], ['否', false], ['是', true]] as const) {
      expect((parse(doc([...BULLETIN, `toc: ${v}`])).meta as BulletinMeta).toc).toBe(want);
    }
    expect(parse(doc([...BULLETIN, 'copies: 200'])).meta.copies).toBe(200);
  });
});

describe('both spellings', () => {
  const pairs: Array<[string, string, string, string]> = [
    // english line, chinese line, canonical path, value getter
    ['title: 标题甲', '标题: 标题甲', 'title', '标题甲'],
    ['mark: 某局文件', '发文机关标志: 某局文件', 'mark', '某局文件'],
    ['note: 附注甲', '附注: 附注甲', 'note', '附注甲'],
    ['urgency: 特急', '紧急程度: 特急', 'urgency', '特急'],
    ['printDate: 2024-07-01', '印发日期: 2024年7月1日', 'printDate', '2024年7月1日'],
    ['copy: 42', '份号: 42', 'copy', '000042'],
    ['secrecy: 机密', '密级: 机密', 'secrecy', '机密'],
    ['numbering: auto', '标题编号: auto', 'numbering', 'auto'],
    ['copies: 5', '印数: 5', 'copies', '5'],
  ];
  it.each(pairs)('%s ≡ %s', (en, zh, key, want) => {
    for (const line of [en, zh]) {
      const s = parse(doc([...REPLY, line]));
      const v = (s.meta as unknown as Record<string, unknown>)[key];
      const text = typeof v === 'object' && v !== null && 'text' in v ? (v as { text: string }).text : String(v);
      expect(text).toBe(want);
      expect(s.keyPositions.get(key)).toEqual({ line: REPLY.length + 2, col: 1 });
    }
  });

  it('reply keys in Chinese', () => {
    const lines = [
      '类型: reply',
      '发文机关: 某局',
      '发文字号: 某〔2024〕3号',
      '主送: 某委员',
      '成文日期: 2024-01-02',
      '办理结果: C',
      '标题: 关于某事的答复',
      '联系单位: 某科',
      '联系电话: 010-1234',
      '联系人: 李某',
      '印发机关: 某局办公室',
      '签发人: 王某',
      '抄送: 某办',
      '附件: 说明',
      '公开方式: 依申请公开',
      '提案: 第1号提案',
      '保密期限: 6个月',
      '密级: 秘密',
    ];
    const s = parse(doc(lines));
    expect(s.meta).toMatchObject({
      issuer: '某局',
      number: '某〔2024〕3号',
      category: 'C',
      contact: { unit: ['某科'], phone: ['010-1234'], person: ['李某'] },
      signer: ['王某'],
      publicity: '依申请公开',
      secrecyTerm: '6个月',
    });
    expect(s.keyPositions.get('contact.person')).toEqual({ line: 11, col: 1 });
  });

  it('bulletin keys in Chinese', () => {
    const lines = ['类型: 简报', '简报名称: 名称', '期号: 3', '总期号: 99', '编印单位: 某办', '成文日期: 2024-02-03', '印发机关: 某办', '报头: 简讯', '密级标注: 内部', '本期要目: false', '报: 甲', '送: [乙]'];
    const m = parse(doc(lines)).meta as BulletinMeta;
    expect(m).toMatchObject({ name: '名称', issue: '3', volume: '99', editor: '某办', heading: '简讯', marking: '内部', toc: false });
    expect(m.distribution).toEqual({ report: ['甲'], send: ['乙'], issue: [] });
  });

  it.each([
    ['number: 某〔2024〕3号', '发文字号: 某〔2024〕3号', 'number'],
    ['issuer: 甲', '发文机关: 甲', 'issuer'],
    ['contact:\n  phone: 1', '联系电话: 2', 'contact.phone'],
  ])('giving both %s and %s is an error naming both positions', (a, b, path) => {
    const base = REPLY.filter((l) => !l.startsWith(`${path.split('.')[0]}:`) && !l.startsWith('  '));
    const lines = path.startsWith('contact')
      ? [...base, 'contact:', '  unit: 甲', '  person: 乙', '  phone: 1', '联系电话: 2']
      : [...base, ...a.split('\n'), b];
    const ps = problems(doc(lines));
    const dup = ps.find((p) => p.what.zh.includes('重复'));
    expect(dup).toBeDefined();
    const secondLine = lines.length + 1;
    expect(dup!.pos).toEqual({ line: secondLine, col: 1 });
    expect(dup!.key).toBe(b.split(':')[0]);
    expect(dup!.format()).toMatch(/第\d+行第\d+列/);
  });
});

describe('unknown keys', () => {
  it.each([
    ['isuer: 某局', 'isuer', '「issuer」（发文机关）'],
    ['发文字: 某〔2024〕3号', '发文字', '「发文字号」（number）'],
    ['Issuer: 某局', 'Issuer', '「issuer」'],
    ['print_date: 2024-01-01', 'print_date', '「printDate」'],
    ['联系电: 1', '联系电', '「联系电话」'],
    ['catgory: A', 'catgory', '「category」'],
  ])('%s → did you mean', (line, key, hint) => {
    const lines = [...REPLY, line];
    const ps = problems(doc(lines));
    const p = ps.find((x) => x.key === key)!;
    expect(p).toBeDefined();
    expect(p.file).toBe('content/a.md');
    expect(p.pos).toEqual({ line: lines.length + 1, col: 1 });
    expect(p.format()).toContain('未知的键');
    expect(p.format()).toContain(`是否想写${hint}`);
    expect(p.format('en')).toContain('did you mean');
  });

  it('formats the message as file:line:col in Chinese', () => {
    const lines = [...REPLY.slice(0, 3), 'isuer: 某局', ...REPLY.slice(3)];
    const p = problems(doc(lines)).find((x) => x.key === 'isuer')!;
    expect(p.format()).toBe('content/a.md:5:1: 键「isuer」：未知的键。是否想写「issuer」（发文机关）？');
  });

  it('reports unknown nested keys', () => {
    const lines = [...REPLY.filter((l) => !l.startsWith('  ') && l !== 'contact:'), 'contact:', '  unit: 甲', '  phon: 1', '  person: 乙'];
    const p = problems(doc(lines)).find((x) => x.key === 'contact.phon')!;
    expect(p.pos).toEqual({ line: lines.length, col: 3 });
    expect(p.format()).toContain('是否想写「phone」');
  });

  it('rejects keys of the other type', () => {
    const lines = [...BULLETIN, 'category: A'];
    const p = problems(doc(lines)).find((x) => x.key === 'category')!;
    expect(p.pos).toEqual({ line: lines.length + 1, col: 1 });
    expect(p.what.zh).toContain('只用于提案答复');
  });

  it('rejects fonts in front matter', () => {
    const lines = [...BULLETIN, 'fonts:', '  files: {}'];
    const p = problems(doc(lines)).find((x) => x.key === 'fonts')!;
    expect(p.what.zh).toContain('配置文件');
  });

  it('never drops a typo silently, even with everything else valid', () => {
    expect(problems(doc([...BULLETIN, 'editr: 某办']))).toHaveLength(1);
  });
});

describe('required keys', () => {
  const replyRequired: Array<[string, string]> = [
    ['issuer', 'issuer'],
    ['number', 'number'],
    ['to', 'to'],
    ['date', 'date'],
    ['printer', 'printer'],
  ];
  it.each(replyRequired)('reply without %s', (line, key) => {
    const ps = problems(doc(withLine(REPLY, line, null)));
    expect(ps).toHaveLength(1);
    expect(ps[0]!.key).toBe(key);
    expect(ps[0]!.pos).toEqual({ line: 1, col: 1 });
    expect(ps[0]!.file).toBe('content/a.md');
    expect(ps[0]!.format()).toContain('缺少必填项');
    expect(ps[0]!.expected?.zh).toContain(key);
  });

  it('reply without title or proposal', () => {
    const ps = problems(doc(withLine(REPLY, 'proposal', null)));
    expect(ps.map((p) => p.key)).toEqual(['title']);
    expect(ps[0]!.expected?.zh).toContain('proposal');
  });

  it('reply with an empty addressee list', () => {
    const ps = problems(doc(withLine(REPLY, 'to', 'to: []')));
    expect(ps.map((p) => [p.key, p.pos])).toEqual([['to', { line: 5, col: 1 }]]);
  });

  it.each(['name', 'issue', 'editor', 'date', 'printer'])('bulletin without %s', (key) => {
    const ps = problems(doc(withLine(BULLETIN, key, null)));
    expect(ps.map((p) => [p.key, p.pos])).toEqual([[key, { line: 1, col: 1 }]]);
    expect(isChinese(ps[0]!.format())).toBe(true);
  });

  it('a required key with an empty value is reported at the key', () => {
    const ps = problems(doc(withLine(BULLETIN, 'editor', 'editor:')));
    expect(ps.map((p) => [p.key, p.pos])).toEqual([['editor', { line: 5, col: 1 }]]);
  });

  it('without type', () => {
    const ps = problems(doc(BULLETIN.slice(1)));
    expect(ps.map((p) => [p.key, p.pos])).toEqual([['type', { line: 1, col: 1 }]]);
  });
});

describe('field values', () => {
  it.each([
    ['category: a', 'category'],
    ['category: A类', 'category'],
    ['category: D', 'category'],
    ['publicity: 公开', 'publicity'],
    ['urgency: 急', 'urgency'],
    ['secrecy: 内部', 'secrecy'],
    ['copy: 1234567', 'copy'],
    ['copy: 12a', 'copy'],
    ['copies: 两百', 'copies'],
    ['copies: 0', 'copies'],
    ['numbering: 是', 'numbering'],
    ['secrecyTerm: ★1年\nsecrecy: 秘密', 'secrecyTerm'],
    ['date: 2024-13-01', 'date'],
    ['printDate: 昨天', 'printDate'],
  ])('%s is rejected at its key', (line, key) => {
    const lines = withLine(REPLY, key, null).concat(line.split('\n'));
    const ps = problems(doc(lines));
    const p = ps.find((x) => x.key === key)!;
    expect(p).toBeDefined();
    expect(p.pos).toEqual({ line: lines.findIndex((l) => l.startsWith(`${key}:`)) + 2, col: 1 });
    expect(p.expected).toBeDefined();
    expect(isChinese(p.format())).toBe(true);
  });

  it('rejects a secrecy term without a level', () => {
    const ps = problems(doc([...REPLY, 'secrecyTerm: 1年']));
    expect(ps.map((p) => p.key)).toEqual(['secrecyTerm']);
  });

  it('splits 机密★1年 into level and term', () => {
    const m = parse(doc([...REPLY, 'secrecy: 机密★1年'])).meta;
    expect([m.secrecy, m.secrecyTerm]).toEqual(['机密', '1年']);
  });

  it('a list item must be text, reported at the item', () => {
    const lines = [...withLine(REPLY, 'to', null), 'to:', '  - 甲', '  - [乙, 丙]'];
    const ps = problems(doc(lines));
    expect(ps.map((p) => [p.key, p.pos])).toEqual([['to', { line: lines.length + 1, col: 5 }]]);
  });

  it('a text field must not be a list', () => {
    const ps = problems(doc(withLine(REPLY, 'number', 'number: [某农〔2024〕9号, 某农〔2024〕10号]')));
    expect(ps.map((p) => p.key)).toEqual(['number']);
  });

  it('accepts 第56期 with a warning', () => {
    const s = parse(doc(withLine(BULLETIN, 'issue', 'issue: 第56期')));
    expect((s.meta as BulletinMeta).issue).toBe('56');
    expect(s.warnings.map((w) => [w.key, w.pos])).toEqual([['issue', { line: 4, col: 1 }]]);
  });

  it('normalises the document number with a warning at its key', () => {
    const s = parse(doc(withLine(REPLY, 'number', 'number: 某农（2024）9号')));
    expect(s.meta.number).toBe('某农〔2024〕9号');
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]!.pos).toEqual({ line: 4, col: 1 });
    expect(s.warnings[0]!.format()).toContain('〔〕');
  });
});

describe('file-level errors', () => {
  it('missing front matter', () => {
    const ps = problems('正文而已。\n');
    expect(ps.map((p) => [p.file, p.pos])).toEqual([['content/a.md', { line: 1, col: 1 }]]);
    expect(ps[0]!.format()).toContain('缺少前置元数据');
  });

  it('front matter not on the first line', () => {
    const ps = problems(`\n${doc(REPLY)}`);
    expect(ps[0]!.pos).toEqual({ line: 2, col: 1 });
  });

  it('front matter never closed', () => {
    const ps = problems(`---\n${REPLY.join('\n')}\n`);
    expect(ps[0]!.format()).toContain('没有结束行');
  });

  it('YAML syntax error at the position YAML reports, in file lines', () => {
    const lines = [...REPLY.slice(0, 4), 'to: [甲, 乙', ...REPLY.slice(5)];
    const ps = problems(doc(lines));
    expect(ps[0]!.format()).toContain('YAML 语法错误');
    expect(ps[0]!.pos!.line).toBeGreaterThanOrEqual(6);
  });

  it('YAML error with a full-width colon', () => {
    const lines = [...REPLY.slice(0, 3), '发文字号：某〔2024〕3号', ...REPLY.slice(3)];
    const ps = problems(doc(lines));
    expect(ps[0]!.pos).toEqual({ line: 5, col: 1 });
    expect(ps[0]!.format()).toContain('半角');
  });

  it('duplicate key of the same spelling', () => {
    const ps = problems(doc([...REPLY, 'issuer: 乙']));
    expect(ps[0]!.pos).toEqual({ line: REPLY.length + 2, col: 1 });
    expect(ps[0]!.format()).toContain('同一个键写了两次');
  });

  it('unknown type', () => {
    const ps = problems(doc(withLine(REPLY, 'type', 'type: memo')));
    expect(ps.map((p) => [p.key, p.pos, p.found])).toEqual([['type', { line: 2, col: 1 }, 'memo']]);
    expect(ps[0]!.expected?.zh).toContain('bulletin');
  });

  it.each([['', 'empty'], ['\n\n  \n', 'blank']])('empty body (%s)', (body) => {
    const ps = problems(doc(REPLY, body));
    expect(ps.map((p) => p.what.zh)).toEqual(['正文为空']);
    expect(ps[0]!.file).toBe('content/a.md');
  });

  it('collects all problems, sorted by line', () => {
    const lines = withLine(withLine(withLine(REPLY, 'date', 'date: 2024-02-30'), 'category', 'category: E'), 'issuer', 'isuer: 甲');
    const ps = problems(doc(lines, ''));
    const ls = ps.map((p) => p.pos!.line);
    expect(ls).toEqual([...ls].sort((a, b) => a - b));
    expect(ps.map((p) => p.key)).toEqual(['issuer', 'isuer', 'date', 'category', undefined]);
  });

  it('front matter that is not key: value', () => {
    const ps = problems('---\n类型：reply\n---\n正文\n');
    expect(ps[0]!.pos).toEqual({ line: 2, col: 1 });
    expect(ps[0]!.format()).toContain('半角');
  });
});

describe('edge cases', () => {
  it('an empty front matter block reports the missing type at the opening line', () => {
    const ps = problems('---\n# 只有注释\n---\n正文。\n');
    expect(ps.map((p) => [p.key, p.pos])).toEqual([['type', { line: 1, col: 1 }]]);
  });

  it('a block scalar keeps its line breaks', () => {
    const lines = [...withLine(BULLETIN, 'name', null), 'name: |', '  某区“社区服务提升”', '  专项行动'];
    expect((parse(doc(lines)).meta as BulletinMeta).name).toBe('某区“社区服务提升”\n专项行动');
  });

  it('distribution must nest keys', () => {
    const ps = problems(doc([...BULLETIN, 'distribution: 市民政局']));
    expect(ps.map((p) => [p.key, p.pos])).toEqual([['distribution', { line: BULLETIN.length + 2, col: 1 }]]);
    expect(ps[0]!.expected?.zh).toContain('report');
  });

  it('dotted English keys are accepted too', () => {
    const lines = [...REPLY.filter((l) => !l.startsWith('  ') && l !== 'contact:'), 'contact.unit: 甲', 'contact.phone: 1', 'contact.person: 乙'];
    expect((parse(doc(lines)).meta as ReplyMeta).contact).toEqual({ unit: ['甲'], phone: ['1'], person: ['乙'] });
  });

  it('the body keeps everything after the closing line, including a thematic break', () => {
    const s = parse(doc(REPLY, '第一段。\n\n---\n\n第二段。\n'));
    expect(s.body).toBe('第一段。\n\n---\n\n第二段。\n');
  });
});
