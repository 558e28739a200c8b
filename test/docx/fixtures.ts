// Document models for the DOCX tests: a 简报 with two articles, a reply with signer,
// category, attachments, contact and 抄送, and a long reply of several pages.

import { deflateSync } from 'node:zlib';
import { loadFontSet } from '../../src/fonts/index.js';
import type { FontSet } from '../../src/fonts/types.js';
import { planDocument } from '../../src/layout/index.js';
import type { Block, GongwenDocument, ImageData, Run } from '../../src/model/types.js';
import { writeDocx, type DocxOptions } from '../../src/render/docx/index.js';

const options: GongwenDocument['options'] = {
  lineMode: 'grid',
  colophonOnEvenPage: false,
  noBodyTextNotice: false,
  boldLevel3: false,
};

const r = (text: string): Run[] => [{ text }];
const p = (text: string): Block => ({ kind: 'paragraph', style: 'body', runs: r(text) });

/** Pure CJK sentences (no digits or Latin), so full lines hold exactly 28 characters. */
const SENTENCES = [
  '各地各部门要坚持以人民为中心的发展思想，统筹推进教育改革发展各项工作。',
  '要进一步完善工作机制，明确责任分工，加强督促检查，确保各项任务落到实处。',
  '学校要把立德树人作为根本任务，全面提高人才培养质量，办好人民满意的教育。',
  '坚持问题导向和目标导向，聚焦群众关心的热点难点问题，拿出务实管用的举措。',
  '加强教师队伍建设，完善培养培训体系，激发广大教师干事创业的积极性和创造性。',
];

/** A paragraph of `n` sentences starting at sentence `k`. */
export const longText = (n: number, k = 0): string =>
  Array.from({ length: n }, (_, i) => SENTENCES[(i + k) % SENTENCES.length]).join('');

