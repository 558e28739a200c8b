import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildError, type Problem } from '../../src/errors.js';
import { loadConfig, type BulletinMeta, type ReplyMeta } from '../../src/source/index.js';
import { BULLETIN, REPLY, doc, parse, problems, withLine } from './helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cfg-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
let n = 0;
function project(config: string): string {
  const dir = path.join(tmp, `p${n++}`);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'gongwen.config.yaml'), config);
  return dir;
}
function configProblems(config: string): Problem[] {
  try {
    loadConfig({ cwd: project(config) });
  } catch (e) {
    expect(e).toBeInstanceOf(BuildError);
    return (e as BuildError).problems;
  }
  throw new Error('expected a BuildError');
}

describe('loadConfig', () => {
  it('without a config file: no defaults, root is cwd', () => {
    const dir = path.join(tmp, 'empty');
    fs.mkdirSync(dir);
    expect(loadConfig({ cwd: dir })).toEqual({ root: dir, defaults: {} });
  });

  it('a named config file that does not exist is an error', () => {
    expect(() => loadConfig({ cwd: tmp, configPath: 'nope.yaml' })).toThrow(BuildError);
  });

  it('reads defaults in either spelling, at the top level or under defaults', () => {
    const dir = project(
      [
        'printer: 某区民政局办公室',
        '编印单位: 某区民政局办公室',
        'defaults:',
        '  联系人: 赵某',
        '  contact:',
        '    unit: 办公室',
        '  报: [市民政局]',
        '  copies: 120',
        'output: out',
        'layout:',
        '  lineMode: fixed28',
        '  colophonOnEvenPage: true',
        '  tableSize: 四号',
        'fonts:',
        '  files:',
        '    fangsong: fonts/fs.ttf',
        '  docxNames:',
        '    fangsong: 仿宋_GB2312',
        '  folders: [fonts, /usr/share/fonts/x]',
      ].join('\n'),
    );
    const c = loadConfig({ cwd: dir });
    expect(c.path).toBe(path.join(dir, 'gongwen.config.yaml'));
    expect(c.root).toBe(dir);
    expect(c.defaults).toEqual({
      printer: '某区民政局办公室',
      editor: '某区民政局办公室',
      'contact.person': '赵某',
      'contact.unit': '办公室',
      'distribution.report': ['市民政局'],
      copies: '120',
    });
    expect(c.defaultPositions!.get('contact.unit')).toEqual({ line: 6, col: 5 });
    expect(c.output).toBe(path.join(dir, 'out'));
    expect(c.layout).toEqual({ lineMode: 'fixed28', colophonOnEvenPage: true, tableSize: 14 });
    expect(c.fonts).toEqual({
      files: { fangsong: path.join(dir, 'fonts', 'fs.ttf') },
      docxNames: { fangsong: '仿宋_GB2312' },
      folders: [path.join(dir, 'fonts'), '/usr/share/fonts/x'],
    });
  });

  it('a config given with --config: root is its folder', () => {
    const dir = project('issuer: 某局\n');
    fs.renameSync(path.join(dir, 'gongwen.config.yaml'), path.join(dir, 'other.yaml'));
    const c = loadConfig({ cwd: tmp, configPath: path.relative(tmp, path.join(dir, 'other.yaml')) });
    expect(c.root).toBe(dir);
    expect(c.defaults).toEqual({ issuer: '某局' });
  });

  it.each([
    ['isuer: 某局', 'isuer', { line: 1, col: 1 }, '是否想写「issuer」'],
    ['printer: 甲\n印发机关: 乙', '印发机关', { line: 2, col: 1 }, '重复'],
    ['layout:\n  lineMode: 28', 'layout.lineMode', { line: 2, col: 3 }, 'fixed28'],
    ['layout:\n  boldLevl3: true', 'layout.boldLevl3', { line: 2, col: 3 }, '是否想写「boldLevel3」'],
    ['layout:\n  boldLevel3: 也许', 'layout.boldLevel3', { line: 2, col: 3 }, '是或否'],
    ['layout:\n  tableSize: 14', 'layout.tableSize', { line: 2, col: 3 }, '四号'],
    ['fonts:\n  files:\n    fangsongti: a.ttf', 'fonts.files.fangsongti', { line: 3, col: 5 }, '未知的配置项'],
    ['font: {}', 'font', { line: 1, col: 1 }, '未知的键'],
  ])('%s → error', (text, key, pos, word) => {
    const ps = configProblems(text);
    expect(ps).toHaveLength(1);
    expect(ps[0]!).toMatchObject({ file: 'gongwen.config.yaml', key, pos });
    expect(ps[0]!.format()).toContain(word);
  });

  it('YAML errors in the config are positioned', () => {
    const ps = configProblems('issuer: 某局\nprinter: [甲\n');
    expect(ps[0]!.file).toBe('gongwen.config.yaml');
    expect(ps[0]!.format()).toContain('YAML 语法错误');
  });
});

