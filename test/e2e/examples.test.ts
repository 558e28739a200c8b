// Builds every example in content/ through the CLI and reads the results back with
// independent readers: pdf.js (and pdftotext when installed) for the PDF, unzip + XML for
// the DOCX. The official elements must appear as text, in order, in both.

import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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
  const files = walk(join(ROOT, 'content'));
  // Attachment files (named under 附件 with 文件:) are laid out inside their document, not built alone.
  const attached = new Set(
    files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^\s*(?:file|文件):\s*(\S+)\s*$/gm)].map((m) => join(dirname(f), m[1]!))),
  );
  return files.filter((f) => !attached.has(f)).map((f) => relative(join(ROOT, 'content'), f).replace(/\.md$/, ''));
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
  'replies/2024-proposal-062': {
    // A reply as offices send them: no 办理结果, `##` for the first level, two contact persons.
    pdf: [
      '江川市教育局文件',
      '江教提〔2024〕62号',
      '对市政协十届三次会议第062号提案的答复',
      '刘建华委员：',
      '一、近视防控工作开展情况',
      '二、下一步工作',
      '一是落实每天校内外各1小时体育活动；',
      '特此函复。',
      '江川市教育局',
      '2024年8月20日',
      '联系单位及电话：体育卫生与艺术教育科',
      '0871-6312690',
      '联系人：范启明、冯华',
      '公开方式：主动公开',
      '抄送：市政协提案委。',
      '2024年8月20日印发',
    ],
    meta: { title: '对市政协十届三次会议第062号提案的答复', author: '江川市教育局', subject: '江教提〔2024〕62号' },
  },
  'notices/2024-118-winter-safety': {
    // The joint mark: 文件 sits right of the stacked names (PDF: between them in reading order; DOCX: a text box after them).
    pdf: [
      '江川市教育局',
      '江川市应急管理局',
      '江教〔2024〕118号',
      '江川市教育局江川市应急管理局关于做好2024年冬季校园安全工作的通知',
      '各县（市、区）教育局、应急管理局，局属各学校：',
      '一、开展隐患排查整治',
      '三、落实值班值守制度',
      '附件：1.江川市中小学冬季安全隐患排查清单',
      '2.冬季校园安全工作联络员名单',
      '江川市教育局',
      '江川市应急管理局',
      '2024年11月25日',
      '（此件主动公开）',
      // The attachment file on its own pages, before the 版记 (GB/T 9704 7.3.7).
      '附件1',
      '江川市中小学冬季安全隐患排查清单',
      '表1冬季安全隐患排查重点',
      '序号',
      '后勤服务中心',
      '排查要求',
      '抄送：市人民政府办公室，市消防救援支队。',
      '江川市教育局办公室',
      '2024年11月25日印发',
    ],
    meta: {
      title: '江川市教育局 江川市应急管理局关于做好2024年冬季校园安全工作的通知',
      author: '江川市教育局、江川市应急管理局',
      subject: '江教〔2024〕118号',
    },
  },
  'circulars/2024-121-homework-inspection': {
    pdf: [
      '江川市教育局文件',
      '江教〔2024〕121号',
      '江川市教育局关于2024年秋季学期义务教育学校作业管理专项督查情况的通报',
      '各县（市、区）教育局，局属各学校：',
      '一、基本情况',
      '二、存在的问题',
      '三、下一步要求',
      '江川市教育局',
      '2024年12月6日',
      '抄送：市人民政府教育督导室。',
      '2024年12月6日印发',
    ],
    meta: { title: '江川市教育局关于2024年秋季学期义务教育学校作业管理专项督查情况的通报', author: '江川市教育局', subject: '江教〔2024〕121号' },
  },
  'requests/2024-131-school-bus': {
    pdf: [
      '江川市教育局文件',
      '江教〔2024〕131号',
      '签发人：周明远',
      '江川市教育局关于增加农村学生校车运营补助资金的请示',
      '江川市人民政府：',
      '妥否，请批示。',
      '江川市教育局',
      '2024年12月16日',
      '（联系人：赵丽娟，电话：0871-6312633）',
      '江川市教育局办公室',
      '2024年12月16日印发',
    ],
    meta: { title: '江川市教育局关于增加农村学生校车运营补助资金的请示', author: '江川市教育局', subject: '江教〔2024〕131号' },
  },
  'reports/2024-126-preschool': {
    pdf: [
      '江川市教育局文件',
      '江教〔2024〕126号',
      '签发人：周明远',
      '江川市教育局关于2024年学前教育普及普惠工作情况的报告',
      '江川市人民政府：',
      '一、主要工作',
      '（一）扩大普惠性资源供给',
      '三、下一步打算',
      '特此报告。',
      '江川市教育局',
      '2024年12月10日',
      '2024年12月10日印发',
    ],
    meta: { title: '江川市教育局关于2024年学前教育普及普惠工作情况的报告', author: '江川市教育局', subject: '江教〔2024〕126号' },
  },
  'opinions/2024-128-reading': {
    pdf: [
      '江川市教育局文件',
      '江教〔2024〕128号',
      '江川市教育局关于加强中小学校园阅读工作的意见',
      '各县（市、区）教育局，局属各学校：',
      '一、总体要求',
      '（二）保障阅读时间',
      '三、保障措施',
      '江川市教育局',
      '2024年12月12日',
      '抄送：市委宣传部，市图书馆。',
      '2024年12月12日印发',
    ],
    meta: { title: '江川市教育局关于加强中小学校园阅读工作的意见', author: '江川市教育局', subject: '江教〔2024〕128号' },
  },
  'letters/2024-12-research-base': {
    pdf: [
      '江川市教育局',
      '江教函〔2024〕12号',
      '江川市教育局关于同意设立江川师范学院教育实践基地的复函',
      '江川师范学院：',
      '你院《关于商请在我市设立师范生教育实践基地的函》（江师院函〔2024〕27号）收悉。',
      '特此函复。',
      '江川市教育局',
      '2024年9月10日',
      '抄送：市教育科学研究院，青石县教育局。',
    ],
    meta: { title: '江川市教育局关于同意设立江川师范学院教育实践基地的复函', author: '江川市教育局', subject: '江教函〔2024〕12号' },
  },
  'notices/2024-125-flood-season': {
    // Joint issuers with a seal each (7.3.5.1): the names side by side on one line under their seals.
    pdf: [
      '江川市教育局',
      '江川市应急管理局',
      '江教〔2024〕125号',
      '江川市教育局 江川市应急管理局关于做好2025年春季学校防汛防地质灾害工作的通知',
      '各县（市、区）教育局、应急管理局，局属各学校：',
      '一、全面排查校园隐患',
      '三、加强值班和信息报送',
      '江川市教育局',
      '江川市应急管理局',
      '2024年12月27日',
      '（此件主动公开）',
      '抄送：市人民政府办公室，市自然资源和规划局。',
      '2024年12月27日印发',
    ],
    meta: {
      title: '江川市教育局 江川市应急管理局关于做好2025年春季学校防汛防地质灾害工作的通知',
      author: '江川市教育局、江川市应急管理局',
      subject: '江教〔2024〕125号',
    },
  },
  'approvals/2024-134-school-merger': {
    pdf: [
      '江川市教育局文件',
      '江教〔2024〕134号',
      '江川市教育局关于同意青石县调整部分农村小学布局的批复',
      '青石县教育局：',
      '你局《关于调整部分农村小学布局的请示》（青教〔2024〕57号）收悉。',
      '此复。',
      '江川市教育局',
      '2024年12月20日',
      '抄送：青石县人民政府。',
      '2024年12月20日印发',
    ],
    meta: { title: '江川市教育局关于同意青石县调整部分农村小学布局的批复', author: '江川市教育局', subject: '江教〔2024〕134号' },
  },
  'orders/2024-3-campus-safety-regulation': {
    pdf: ['江川市人民政府令', '第3号', '《江川市中小学校园安全管理办法》', '现予公布', '市长', '2024年12月20日', '抄送：', '江川市人民政府办公室', '2024年12月20日印发'],
    meta: { title: '江川市人民政府令（第3号）', author: '江川市人民政府', subject: '第3号' },
  },
  'minutes/2024-9-bureau-office-meeting': {
    pdf: [
      '江川市教育局局长办公会议纪要',
      '第9期',
      '局长陈志刚主持召开局长办公会议',
      '一、关于2025年中小学校舍维修计划',
      '出席：陈志刚、林晓红',
      '请假：许卫东（出差）',
      '列席：韩光辉（市财政局教科文科）',
      '江川市教育局办公室',
      '2024年11月28日',
      '分送：局领导，局机关各科室，局属各单位。',
      '2024年11月28日印发',
    ],
    meta: { title: '江川市教育局局长办公会议纪要 第9期', author: '江川市教育局办公室', subject: '第9期' },
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
    expect(names.length).toBeGreaterThanOrEqual(11);
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
      // A table going on to another page repeats, in the PDF only, 续表N and its header row (up to the first row's number).
      const pdfNoPageNumbers = pdf.pages.map((p) => squash(p.text.replace(/[—–-]\s*\d+\s*[—–-]/g, '')).replace(/^续表\d*\D*/, '')).join('');
      expect(hanzi(body)).toBe(hanzi(pdfNoPageNumbers));
    });
  });
});
