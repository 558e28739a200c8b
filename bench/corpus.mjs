// Benchmark corpus: realistic 简报 and 提案答复 of 1–20 pages, generated from a seed. Each
// document is produced twice from one structure: as gongwen Markdown and as an equivalent
// typst document (the reference typesetter), so both compile the same text.

// --- deterministic random numbers (mulberry32) ---
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  return { next, int, pick };
}

const CITIES = ['江川市', '临湖市', '青山县', '南平区', '东岭市', '白河县'];
const AGENCIES = ['教育局', '卫生健康委员会', '交通运输局', '农业农村局', '生态环境局', '民政局', '住房和城乡建设局'];
const TOPICS = [
  '中小学课后服务', '农村公路养护', '基层医疗卫生服务', '城市内涝治理', '养老服务体系建设', '校园食品安全',
  '老旧小区改造', '高标准农田建设', '垃圾分类处理', '义务教育均衡发展', '社区卫生服务中心建设', '河湖长制落实',
];
const SUBJECTS = [
  '各县（市、区）', '局直属各单位', '各乡镇（街道）', '市级有关部门', '全市各中小学校', '各社区卫生服务中心',
  '项目实施单位', '各级河长', '基层党组织', '有关责任单位',
];
const ACTIONS = [
  '认真贯彻落实', '围绕中心工作', '坚持问题导向', '聚焦群众关切', '强化统筹协调', '压实主体责任',
  '完善工作机制', '加大投入力度', '创新工作方法', '深化部门协作',
];
const OBJECTS = [
  '“一校一策”工作要求', '《实施方案》各项任务', '“三个清单”制度', '年度重点工作目标', '安全隐患排查整治',
  '资金使用监督管理', '信息公开和政策解读', '考核评价和结果运用', '“网格化”服务管理', '示范创建活动',
];
const RESULTS = [
  '取得阶段性成效', '群众满意度明显提升', '各项指标均达到序时进度', '形成了一批可复制可推广的经验',
  '有效解决了一批突出问题', '工作质量和效率同步提高', '为下一步工作打下坚实基础',
];
const UNITS = ['所', '个', '人次', '万元', '公里', '户', '项', '家'];
const OPENERS = ['一是', '二是', '三是', '四是'];
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
const SECTION_TITLES = [
  '基本情况', '主要做法', '取得的成效', '存在的问题', '下一步工作打算', '加强组织领导', '完善政策体系',
  '强化资金保障', '推进信息化建设', '严格督促检查', '加强队伍建设', '广泛宣传引导',
];

function number(r) {
  const kind = r.int(0, 5);
  if (kind === 0) return `${r.int(2, 98)}.${r.int(1, 9)}%`;
  if (kind === 1) return `${r.int(1, 9)},${String(r.int(0, 999)).padStart(3, '0')}${r.pick(UNITS)}`;
  if (kind === 2) return `${r.int(2022, 2025)}年${r.int(1, 12)}月${r.int(1, 28)}日`;
  if (kind === 3) return `${r.int(12, 980)}${r.pick(UNITS)}`;
  if (kind === 4) return `${r.int(1, 9)}.${r.int(1, 99)}亿元`;
  return `第${r.int(1, 4)}季度`;
}

function sentence(r) {
  const forms = [
    () => `${r.pick(SUBJECTS)}${r.pick(ACTIONS)}，扎实推进${r.pick(OBJECTS)}，${r.pick(RESULTS)}。`,
    () => `截至${number(r)}，全市累计完成${r.pick(TOPICS)}项目${number(r)}，同比增长${number(r)}。`,
    () => `${r.pick(OPENERS)}${r.pick(ACTIONS)}，将${r.pick(OBJECTS)}纳入年度考核；`,
    () => `我们按照“${r.pick(ACTIONS)}、${r.pick(ACTIONS)}”的思路，统筹安排资金${number(r)}，${r.pick(RESULTS)}。`,
    () => `针对${r.pick(TOPICS)}中反映的问题，${r.pick(SUBJECTS)}建立台账、逐项销号（共${number(r)}），确保按期整改到位。`,
    () => `在${r.pick(CITIES)}召开的现场推进会上，${r.pick(SUBJECTS)}交流了${r.pick(OBJECTS)}的经验做法。`,
  ];
  return r.pick(forms)();
}

