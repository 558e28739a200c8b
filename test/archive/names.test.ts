// Archive file names: the document's own wording, safe on Windows, macOS and Linux.

import { describe, expect, it } from 'vitest';
import { archiveRelPath, safeStem, MAX_STEM } from '../../src/archive/names.js';
import type { Meta } from '../../src/source/index.js';

describe('safeStem', () => {
  it('keeps Chinese numbers and punctuation as they are', () => {
    expect(safeStem('江教提〔2024〕31号')).toBe('江教提〔2024〕31号');
    expect(safeStem('江川市教育局“平安校园”建设简报第12期')).toBe('江川市教育局“平安校园”建设简报第12期');
  });

  it('turns characters Windows forbids into their full-width forms', () => {
    expect(safeStem('a<b>c:d"e/f\\g|h?i*j')).toBe('a＜b＞c：d＂e／f＼g｜h？i＊j');
  });

  it('drops control characters, collapses white space, trims dots and spaces at the ends', () => {
    expect(safeStem(' 京教\u0000〔2024〕\t\n 15号. . ')).toBe('京教〔2024〕 15号');
    expect(safeStem('...')).toBe('未命名');
    expect(safeStem('')).toBe('未命名');
  });

  it('guards reserved device names', () => {
    expect(safeStem('CON')).toBe('_CON');
    expect(safeStem('lpt1')).toBe('_lpt1');
    expect(safeStem('nul.txt')).toBe('_nul.txt');
    expect(safeStem('CONTENT')).toBe('CONTENT');
  });

  it('cuts long names by characters, not bytes', () => {
    const s = safeStem('长'.repeat(500));
    expect([...s].length).toBe(MAX_STEM);
  });

  it('cannot leave its folder', () => {
    expect(safeStem('../../etc/passwd')).not.toContain('/');
    expect(safeStem('..\\..\\x')).not.toContain('\\');
  });
});

describe('archiveRelPath', () => {
  const date = { iso: '2024-07-16', text: '2024年7月16日' };
  it('lays a reply out by year and type under its 发文字号', () => {
    const meta = { type: 'reply', number: '江教提〔2024〕31号', date } as unknown as Meta;
    expect(archiveRelPath(meta, 'pdf')).toBe('2024/提案答复/江教提〔2024〕31号.pdf');
  });
  it('names a bulletin by its series and 期号', () => {
    const meta = { type: 'bulletin', name: '江川市教育局“平安校园”建设', heading: '简报', issue: '12', date } as unknown as Meta;
    expect(archiveRelPath(meta, 'docx')).toBe('2024/简报/江川市教育局“平安校园”建设简报第12期.docx');
  });
  it('sanitises hostile values', () => {
    const meta = { type: 'bulletin', name: '../<x>', heading: '简报', issue: '1/2', date } as unknown as Meta;
    expect(archiveRelPath(meta, 'pdf')).toBe('2024/简报/／＜x＞简报第1／2期.pdf');
  });
});
