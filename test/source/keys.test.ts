import { describe, expect, it } from 'vitest';
import { KEYS, editDistance, resolveChildKey, resolveTopKey, suggestKey } from '../../src/source/keys.js';

describe('key table', () => {
  it('every key has a unique path and a unique alias', () => {
    expect(new Set(KEYS.map((k) => k.path)).size).toBe(KEYS.length);
    expect(new Set(KEYS.map((k) => k.alias)).size).toBe(KEYS.length);
  });

  it.each([
    ['number', 'number'],
    ['发文字号', 'number'],
    ['报', 'distribution.report'],
    ['送', 'distribution.send'],
    ['发', 'distribution.issue'],
    ['联系电话', 'contact.phone'],
    ['contact.phone', 'contact.phone'],
    ['保密期限', 'secrecyTerm'],
    ['总期号', 'volume'],
  ])('%s → %s', (spelled, path) => {
    const r = resolveTopKey(spelled);
    expect(r.kind === 'key' && r.spec.path).toBe(path);
  });

  it('nested keys accept the child name or the alias', () => {
    expect(resolveChildKey('contact', 'phone')?.path).toBe('contact.phone');
    expect(resolveChildKey('contact', '联系人')?.path).toBe('contact.person');
    expect(resolveChildKey('contact', 'report')).toBeUndefined();
    expect(resolveChildKey('distribution', 'issue')?.path).toBe('distribution.issue');
  });

  it('parents and config-only keys', () => {
    expect(resolveTopKey('contact').kind).toBe('parent');
    expect(resolveTopKey('fonts').kind).toBe('configOnly');
    expect(resolveTopKey('nonsense').kind).toBe('unknown');
  });
});

describe('did you mean', () => {
  it('edit distance counts a transposition as one', () => {
    expect(editDistance('isuer', 'issuer')).toBe(1);
    expect(editDistance('catgeory', 'category')).toBe(1);
    expect(editDistance('发文字', '发文字号')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it.each([
    ['isuer', 'issuer'],
    ['发文字', '发文字号'],
    ['printdate', 'printDate'],
    ['contcat', 'contact'],
    ['成文时间', '成文日期'],
    ['attachment', 'attachments'],
  ])('%s → %s', (typo, want) => {
    expect(suggestKey(typo)?.spelled).toBe(want);
  });

  it('suggests only keys of the type', () => {
    expect(suggestKey('categry', ['bulletin'])).toBeUndefined();
    expect(suggestKey('categry', ['reply'])?.spelled).toBe('category');
  });

  it('suggests nothing for something far away', () => {
    expect(suggestKey('zzzzzzzz')).toBeUndefined();
  });

  it('nested suggestions', () => {
    expect(suggestKey('phon', ['reply'], 'contact')?.spelled).toBe('phone');
  });
});