function paragraph(r) {
  let p = '';
  const n = r.int(2, 5);
  for (let i = 0; i < n; i++) p += sentence(r);
  return p.replace(/；$/, '。');
}

/** Chinese characters a page body holds, roughly (22 lines × 28 characters, less headings). */
const CHARS_PER_PAGE = 470;

/**
 * One document as a structure: { type, meta, blocks } where a block is
 * { kind: 'article' | 'h1' | 'h2' | 'p' | 'credit', text }.
 */
export function makeDocument(index, seed = 9704) {
  const r = rng(seed * 7919 + index);
  const type = index % 2 === 0 ? 'bulletin' : 'reply';
  // Mostly short documents, some long ones: 1–20 pages.
  const pages = r.next() < 0.6 ? r.int(1, 4) : r.next() < 0.7 ? r.int(5, 10) : r.int(11, 20);
  const city = r.pick(CITIES);
  const agency = r.pick(AGENCIES);
  const topic = r.pick(TOPICS);
  const year = r.int(2023, 2025);
  const date = `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const budget = pages * CHARS_PER_PAGE - (type === 'bulletin' ? 300 : 420);
  const blocks = [];
  let used = 0;
  const addPara = () => {
    const p = paragraph(r);
    blocks.push({ kind: 'p', text: p });
    used += p.length + 28;
  };
  if (type === 'bulletin') {
    const articles = pages <= 2 ? 1 : r.int(2, Math.min(5, pages));
    const per = budget / articles;
    for (let a = 0; a < articles; a++) {
      const start = used;
      blocks.push({ kind: 'article', text: `${r.pick(CITIES)}${r.pick(TOPICS)}工作${r.pick(RESULTS)}` });
      used += 80;
      addPara();
      let s = 0;
      while (used - start < per - 120) {
        blocks.push({ kind: 'h1', text: `${CN_NUM[s] ?? s + 1}、${r.pick(SECTION_TITLES)}` });
        used += 56;
        s++;
        const n = r.int(1, 3);
        for (let i = 0; i < n && used - start < per - 60; i++) addPara();
      }
      blocks.push({ kind: 'credit', text: `（${r.pick(AGENCIES)}办公室供稿）` });
      used += 28;
    }
    const issue = r.int(1, 60);
    return {
      index,
      type,
      pages,
      meta: {
        name: `${city}${agency}${topic}工作`,
        issue,
        editor: `${city}${agency}办公室`,
        date,
        marking: '内部资料 注意保存',
        printer: `${city}${agency}办公室`,
        copies: r.int(20, 120),
        report: ['市委办公室', '市政府办公室'],
        send: ['局领导班子成员'],
        issueTo: ['各县（市、区）有关部门', '局直属各单位'],
      },
      blocks,
    };
  }
  // reply
  blocks.push({ kind: 'p', text: `贵委提出的关于“进一步加强${topic}”的提案收悉。经认真研究，现答复如下：` });
  used += 60;
  let s = 0;
  while (used < budget - 100) {
    blocks.push({ kind: 'h1', text: `${CN_NUM[s] ?? s + 1}、${r.pick(SECTION_TITLES)}` });
    used += 56;
    const subs = r.int(0, 3);
    if (subs === 0) {
      const n = r.int(1, 3);
      for (let i = 0; i < n && used < budget; i++) addPara();
    }
    for (let k = 0; k < subs && used < budget; k++) {
      blocks.push({ kind: 'h2', text: `（${CN_NUM[k]}）${r.pick(ACTIONS)}` });
      used += 56;
      addPara();
    }
    s++;
  }
  blocks.push({ kind: 'p', text: `感谢贵委对${topic}工作的关心和支持，欢迎继续提出宝贵意见。` });
  const no = r.int(1, 199);
  return {
    index,
    type,
    pages,
    meta: {
      issuer: `${city}${agency}`,
      number: `${city.slice(0, 2)}提〔${year}〕${no}号`,
      signer: r.pick(['周明远', '李建国', '王晓岚', '陈志强', '张丽华']),
      to: r.pick(['致公党江川市委', '市政协委员张宏伟', '民盟市委', '农工党市委']),
      date,
      category: r.pick(['A', 'B', 'C']),
      proposal: `市政协十届${CN_NUM[r.int(0, 4)]}次会议第${String(r.int(1, 300)).padStart(3, '0')}号提案`,
      attachments: r.next() < 0.5 ? [`${topic}工作情况统计表`] : [],
      contact: { unit: '办公室', phone: `0871-${r.int(6000000, 6999999)}`, person: r.pick(['王晓岚', '刘洋', '赵敏']) },
      cc: ['市政协提案委', '市政府督查室'],
      printer: `${city}${agency}办公室`,
    },
    blocks,
  };
}

const yamlList = (xs) => `[${xs.join(', ')}]`;

/** The document as gongwen Markdown with front matter. */
export function toMarkdown(d) {
  const m = d.meta;
  const lines = ['---'];
  if (d.type === 'bulletin') {
    lines.push(
      'type: bulletin',
      `name: ${m.name}`,
      `issue: ${m.issue}`,
      `editor: ${m.editor}`,
      `date: ${m.date}`,
      `marking: ${m.marking}`,
      `printer: ${m.printer}`,
      `copies: ${m.copies}`,
      'distribution:',
      `  report: ${yamlList(m.report)}`,
      `  send: ${yamlList(m.send)}`,
      `  issue: ${yamlList(m.issueTo)}`,
    );
  } else {
    lines.push(
      'type: reply',
      `issuer: ${m.issuer}`,
      `number: ${m.number}`,
      `signer: ${m.signer}`,
      `to: ${m.to}`,
      `date: ${m.date}`,
      `category: ${m.category}`,
      `proposal: ${m.proposal}`,
    );
    if (m.attachments.length) lines.push('attachments:', ...m.attachments.map((a) => `  - ${a}`));
    lines.push(
      'contact:',
      `  unit: ${m.contact.unit}`,
      `  phone: ${m.contact.phone}`,
      `  person: ${m.contact.person}`,
      `cc: ${yamlList(m.cc)}`,
      `printer: ${m.printer}`,
    );
  }
  lines.push('---', '');
  const h1 = d.type === 'bulletin' ? '##' : '#';
  const h2 = d.type === 'bulletin' ? '###' : '##';
  for (const b of d.blocks) {
    if (b.kind === 'article') lines.push(`# ${b.text}`, '');
    else if (b.kind === 'h1') lines.push(`${h1} ${b.text}`, '');
    else if (b.kind === 'h2') lines.push(`${h2} ${b.text}`, '');
    else if (b.kind === 'credit') lines.push(`::credit[${b.text}]`, '');
    else lines.push(b.text, '');
  }
  return lines.join('\n');
}

