// Fonts: one FontSet per configuration per process, so every document of a batch reuses
// the parsed faces.

import type { FontConfig, FontSet } from './types.js';
import { resolveFontSet, type ResolveEnv } from './resolve.js';

export type { FontConfig, FontSet, LoadedFont, RoleFont, FontOrigin } from './types.js';
export { FONT_ROLES, ROLE_LABEL, OFFICIAL_DOCX_NAMES, BUNDLED_FACES } from './catalog.js';
export { woffToSfnt } from './woff.js';

const sets = new Map<string, FontSet>();

/** The fonts for a configuration, resolved and parsed once per process. */
export function loadFontSet(config: FontConfig = {}, env: Partial<ResolveEnv> = {}): FontSet {
  const full: ResolveEnv = { cwd: env.cwd ?? process.cwd(), home: env.home, platform: env.platform };
  const key = JSON.stringify([config, full]);
  let set = sets.get(key);
  if (!set) {
    set = resolveFontSet(config, full);
    sets.set(key, set);
  }
  return set;
}
