// The one zip writer of the packages (DOCX, OFD): read back by another implementation
// (fflate), the same bytes whether deflated here or on the compression thread, stored
// entries where deflate does not shrink them.

import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { unzipSync } from 'fflate';
import { zipFixed, zipFixedOffThread } from '../../src/render/zip.js';

const entries: Array<readonly [string, Uint8Array]> = [
  ['OFD.xml', Buffer.from('<?xml version="1.0"?>\n' + '<ofd:OFD>公文</ofd:OFD>\n'.repeat(200))],
  ['Doc_0/Res/Image_1.png', new Uint8Array(randomBytes(5000))],
  ['Doc_0/empty.xml', new Uint8Array(0)],
  ['附件/说明.txt', Buffer.from('附件一\n'.repeat(50))],
];
const date = new Date(Date.UTC(2024, 11, 27, 9, 30, 12));

describe('zip packages', () => {
  it('hold every entry as given, in order', () => {
    const files = unzipSync(new Uint8Array(zipFixed(entries, date)));
    expect(Object.keys(files)).toEqual(entries.map(([n]) => n));
    for (const [name, bytes] of entries) expect(Buffer.from(files[name]!).equals(Buffer.from(bytes)), name).toBe(true);
  });

  it('give the same bytes deflated here and off the main thread, every time', async () => {
    const here = zipFixed(entries, date);
    // The first call of a process deflates on the thread pool, later ones on the compression thread.
    for (let k = 0; k < 3; k++) expect((await zipFixedOffThread(entries, date)).equals(here), `call ${k + 1}`).toBe(true);
  });

  it('store what deflate does not shrink, deflate the rest', () => {
    const zip = zipFixed(entries, date);
    const methods: Record<string, number> = {};
    for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
      const name = zip.toString('utf8', at + 30, at + 30 + zip.readUInt16LE(at + 26));
      methods[name] = zip.readUInt16LE(at + 8);
      at += 30 + zip.readUInt16LE(at + 26) + zip.readUInt32LE(at + 18);
    }
    expect(methods).toEqual({ 'OFD.xml': 8, 'Doc_0/Res/Image_1.png': 0, 'Doc_0/empty.xml': 0, '附件/说明.txt': 8 });
  });
});
