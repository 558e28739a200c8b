// The front-matter additions: the daily types in 文件格式, `format`, joint issuers and their
// seals, attachments given as files, and replies as offices send them (warnings, lists).

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApprovalMeta, ReplyMeta, RequestMeta } from '../../src/source/index.js';
import { REPLY, doc, enc, isChinese, parse, problems, withLine } from './helpers.js';

/** A notice as staff write it, in Chinese keys (line 2 onwards). */
const NOTICE = [
  '类型: 通知',
  '发文机关: 某县教育局',
  '发文字号: 某教〔2025〕8号',
  '标题: 某县教育局关于做好寒假安全工作的通知',
  '主送: [各乡镇中心学校, 县直各学校]',
  '成文日期: 2025年1月10日',
  '印发机关: 某县教育局办公室',
];

/** A request in English keys. */
const REQUEST = [
  'type: request',
  'issuer: 某县教育局',
  'number: 某教〔2025〕9号',
  'signer: 王某',
  'title: 某县教育局关于某事项的请示',
  'to: 某市教育局',
  'date: 2025-01-12',
  'contact:',
  '  person: 李某',
  '  phone: 0000-7654321',
  'printer: 某县教育局办公室',
];

function png(): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, 400);
  new DataView(b.buffer).setUint32(20, 400);
  return b;
}

