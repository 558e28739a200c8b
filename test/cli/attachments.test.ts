// Attachments given as files (GB/T 9704 7.3.7, 8), built through the CLI: each on its own pages
// before the 版记, the file left out of the batch, the DOCX stating the same page breaks.

import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxPart, docxText, filesUnder, project, run } from './helpers.js';
import { mmToPt, readPdfGeometry, type PdfGeometry } from '../helpers/pdf-geometry.js';

const PITCH = mmToPt(225) / 22;
const TOP = mmToPt(37);
const LEFT = mmToPt(28);
const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');

const NOTICE = `---
类型: 通知
发文机关: [江川市教育局, 江川市应急管理局]
发文字号: 江教〔2024〕118号
标题: 关于做好冬季校园安全工作的通知
主送: [各县（市、区）教育局]
成文日期: 2024年11月25日
附件:
  - 标题: 冬季安全隐患排查清单
    文件: 附件/清单.md
  - 标题: 联络员名单
    文件: 附件/名单.md
抄送: [市人民政府办公室]
---

现就做好今冬明春校园安全工作通知如下。

## 一、开展隐患排查整治

各地各校要于12月10日前完成一轮全覆盖排查。
`;

let dir = '';
let code = -1;
let err = '';
let pdf: PdfGeometry;

beforeAll(async () => {
  dir = project({ 'notice.md': NOTICE });
  mkdirSync(join(dir, '附件'));
  writeFileSync(join(dir, '附件', '清单.md'), '---\ntitle: 清单\n---\n\n各校对照清单逐项排查。\n\n## 校舍\n\n屋面、门窗、围墙和护栏。\n');
  writeFileSync(join(dir, '附件', '名单.md'), '各县（市、区）教育局各确定一名联络员。\n');
  const r = await run(dir, 'build', '.', '--out', 'out');
  code = r.code;
  err = r.err;
  pdf = await readPdfGeometry(join(dir, 'out', 'notice.pdf'));
}, 120_000);

describe('attachments on their own pages', () => {
  it('builds the document alone: the attachment files are not documents of the batch', () => {
    expect(err.split('\n').filter((l) => l.trim() && !l.startsWith('警告'))).toEqual([]);
    expect(code).toBe(0);
    expect(filesUnder(join(dir, 'out')).filter((f) => !f.endsWith('.json'))).toEqual(['notice.docx', 'notice.pdf']);
  });

  it('starts each attachment on a new page, 附件N on line 1 and its title on line 3, before the 版记', () => {
    const starts = pdf.pages.filter((p) => p.lines.some((l) => /^附件\d$/.test(squash(l.text)) && l.x0 < LEFT + 1));
    expect(starts.map((p) => squash(p.lines[0]!.text))).toEqual(['附件1', '附件2']);
    for (const p of starts) {
      const [label, title, body] = p.lines;
      const row = (b: number): number => (b - TOP) / PITCH;
      expect(Math.floor(row(label!.baseline))).toBe(0);
      expect(Math.floor(row(title!.baseline))).toBe(2);
      expect(title!.size).toBeCloseTo(22, 0);
      expect(Math.abs((title!.x0 + title!.x1) / 2 - (LEFT + mmToPt(78)))).toBeLessThan(1);
      expect(Math.floor(row(body!.baseline))).toBe(4);
    }
    const text = squash(pdf.pages.map((p) => p.text).join(''));
    const order = ['附件：1.冬季安全隐患排查清单', '2.联络员名单', '附件1', '冬季安全隐患排查清单', '各校对照清单逐项排查。', '校舍', '附件2', '联络员名单', '抄送：市人民政府办公室。'];
    let at = 0;
    for (const n of order) {
      const i = text.indexOf(n, at);
      expect(i, n).toBeGreaterThanOrEqual(0);
      at = i + n.length;
    }
    // The front matter of an attachment file is not printed.
    expect(text).not.toContain('title');
  });

  it('numbers the attachment pages on', () => {
    const numbers = pdf.pages.map((p) => p.lines.find((l) => /^—\s*\d+\s*—$/.test(l.text.trim()))?.text.replace(/\D/g, ''));
    expect(numbers).toEqual(pdf.pages.map((_, k) => String(k + 1)));
  });

  it('states the same in the DOCX: 附件N after a page break, the title in the title style', () => {
    const bytes = new Uint8Array(readFileSync(join(dir, 'out', 'notice.docx')));
    const xml = docxPart(bytes);
    for (const label of ['附件1', '附件2']) {
      const p = new RegExp(`<w:p>(?:(?!</w:p>).)*<w:pageBreakBefore/>(?:(?!</w:p>).)*<w:t[^>]*>${label}</w:t>`).exec(xml);
      expect(p, label).not.toBeNull();
    }
    const text = squash(docxText(bytes));
    expect(text.indexOf('附件1冬季安全隐患排查清单各校对照清单逐项排查。')).toBeGreaterThan(0);
    expect(text.indexOf('附件2联络员名单')).toBeGreaterThan(text.indexOf('附件1'));
  });
});
