// Bulletins that test tables, figures and Latin text on the grid (issue «Tables, figures and
// Latin text that keep the grid»): a two-page table, a table with one long-text column, a photo
// with its caption near a page end, a paragraph with URLs and codes, four- and five-character 报头.

import { photoPng } from '../helpers/png.js';

const front = (heading: string, issue: number): string => `---
type: bulletin
name: 江川市教育局
heading: ${heading}
issue: ${issue}
editor: 江川市教育局办公室
date: 2024-12-02
printer: 江川市教育局办公室
distribution:
  report: [市政府办公室]
  send: [局领导班子成员]
---
`;

/** A body paragraph of about `chars` characters (no line-start marks at awkward places). */
const para = (chars: number, seed = 0): string => {
  const words = ['各地各校', '认真落实', '安全工作责任制', '，', '建立隐患排查台账', '，', '明确整改时限和责任人', '。', '市教育局', '将适时开展督查', '，', '确保各项措施落到实处', '。'];
  let s = '';
  for (let k = seed; s.length < chars; k++) if (s || !/^[，。]/.test(words[k % words.length]!)) s += words[k % words.length];
  return s.endsWith('。') ? s : `${s.replace(/，$/, '')}。`;
};

const COUNTIES = ['城关区', '江北区', '江南区', '高新区', '经开区', '临江县', '青山县', '石门县', '白沙县', '龙泉县', '新桥县', '东湖县', '西岭县', '南塘县', '北湾县', '安平县', '永和县', '长乐县'];
const PROBLEMS = [
  '消防通道堆放杂物，部分教学楼应急照明损坏',
  '食堂燃气报警装置未按期检测',
  '学生宿舍私拉电线、使用违规电器',
  '校车防滑链配备不足，驾驶人安全培训记录不全',
  '锅炉房司炉人员证件过期',
  '围墙局部开裂，护栏松动',
];

/** 表1 with 18 rows: numbers right-aligned, one long text column; goes on to a second page. */
const longTable = (): string => {
  const rows = COUNTIES.map((c, i) => {
    const found = 80 + ((i * 37) % 90);
    const done = found - (i % 7);
    return `| ${i + 1} | ${c} | ${found} | ${done} | ${((done / found) * 100).toFixed(1)}% | ${PROBLEMS[i % PROBLEMS.length]} |`;
  });
  return ['表1 各县（市、区）安全隐患整改情况', '', '| 序号 | 县（市、区） | 排查隐患 | 已整改 | 整改率 | 主要问题 |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
};

export const GRID_FIXTURES: Record<string, string | Uint8Array> = {
  'two-page-table.md': `${front('工作简报', 21)}
# 全市学校安全隐患整改进展

${para(120)}

${longTable()}

${para(90, 3)}
`,
  'long-column.md': `${front('简报', 22)}
# 校园安全管理机制建设情况

${para(60)}

表2 校园安全管理机制

| 管理机制 | 主要做法 | 工作成效 |
| --- | --- | --- |
| 责任机制 | 层层签订安全责任书，校长为第一责任人，分管领导和班主任分级负责，形成横向到边、纵向到底的责任体系 | 全市412所学校责任书签订率达到百分之百 |
| 排查机制 | 每月开展一次全面排查，节假日前开展专项排查，对排查出的隐患建立台账并实行销号管理 | 累计排查整改隐患一千二百余处 |
| 督导机制 | 市县两级教育部门组建督导组，采取“四不两直”方式明查暗访，督导结果纳入年度考核 | 督导覆盖全部学校和幼儿园 |

${para(80, 5)}
`,
  'photo-caption.md': `${front('学习与参考', 23)}
# 城南小学开展冬季消防疏散演练

${para(300)}

${para(330, 4)}

![演练现场](photo.png)
图1 城南小学师生有序疏散

${para(100, 6)}
`,
  'urls-codes.md': `${front('工作简报', 24)}
# 校园安全管理平台上线运行

全市校园安全管理平台已于11月正式上线运行，各校登录平台（https://anquan.jcedu.gov.cn/platform/school/index.html?region=jiangchuan&term=2024-winter）填报隐患排查情况，平台备案编号为JCEDU-AQ-2024-0086-WINTER，技术支持邮箱为anquan-support@jcedu.gov.cn，联系电话0871-6312458。

各县（市、区）教育局要督促学校按时填报，数据接口说明见平台帮助页面（https://anquan.jcedu.gov.cn/docs/api/v2/report-upload.html），接口编号DJCP-4803-2024-XZ-0032，逾期未报的学校将在全市通报。

${para(120, 2)}
`,
  'photo.png': photoPng(800, 520),
};
