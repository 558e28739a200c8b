// Shared by the watch and serve tests: a session on a temporary project, and waiting for a
// condition the file watcher brings about (generous limits: the machine may be busy).

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../src/source/index.js';
import { BUILTIN_TEMPLATE_DIR, loadTemplates } from '../../src/template/render.js';
import type { Reporter } from '../../src/cli/build.js';
import type { Project } from '../../src/serve/workspace.js';

/** What the command line loads: the project's config, and its own templates/ when it has them. */
export function loader(dir: string): () => Project {
  return () => {
    const config = loadConfig({ cwd: dir });
    const own = join(dir, 'templates');
    const templatesDir = existsSync(join(own, 'reply.hbs')) ? own : BUILTIN_TEMPLATE_DIR;
    return { config, templates: loadTemplates(templatesDir), templatesDir };
  };
}

export interface Lines extends Reporter {
  lines: string[];
}

export function collect(): Lines {
  const lines: string[] = [];
  return { lang: 'zh', progress: true, out: (s) => lines.push(s), err: (s) => lines.push(s), lines };
}

/** Poll until `pred` holds; throws with `what` after `ms`. */
export async function waitFor(pred: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await pred()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const at = (dir: string, ...p: string[]): string => resolve(join(dir, ...p));
