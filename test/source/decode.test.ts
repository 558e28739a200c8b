import { describe, expect, it } from 'vitest';
import { decodeSource, firstInvalidUtf8 } from '../../src/source/decode.js';
import { REPLY, doc, enc, noConfig, parse } from './helpers.js';
import { parseSource } from '../../src/source/index.js';

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

describe('decode', () => {
  it('strips a BOM and normalises CRLF and CR', () => {
    const r = decodeSource('f', concat(new Uint8Array([0xef, 0xbb, 0xbf]), enc('a\r\nb\rc\n')));
    expect(r).toEqual({ ok: true, text: 'a\nb\nc\n' });
  });

  it('finds the first invalid UTF-8 byte', () => {
    expect(firstInvalidUtf8(enc('正文abc'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe4, 0xb8]))).toBe(2); // truncated
  });

  it('a GBK file: says so, at the first bad byte', () => {
    // "---\ntype: reply\nissuer: " then 许昌 in GBK (D0 ED B2 FD).
    const bytes = concat(enc('---\ntype: reply\nissuer: '), new Uint8Array([0xd0, 0xed, 0xb2, 0xfd]), enc('\n---\n正文\n'));
    try {
      parseSource('content/gbk.md', bytes, noConfig);
      throw new Error('no error');
    } catch (e) {
      const p = (e as { problems: Array<{ file: string; pos: unknown; format: (l?: string) => string }> }).problems[0]!;
      expect(p.file).toBe('content/gbk.md');
      expect(p.pos).toEqual({ line: 3, col: 9 });
      expect(p.format()).toContain('GBK/GB18030');
      expect(p.format()).toContain('UTF-8');
      expect(p.format('en')).toContain('looks like GBK');
    }
  });

  it('UTF-16 is named', () => {
    const r = decodeSource('f', new Uint8Array([0xff, 0xfe, 0x2d, 0x00]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.format()).toContain('UTF-16');
  });

  it('positions stay right with a BOM and CRLF', () => {
    const text = doc([...REPLY, 'isuer: 甲']).replace(/\n/g, '\r\n');
    const bytes = concat(new Uint8Array([0xef, 0xbb, 0xbf]), enc(text));
    try {
      parseSource('content/a.md', bytes, noConfig);
      throw new Error('no error');
    } catch (e) {
      const p = (e as { problems: Array<{ key?: string; pos?: unknown }> }).problems[0]!;
      expect(p.key).toBe('isuer');
      expect(p.pos).toEqual({ line: REPLY.length + 2, col: 1 });
    }
  });

  it('a valid CRLF file with a BOM parses, body without CR', () => {
    const text = '\ufeff' + doc(REPLY, '第一段。\n\n第二段。\n').replace(/\n/g, '\r\n');
    const s = parse(text);
    expect(s.body).toBe('第一段。\n\n第二段。\n');
    expect(s.bodyLine).toBe(REPLY.length + 3);
    expect(s.keyPositions.get('type')).toEqual({ line: 2, col: 1 });
  });
});
