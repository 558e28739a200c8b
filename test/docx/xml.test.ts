// The DOCX package as XML: section geometry, grid, styles and fonts, footers, red elements,
// the rule shapes, the 版记 anchor, metadata and determinism.

import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bulletin, docxOf, longReply, reply } from './fixtures.js';

const EMU_PER_MM = 36000;

const parts = async (buf: Buffer): Promise<Record<string, string>> => {
  const files = unzipSync(new Uint8Array(buf));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) if (/\.(xml|rels)$/.test(k)) out[k] = strFromU8(v);
  return out;
};

const attr = (xml: string, re: RegExp): string | undefined => re.exec(xml)?.[1];

describe('DOCX section and grid', async () => {
  const x = await parts(await docxOf(reply()));
  const doc = x['word/document.xml']!;

  it('is A4 with the GB/T 9704 margins (156 × 225 mm 版心)', () => {
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(attr(doc, /<w:pgMar[^>]*w:top="(\d+)"/)).toBe('2098');
    expect(attr(doc, /<w:pgMar[^>]*w:left="(\d+)"/)).toBe('1588');
    expect(attr(doc, /<w:pgMar[^>]*w:right="(\d+)"/)).toBe('1474');
    expect(attr(doc, /<w:pgMar[^>]*w:bottom="(\d+)"/)).toBe('1984');
    expect(11906 - 1588 - 1474).toBe(8844);
    expect(16838 - 2098 - 1984).toBe(12756);
  });

  it('has a lines grid of 579 twip and footer distance 1445', () => {
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    expect(attr(doc, /<w:pgMar[^>]*w:footer="(\d+)"/)).toBe('1445');
  });

  it('sets Normal to exact 579-twip lines, −5 twip spacing, 16 pt 仿宋, no widow control', () => {
    const styles = x['word/styles.xml']!;
    const normal = /<w:style w:type="paragraph" w:styleId="Normal"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(normal).toContain('<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>');
    expect(normal).toContain('<w:widowControl w:val="0"/>');
    expect(normal).toContain('<w:kinsoku/>');
    expect(normal).toContain('<w:overflowPunct/>');
    expect(normal).toContain('<w:autoSpaceDE w:val="0"/>');
    expect(normal).toContain('<w:autoSpaceDN w:val="0"/>');
    expect(normal).toContain('<w:spacing w:val="-5"/>');
    expect(normal).toContain('<w:sz w:val="32"/>');
    expect(normal).toContain('w:eastAsia="仿宋_GB2312"');
    expect(normal).toContain('<w:ind w:firstLine="630"/>');
  });
});

describe('DOCX styles and fonts', async () => {
  const x = await parts(await docxOf(reply()));
  const styles = x['word/styles.xml']!;
  const style = (id: string): string =>
    new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';

  it.each([
    ['Title', 'Title', '方正小标宋简体'],
    ['GwHeading1', '一级标题', '黑体'],
    ['GwHeading2', '二级标题', '楷体_GB2312'],
    ['GwHeading3', '三级标题', undefined],
    ['GwHeading4', '四级标题', undefined],
    ['GwAddressee', '主送机关', undefined],
    ['GwSignature', '署名', undefined],
    ['GwDate', '成文日期', undefined],
    ['GwNote', '附注', undefined],
    ['GwColophon', '版记', undefined],
    ['GwIssuerMark', '发文机关标志', '方正小标宋简体'],
    ['GwDocNumber', '发文字号', undefined],
    ['GwCategory', '办理结果', '黑体'],
    ['GwMastheadName', '报头名称', '方正小标宋简体'],
    ['GwMastheadHeading', '报头刊名', '方正小标宋简体'],
    ['GwEditorNote', '编者按', '楷体_GB2312'],
    ['GwPageNumber', '页码', '宋体'],
  ])('style %s is named %s with its East-Asian font', (id, name, font) => {
    const s = style(id);
    expect(s).toContain(`<w:name w:val="${name}"/>`);
    if (font) expect(s).toContain(`w:eastAsia="${font}"`);
  });

  it('never bolds 黑体 or 小标宋 styles', () => {
    for (const id of ['Title', 'GwHeading1', 'GwIssuerMark', 'GwMastheadHeading', 'GwCategory']) {
      expect(style(id)).not.toMatch(/<w:b\/>/);
    }
  });

  it('takes oversized text off the grid', () => {
    for (const id of ['Title', 'GwIssuerMark', 'GwMastheadName', 'GwMastheadHeading', 'GwPageNumber', 'GwColophon']) {
      expect(style(id)).toContain('<w:snapToGrid w:val="0"/>');
    }
  });

  it('lists the official families in the font table with GB2312 charset and alternatives', () => {
    const t = x['word/fontTable.xml']!;
    for (const f of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312', '宋体']) {
      expect(t).toContain(`<w:font w:name="${f}">`);
    }
    expect(t).toContain('<w:altName w:val="仿宋"/>');
    expect(t).toContain('<w:charset w:val="86"/>');
  });

  it('uses configured font names', async () => {
    const y = await parts(await docxOf(reply(), { fontNames: { fangsong: 'FangSong' } }));
    expect(y['word/styles.xml']).toContain('w:eastAsia="FangSong"');
    expect(y['word/styles.xml']).not.toContain('仿宋_GB2312');
  });
});

