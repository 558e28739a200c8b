// Line breaking (spec §10) with a fake measure: full-width characters are 1 wide, Latin 0.5.
import { describe, expect, it } from 'vitest';
import {
  breakLines,
  canBreakBefore,
  classify,
  isFullWidth,
  type BreakChar,
  type BrokenLine,
} from '../../src/layout/linebreak.js';
import { NO_END, NO_START, paragraphs, settable } from './generated.js';

const chars = (s: string): BreakChar[] =>
  [...s].map((ch) => {
    const cp = ch.codePointAt(0)!;
    return { ch, width: isFullWidth(cp) ? 1 : cp === 0x20 ? 0.25 : 0.5, em: 1 };
  });
const texts = (s: string, w: number, first = w): string[] => {
  const cs = chars(s);
  return breakLines(cs, (k) => (k === 0 ? first : w)).map((l) => cs.slice(l.start, l.end).map((c) => c.ch).join(''));
};
const run = (s: string, w: number): { lines: BrokenLine[]; cs: BreakChar[] } => {
  const cs = chars(s);
  return { lines: breakLines(cs, () => w), cs };
};

const CLOSING = [...'，。、；：？！）》」』”’〕】'];
const OPENING = [...'（《「『“‘〔【'];

describe('classify', () => {
  it('knows the classes', () => {
    for (const c of CLOSING) expect(['close', 'stop']).toContain(classify(c.codePointAt(0)!));
    for (const c of OPENING) expect(classify(c.codePointAt(0)!)).toBe('open');
    expect(classify(0x2014)).toBe('dash');
    expect(classify(0x2026)).toBe('ellipsis');
    expect(classify('字'.codePointAt(0)!)).toBe('ideo');
    expect(classify('𠀀'.codePointAt(0)!)).toBe('ideo');
    expect(classify('a'.codePointAt(0)!)).toBe('half');
  });
});

describe('避头尾 at the break point', () => {
  // Ten characters fill the line exactly, the eleventh is the mark in question.
  for (const mark of CLOSING) {
    it(`closing mark ${mark} never starts a line`, () => {
      const lines = texts(`一二三四五六七八九十${mark}甲乙丙`, 10);
      for (const l of lines.slice(1)) expect(CLOSING).not.toContain(l[0]);
      expect(lines.join('')).toBe(`一二三四五六七八九十${mark}甲乙丙`);
      const { lines: ls } = run(`一二三四五六七八九十${mark}甲乙丙`, 10);
      for (const l of ls) expect(l.width).toBeLessThanOrEqual(10 + 1e-6);
      expect(ls[0]!.width).toBeCloseTo(10, 6);
    });
  }
  for (const mark of OPENING) {
    it(`opening mark ${mark} never ends a line`, () => {
      const s = `一二三四五六七八九${mark}甲乙丙丁`;
      const lines = texts(s, 10);
      for (const l of lines.slice(0, -1)) expect(OPENING).not.toContain(l.at(-1));
      expect(lines.join('')).toBe(s);
      const { lines: ls } = run(s, 10);
      expect(ls[0]!.width).toBeCloseTo(10, 6); // spread, not ragged
    });
  }
  it('squeezes a mark onto the line when another mark can give up half an em (先挤进)', () => {
    const { lines, cs } = run('一二，三，四五六七八。甲乙', 10);
    const first = cs.slice(lines[0]!.start, lines[0]!.end).map((c) => c.ch).join('');
    expect(first).toBe('一二，三，四五六七八。');
    expect(lines[0]!.cuts.at(-1)).toBe(0); // the line-final mark keeps its em
    expect(lines[0]!.squeezed).toBeCloseTo(1, 6);
    expect(lines[0]!.width).toBeCloseTo(10, 6);
  });
  it('pushes the previous character down when nothing can be squeezed (后推出)', () => {
    expect(texts('一二三四五六七八九十。甲乙', 10)).toEqual(['一二三四五六七八九', '十。甲乙']);
    const { lines } = run('一二三四五六七八九十。甲乙', 10);
    expect(lines[0]!.spread).toBeCloseTo(1, 6);
    expect(lines[0]!.width).toBeCloseTo(10, 6);
    expect(lines[1]!.justified).toBe(false);
  });
  it('keeps two closing marks together', () => {
    const lines = texts('一二三四五六七八九十。”甲乙', 10);
    for (const l of lines.slice(1)) expect(CLOSING).not.toContain(l[0]);
    expect(lines.join('')).toBe('一二三四五六七八九十。”甲乙');
  });
});

