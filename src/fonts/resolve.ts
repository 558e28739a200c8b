// Resolution order per role: configuration (explicit files) → ./fonts of the working
// directory → system font folders under the official names → free faces from npm.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { homedir } from 'node:os';
import type { FontRole } from '../model/types.js';
import type { FontConfig, FontOrigin, FontSet, LoadedFont, RoleFont } from './types.js';
import {
  BUNDLED_FACES,
  FALLBACK_FACES,
  FONT_ROLES,
  OFFICIAL_DOCX_NAMES,
  OFFICIAL_FACES,
  STAND_IN_REMARK,
  systemFontFolders,
  type BundledFace,
} from './catalog.js';
import { faceNames, loadFont, openFaces, readFontBytes } from './load.js';
import type { FontCache } from './cache.js';

const FONT_EXTENSIONS = new Set(['.ttf', '.otf', '.ttc', '.woff']);
/** Folder depth searched below each font folder (system folders nest by vendor). */
const MAX_FOLDER_DEPTH = 4;

export interface ResolveEnv {
  cwd: string;
  home?: string;
  platform?: NodeJS.Platform;
}

const require = createRequire(import.meta.url);

/** Absolute path of a file inside an installed npm package. */
export function bundledPath(face: BundledFace): string {
  const pkgJson = require.resolve(`${face.pkg}/package.json`);
  return join(pkgJson, '..', face.file);
}

function listFontFiles(folder: string, depth = 0): string[] {
  if (depth > MAX_FOLDER_DEPTH || !existsSync(folder)) return [];
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of entries.sort()) {
    const full = join(folder, name);
    let st;
    try {
      st = statSync(full);
    } catch {
      continue;
    }
    if (st.isDirectory()) out.push(...listFontFiles(full, depth + 1));
    else if (FONT_EXTENSIONS.has(extname(name).toLowerCase())) out.push(full);
  }
  return out;
}

interface Candidate {
  path: string;
  face?: string;
}

/** Find an official face for a role among files: by file name, then (if allowed) by the names inside. */
function findOfficial(cache: FontCache, role: FontRole, files: string[], readNames: boolean): Candidate | undefined {
  const wanted = OFFICIAL_FACES[role];
  const byFile = new Map(files.map((f) => [basename(f).toLowerCase(), f]));
  for (const hint of wanted.files) {
    const f = byFile.get(hint.toLowerCase());
    if (f) return { path: f };
  }
  if (!readNames) return undefined;
  for (const family of wanted.families) {
    for (const f of files) {
      const faces = namesOf(cache, f);
      const hit = faces.find((n) => n.names.includes(family));
      if (hit) return { path: f, face: hit.postscriptName };
    }
  }
  return undefined;
}

function namesOf(cache: FontCache, path: string): Array<{ postscriptName: string; names: string[] }> {
  let v = cache.names.get(path);
  if (!v) {
    try {
      v = openFaces(readFontBytes(path, cache.preread)).map((f) => ({ postscriptName: f.postscriptName, names: faceNames(f) }));
    } catch {
      v = [];
    }
    cache.names.set(path, v);
  }
  return v;
}

function officialName(role: FontRole, config: FontConfig): string {
  return config.docxNames?.[role] ?? OFFICIAL_DOCX_NAMES[role];
}

/** Resolve every role to a face, loading each file once. */
export function resolveFontSet(config: FontConfig, env: ResolveEnv, cache: FontCache): FontSet {
  const home = env.home ?? homedir();
  const platform = env.platform ?? process.platform;
  const folders = (config.folders ?? ['fonts']).map((f) => (isAbsolute(f) ? f : resolve(env.cwd, f)));
  const folderFiles = folders.flatMap((f) => listFontFiles(f));
  let systemFiles: string[] | undefined;
  const systemList = (): string[] =>
    (systemFiles ??= config.system === false ? [] : systemFontFolders(home, platform).flatMap((f) => listFontFiles(f)));

  const roles = {} as Record<FontRole, RoleFont>;
  for (const role of FONT_ROLES) {
    const explicit = config.files?.[role];
    let found: { cand: Candidate; origin: FontOrigin } | undefined;
    if (explicit) {
      const path = isAbsolute(explicit) ? explicit : resolve(env.cwd, explicit);
      if (!existsSync(path)) throw new Error(`字体文件不存在（${role}）：${path}`);
      found = { cand: { path }, origin: 'config' };
    }
    if (!found) {
      const c = findOfficial(cache, role, folderFiles, true);
      if (c) found = { cand: c, origin: 'folder' };
    }
    if (!found) {
      const c = findOfficial(cache, role, systemList(), false);
      if (c) found = { cand: c, origin: 'system' };
    }
    if (found) {
      const font = loadFont(cache, found.cand.path, found.origin, [role], found.cand.face);
      roles[role] = { role, officialName: officialName(role, config), font, standIn: false };
    } else {
      const font = loadFont(cache, bundledPath(BUNDLED_FACES[role]), 'bundled', [role]);
      roles[role] = {
        role,
        officialName: officialName(role, config),
        font,
        standIn: true,
        remark: STAND_IN_REMARK[role],
      };
    }
  }

  // Fallbacks for glyphs no role face has: every other font of the project's font folders
  // (e.g. a face covering CJK Extension B that staff dropped into ./fonts), then the bundled faces.
  let fallbacks: LoadedFont[] | undefined;
  const fallbackList = (): LoadedFont[] =>
    (fallbacks ??= [
      ...folderFiles.flatMap((path) => {
        try {
          return [loadFont(cache, path, 'folder', [])];
        } catch {
          return []; // not a font we can read: it cannot serve as a fallback
        }
      }),
      ...FALLBACK_FACES.map((f) => loadFont(cache, bundledPath(f), 'bundled', [])),
    ]);

  return {
    roles,
    get fallbacks() {
      return fallbackList();
    },
    faceFor(role, codePoint) {
      const own = roles[role].font;
      if (own.hasGlyph(codePoint)) return own;
      for (const r of FONT_ROLES) if (roles[r].font.hasGlyph(codePoint)) return roles[r].font;
      return fallbackList().find((f) => f.hasGlyph(codePoint));
    },
  };
}
