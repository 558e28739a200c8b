// Atomic writes and the manifest file itself.

import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { writeAtomic } from '../../src/archive/write.js';
import { manifestText, readManifest, updateManifest, type ManifestEntry } from '../../src/archive/manifest.js';
import { placeAll } from '../../src/archive/place.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'gw-arch-'));

describe('writeAtomic', () => {
  it('writes through a temporary file in the same folder and leaves only the target', () => {
    const dir = tmp();
    writeAtomic(join(dir, 'sub', 'a.pdf'), Buffer.from('one'));
    writeAtomic(join(dir, 'sub', 'a.pdf'), Buffer.from('two'));
    expect(readdirSync(join(dir, 'sub'))).toEqual(['a.pdf']);
    expect(readFileSync(join(dir, 'sub', 'a.pdf'), 'utf8')).toBe('two');
  });

  it('a failed rename leaves no temporary file and the old file untouched', () => {
    const dir = tmp();
    // The target is a non-empty folder: the rename fails after the temporary file was written.
    mkdirSync(join(dir, 'a.pdf'));
    writeFileSync(join(dir, 'a.pdf', 'keep'), 'x');
    expect(() => writeAtomic(join(dir, 'a.pdf'), Buffer.from('new'))).toThrow();
    expect(readdirSync(dir)).toEqual(['a.pdf']);
    expect(readdirSync(join(dir, 'a.pdf'))).toEqual(['keep']);
  });
});

const entry = (path: string, sha = 'a'.repeat(64)): ManifestEntry => ({
  path,
  format: 'pdf',
  size: 1,
  sha256: sha,
  source: `../${path}.md`,
  sourceSha256: 'b'.repeat(64),
  type: 'reply',
  title: 't',
  date: '2024-01-01',
  fonts: { song: { postscriptName: 'S', file: 's.ttf' }, fangsong: { file: 'f.ttf', postscriptName: 'F' } },
  tool: 'gongwen 0.0.0',
});

describe('manifest', () => {
  it('is sorted, with keys in a fixed order, whatever the input order', () => {
    const a = manifestText({ kind: 'gongwen-manifest', version: 1, entries: [entry('b.pdf'), entry('a.pdf')] });
    const b = manifestText({ kind: 'gongwen-manifest', version: 1, entries: [entry('a.pdf'), entry('b.pdf')] });
    expect(a).toBe(b);
    expect(a.indexOf('"a.pdf"')).toBeLessThan(a.indexOf('"b.pdf"'));
    expect(a).toMatch(/"fangsong"[\s\S]*"song"/);
    expect(a.endsWith('}\n')).toBe(true);
  });

  it('merges: adds replace by path, removes drop, others stay', () => {
    const dir = tmp();
    const f = join(dir, 'manifest.json');
    updateManifest(f, { add: [entry('a.pdf'), entry('b.pdf')], remove: [] });
    updateManifest(f, { add: [entry('b.pdf', 'c'.repeat(64))], remove: ['a.pdf'] });
    expect(readManifest(f)!.entries.map((e) => [e.path, e.sha256[0]])).toEqual([['b.pdf', 'c']]);
    expect(readdirSync(dir)).toEqual(['manifest.json']);
  });

  it('replaces a broken manifest and says so', () => {
    const dir = tmp();
    const f = join(dir, 'manifest.json');
    writeFileSync(f, '{');
    expect(updateManifest(f, { add: [entry('a.pdf')], remove: [] }).replacedBroken).toMatch(/not JSON/);
    expect(readManifest(f)!.entries).toHaveLength(1);
  });
});

describe('placeAll', () => {
  it('writes nothing of a document when one of its files conflicts', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'b.docx'), 'old');
    const r = placeAll(
      [
        { target: join(dir, 'b.pdf'), bytes: Buffer.from('pdf'), from: 'out/b.pdf' },
        { target: join(dir, 'b.docx'), bytes: Buffer.from('new'), from: 'out/b.docx' },
      ],
      false,
    );
    expect(r.conflicts).toEqual([{ target: join(dir, 'b.docx'), from: 'out/b.docx' }]);
    expect(readdirSync(dir)).toEqual(['b.docx']);
    expect(readFileSync(join(dir, 'b.docx'), 'utf8')).toBe('old');
  });
});