/** A PNG (RGBA) of a red ring on a transparent ground standing in for a seal, 64 × 64 px. */
export const sealPng = (): ImageData => {
  const n = 64;
  const raw = Buffer.alloc(n * (1 + n * 4));
  for (let y = 0; y < n; y++) {
    raw[y * (1 + n * 4)] = 0; // filter: none
    for (let x = 0; x < n; x++) {
      const d = Math.hypot(x - n / 2 + 0.5, y - n / 2 + 0.5);
      const on = (d < n / 2 - 1 && d > n / 2 - 5) || d < 6;
      raw.set(on ? [230, 0, 0, 255] : [0, 0, 0, 0], y * (1 + n * 4) + 1 + x * 4);
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return { src: 'seal.png', bytes: new Uint8Array(png), format: 'png', width: n, height: n };
};

const crc32 = (buf: Buffer): number => {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
};

export const bulletin = (): GongwenDocument => ({
  file: 'bulletin.md',
  labels: { noBodyText: '（此页无正文）' },
  info: {
    type: 'bulletin',
    title: '教育工作简报 第56期',
    author: '教育工作领导小组办公室',
    subject: '第56期',
    isoDate: '2022-07-20',
  },
  options,
  blocks: [
    {
      kind: 'masthead',
      marking: '内部刊物　注意保存',
      name: '某某市教育局“能力作风建设年”活动',
      heading: '简报',
      issue: '第56期',
      editor: '领导小组办公室',
      date: '2022年7月20日',
    },
    {
      kind: 'editorNote',
      label: '编者按：',
      paragraphs: [r('现将有关区县推进集团化办学的做法刊发如下，供各单位学习借鉴。')],
    },
    { kind: 'title', text: '某新区深化集团化办学让优质教育走进家门口', article: true },
    p(longText(4)),
    { kind: 'heading', level: 1, runs: r('一、改革动因：破解教育均衡难题') },
    p(longText(5, 1)),
    { kind: 'heading', level: 2, runs: r('（一）坚持系统设计') },
    p(longText(3, 2)),
    { kind: 'paragraph', style: 'credit', runs: r('（某新区教育局供稿）') },
    { kind: 'title', text: '某县扎实推进教师队伍建设', article: true },
    p(longText(4, 3)),
    p(longText(3, 4)),
    {
      kind: 'colophon',
      rows: [
        { kind: 'labelled', label: '报：', text: '市“能力作风建设年”活动领导小组办公室' },
        { kind: 'labelled', label: '送：', text: '市教育局“能力作风建设年”活动领导小组领导' },
        {
          kind: 'labelled',
          label: '发：',
          text: '局直属学校（单位）党组织、市属各民办学校党组织、市教育局机关各党支部',
          ruleAfter: true,
        },
        { kind: 'printed', printer: '某某市教育局“能力作风建设年”活动领导小组办公室', date: '2022年7月20日印发' },
      ],
    },
  ],
});

export const reply = (bodyParas = 3, seal = false): GongwenDocument => ({
  file: 'reply.md',
  labels: { noBodyText: '（此页无正文）' },
  info: {
    type: 'reply',
    title: '对市政协七届二次会议第004号提案的答复',
    author: '某某市教育局',
    subject: '某教〔2018〕76号',
    isoDate: '2018-12-24',
  },
  options,
  blocks: [
    { kind: 'issuerMark', lines: ['某某市教育局'], suffix: '文件' },
    { kind: 'docNumber', number: '某教〔2018〕76号', signers: ['杨某某'], signerLabel: '签发人：' },
    { kind: 'redRule' },
    { kind: 'category', text: '办理结果：B', letter: 'B' },
    { kind: 'title', text: '对市政协七届二次会议第004号提案的答复' },
    { kind: 'addressee', text: '民盟某某市委：' },
    p('您提出的关于“继续深化集团化办学，快速放大优质教育资源总量”的提案收悉。现答复如下：'),
    { kind: 'heading', level: 1, runs: r('一、深入推进集团化办学') },
    ...Array.from({ length: bodyParas }, (_, i) => p(longText(3 + (i % 3), i))),
    { kind: 'heading', level: 3, runs: r('1.紧密型。') },
    p(longText(2, 2)),
    { kind: 'attachmentNote', label: '附件：', items: ['1.集团化办学情况统计表', '2.优质教育资源分布情况'] },
    { kind: 'signature', issuers: ['某某市教育局'], date: '2018年12月24日', ...(seal ? { seal: sealPng() } : {}) },
    { kind: 'contact', lines: ['联系单位及电话：基础教育科　0374-2699897', '联系人：李某'] },
    {
      kind: 'colophon',
      rows: [
        { kind: 'labelled', label: '公开方式：', text: '主动公开', ruleAfter: true },
        { kind: 'labelled', label: '抄送：', text: '市政协提案委（3份），市政府督查室（2份）。', ruleAfter: true },
        { kind: 'printed', printer: '某某市教育局办公室', date: '2018年12月24日印发' },
      ],
    },
  ],
});

/** A reply of several pages. */
export const longReply = (): GongwenDocument => reply(14, true);

/**
 * A reply with the 版记 asked on an even page whose body (with the PDF fonts) ends on an even
 * page with no room left: the PDF adds an unnumbered blank page and an unnumbered 版记 page.
 * `extra` sentences of body text are added before the attachments (30 gives that case,
 * 0 the case where the 版记 moves to the next page, 12 the case where it stays).
 */
export const evenColophonReply = (extra = 30): GongwenDocument => {
  const d = reply();
  d.options = { ...d.options, colophonOnEvenPage: true };
  const i = d.blocks.findIndex((b) => b.kind === 'attachmentNote' || b.kind === 'signature');
  d.blocks.splice(i, 0, p(longText(extra)));
  return d;
};

let testFonts: FontSet | undefined;
/** The bundled fonts (loaded once): the plan measures text with them. */
export const fontsForTests = (): FontSet => (testFonts ??= loadFontSet({ system: false }));

/** The DOCX of `doc`, written with its plan, as the build writes it. */
export const docxOf = (doc: GongwenDocument, opts: DocxOptions = {}): Promise<Buffer> =>
  writeDocx(doc, planDocument(doc, fontsForTests()), opts);
