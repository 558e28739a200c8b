// Builds every example in content/ through the CLI and reads the results back with
// independent readers: pdf.js (and pdftotext when installed) for the PDF, unzip + XML for
// the DOCX. The official elements must appear as text, in order, in both.

import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../../src/cli/main.js';
import { readPdfGeometry, pdftotext, isRed, type PdfGeometry } from '../helpers/pdf-geometry.js';
import { docxText } from '../cli/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = mkdtempSync(join(tmpdir(), 'gw-examples-'));

function examples(): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.md') ? [join(d, e.name)] : [],
    );
  return walk(join(ROOT, 'content')).map((f) => relative(join(ROOT, 'content'), f).replace(/\.md$/, ''));
}

/** Text without any whitespace (layout splits titles and letter-spaces the 简报 word). */
const squash = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/** Asserts that the needles occur in this order in the text. */
function expectInOrder(text: string, needles: string[], where: string): void {
  let at = 0;
  for (const n of needles) {
    const i = text.indexOf(squash(n), at);
    expect(i, `${where}: 「${n}」 should follow position ${at}`).toBeGreaterThanOrEqual(0);
    at = i + squash(n).length;
  }
}

/** The multiset of CJK characters of a text, as a sorted string. */
const hanzi = (s: string): string => [...s.replace(/[^\u3400-\u9fff]/g, '')].sort().join('');

const stdout: string[] = [];
const stderr: string[] = [];
let code = -1;

beforeAll(async () => {
  code = await main(['build', 'content', '--out', OUT], {
    cwd: ROOT,
    stdout: (s) => stdout.push(s),
    stderr: (s) => stderr.push(s),
    isTTY: false,
  });
}, 300_000);

const NEEDLES: Record<string, { pdf: string[]; meta: { title: string; author: string; subject: string } }> = {
  'replies/2024-proposal-031-A': {
    pdf: [
      '000012',
      '江川市教育局文件',
      '江教提〔2024〕31号',
      '签发人：周明远',
      '办理结果：A',
      '对市政协十届三次会议第031号提案的答复',
      '致公党江川市委：',
      '贵委提出的关于“进一步提升中小学课后服务质量”的提案收悉。',
      '一、我市课后服务工作开展情况',
      '（一）丰富课程供给',
      '欢迎继续对我市教育工作提出宝贵意见。',
      '附件：1.江川市中小学课后服务工作指引',
      '2.2024年春季学期课后服务开展情况统计表',
      '江川市教育局',
      '2024年7月16日',
      '（此件主动公开）',
      '联系单位及电话：基础教育科',
      '0871-6312458',
      '联系人：王晓岚',
      '抄送：市政协提案委（2份），市政府督查室。',
      '江川市教育局办公室',
      '2024年7月16日印发',
    ],
    meta: { title: '对市政协十届三次会议第031号提案的答复', author: '江川市教育局', subject: '江教提〔2024〕31号' },
  },
  'replies/2024-proposal-047-B': {
    pdf: [
      '江川市教育局文件',
      '江教提〔2024〕47号',
      '办理结果：B',
      '对市政协十届三次会议第047号提案的答复',
      '李文华委员：',
      '您提出的关于“加快城区学校建设，缓解学位紧张问题”的提案收悉。',
      '（三）挖潜扩容现有学校',
      '感谢您对我市教育事业的关心和支持！',
      '江川市教育局',
      '2024年8月5日',
      '联系单位及电话：发展规划科',
      '联系人：陈思远',
      '公开方式：主动公开',
      '抄送：市政协提案委，市发展改革委。',
      '江川市教育局办公室',
      '2024年8月5日印发',
    ],
    meta: { title: '对市政协十届三次会议第047号提案的答复', author: '江川市教育局', subject: '江教提〔2024〕47号' },
  },
  'bulletins/2024-12-campus-safety': {
    pdf: [
      '内部资料 注意保存',
      '江川市教育局“平安校园”建设',
      '简报',
      '第12期（总第87期）',
      '江川市教育局办公室',
      '2024年11月18日',
      '全市中小学冬季消防安全演练全面铺开',
      '一、精心部署，压实责任',
      '（安全稳定科供稿）',
      '报：市委教育工委、市政府办公室。',
      '送：局领导班子成员。',
      '发：各县（市、区）教育局、局直属各学校、局机关各科室。',
      '江川市教育局办公室',
      '2024年11月18日印发',
      '（共印60份）',
    ],
    meta: { title: '江川市教育局“平安校园”建设简报 第12期', author: '江川市教育局', subject: '第12期' },
  },
  'bulletins/2024-13-teacher-training': {
    pdf: [
      '江川市教育局“平安校园”建设',
      '第13期',
      '本期要目',
      '千名教师“安全第一课”能力提升培训完成',
      '校园周边环境专项整治取得阶段性成效',
      '编者按：做好校园安全工作，关键在人。',
      '千名教师“安全第一课”能力提升培训完成',
      '心肺复苏（CPR）与自动体外除颤器（AED）使用',
      '校园周边环境专项整治取得阶段性成效',
      '三、巩固整治成果',
      '报：',
      '发：',
      '2024年12月2日印发',
    ],
    meta: { title: '江川市教育局“平安校园”建设简报 第13期', author: '江川市教育局', subject: '第13期' },
  },
};

describe('npm run build on the examples', () => {
  it('builds every example as PDF and DOCX with exit code 0', () => {
    expect(stderr.filter((l) => !l.startsWith('警告'))).toEqual([]);
    expect(code).toBe(0);
    const names = examples();
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const n of names) {
      expect(existsSync(join(OUT, `${n}.pdf`)), n).toBe(true);
      expect(existsSync(join(OUT, `${n}.docx`)), n).toBe(true);
    }
    expect(Object.keys(NEEDLES).sort()).toEqual([...names].sort());
  });

  describe.each(Object.entries(NEEDLES))('%s', (name, want) => {
    let pdf: PdfGeometry;
    let pdfText = '';
    beforeAll(async () => {
      pdf = await readPdfGeometry(join(OUT, `${name}.pdf`));
      pdfText = squash(pdf.pages.map((p) => p.text).join('\n'));
    });

    it('has the official elements as text, in order (pdf.js)', () => {
      expectInOrder(pdfText, want.pdf, `${name}.pdf`);
    });

    it('gives the same text to pdftotext', async () => {
      const text = await pdftotext(join(OUT, `${name}.pdf`));
      if (text === null) return; // poppler-utils not installed: pdf.js above is the reader
      expectInOrder(squash(text), want.pdf, `${name}.pdf (pdftotext)`);
    });

    it('prints the issuer mark or masthead in red', () => {
      const first = pdf.pages[0]!;
      const big = [...first.lines].sort((a, b) => b.size - a.size)[0]!;
      expect(big.red).toBe(true);
      expect(big.glyphs.every((g) => isRed(g.color))).toBe(true);
    });

    it('carries title, author (issuer) and subject (number or 期号) as metadata', () => {
      expect(pdf.metadata).toMatchObject(want.meta);
    });

    it('holds the same text in the DOCX as in the PDF', () => {
      const body = docxText(new Uint8Array(readFileSync(join(OUT, `${name}.docx`))));
      expectInOrder(squash(body), want.pdf.filter((n) => !/^\d+$/.test(n)), `${name}.docx`);
      // Same characters: the PDF's text without its page numbers, the DOCX body without footers.
      const pdfNoPageNumbers = pdf.pages.map((p) => p.text.replace(/[—–-]\s*\d+\s*[—–-]/g, '')).join('');
      expect(hanzi(body)).toBe(hanzi(pdfNoPageNumbers));
    });
  });
});
