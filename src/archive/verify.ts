// Check a folder against its manifest: every listed file (documents, and in an archive the
// records and catalogues) present with the recorded SHA-256.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { sha256File } from './hash.js';
import { MANIFEST_FILE, entryFile, manifestPath, readManifest, relPosix, type Manifest } from './manifest.js';

export type VerifyStatus = 'ok' | 'changed' | 'missing' | 'unsafe';

export interface VerifyItem {
  /** A document or another listed file (record, catalogue). */
  entry: { path: string; sha256: string };
  status: VerifyStatus;
  /** SHA-256 found on disk, for a changed file. */
  actual?: string;
}

export interface VerifyReport {
  manifest: string;
  items: VerifyItem[];
  /** PDF and DOCX files in the folder that the manifest does not list (reported, not an error). */
  unlisted: string[];
  /** The manifest as read (the archive checks use it). */
  read: Manifest;
}

function documentsUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (['.pdf', '.docx', '.ofd'].includes(extname(name).toLowerCase())) out.push(relPosix(dir, full));
    }
  };
  walk(dir);
  return out;
}

/** Throws ManifestError when the manifest is unreadable; returns undefined when there is none. */
export function verifyFolder(dir: string): VerifyReport | undefined {
  const file = manifestPath(dir);
  const m = readManifest(file);
  if (!m) return undefined;
  const items: VerifyItem[] = [...m.entries, ...(m.files ?? [])].map((entry) => {
    const abs = entryFile(dir, entry.path);
    if (!abs) return { entry, status: 'unsafe' };
    if (!existsSync(abs) || !statSync(abs).isFile()) return { entry, status: 'missing' };
    const actual = sha256File(abs);
    return actual === entry.sha256 ? { entry, status: 'ok' } : { entry, status: 'changed', actual };
  });
  const listed = new Set([...m.entries, ...(m.files ?? [])].map((e) => e.path));
  const unlisted = documentsUnder(dir).filter((p) => !listed.has(p) && p !== MANIFEST_FILE);
  return { manifest: file, items, unlisted, read: m };
}
