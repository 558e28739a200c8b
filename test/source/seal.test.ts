import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageInfo, resolveSealPath } from '../../src/source/seal.js';
import { readSource, type ProjectConfig } from '../../src/source/index.js';
import { BuildError } from '../../src/errors.js';
import { REPLY, doc, parse, problems } from './helpers.js';

function png(width: number, height: number): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const v = new DataView(b.buffer);
  v.setUint32(16, width);
  v.setUint32(20, height);
  b.set([8, 6, 0, 0, 0], 24);
  return b;
}

function jpeg(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const dqt = [0xff, 0xdb, 0x00, 0x04, 0x00, 0x00];
  const sof = [0xff, 0xc2, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, ...dqt, ...sof, 0xff, 0xd9]);
}

describe('imageInfo', () => {
  it('reads PNG IHDR', () => expect(imageInfo(png(400, 380))).toEqual({ format: 'png', width: 400, height: 380 }));
  it('reads a JPEG SOF after other segments', () =>
    expect(imageInfo(jpeg(1200, 1180))).toEqual({ format: 'jpeg', width: 1200, height: 1180 }));
  it.each([
    ['text', new TextEncoder().encode('not an image at all, really')],
    ['GIF', new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000xxxxxxxxxxxxxxxxxxxxxxxx')],
    ['truncated PNG', png(4, 4).slice(0, 20)],
    ['JPEG without SOF', new Uint8Array([0xff, 0xd8, 0xff, 0xd9])],
  ])('%s is not an image', (_n, b) => expect(imageInfo(b)).toBeUndefined());
});

describe('resolveSealPath', () => {
  const root = path.resolve('/proj');
  const src = path.join(root, 'content', 'a.md');
  it('resolves relative to the source file', () => {
    expect(resolveSealPath('seal.png', src, root)).toEqual({ ok: true, abs: path.join(root, 'content', 'seal.png') });
    expect(resolveSealPath('../assets/seal.png', src, root)).toEqual({ ok: true, abs: path.join(root, 'assets', 'seal.png') });
  });
  it.each(['/etc/seal.png', 'C:\\seals\\a.png', '../../seal.png', '../../proj2/seal.png', '..'])('%s is rejected', (p) => {
    expect(resolveSealPath(p, src, root).ok).toBe(false);
  });
});

describe('seal in front matter', () => {
  const files = new Map<string, Uint8Array>();
  const readFile = (p: string) => {
    const b = files.get(p);
    if (!b) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    return b;
  };
  // The helpers name the source `content/a.md`, relative to the working directory.
  const root = process.cwd();
  const config: ProjectConfig = { path: path.join(root, 'gongwen.config.yaml'), root, defaults: {} };
  files.set(path.join(root, 'content', 'img', 'seal.png'), png(300, 300));
  files.set(path.join(root, 'content', 'fake.png'), new TextEncoder().encode('GIF89a and so on and so on'));
  files.set(path.join(root, 'content', 'seal.jpg.png'), jpeg(320, 310));

  it('returns ImageData', () => {
    const s = parse(doc([...REPLY, 'seal: img/seal.png']), config, readFile);
    expect(s.meta.seal).toMatchObject({ src: 'img/seal.png', format: 'png', width: 300, height: 300 });
    expect(s.meta.seal!.bytes.length).toBe(33);
  });

  it('checks the bytes, not the extension', () => {
    expect(parse(doc([...REPLY, '印章: seal.jpg.png']), config, readFile).meta.seal!.format).toBe('jpeg');
  });

  it.each([
    ['seal: fake.png', 'PNG 或 JPEG'],
    ['seal: missing.png', '找不到'],
    [`seal: ${path.join(process.cwd(), 'content', 'img', 'seal.png')}`, '绝对路径'],
    ['seal: ../../outside.png', '超出'],
  ])('%s → error at the key', (line, word) => {
    const ps = problems(doc([...REPLY, line]), config, readFile);
    expect(ps).toHaveLength(1);
    expect(ps[0]!).toMatchObject({ file: 'content/a.md', key: 'seal', pos: { line: REPLY.length + 2, col: 1 } });
    expect(ps[0]!.format()).toContain(word);
  });

  it('without a config the project folder is the source folder', () => {
    const noCfg: ProjectConfig = { root: process.cwd(), defaults: {} };
    const ps = problems(doc([...REPLY, 'seal: ../img/seal.png']), noCfg, readFile);
    expect(ps[0]!.format()).toContain('超出');
  });
});

describe('readSource on disk', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-src-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the file and its seal', () => {
    fs.mkdirSync(path.join(dir, 'content'));
    fs.writeFileSync(path.join(dir, 'content', 'seal.png'), png(200, 210));
    const file = path.join(dir, 'content', 'r.md');
    fs.writeFileSync(file, doc([...REPLY, 'seal: seal.png']));
    const s = readSource(file, { root: dir, path: path.join(dir, 'gongwen.config.yaml'), defaults: {} });
    expect(s.meta.seal).toMatchObject({ width: 200, height: 210, format: 'png' });
  });

  it('a missing file is a BuildError naming it', () => {
    const f = path.join(dir, 'nope.md');
    expect(() => readSource(f, { root: dir, defaults: {} })).toThrow(BuildError);
    try {
      readSource(f, { root: dir, defaults: {} });
    } catch (e) {
      expect((e as BuildError).problems[0]!.file).toBe(f);
      expect((e as BuildError).problems[0]!.format()).toContain('找不到文件');
    }
  });
});
