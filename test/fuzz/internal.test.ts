// An internal error (a bug, standing in here for any): one line asking for a report with the
// file that triggered it, never a stack trace; `--debug` shows the stack.

import { describe, expect, it, vi } from 'vitest';
import { GOOD_REPLY, project, run } from '../cli/helpers.js';

vi.mock('../../src/pipeline/compose.js', async (original) => ({
  ...(await original<typeof import('../../src/pipeline/compose.js')>()),
  composeDocument: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'x')");
  },
}));

describe('internal errors', () => {
  it('print one line naming the file, exit 1, no stack', async () => {
    const dir = project({ 'a.md': GOOD_REPLY });
    const r = await run(dir, 'build', 'a.md', '--jobs', '1');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      "a.md: 内部错误（TypeError: Cannot read properties of undefined (reading 'x')）：请把这条消息和触发它的文件 a.md 报告给维护者；加 --debug 可显示详情\n",
    );
    const en = await run(dir, 'check', 'a.md', '--lang', 'en');
    expect(en.err).toMatch(/^a\.md: internal error \(TypeError: .*\): please report this message with the file that triggered it, a\.md; add --debug for details\n$/);
  });

  it('--debug shows the stack', async () => {
    const dir = project({ 'a.md': GOOD_REPLY });
    const r = await run(dir, 'build', 'a.md', '--jobs', '1', '--debug');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/内部错误.*\nTypeError: .*\n\s+at /);
  });
});