describe('unbreakable units', () => {
  it('never splits —— or ……', () => {
    for (const u of ['——', '……']) {
      for (let pos = 7; pos <= 10; pos++) {
        const s = '一二三四五六七八九十'.slice(0, pos) + u + '甲乙丙丁戊';
        const lines = texts(s, 10);
        expect(lines.join('')).toBe(s);
        for (const l of lines) {
          expect(l.startsWith(u[0]!) && !l.startsWith(u)).toBe(false);
          expect(l.endsWith(u[0]!) && !l.endsWith(u)).toBe(false);
        }
      }
    }
  });
  it('never splits a phone number, a Latin word or a year', () => {
    const cases = ['0374-2699897', 'GB/T', 'PDF', '2018', '3.5%'];
    for (const tok of cases) {
      for (let pos = 5; pos <= 9; pos++) {
        const s = '一二三四五六七八九'.slice(0, pos) + tok + '甲乙丙丁戊己庚';
        const lines = texts(s, 10);
        expect(lines.some((l) => l.includes(tok))).toBe(true);
      }
    }
  });
  it('keeps a number with its unit character (2018年, 76号) and a date whole', () => {
    expect(canBreakBefore(chars('2018年'), 4)).toBe(false);
    expect(canBreakBefore(chars('2018年12月'), 5)).toBe(false);
    expect(canBreakBefore(chars('2018年12月24日'), 8)).toBe(false);
    expect(canBreakBefore(chars('2018年12月24日起'), 11)).toBe(true);
    expect(canBreakBefore(chars('全年12个'), 2)).toBe(true);
    expect(canBreakBefore(chars('201'), 1)).toBe(false);
    expect(canBreakBefore(chars('第5'), 1)).toBe(false);
    expect(canBreakBefore(chars('2018/12'), 5)).toBe(false);
    expect(canBreakBefore(chars('https://a.cn/b'), 8)).toBe(true);
  });
  it('breaks Latin text at spaces and drops the space at the line end', () => {
    const lines = texts('alpha beta gamma delta', 5.25);
    expect(lines).toEqual(['alpha beta', 'gamma delta']);
  });
  it('cuts a word longer than the line rather than overflowing', () => {
    const { lines } = run('abcdefghijklmnopqrstuvwxyz', 5);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(5 + 1e-6);
  });
});

describe('justification', () => {
  it('spreads mixed Latin lines to the full measure, never inside a word', () => {
    const { lines, cs } = run('我们使用PDF格式和DOCX格式输出公文，并且支持Markdown输入方式。', 10);
    for (const l of lines.slice(0, -1)) {
      expect(l.width).toBeCloseTo(10, 6);
      for (let k = l.start + 1; k < l.end; k++) {
        const a = cs[k - 1]!.ch;
        const b = cs[k]!.ch;
        if (/[A-Za-z]/.test(a) && /[A-Za-z]/.test(b)) {
          expect(l.x[k - l.start]! - l.x[k - 1 - l.start]!).toBeCloseTo(0.5, 6);
        }
      }
    }
  });
  it('leaves the last line natural and honours a first-line measure', () => {
    const lines = texts('一二三四五六七八九十甲乙丙丁戊', 10, 8);
    expect(lines).toEqual(['一二三四五六七八', '九十甲乙丙丁戊']);
  });
  it('produces no line start/end violation on punctuation-heavy text', () => {
    const s = '“你好！”他说：“（一）《公文》——规范……”，“2018年12月24日”、【注】〔2018〕；？！'.repeat(8);
    for (const w of [7, 8, 9, 10, 11, 12, 13]) {
      const lines = texts(s, w);
      expect(lines.join('')).toBe(s);
      lines.forEach((l, k) => {
        if (k > 0) expect(CLOSING).not.toContain(l[0]);
        if (k < lines.length - 1) expect(OPENING).not.toContain(l.at(-1));
        if (k > 0) expect(l.startsWith('—') && lines[k - 1]!.endsWith('—')).toBe(false);
        if (k > 0) expect(l.startsWith('…') && lines[k - 1]!.endsWith('…')).toBe(false);
      });
      const { lines: ls } = run(s, w);
      for (const l of ls) expect(l.width).toBeLessThanOrEqual(w + 1e-6);
      for (const l of ls.slice(0, -1)) expect(l.width).toBeCloseTo(w, 6);
    }
  });
});

