// Title lines (GB/T 9704 7.3.3): split at word boundaries into a trapezoid (longer lines
// above), never a one-character line, every line within the measure.

import { describe, expect, it } from 'vitest';
import { splitTitle } from '../../src/layout/index.js';

/** Every character one 22 pt cell, as a 2号 title on its own grid. */
const cell = (): number => 22;

describe('splitTitle', () => {
  it('keeps a title that fits on one line', () => {
    expect(splitTitle('关于做好冬季校园安全工作的通知', cell, 22 * 20)).toEqual(['关于做好冬季校园安全工作的通知']);
  });

  it('splits a long title at word boundaries, the longer line on top, each within the measure', () => {
    const title = '关于对市政协十三届三次会议第031号提案的答复意见和有关工作安排的说明';
    const lines = splitTitle(title, cell, 22 * 20);
    expect(lines.join('')).toBe(title);
    expect(lines.length).toBe(2);
    for (const l of lines) expect([...l].length * 22).toBeLessThanOrEqual(22 * 20);
    expect([...lines[0]!].length).toBeGreaterThanOrEqual([...lines[1]!].length);
    // Word boundaries: no word of the title is cut (提案, 答复, 意见 stay whole).
    for (const w of ['提案', '答复', '意见', '工作', '安排', '说明']) expect(lines.some((l) => l.includes(w))).toBe(true);
  });

  it('never leaves one character alone on a line, and cuts by width when no word boundary fits', () => {
    const lines = splitTitle('一二三四五六七八九十一二三四五六七八九十一二三四五', cell, 22 * 10);
    expect(lines.join('')).toBe('一二三四五六七八九十一二三四五六七八九十一二三四五');
    for (const l of lines) expect([...l].length).toBeGreaterThan(1);
    for (const l of lines) expect([...l].length * 22).toBeLessThanOrEqual(22 * 10);
  });
});
