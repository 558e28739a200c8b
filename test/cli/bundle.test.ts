// The bundled CLI (scripts/bundle.mjs, what bin/gongwen.js runs once dist/ is built) writes
// the same bytes as the modules it is made of: PDF (also PDF/A, whose ICC profile pdfkit reads
// from its own folder), DOCX and manifest.

import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { REPO, exampleProject, filesUnder, run } from './helpers.js';

const SOURCES = ['content/replies/2024-proposal-031-A.md', 'content/bulletins/2024-12-campus-safety.md'];
// Two levels below the repository, like dist/bundle.
const OUT = join(REPO, 'dist', `bundle-test-${process.pid}`);

const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(filesUnder(dir).map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));

function bundled(cwd: string, ...argv: string[]): { code: number; err: string } {
  const r = spawnSync(process.execPath, [join(OUT, 'cli.js'), ...argv], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, err: r.stderr };
}

describe('bundled CLI', () => {
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it('builds, and gives the same bytes as the modules', async () => {
    const b = spawnSync(process.execPath, [join(REPO, 'scripts', 'bundle.mjs'), OUT], { encoding: 'utf8' });
    expect(b.status, b.stderr).toBe(0);
    const dir = exampleProject();
    expect((await run(dir, 'build', ...SOURCES, '--out', 'a')).code).toBe(0);
    const r = bundled(dir, 'build', ...SOURCES, '--out', 'b');
    expect(r.code, r.err).toBe(0);
    expect(snapshot(join(dir, 'b'))).toEqual(snapshot(join(dir, 'a')));

    expect((await run(dir, 'build', SOURCES[0]!, '--pdfa', '--out', 'pa')).code).toBe(0);
    const p = bundled(dir, 'build', SOURCES[0]!, '--pdfa', '--out', 'pb');
    expect(p.code, p.err).toBe(0);
    expect(snapshot(join(dir, 'pb'))).toEqual(snapshot(join(dir, 'pa')));
  });
});
