// A PNG written from scratch for tests (RGB, 8 bit): a photo stand-in of any size.

import { deflateSync } from 'node:zlib';

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (b: Buffer): number => {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};

/**
 * An 8-bit PNG `width` × `height` px (colour type 2 RGB, 6 RGBA) of the given IDAT bytes before
 * deflation: filter byte and pixels per row. The header is written as given, so a file may also
 * claim a size its data does not have (a decode bomb).
 */
export function pngFile(width: number, height: number, colorType: 2 | 6, raw: Buffer): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colorType;
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  );
}

/** A `width` × `height` px RGB PNG of one colour, or of `shade(x, y)`. */
export function rgbPng(width: number, height: number, shade: (x: number, y: number) => readonly [number, number, number]): Uint8Array {
  const stride = 1 + 3 * width;
  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rows.set(shade(x, y), y * stride + 1 + 3 * x);
  return pngFile(width, height, 2, rows);
}

/** A `width` × `height` px PNG shaded from blue-grey to green (no alpha). */
export function photoPng(width: number, height: number): Uint8Array {
  return rgbPng(width, height, (x, y) => [90 + ((x * 100) / width) | 0, 140, 120 + ((y * 80) / height) | 0]);
}
