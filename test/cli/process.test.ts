// The real command in a child process: exit codes 0, 1 and 2 as the shell sees them.

import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOOD_REPLY, project, runProcess } from './helpers.js';

describe('gongwen as a process', () => {
  it('exit 0 for a good build and verify, 1 for a bad file or a changed output, 2 for usage errors', () => {
    const dir = project({ 'a.md': GOOD_REPLY });
    let r = runProcess(dir, ['build', 'a.md', '--format', 'pdf']);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(dir, 'output', 'a.pdf'))).toBe(true);
    expect(runProcess(dir, ['verify']).code).toBe(0);

    writeFileSync(join(dir, 'output', 'a.pdf'), 'tampered');
    r = runProcess(dir, ['verify', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('changed: output/a.pdf');

    writeFileSync(join(dir, 'a.md'), GOOD_REPLY.replace('category: A', 'category: D'));
    r = runProcess(dir, ['build', 'a.md']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('a.md:8:1: 键「category」');
    expect(existsSync(join(dir, 'output', 'a.pdf'))).toBe(false);

    expect(runProcess(dir, ['build', '--no-such-option']).code).toBe(2);
    expect(runProcess(dir, ['build', 'a.md', '--format', 'odt']).code).toBe(2);
    expect(runProcess(dir, ['build', 'missing.md']).code).toBe(2);
  });
});