describe('config defaults and front matter', () => {
  it('fill required keys, front matter overrides, either spelling', () => {
    const dir = project(['printer: 配置办公室', 'editor: 配置编辑部', '主送: 默认主送', 'contact:', '  unit: 默认科室', '  phone: 0000-1111', '  person: 默认人'].join('\n'));
    const config = loadConfig({ cwd: dir });
    const b = parse(doc(withLine(withLine(BULLETIN, 'printer', null), 'editor', null)), config).meta as BulletinMeta;
    expect([b.printer, b.editor]).toEqual(['配置办公室', '配置编辑部']);
    const r = parse(doc([...withLine(REPLY.filter((l) => !l.startsWith('  ') && l !== 'contact:'), 'printer', '印发机关: 自己的办公室'), '联系人: 本人']), config).meta as ReplyMeta;
    expect(r.printer).toBe('自己的办公室');
    expect(r.contact).toEqual({ unit: ['默认科室'], phone: ['0000-1111'], person: ['本人'] });
    expect(r.to).toEqual(['县政协某界别']);
  });

  it('defaults for the other type are ignored', () => {
    const dir = project('editor: 编辑部\n报: 上级\n');
    const r = parse(doc(REPLY), loadConfig({ cwd: dir })).meta as ReplyMeta;
    expect(r.type).toBe('reply');
  });

  it('layout options reach the source', () => {
    const dir = project('layout:\n  boldLevel3: true\n  noBodyTextNotice: yes\n');
    expect(parse(doc(REPLY), loadConfig({ cwd: dir })).options).toEqual({
      lineMode: 'grid',
      colophonOnEvenPage: false,
      noBodyTextNotice: true,
      boldLevel3: true,
    });
  });

  it('an invalid default value is reported in the config file at its position', () => {
    const dir = project('\ncategory: E\n');
    const ps = problems(doc(withLine(REPLY, 'category', null)), loadConfig({ cwd: dir }));
    expect(ps).toHaveLength(1);
    expect(ps[0]!).toMatchObject({ file: path.join(dir, 'gongwen.config.yaml'), key: 'category', pos: { line: 2, col: 1 } });
    expect(ps[0]!.format()).toContain('不是可用的值');
  });

  it('defaults given in code accept any spelling and nesting', () => {
    const config = { root: '/proj', defaults: { 印发机关: '代码办公室', distribution: { send: ['甲', '乙'] }, toc: false, copies: 7 } };
    const m = parse(doc(withLine(BULLETIN, 'printer', null)), config).meta as BulletinMeta;
    expect(m).toMatchObject({ printer: '代码办公室', toc: false, copies: 7, distribution: { send: ['甲', '乙'] } });
  });

  it('a type default applies', () => {
    const m = parse(doc(BULLETIN.slice(1)), { root: '/p', defaults: { type: '简报' } }).meta;
    expect(m.type).toBe('bulletin');
  });
});
