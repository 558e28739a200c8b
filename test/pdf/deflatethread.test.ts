// The compressors: streams come back deflated, in order, readable by zlib, and the same bytes
// from the thread as from the pool; a stream that cannot be sent fails its document alone.

import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ThreadCompressor, poolCompressor } from '../../src/render/pdf/deflatethread.js';

const text = (n: number): Uint8Array => Buffer.from(`BT /F1 16 Tf 1 0 0 -1 ${n} 100 Tm <0001> Tj ET\n`.repeat(n), 'latin1');

describe('compressors', () => {
  it('deflate each stream, in order, to the same bytes on the pool and on the thread', async () => {
    const thread = new ThreadCompressor();
    try {
      for (let doc = 0; doc < 3; doc++) {
        const streams = () => [text(3), text(200), new Uint8Array(70_000).fill(7), text(1)];
        const out = await thread.deflateAll(streams());
        const pool = await poolCompressor.deflateAll(streams());
        expect(out).toHaveLength(4);
        out.forEach((z, i) => {
          expect(Buffer.from(inflateSync(z)).equals(Buffer.from(streams()[i]!))).toBe(true);
          expect(Buffer.from(z).equals(Buffer.from(pool[i]!))).toBe(true);
        });
      }
    } finally {
      await thread.close();
    }
  });

  it('rejects a document whose stream cannot be sent, and goes on with the next', async () => {
    const thread = new ThreadCompressor();
    try {
      await thread.deflateAll([text(2)]);
      const detached = new Uint8Array(64);
      structuredClone(detached.buffer, { transfer: [detached.buffer] });
      await expect(thread.deflateAll([detached])).rejects.toThrow();
      const [z] = await thread.deflateAll([text(5)]);
      expect(Buffer.from(inflateSync(z!)).equals(Buffer.from(text(5)))).toBe(true);
    } finally {
      await thread.close();
    }
  });
});