// ── Breaks chosen over the whole paragraph ────────────────────────────────────
const fullWidth = (s: string): BreakChar[] => [...s].map((ch) => ({ ch, width: 1, em: 1 }));

describe('breaks chosen over the whole paragraph', () => {
  it('sets the 《方案》）， cluster before an unbreakable phone number without a ragged line', () => {
    const s =
      '根据工作安排，市教育局会同有关部门研究起草了《关于进一步深化集团化办学改革的实施方案》（以下简称《方案》），现报请审批。联系单位及电话：基础教育科0374-2699897，邮箱jyk@example.cn。';
    const cs = chars(s);
    const lines = breakLines(cs, (k) => (k === 0 ? 26 : 28));
    const text = lines.map((l) => cs.slice(l.start, l.end).map((c) => c.ch).join(''));
    expect(text.join('')).toBe(s);
    expect(text.some((t) => t.includes('0374-2699897'))).toBe(true);
    lines.forEach((l, k) => {
      const M = k === 0 ? 26 : 28;
      expect(l.width).toBeLessThanOrEqual(M + 1e-6);
      if (k < lines.length - 1) {
        expect(l.width).toBeCloseTo(M, 6);
        // At most one cell squeezed or spread.
        expect(l.squeezed).toBeLessThanOrEqual(1 + 1e-6);
        expect(l.spread).toBeLessThanOrEqual(1 + 1e-6);
      }
    });
  });

  it('moves earlier breaks rather than spreading a line by two cells', () => {
    // Line by line, line 1 takes 一…十 and line 2 can only end before 案 (8 characters, two cells
    // spread); over the whole paragraph the first break moves back one character instead.
    const s = '一二三四五六七八九十甲乙丙丁戊己《方案》），壬癸子丑寅卯辰巳午未申酉戌亥。';
    expect(texts(s, 10)).toEqual(['一二三四五六七八九', '十甲乙丙丁戊己《方', '案》），壬癸子丑寅卯', '辰巳午未申酉戌亥。']);
    const lines = texts(s, 10);
    expect(lines.join('')).toBe(s);
    for (const l of lines.slice(0, -1)) expect(Math.abs([...l].length - 10)).toBeLessThanOrEqual(1);
  });

  it('takes a character down rather than leaving one alone on the last line (段末孤字)', () => {
    const lines = texts('一二三四五六七八九十甲乙丙丁戊己庚辛壬癸批。', 10);
    expect(lines.join('')).toBe('一二三四五六七八九十甲乙丙丁戊己庚辛壬癸批。');
    expect(lines.at(-1)).toBe('癸批。');
    for (const l of lines.slice(0, -1)) expect(Math.abs([...l].length - 10)).toBeLessThanOrEqual(1);
  });

  it('holds every justified line to ±1 cell whenever such a setting exists (generated paragraphs)', () => {
    let feasible = 0;
    let total = 0;
    for (const p of paragraphs(400)) {
      total++;
      const cs = fullWidth(p);
      const lines = breakLines(cs, (k) => (k === 0 ? 26 : 28));
      const text = lines.map((l) => cs.slice(l.start, l.end).map((c) => c.ch).join(''));
      expect(text.join('')).toBe(p);
      text.forEach((t, k) => {
        const M = k === 0 ? 26 : 28;
        expect(lines[k]!.width, t).toBeLessThanOrEqual(M + 1e-6);
        expect(lines[k]!.cuts.at(-1), t).toBe(0); // no hanging, the final mark keeps its em
        if (k > 0) expect(NO_START.has(t[0]!), t).toBe(false);
        if (k < text.length - 1) expect(NO_END.has(t.at(-1)!), t).toBe(false);
      });
      if (settable(p, 26, 28)) {
        feasible++;
        text.slice(0, -1).forEach((t, k) => expect(Math.abs([...t].length - (k === 0 ? 26 : 28)), `${p}\n${t}`).toBeLessThanOrEqual(1));
      }
    }
    expect(feasible / total).toBeGreaterThan(0.9);
  });

  it('stays linear: a 20,000-character paragraph breaks in well under a second', () => {
    const p = [...paragraphs(200, 7)].join('');
    const cs = fullWidth(p);
    const t = performance.now();
    const lines = breakLines(cs, () => 28);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(lines.length).toBeGreaterThan(p.length / 30);
  });
});
