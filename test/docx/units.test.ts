// Pure helpers of the DOCX writer: width estimates, mark size, unsealed signature insets.

import { describe, expect, it } from 'vitest';
import { markMetrics } from '../../src/render/docx/header.js';
import { renderedWidthEm, widthEm } from '../../src/render/docx/measure.js';
import { unsealedInsets } from '../../src/render/docx/signature.js';

describe('DOCX helpers', () => {
  it('counts full-width characters as 1 字 and Latin or digits as ½', () => {
    expect(widthEm('许教〔2018〕76号')).toBe(5 + 3);
    expect(renderedWidthEm('2018年')).toBe(3 + 0.25);
  });

  it('keeps the mark at 58 pt × 70 % when it fits 150 mm, else narrows then shrinks it', () => {
    expect(markMetrics('某某市教育局文件')).toEqual({ size: 58, scale: 70 });
    const long = markMetrics('某某省某某市某某区教育体育局文件');
    expect(long.scale).toBeLessThan(70);
    expect(long.scale).toBeGreaterThanOrEqual(50);
    const huge = markMetrics('某'.repeat(24));
    expect(huge.scale).toBe(50);
    expect(huge.size).toBeLessThan(58);
  });

  it('places an unsealed date 2 字 right of the issuer, or 2 字 from the edge when longer [7.3.5.2]', () => {
    // The date 2018年12月24日 is 7 字 wide.
    // Name of 10 字: name inset 2; the date starts 2 字 right of the name → inset 3.
    expect(unsealedInsets(['某'.repeat(10)], '2018年12月24日')).toEqual({ name: 2, date: 3 });
    // Name of 6 字, the date longer: date inset 2, the name starts 2 字 before the date.
    expect(unsealedInsets(['某某市教育局'], '2018年12月24日')).toEqual({ name: 5, date: 2 });
    // Long name: the date keeps its 2 字 shift and so sits further from the edge.
    expect(unsealedInsets(['某'.repeat(14)], '2018年12月24日')).toEqual({ name: 2, date: 7 });
  });
});
