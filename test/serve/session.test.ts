// watch and serve build through a build session: the fonts parsed once in it, the bytes those
// of build(), and a changed configuration (or template) reads the fonts again.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../../src/serve/workspace.js';
import { build, createSession } from '../../src/index.js';
import { GOOD_REPLY, project } from '../cli/helpers.js';
import { loader } from './helpers.js';

const workspace = (dir: string, session?: ReturnType<typeof createSession>): Workspace =>
  new Workspace({
    inputs: ['a.md'],
    cwd: dir,
    formats: ['pdf', 'docx'],
    outDir: join(dir, 'output'),
    write: false,
    keep: true,
    confine: false,
    lang: 'zh',
    load: loader(dir),
    ...(session ? { session } : {}),
  });

describe('watch and serve in a build session', () => {
  it('parse the fonts in the session given and build the bytes build() gives', async () => {
    const dir = project({ 'a.md': GOOD_REPLY });
    const session = createSession({ cwd: dir });
    try {
      const ws = workspace(dir, session);
      await ws.start();
      const [doc] = ws.list();
      expect(doc?.status).toBe('ok');
      expect(session.fontCache.faces.size).toBeGreaterThan(0);
      const direct = await build(join(dir, 'a.md'), { cwd: dir });
      expect(doc!.outputs.pdf!.equals(direct.pdf!)).toBe(true);
      expect(doc!.outputs.docx!.equals(direct.docx!)).toBe(true);
      // The session is the caller's: closing the workspace leaves it usable.
      await ws.close();
      expect(session.fonts().roles.fangsong.font.face).toBeDefined();
    } finally {
      await session.close();
    }
  });

  it('read the fonts again when the configuration changes (the files it names may have changed)', async () => {
    const dir = project({ 'a.md': GOOD_REPLY });
    const session = createSession({ cwd: dir });
    try {
      const ws = workspace(dir, session);
      await ws.start();
      const parsed = session.fonts().roles.fangsong.font.face;
      // A template change does the same: both reload the project.
      writeFileSync(join(dir, 'gongwen.config.yaml'), 'layout:\n  colophonOnEvenPage: true\n');
      await ws.changed([{ path: join(dir, 'gongwen.config.yaml'), exists: true }]);
      expect(ws.list()[0]?.status).toBe('ok');
      expect(session.fonts().roles.fangsong.font.face).not.toBe(parsed);
      await ws.close();
    } finally {
      await session.close();
    }
  });
});