describe('DOCX footers', async () => {
  const x = await parts(await docxOf(reply()));
  const rels = x['word/_rels/document.xml.rels']!;
  const doc = x['word/document.xml']!;
  const footerOf = (type: string): string => {
    const id = attr(doc, new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`))!;
    const target = attr(rels, new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))!;
    return x[`word/${target}`]!;
  };

  it('turns on odd/even footers', () => {
    expect(x['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
  });

  it('puts — PAGE — right on odd pages and left on even pages, inset 280 twip', () => {
    const odd = footerOf('default');
    const even = footerOf('even');
    for (const f of [odd, even]) {
      expect(f).toContain('<w:pStyle w:val="GwPageNumber"/>');
      expect(f).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(f).toContain('— ');
      expect(f).toContain(' —');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(odd).toMatch(/<w:ind [^>]*w:right="280"/);
    expect(even).toContain('<w:jc w:val="left"/>');
    expect(even).toMatch(/<w:ind [^>]*w:left="280"/);
  });
});

describe('DOCX 版头 and red elements', async () => {
  const x = await parts(await docxOf(reply()));
  const doc = x['word/document.xml']!;
  const styles = x['word/styles.xml']!;

  it('sets the issuer mark red, 35 mm (1984 twip) below the 版心 top, on whole grid lines', () => {
    const mark = /<w:style [^>]*w:styleId="GwIssuerMark"[\s\S]*?<\/w:style>/.exec(styles)![0];
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    const p = /<w:p><w:pPr><w:pStyle w:val="GwIssuerMark"\/>[\s\S]*?<\/w:p>/.exec(doc)![0];
    const before = Number(attr(p, /w:before="(\d+)"/));
    const after = Number(attr(p, /w:after="(\d+)"/));
    const line = Number(attr(p, /w:line="(\d+)"/));
    expect(before).toBe(1984);
    expect((before + line + after) % 579).toBe(0);
    expect(p).toContain('某某市教育局文件');
  });

  it('draws the red rule as a 156 mm line anchored in the number paragraph', () => {
    const p = /<w:p><w:pPr><w:pStyle w:val="GwDocNumber"\/>[\s\S]*?<\/w:p>/.exec(doc)![0];
    expect(p).toContain('签发人：');
    expect(p).toContain('<a:prstGeom prst="line">');
    expect(Number(attr(p, /<a:ext cx="(\d+)" cy="0"\/>/))).toBeCloseTo(156 * EMU_PER_MM, -3);
    expect(p).toContain('<a:srgbClr val="FF0000"/>');
    expect(p).toMatch(/<wp:positionV relativeFrom="paragraph">/);
  });

  it('puts the number and 签发人 on one line with the name in 楷体', () => {
    expect(doc).toMatch(/某教〔2018〕76号[\s\S]*?<w:tab\/>[\s\S]*?签发人：[\s\S]*?GwSignerName[\s\S]*?杨某某/);
    expect(styles).toMatch(/w:styleId="GwSignerName"[\s\S]*?w:eastAsia="楷体_GB2312"/);
  });

  it('writes the category mark right-aligned in the first blank line below the rule, as the PDF does', () => {
    const i = doc.indexOf('GwDocNumber');
    const j = doc.indexOf('办理结果：B');
    expect(i).toBeGreaterThan(0);
    expect(j).toBeGreaterThan(i);
    // The number's paragraph, then the line the rule runs through (empty), then the mark.
    const between = doc.slice(i, j).split('<w:p>').slice(1);
    expect(between).toHaveLength(2);
    expect(between[0]).not.toContain('<w:t');
  });

  it('holds the same text as the model', () => {
    const text = [...doc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const s of ['对市政协七届二次会议第004号提案的答复', '民盟某某市委：', '附件：1.集团化办学情况统计表', '联系人：李某', '抄送：市政协提案委（3份），市政府督查室（2份）。', '2018年12月24日印发']) {
      expect(text).toContain(s);
    }
  });
});

describe('DOCX 版记', async () => {
  const x = await parts(await docxOf(longReply()));
  const doc = x['word/document.xml']!;

  it('is a text box anchored to the bottom of the margin in the last body paragraph', () => {
    const body = /<w:body>([\s\S]*)<w:sectPr/.exec(doc)![1]!;
    const paras = body.match(/<w:p>(?:(?!<w:p>)[\s\S])*?<\/w:p>(?=<w:p>|$)/g) ?? [];
    const lastTop = body.lastIndexOf('<wp:anchor');
    expect(lastTop).toBeGreaterThan(0);
    const anchor = body.slice(lastTop);
    expect(anchor).toMatch(/<wp:positionV relativeFrom="margin"><wp:align>bottom<\/wp:align>/);
    expect(anchor).toContain('<wp:wrapTopAndBottom/>');
    expect(anchor).toContain('<w:txbxContent>');
    expect(anchor).toContain('抄送：');
    expect(Number(attr(anchor, /<wp:extent cx="(\d+)"/))).toBeCloseTo(156 * EMU_PER_MM, -3);
    expect(paras.length).toBeGreaterThan(10);
  });

  it('has thick first and last rules and thin ones between groups', () => {
    const box = /<w:txbxContent>([\s\S]*?)<\/w:txbxContent>/.exec(doc)![1]!;
    const sizes = [...box.matchAll(/<w:bottom w:val="single" w:sz="(\d+)"/g)].map((m) => Number(m[1]));
    expect(sizes[0]).toBe(8);
    expect(sizes[sizes.length - 1]).toBe(8);
    expect(sizes.slice(1, -1)).toEqual([6, 6]);
  });

  it('places the seal as a floating picture anchored in the date paragraph', () => {
    expect(x['word/_rels/document.xml.rels']).toMatch(/Target="media\/image1\.png"/);
    expect(x['[Content_Types].xml']).toContain('Extension="png"');
    const date = /<w:p><w:pPr><w:pStyle w:val="GwDate"\/>[\s\S]*?<\/w:p>/.exec(doc)![0];
    expect(date).toContain('r:embed="rIdGwImage1"');
    // Behind the text, so the issuer name and date stay legible through the seal.
    expect(date).toMatch(/<wp:anchor [^>]*behindDoc="1"/);
  });
});

describe('DOCX 简报', async () => {
  const x = await parts(await docxOf(bulletin()));
  const doc = x['word/document.xml']!;
  it('writes the masthead: marking, red series name, big word, issue, editor/date and red rule', () => {
    for (const s of ['内部刊物　注意保存', '某某市教育局“能力作风建设年”活动', '第56期', '领导小组办公室', '2022年7月20日']) {
      expect(doc).toContain(s);
    }
    const editor = /<w:p><w:pPr><w:pStyle w:val="GwMastheadEditor"\/>[\s\S]*?<\/w:p>/.exec(doc)![0];
    expect(editor).toContain('<a:prstGeom prst="line">');
    expect(editor).toContain('<a:srgbClr val="FF0000"/>');
  });
  it('writes 报/送/发 in the 报尾 text box', () => {
    const box = /<w:txbxContent>([\s\S]*?)<\/w:txbxContent>/.exec(doc)![1]!;
    for (const s of ['报：', '送：', '发：', '印发']) expect(box).toContain(s);
  });
});

describe('DOCX metadata and determinism', () => {
  it('fills title, creator and subject, dated from info.isoDate', async () => {
    const x = await parts(await docxOf(reply()));
    const core = x['docProps/core.xml']!;
    expect(core).toContain('<dc:title>对市政协七届二次会议第004号提案的答复</dc:title>');
    expect(core).toContain('<dc:creator>某某市教育局</dc:creator>');
    expect(core).toContain('<dc:subject>某教〔2018〕76号</dc:subject>');
    expect(core).toContain('2018-12-24T00:00:00Z');
  });

  it('gives byte-identical output for the same model', async () => {
    const a = await docxOf(longReply());
    await new Promise((r) => setTimeout(r, 1100));
    const b = await docxOf(longReply());
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('has no duplicate drawing ids', async () => {
    const x = await parts(await docxOf(longReply()));
    const ids = [...x['word/document.xml']!.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
