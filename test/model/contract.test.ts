// Sources → model for the contract additions: relative heading levels, the contact lines a
// reply prints from what it is given, the 请示's 附注, joint issuers, and what is refused
// because no layout draws it yet (信函格式, several seals).

import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadConfig, readSource } from '../../src/source/index.js';
import { loadTemplates } from '../../src/template/render.js';
import { composeDocument } from '../../src/pipeline/compose.js';
import { problemsOf } from '../helpers/problems.js';
import type { Block, GongwenDocument, HeadingBlock } from '../../src/model/types.js';

const templates = loadTemplates();

function compose(text: string, extra: Record<string, string | Uint8Array> = {}): GongwenDocument {
  const dir = mkdtempSync(join(tmpdir(), 'gw-contract-'));
  writeFileSync(join(dir, 'a.md'), text);
  for (const [n, b] of Object.entries(extra)) writeFileSync(join(dir, n), b);
  return composeDocument(readSource(join(dir, 'a.md'), loadConfig({ cwd: dir })), templates);
}

const reply = (front: string, body = '答复正文。') => `---
type: reply
issuer: 测试县教育局
number: 测教〔2025〕3号
to: 某某委员
date: 2025-01-02
title: 关于某事的答复
printer: 测试县教育局办公室
${front}
---

${body}
`;

const bulletin = (body: string) => `---
type: bulletin
name: 测试简报
issue: 3
editor: 测试办公室
date: 2025-01-02
printer: 测试办公室
---

${body}
`;

const headings = (d: GongwenDocument) =>
  d.blocks.filter((b): b is HeadingBlock => b.kind === 'heading').map((h) => [h.level, h.runs.map((r) => r.text).join('')]);
const of = <K extends Block['kind']>(d: GongwenDocument, kind: K) => d.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);

describe('heading levels are relative', () => {
  it('in a reply the shallowest heading used is level 1', () => {
    const d = compose(reply('', '收悉。\n\n## 一、基本情况\n\n正文。\n\n### （一）措施\n\n正文。\n\n## 二、下一步\n\n正文。'));
    expect(headings(d)).toEqual([
      [1, '一、基本情况'],
      [2, '（一）措施'],
      [1, '二、下一步'],
    ]);
  });

  it('`#` still works as level 1', () => {
    expect(headings(compose(reply('', '# 一、甲\n\n## （一）乙\n\n正文。')))).toEqual([
      [1, '一、甲'],
      [2, '（一）乙'],
    ]);
  });

  it('in a bulletin `#` is the article title and the next level used is level 1', () => {
    const d = compose(bulletin('# 文章标题\n\n### 一、做法\n\n正文。\n\n#### （一）细节\n\n正文。'));
    expect(of(d, 'title').map((t) => t.text)).toContain('文章标题');
    expect(headings(d)).toEqual([
      [1, '一、做法'],
      [2, '（一）细节'],
    ]);
  });

  it('a skipped level is an error naming its line', () => {
    const ps = problemsOf(() => compose(reply('', '## 一、甲\n\n正文。\n\n#### 1.丙\n\n正文。')));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatch(/a\.md:16:1: 标题层级跳级：从第1级直接到第3级/);
  });

  it('a fifth level is an error naming its line', () => {
    const ps = problemsOf(() => compose(reply('', '## 一\n\n### （一）\n\n#### 1.\n\n##### （1）\n\n###### 五\n\n正文。')));
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatch(/a\.md:20:1: 标题层级过深/);
  });
});

describe('the contact lines of a reply print what is given', () => {
  const lines = (front: string) => of(compose(reply(front)), 'contact').flatMap((c) => c.lines);

  it.each([
    ['unit and phone, two persons', '联系单位: 基础教育科\n联系电话: 0374-2699897\n联系人: [范启明, 冯华]', ['联系单位及电话：基础教育科　0374-2699897', '联系人：范启明、冯华']],
    ['phone alone', '联系电话: 0374-2699897', ['联系电话：0374-2699897']],
    ['unit alone', '联系单位: 基础教育科', ['联系单位：基础教育科']],
    ['person alone', '联系人: 李瑛', ['联系人：李瑛']],
    ['nothing', '', []],
  ])('%s', (_n, front, want) => {
    expect(lines(front)).toEqual(want);
  });

  it('the category prints only when given', () => {
    expect(of(compose(reply('')), 'category')).toEqual([]);
    expect(of(compose(reply('办理结果: B')), 'category').map((c) => c.text)).toEqual(['办理结果：B']);
  });
});

describe('the daily types', () => {
  const request = `---
类型: 请示
发文机关: 测试县教育局
发文字号: 测教〔2025〕4号
签发人: [王某, 李某]
标题: 关于某事的请示
主送: 测试市教育局
成文日期: 2025-01-02
联系人: 张三
联系电话: 0000-1111111
印发机关: 测试县教育局办公室
---

妥否，请批示。
`;

  it('a request names its signers and gives the contact as the 附注', () => {
    const d = compose(request);
    expect(of(d, 'docNumber')[0]).toMatchObject({ number: '测教〔2025〕4号', signers: ['王某', '李某'] });
    expect(of(d, 'note').map((n) => n.text)).toEqual(['（联系人：张三，电话：0000-1111111）']);
    expect(d.info).toMatchObject({ type: 'request', format: 'file', subject: '测教〔2025〕4号' });
  });

  it('joint issuers stack in the mark and sign in order', () => {
    const d = compose(request.replace('发文机关: 测试县教育局', '发文机关: [测试县教育局, 测试县财政局]'));
    expect(of(d, 'issuerMark')[0]).toMatchObject({ lines: ['测试县教育局', '测试县财政局'], suffix: '文件' });
    expect(of(d, 'signature')[0]!.issuers).toEqual(['测试县教育局', '测试县财政局']);
  });

  it('attachment files travel with the model', () => {
    const d = compose(
      request.replace('印发机关:', '附件:\n  - 标题: 名单\n    文件: 附件1.md\n印发机关:'),
      { '附件1.md': '# 名单\n\n张三\n' },
    );
    expect(d.attachments).toEqual([{ index: 1, title: '名单', file: '附件1.md', markdown: '# 名单\n\n张三\n' }]);
    expect(of(d, 'attachmentNote')[0]!.items).toEqual(['名单']);
  });
});

describe('信函格式 [GB/T 9704 10.1]', () => {
  it('a reply sent as a 复函: the issuer’s name as the mark, no 签发人, no 印发 row', () => {
    const d = compose(reply('格式: 信函\nsigner: 王某\ncc: [市政协提案委]'));
    expect(d.info.format).toBe('letter');
    expect(of(d, 'issuerMark')[0]).toEqual(expect.objectContaining({ lines: ['测试县教育局'] }));
    expect(of(d, 'issuerMark')[0]!.suffix).toBeUndefined();
    expect(of(d, 'docNumber')[0]!.signers).toEqual([]);
    expect(of(d, 'colophon')[0]!.rows.map((r) => r.kind)).toEqual(['labelled']);
  });

  it('a 函 needs no 印发机关; other types still do', () => {
    const letter = reply('来文: 某〔2025〕1号').replace('type: reply', 'type: 函').replace(/^printer: .*\n/m, '');
    expect(compose(letter).info).toMatchObject({ type: 'letter', format: 'letter' });
    expect(problemsOf(() => compose(reply('').replace(/^printer: .*\n/m, '')))).toEqual([expect.stringMatching(/印发机关/)]);
  });
});
