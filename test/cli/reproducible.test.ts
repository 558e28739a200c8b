// Reproducible builds through the CLI: the same source gives byte-identical PDF, DOCX and
// manifest — twice in one process, with SOURCE_DATE_EPOCH, and in other time zones.

import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { exampleProject, filesUnder, run, runProcess } from './helpers.js';

const SOURCES = ['content/replies/2024-proposal-031-A.md', 'content/bulletins/2024-12-campus-safety.md'];

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of filesUnder(dir)) out[f] = readFileSync(join(dir, f)).toString('base64');
  return out;
}

const pdfInfo = (file: string): string => execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });

describe('reproducible builds', () => {
  const saved = process.env['SOURCE_DATE_EPOCH'];
  afterEach(() => {
    if (saved === undefined) delete process.env['SOURCE_DATE_EPOCH'];
    else process.env['SOURCE_DATE_EPOCH'] = saved;
  });

  it('gives byte-identical PDF, DOCX and manifest for the same sources', async () => {
    delete process.env['SOURCE_DATE_EPOCH'];
    const dir = exampleProject();
    expect((await run(dir, 'build', ...SOURCES, '--out', 'a')).code).toBe(0);
    await new Promise((r) => setTimeout(r, 1100)); // a clock that leaks in would now differ
    expect((await run(dir, 'build', ...SOURCES, '--out', 'b')).code).toBe(0);
    const a = snapshot(join(dir, 'a'));
    expect(Object.keys(a)).toEqual([
      '2024-12-campus-safety.docx',
      '2024-12-campus-safety.pdf',
      '2024-proposal-031-A.docx',
      '2024-proposal-031-A.pdf',
      'manifest.json',
    ]);
    expect(snapshot(join(dir, 'b'))).toEqual(a);
    // Dates come from the document (成文日期), not the clock.
    expect(pdfInfo(join(dir, 'a', '2024-proposal-031-A.pdf'))).toMatch(/CreationDate:\s+2024-07-16T00:00:00/);
    expect(JSON.parse(readFileSync(join(dir, 'a', 'manifest.json'), 'utf8'))).not.toHaveProperty('created');
  });

  it('gives each PDF a file ID of its own content: another document or a changed word, another ID', async () => {
    const dir = exampleProject();
    expect((await run(dir, 'build', ...SOURCES, '--out', 'a', '--format', 'pdf')).code).toBe(0);
    const reply = join(dir, SOURCES[0]!);
    writeFileSync(reply, readFileSync(reply, 'utf8').replace('答复', '答覆'));
    expect((await run(dir, 'build', SOURCES[0]!, '--out', 'b', '--format', 'pdf')).code).toBe(0);
    const id = (f: string): string => execFileSync('mutool', ['show', join(dir, f), 'trailer/ID'], { encoding: 'utf8' }).trim();
    const [reply1, bulletin, reply2] = [id('a/2024-proposal-031-A.pdf'), id('a/2024-12-campus-safety.pdf'), id('b/2024-proposal-031-A.pdf')];
    expect(reply1).toMatch(/^\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\s*\]$/);
    expect(new Set([reply1, bulletin, reply2]).size).toBe(3);
  });

  it('gives byte-identical PDF/A files too', async () => {
    const dir = exampleProject();
    await run(dir, 'build', SOURCES[0]!, '--pdfa', '--out', 'a');
    await run(dir, 'build', SOURCES[0]!, '--pdfa', '--out', 'b');
    expect(snapshot(join(dir, 'b'))).toEqual(snapshot(join(dir, 'a')));
  });

  it('honours SOURCE_DATE_EPOCH: its time in the PDF and manifest, still identical across builds', async () => {
    process.env['SOURCE_DATE_EPOCH'] = '1700000000'; // 2023-11-14T22:13:20Z
    const dir = exampleProject();
    expect((await run(dir, 'build', ...SOURCES, '--out', 'a')).code).toBe(0);
    expect((await run(dir, 'build', ...SOURCES, '--out', 'b')).code).toBe(0);
    expect(snapshot(join(dir, 'b'))).toEqual(snapshot(join(dir, 'a')));
    expect(pdfInfo(join(dir, 'a', '2024-proposal-031-A.pdf'))).toMatch(/CreationDate:\s+2023-11-14T22:13:20/);
    expect(JSON.parse(readFileSync(join(dir, 'a', 'manifest.json'), 'utf8')).created).toBe('2023-11-14T22:13:20Z');
    const core = strFromU8(unzipSync(new Uint8Array(readFileSync(join(dir, 'a', '2024-proposal-031-A.docx'))))['docProps/core.xml']!);
    expect(core).toMatch(/<dcterms:created[^>]*>2023-11-14T22:13:20Z</);
    expect(core).toMatch(/<dcterms:modified[^>]*>2023-11-14T22:13:20Z</);
  });

  it('gives the same bytes in every time zone (separate processes)', () => {
    delete process.env['SOURCE_DATE_EPOCH'];
    const dir = exampleProject();
    const env = { SOURCE_DATE_EPOCH: '' };
    for (const [tz, out] of [
      ['UTC', 'utc'],
      ['Pacific/Kiritimati', 'plus14'],
      ['America/Los_Angeles', 'la'],
    ] as const) {
      const r = runProcess(dir, ['build', ...SOURCES, '--out', out], { ...env, TZ: tz });
      expect(r.code, r.err).toBe(0);
    }
    const utc = snapshot(join(dir, 'utc'));
    expect(snapshot(join(dir, 'plus14'))).toEqual(utc);
    expect(snapshot(join(dir, 'la'))).toEqual(utc);
  });
});