/** A file system of the given files (paths relative to the working directory, like the source's). */
function files(map: Record<string, string | Uint8Array>): (p: string) => Uint8Array {
  return (p) => {
    const hit = map[path.relative(process.cwd(), p)];
    if (hit === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return typeof hit === 'string' ? enc(hit) : hit;
  };
}

describe('the daily types in 文件格式', () => {
  it.each([
    ['通知', 'notice'],
    ['通报', 'circular'],
    ['意见', 'opinion'],
    ['批复', 'approval'],
    ['notice', 'notice'],
  ])('type %s parses with the common keys', (value, type) => {
    const m = parse(doc(withLine(NOTICE, '类型', `类型: ${value}`))).meta;
    expect(m.type).toBe(type);
    expect(m.format).toBe('file');
    expect(m.to).toEqual(['各乡镇中心学校', '县直各学校']);
    expect(m.issuers).toEqual(['某县教育局']);
  });

  it('a request keeps its contact as lists', () => {
    const m = parse(doc(REQUEST)).meta as RequestMeta;
    expect(m.contact).toEqual({ unit: [], person: ['李某'], phone: ['0000-7654321'] });
    expect(m.signer).toEqual(['王某']);
  });

  it('an approval names the request it answers', () => {
    const m = parse(doc([...withLine(NOTICE, '类型', '类型: 批复'), '来文: 某乡〔2025〕3号'])).meta as ApprovalMeta;
    expect(m.replyTo).toBe('某乡〔2025〕3号');
  });

  it.each([
    ['request', REQUEST],
    ['report', withLine(withLine(REQUEST, 'type', 'type: report'), 'contact', null).filter((l) => !l.startsWith('  '))],
  ])('a %s (上行文) without signer is an error naming 签发人', (_t, lines) => {
    const ps = problems(doc(withLine(lines, 'signer', null)));
    expect(ps.map((p) => [p.key, p.pos])).toEqual([['signer', { line: 1, col: 1 }]]);
    expect(ps[0]!.format()).toContain('缺少必填项「签发人」');
    expect(ps[0]!.format()).toContain('上行文');
    expect(ps[0]!.format('en')).toContain('signer');
  });

  it.each([
    ['  person', 'contact.person'],
    ['  phone', 'contact.phone'],
  ])('a request without %s is an error', (line, key) => {
    const ps = problems(doc(withLine(REQUEST, line, null)));
    expect(ps.map((p) => p.key)).toEqual([key]);
    expect(isChinese(ps[0]!.format())).toBe(true);
  });

  it.each(['标题', '发文字号', '主送', '发文机关'])('a notice without %s is an error', (key) => {
    const ps = problems(doc(withLine(NOTICE, key, null)));
    expect(ps).toHaveLength(1);
    expect(ps[0]!.pos).toEqual({ line: 1, col: 1 });
    expect(ps[0]!.format()).toContain(`缺少必填项「${key}」`);
  });

  it('a key of another type is an error naming the types it belongs to', () => {
    const ps = problems(doc([...NOTICE, '来文: 某〔2025〕1号', '办理结果: A']));
    expect(ps.map((p) => [p.key, p.pos?.line])).toEqual([
      ['来文', 9],
      ['办理结果', 10],
    ]);
    expect(ps[0]!.what.zh).toContain('批复');
    expect(ps[1]!.what.zh).toContain('提案答复');
  });
});

describe('format / 格式', () => {
  it('a reply may be sent in 信函格式', () => {
    expect(parse(doc([...REPLY, '格式: 信函'])).meta.format).toBe('letter');
    expect(parse(doc([...REPLY, 'format: file'])).meta.format).toBe('file');
  });

  it('a notice takes only 文件格式', () => {
    expect(parse(doc([...NOTICE, '格式: 文件'])).meta.format).toBe('file');
    const ps = problems(doc([...NOTICE, '格式: 信函']));
    expect(ps.map((p) => [p.key, p.pos, p.found])).toEqual([['格式', { line: 9, col: 1 }, '信函']]);
    expect(ps[0]!.format()).toContain('通知不能用信函格式');
  });

  it('an unknown format lists the four', () => {
    const ps = problems(doc([...REPLY, 'format: memo']));
    expect(ps[0]!.expected?.zh).toContain('纪要');
  });

  it('a bulletin has no format key', () => {
    const ps = problems(doc(['type: bulletin', 'name: 某', 'issue: 1', 'editor: 某', 'date: 2025-01-01', 'printer: 某', 'format: file']));
    expect(ps.map((p) => p.key)).toEqual(['format']);
  });
});

describe('joint issuers (联合行文)', () => {
  const JOINT = withLine(NOTICE, '发文机关', '发文机关: [某县教育局, 某县财政局]');

  it('lists the issuers, host first', () => {
    const m = parse(doc(JOINT)).meta;
    expect(m.issuers).toEqual(['某县教育局', '某县财政局']);
    expect(m.issuer).toBe('某县教育局');
  });

  it('takes one seal per issuer, in order', () => {
    const read = files({ 'content/a.png': png(), 'content/b.png': png() });
    const m = parse(doc([...JOINT, '印章: [a.png, b.png]']), undefined, read).meta;
    expect(m.seals.map((s) => s.src)).toEqual(['a.png', 'b.png']);
    expect(m.seal?.src).toBe('a.png');
  });

  it.each([
    ['one seal too few', '印章: a.png', '1个'],
    ['one seal too many', '印章: [a.png, a.png, a.png]', '3个'],
  ])('%s is an error at the seal key', (_n, line, found) => {
    const read = files({ 'content/a.png': png() });
    const ps = problems(doc([...JOINT, line]), undefined, read);
    expect(ps.map((p) => [p.key, p.pos, p.found])).toEqual([['印章', { line: 9, col: 1 }, found]]);
    expect(ps[0]!.format()).toContain('印章与发文机关的数目不一致');
    expect(ps[0]!.expected?.zh).toContain('2个印章');
  });
});

describe('attachments as files (GB/T 9704 8)', () => {
  const WITH = (entry: string[]) => [...NOTICE, '附件:', ...entry];

  it('reads the file and keeps its Markdown; the 附件说明 lists every title', () => {
    const read = files({ 'content/附件1.md': '---\ntitle: x\n---\n# 名单\n\n张三\n' });
    const m = parse(doc(WITH(['  - 标题: 联络员名单', '    文件: 附件1.md', '  - 工作安排表'])), undefined, read).meta;
    expect(m.attachments).toEqual(['联络员名单', '工作安排表']);
    // The front matter is blanked, not cut: the body's lines keep their numbers in the file.
    expect(m.attachmentFiles).toEqual([{ index: 1, title: '联络员名单', file: '附件1.md', markdown: '\n\n\n# 名单\n\n张三\n' }]);
  });

  it('a missing file is an error naming its line', () => {
    const ps = problems(doc(WITH(['  - title: 联络员名单', '    file: 附件9.md'])), undefined, files({}));
    expect(ps.map((p) => [p.key, p.pos, p.found])).toEqual([['附件', { line: 11, col: 5 }, '附件9.md']]);
    expect(ps[0]!.format()).toContain('找不到附件文件');
  });

  it.each([
    ['../外面.md', '附件路径超出了项目文件夹'],
    ['../../etc/passwd', '附件路径超出了项目文件夹'],
    ['/etc/passwd', '附件不能用绝对路径'],
  ])('%s outside the project folder is an error', (path, msg) => {
    const ps = problems(doc(WITH(['  - title: 名单', `    file: ${path}`])), undefined, files({ '外面.md': 'x' }));
    expect(ps[0]!.format()).toContain(msg);
    expect(ps[0]!.pos?.line).toBe(11);
  });

  it('an entry without a title, or with an unknown key, is an error', () => {
    expect(problems(doc(WITH(['  - file: 附件1.md'])), undefined, files({}))[0]!.format()).toContain('附件缺少「title」');
    const ps = problems(doc(WITH(['  - title: 名单', '    flie: 附件1.md'])), undefined, files({}));
    expect(ps[0]!.format()).toContain('未知的键「flie」');
  });
});

describe('replies as offices send them', () => {
  const bare = (lines: string[]) => lines.filter((l) => !/^(category|contact|  )/.test(l));

  it('category and contact are optional; what practice expects is a warning at the type key', () => {
    const s = parse(doc(bare(REPLY)));
    const m = s.meta as ReplyMeta;
    expect(m.category).toBeUndefined();
    expect(m.contact).toEqual({ unit: [], phone: [], person: [] });
    expect(s.warnings.map((w) => [w.key, w.pos])).toEqual([
      ['category', { line: 2, col: 1 }],
      ['contact.person', { line: 2, col: 1 }],
      ['contact.phone', { line: 2, col: 1 }],
    ]);
    expect(s.warnings[0]!.format()).toContain('办理结果');
    expect(s.warnings[2]!.format()).toContain('联系电话');
    expect(s.warnings[2]!.format('en')).toMatch(/^content\/a\.md:2:1: key "contact\.phone": a reply usually gives/);
  });

  it('contacts may be lists, in Chinese keys', () => {
    const s = parse(doc([...bare(REPLY), '办理结果: B', '联系人: [范启明, 冯华]', '联系电话: 0374-2699897']));
    expect((s.meta as ReplyMeta).contact).toEqual({ unit: [], person: ['范启明', '冯华'], phone: ['0374-2699897'] });
    expect(s.warnings).toEqual([]);
  });
});
