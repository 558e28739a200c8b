// Fonts: one FontSet per configuration per FontCache (a build session owns one), so every
// document of a batch reuses the parsed faces.

import type { FontConfig, FontSet } from './types.js';
import { resolveFontSet, type ResolveEnv } from './resolve.js';
import { FontCache } from './cache.js';

export { FontCache } from './cache.js';

export type { FontConfig, FontSet, LoadedFont, RoleFont, FontOrigin } from './types.js';
export { FONT_ROLES, ROLE_LABEL, OFFICIAL_DOCX_NAMES, BUNDLED_FACES } from './catalog.js';
export { woffToSfnt } from './woff.js';

/** The fonts for a configuration, resolved and parsed once per cache (a fresh one by default). */
export function loadFontSet(config: FontConfig = {}, env: Partial<ResolveEnv> = {}, cache: FontCache = new FontCache()): FontSet {
  const full: ResolveEnv = { cwd: env.cwd ?? process.cwd(), home: env.home, platform: env.platform };
  const key = JSON.stringify([config, full]);
  let set = cache.sets.get(key);
  if (!set) {
    set = resolveFontSet(config, full, cache);
    cache.sets.set(key, set);
  }
  return set;
}