/** Chinese date as the documents print it: 2024年11月18日. */
function cnDate(iso) {
  const [y, mo, d] = iso.split('-').map(Number);
  return `${y}年${mo}月${d}日`;
}

const esc = (s) => s.replace(/[\\#*_`$<>@\[\]=~"/]/g, (c) => `\\${c}`);

/**
 * The typst preamble: GB/T 9704 page (A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm), 22 lines
 * of 3号 (16 pt) body text on a fixed pitch, headings in 黑体/楷体, page numbers in 4号 宋体
 * outside on odd/even pages, red rules in the header block.
 */
export function typstPreamble(names) {
  return `#let red = cmyk(0%, 100%, 100%, 0%)
#let pitch = 225mm / 22
#set page(
  paper: "a4",
  margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),
  footer-descent: 7mm,
  footer: context {
    let n = counter(page).get().first()
    set text(font: "${names.songti}", size: 14pt)
    if calc.odd(n) [#h(1fr)— #n —#h(1em)] else [#h(1em)— #n —#h(1fr)]
  },
)
#set text(font: "${names.fangsong}", size: 16pt, lang: "zh", region: "cn", top-edge: 1em, bottom-edge: 0em, tracking: -0.2pt)
#set par(leading: pitch - 16pt, spacing: pitch - 16pt, justify: true, first-line-indent: (amount: 2em, all: true))
#show heading: set block(above: pitch - 16pt, below: pitch - 16pt)
#show heading.where(level: 1): it => block(width: 100%, align(center, text(font: "${names.song}", weight: "bold", size: 22pt, it.body)))
#show heading.where(level: 2): it => block(text(font: "${names.hei}", weight: "medium", size: 16pt, h(2em) + it.body))
#show heading.where(level: 3): it => block(text(font: "${names.kai}", size: 16pt, h(2em) + it.body))
#let rule(w: 156mm, t: 1pt, c: red) = block(above: 4mm, below: 4mm, line(length: w, stroke: t + c))
`;
}

/** The same document as typst markup (header block, body, signature, 版记). */
export function toTypst(d, names) {
  const m = d.meta;
  const out = [typstPreamble(names)];
  const body = [];
  for (const b of d.blocks) {
    if (b.kind === 'article') body.push(`= ${esc(b.text)}`);
    else if (b.kind === 'h1') body.push(`== ${esc(b.text)}`);
    else if (b.kind === 'h2') body.push(`=== ${esc(b.text)}`);
    else if (b.kind === 'credit') body.push(`#align(right, text(font: "${names.kai}")[${esc(b.text)}])`);
    else body.push(esc(b.text));
  }
  const colophon = (rows) =>
    `#place(bottom, float: true, block(width: 100%)[
  #line(length: 100%, stroke: 0.35mm)
  #set par(first-line-indent: 0em, spacing: 2mm)
  #set text(size: 14pt)
${rows.map((r) => `  #h(1em)${r}`).join('\n  #line(length: 100%, stroke: 0.25mm)\n')}
  #line(length: 100%, stroke: 0.35mm)
])`;
  if (d.type === 'bulletin') {
    out.push(
      `#text(font: "${names.hei}", size: 16pt)[${esc(m.marking)}]`,
      `#align(center, text(font: "${names.song}", weight: "bold", size: 26pt, fill: red)[${esc(m.name)}])`,
      `#align(center, text(font: "${names.song}", weight: "bold", size: 42pt, fill: red, tracking: 0.5em)[简报])`,
      `#align(center)[第${m.issue}期]`,
      `#block(width: 100%, spacing: 0pt)[#set par(first-line-indent: 0em)
#text(size: 14pt)[${esc(m.editor)}] #h(1fr) #text(size: 14pt)[${cnDate(m.date)}]]`,
      '#rule(t: 2pt)',
      ...body.map((b) => b + '\n'),
      colophon([
        `报：${m.report.join('，')}`,
        `送：${m.send.join('，')}`,
        `发：${m.issueTo.join('，')}`,
        `${esc(m.printer)}#h(1fr)${cnDate(m.date)}印发#h(1em)（共印${m.copies}份）`,
      ]),
    );
  } else {
    out.push(
      `#v(25mm)`,
      `#align(center, text(font: "${names.song}", weight: "bold", size: 40pt, fill: red)[${esc(m.issuer)}文件])`,
      `#v(pitch)`,
      `#block(width: 100%)[#set par(first-line-indent: 0em)
#h(1em)${esc(m.number)}#h(1fr)#text(font: "${names.kai}")[签发人：]${esc(m.signer)}#h(1em)]`,
      '#rule(t: 1pt)',
      `#align(right, text(font: "${names.hei}")[办理结果：${m.category}])`,
      `#v(pitch)`,
      `= 对${esc(m.proposal)}的答复`,
      `#v(pitch)`,
      `#block[#set par(first-line-indent: 0em)
${esc(m.to)}：]`,
      ...body.map((b) => b + '\n'),
      ...(m.attachments.length ? [`附件：${m.attachments.map(esc).join('；')}`] : []),
      `#v(pitch * 2)`,
      `#align(right)[${esc(m.issuer)}#h(4em)]`,
      `#align(right)[${cnDate(m.date)}#h(4em)]`,
      `#block[#set par(first-line-indent: 2em)
（联系单位及电话：${esc(m.contact.unit)}，${m.contact.phone}）

联系人：${esc(m.contact.person)}]`,
      colophon([`抄送：${m.cc.join('，')}。`, `${esc(m.printer)}#h(1fr)${cnDate(m.date)}印发`]),
    );
  }
  return out.join('\n');
}
