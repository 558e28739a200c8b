// The compression thread: streams come back deflated, in order, readable by zlib; a stream
// that cannot be sent fails its document alone.

import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateAll } from '../../src/render/pdf/deflatethread.js';

const text = (n: number): Uint8Array => Buffer.from(`BT /F1 16 Tf 1 0 0 -1 ${n} 100 Tm <0001> Tj ET\n`.repeat(n), 'latin1');

describe('compression thread', () => {
  it('deflates each stream, in order, on the pool for the first document and on the thread after', async () => {
    for (let doc = 0; doc < 3; doc++) {
      const streams = [text(3), text(200), new Uint8Array(70_000).fill(7), text(1)];
      const out = await deflateAll(streams);
      expect(out).toHaveLength(streams.length);
      out.forEach((z, i) => expect(Buffer.from(inflateSync(z)).equals(Buffer.from(streams[i]!))).toBe(true));
    }
  });

  it('rejects a document whose stream cannot be sent, and goes on with the next', async () => {
    await deflateAll([text(2)]); // past the first document: the thread is in use
    const detached = new Uint8Array(64);
    structuredClone(detached.buffer, { transfer: [detached.buffer] });
    await expect(deflateAll([detached])).rejects.toThrow();
    const [z] = await deflateAll([text(5)]);
    expect(Buffer.from(inflateSync(z!)).equals(Buffer.from(text(5)))).toBe(true);
  });
});
