// Document models for the PDF tests: a 提案答复 and a 简报 like the real ones, and long
// generated documents with mixed Chinese, Latin, digits and heavy punctuation.
import type { Block, GongwenDocument, LayoutOptions } from '../../src/model/types.js';

const OPTIONS: LayoutOptions = { lineMode: 'grid', colophonOnEvenPage: false, noBodyTextNotice: false, boldLevel3: false };

const SENTENCES = [
  '为进一步深化教育集团化办学改革，许昌市教育局拟定了《关于进一步深化集团化办学改革的实施方案》（以下简称《方案》），现报请市政府审批。',
  '2018年，制定下发了《许昌市教育局关于许昌市“三名”工作室的通知》（许教师〔2017〕382号），开展“三名”工作室建设。',
  '截至目前，共建立名校长工作室10个、名教师工作室66个、名班主任工作室14个，确定352名教师为骨干成员。',
  '联系单位及电话：基础教育科0374-2699897；网址https://jyj.xuchang.gov.cn/；邮箱jyk@example.cn。',
  '集团化办学尽管取得了成效——缓解了大班额、教育资源得到充分利用……但还存在一些问题。',
  '“十四五”期末，将培育创建不少于20个质量过硬、特色鲜明、品牌彰显的教育集团！',
  '使用PDF/A-2b与DOCX格式输出，支持Markdown、YAML front matter和GB/T 9704-2012标准。',
  '他问：“为什么？”她答：“因为‘双减’政策要求：减轻学生过重作业负担（含校外培训负担）。”',
  '对办学成效突出的教育集团，分别给予100万、50万、30万不等的资金奖励，约占3.5%。',
  '探索集团内新招聘教师在牵头校接受为期1-2年“首站式培育”的模式，推动教师有序流动。',
];

/** A deterministic pseudo-random paragraph of n sentences. */
export function para(seed: number, n: number): string {
  let s = '';
  for (let k = 0; k < n; k++) s += SENTENCES[(seed * 7 + k * 3) % SENTENCES.length];
  return s;
}

const body = (text: string, line = 1): Block => ({ kind: 'paragraph', style: 'body', runs: [{ text, line }], line });
const heading = (level: 1 | 2 | 3 | 4, text: string): Block => ({ kind: 'heading', level, runs: [{ text }] });

export function replyDoc(opts: Partial<LayoutOptions> = {}, paragraphs = 8, seal?: GongwenDocument['blocks'][number] extends never ? never : Uint8Array): GongwenDocument {
  void seal;
  const blocks: Block[] = [
    { kind: 'issuerMark', lines: ['许昌市教育局'], suffix: '文件' },
    { kind: 'docNumber', number: '许教〔2018〕76号', signers: ['杨钧安'], signerLabel: '签发人：' },
    { kind: 'redRule' },
    { kind: 'category', text: '办理结果：B', letter: 'B' },
    { kind: 'title', text: '对市政协七届二次会议第004号提案的答复' },
    { kind: 'addressee', text: '民盟许昌市委：' },
    body('您提出的关于“继续深化集团化办学，快速放大优质教育资源总量”的提案收悉。现答复如下：'),
    heading(1, '一、深入推进集团化办学'),
  ];
  for (let k = 0; k < paragraphs; k++) {
    if (k === 3) blocks.push(heading(2, '（一）紧密型集团化办学'));
    if (k === 5) blocks.push(heading(3, '1.联盟型集团化办学'));
    if (k === 6) blocks.push(heading(1, '二、加强“双名”培训力度'));
    blocks.push(body(para(k, 2 + (k % 3)), 20 + k));
  }
  blocks.push(
    { kind: 'attachmentNote', label: '附件：', items: ['许昌市集团化办学情况统计表', '许昌市“三名”工作室名单及联系方式一览（2018年12月更新版）'] },
    { kind: 'signature', issuers: ['许昌市教育局'], date: '2018年12月24日' },
    { kind: 'contact', lines: ['联系单位及电话：基础教育科 0374-2699897', '联系人：李瑛'] },
    {
      kind: 'colophon',
      rows: [
        { kind: 'labelled', label: '抄送：', text: '市政协提案委（3份），市政府督查室（2份）。', ruleAfter: true },
        { kind: 'printed', printer: '许昌市教育局办公室', date: '2018年12月24日印发' },
      ],
    },
  );
  return {
    file: 'content/reply.md',
    labels: { noBodyText: '（此页无正文）' },
    info: { type: 'reply', title: '对市政协七届二次会议第004号提案的答复', author: '许昌市教育局', subject: '许教〔2018〕76号', isoDate: '2018-12-24' },
    blocks,
    options: { ...OPTIONS, ...opts },
  };
}

export function bulletinDoc(opts: Partial<LayoutOptions> = {}, articles = 2, paragraphs = 6): GongwenDocument {
  const blocks: Block[] = [
    {
      kind: 'masthead',
      marking: '内部刊物 注意保存',
      name: '郑州市教育局“能力作风建设年”活动',
      heading: '简报',
      issue: '第56期',
      editor: '领导小组办公室',
      date: '2022年7月20日',
    },
  ];
  for (let a = 0; a < articles; a++) {
    blocks.push({ kind: 'title', text: a === 0 ? '郑东新区深化集团化办学让更多优质校“花开”市民家门口' : `郑州市第${a + 1}批集团化办学工作推进会召开`, article: true });
    if (a === 0) blocks.push({ kind: 'editorNote', label: '编者按：', paragraphs: [[{ text: '集团化办学是推进教育优质均衡发展的重要举措，现将郑东新区的做法刊发，供参考。' }]] });
    for (let k = 0; k < paragraphs; k++) {
      if (k === 2) blocks.push(heading(1, `${'一二三四五六七八九十'[a]}、改革动因：有效破解教育均衡难题`));
      blocks.push(body(para(k + a, 2 + ((k + a) % 3))));
    }
    blocks.push({ kind: 'paragraph', style: 'credit', runs: [{ text: '（郑东新区教育文化体育局供稿）' }] });
  }
  blocks.push({
    kind: 'colophon',
    rows: [
      { kind: 'labelled', label: '报：', text: '市“能力作风建设年”活动领导小组办公室。' },
      { kind: 'labelled', label: '送：', text: '市教育局“能力作风建设年”活动领导小组领导。' },
      { kind: 'labelled', label: '发：', text: '局直属学校（单位）党组织、市属各民办学校党组织、市教育局机关各党支部。', ruleAfter: true },
      { kind: 'printed', printer: '郑州市教育局“能力作风建设年”活动领导小组办公室', date: '2022年7月20日印发' },
    ],
  });
  return {
    file: 'content/bulletin.md',
    labels: { noBodyText: '（此页无正文）' },
    info: { type: 'bulletin', title: '郑州市教育局“能力作风建设年”活动简报 第56期', author: '领导小组办公室', subject: '第56期', isoDate: '2022-07-20' },
    blocks,
    options: { ...OPTIONS, ...opts },
  };
}
