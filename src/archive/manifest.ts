// The manifest: `manifest.json` beside the outputs (and in the archive folder), listing every
// output with its source, metadata, SHA-256 and fonts. It is merged across builds (entries
// of other sources stay) and is itself deterministic: entries sorted by path, keys in a fixed
// order, no wall-clock time (a `created` time only when SOURCE_DATE_EPOCH is set). In an
// archive, documents carry their 档号 (`archival`) and `files` lists the records and catalogues.

import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { DocType } from '../model/types.js';
import { writeAtomic } from './write.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_KIND = 'gongwen-manifest';
export const MANIFEST_VERSION = 1;

/** A font as recorded: the file and PostScript name embedded in a PDF, or the family a DOCX names. */
export interface FontRecord {
  file?: string;
  postscriptName?: string;
  name?: string;
}

/** An archived item's place in the archive (DA/T 22), on each of its entries. */
export interface ArchivalRef {
  /** 档号, e.g. `J012-WS·2024-D30-0007`. */
  code: string;
  fonds: string;
  category: string;
  year: string;
  retention: string;
  org?: string;
  piece: number;
  /** 页数 of the archived PDF. */
  pages: number;
  /** 责任者. */
  responsible: string;
  /** 密级, when the document has one. */
  secrecy?: string;
  /** The item's metadata record (XML), relative to the manifest's folder. */
  record: string;
}

/** A file of the archive that is not a document: metadata record, catalogue, 说明.txt. */
export interface FileEntry {
  path: string;
  kind: 'record' | 'catalogue' | 'readme';
  size: number;
  sha256: string;
}

export interface ManifestEntry {
  /** The output, relative to the manifest's folder, `/`-separated. */
  path: string;
  format: 'pdf' | 'docx' | 'ofd';
  /** `PDF/A-2b` for archive-grade PDFs, `OFD-A` for archive-grade OFDs. */
  conformance?: string;
  size: number;
  sha256: string;
  /** The Markdown source, relative to the manifest's folder, `/`-separated. */
  source: string;
  sourceSha256: string;
  type: DocType;
  title: string;
  /** 发文字号, when the document has one. */
  number?: string;
  /** 期号 of a bulletin: `第12期`. */
  issue?: string;
  /** 成文日期, yyyy-mm-dd. */
  date: string;
  /** Font role → font. */
  fonts: Record<string, FontRecord>;
  /** `gongwen 0.1.0` */
  tool: string;
  /** 档号 and catalogue data, for a document in an archive with `archive:` settings. */
  archival?: ArchivalRef;
}

export interface Manifest {
  kind: typeof MANIFEST_KIND;
  version: typeof MANIFEST_VERSION;
  /** SOURCE_DATE_EPOCH as an ISO time, only when it is set. */
  created?: string;
  entries: ManifestEntry[];
  /** The archive's other files, each with its SHA-256. */
  files?: FileEntry[];
}

export class ManifestError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

let cachedVersion: string | undefined;
/** `gongwen <version>` from package.json. */
export function toolVersion(): string {
  if (!cachedVersion) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    cachedVersion = `${pkg.name} ${pkg.version}`;
  }
  return cachedVersion;
}

/** SOURCE_DATE_EPOCH as an ISO time, when set to a whole number of seconds. */
export function sourceDateEpoch(): string | undefined {
  const v = process.env['SOURCE_DATE_EPOCH'];
  if (!v || !/^\d+$/.test(v)) return undefined;
  return new Date(Number(v) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `p` relative to `dir`, with `/` separators (stable across systems). */
export function relPosix(dir: string, p: string): string {
  const rel = relative(dir, p);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** The absolute path of an entry's file; undefined when the path leaves the manifest's folder. */
export function entryFile(manifestDir: string, rel: string): string | undefined {
  if (isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) return undefined;
  return resolve(manifestDir, rel);
}

function isFile(e: unknown): e is FileEntry {
  return isEntry(e) && typeof (e as unknown as Record<string, unknown>)['kind'] === 'string';
}

function isEntry(e: unknown): e is ManifestEntry {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as Record<string, unknown>;
  return typeof o['path'] === 'string' && typeof o['sha256'] === 'string' && /^[0-9a-f]{64}$/.test(o['sha256']);
}

/** Read a manifest; `undefined` when the file does not exist; ManifestError when it is not one. */
export function readManifest(file: string): Manifest | undefined {
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ManifestError(file, `not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const o = data as Partial<Manifest> | null;
  if (!o || o.kind !== MANIFEST_KIND || !Array.isArray(o.entries)) throw new ManifestError(file, 'not a gongwen manifest');
  const bad = o.entries.findIndex((e) => !isEntry(e));
  if (bad >= 0) throw new ManifestError(file, `entry ${bad + 1} lacks a path or a SHA-256`);
  if (o.files !== undefined && !(Array.isArray(o.files) && o.files.every(isFile))) throw new ManifestError(file, 'a file lacks a path, kind or SHA-256');
  return {
    kind: MANIFEST_KIND,
    version: MANIFEST_VERSION,
    entries: o.entries,
    ...(o.created ? { created: o.created } : {}),
    ...(o.files?.length ? { files: o.files } : {}),
  };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** An entry with its keys in the fixed order (so the JSON text does not depend on how it was made). */
function ordered(e: ManifestEntry): ManifestEntry {
  const fonts: Record<string, FontRecord> = {};
  for (const role of Object.keys(e.fonts).sort(cmp)) {
    const f = e.fonts[role]!;
    fonts[role] = {
      ...(f.file !== undefined ? { file: f.file } : {}),
      ...(f.postscriptName !== undefined ? { postscriptName: f.postscriptName } : {}),
      ...(f.name !== undefined ? { name: f.name } : {}),
    };
  }
  return {
    path: e.path,
    format: e.format,
    ...(e.conformance ? { conformance: e.conformance } : {}),
    size: e.size,
    sha256: e.sha256,
    source: e.source,
    sourceSha256: e.sourceSha256,
    type: e.type,
    title: e.title,
    ...(e.number !== undefined ? { number: e.number } : {}),
    ...(e.issue !== undefined ? { issue: e.issue } : {}),
    date: e.date,
    fonts,
    tool: e.tool,
    ...(e.archival ? { archival: orderedRef(e.archival) } : {}),
  };
}

function orderedRef(a: ArchivalRef): ArchivalRef {
  return {
    code: a.code,
    fonds: a.fonds,
    category: a.category,
    year: a.year,
    retention: a.retention,
    ...(a.org ? { org: a.org } : {}),
    piece: a.piece,
    pages: a.pages,
    responsible: a.responsible,
    ...(a.secrecy ? { secrecy: a.secrecy } : {}),
    record: a.record,
  };
}

/** The manifest text: sorted, fixed key order, two-space indent, final newline. */
export function manifestText(m: Manifest): string {
  const entries = [...m.entries].sort((a, b) => cmp(a.path, b.path)).map(ordered);
  const files = [...(m.files ?? [])]
    .sort((a, b) => cmp(a.path, b.path))
    .map((f) => ({ path: f.path, kind: f.kind, size: f.size, sha256: f.sha256 }));
  const out = {
    kind: MANIFEST_KIND,
    version: MANIFEST_VERSION,
    ...(m.created ? { created: m.created } : {}),
    entries,
    ...(files.length ? { files } : {}),
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/**
 * Merge a build's results into the manifest at `file`: entries at `remove` paths go, `add`
 * entries replace any with the same path, everything else stays. Written atomically.
 * A manifest that cannot be read is replaced (its entries are lost), and the reason returned.
 */
export function updateManifest(
  file: string,
  change: { add: ManifestEntry[]; remove: string[]; files?: FileEntry[] },
): { replacedBroken?: string } {
  let current: Manifest | undefined;
  let replacedBroken: string | undefined;
  try {
    current = readManifest(file);
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
    replacedBroken = e.reason;
  }
  const newFiles = change.files ?? [];
  if (!current && !replacedBroken && change.add.length === 0 && newFiles.length === 0) return {};
  const drop = new Set([...change.remove, ...change.add.map((e) => e.path)]);
  const entries = (current?.entries ?? []).filter((e) => !drop.has(e.path));
  entries.push(...change.add);
  const dropFiles = new Set([...change.remove, ...newFiles.map((f) => f.path)]);
  const files = (current?.files ?? []).filter((f) => !dropFiles.has(f.path));
  files.push(...newFiles);
  const created = sourceDateEpoch();
  const next: Manifest = {
    kind: MANIFEST_KIND,
    version: MANIFEST_VERSION,
    ...(created ? { created } : {}),
    entries,
    ...(files.length ? { files } : {}),
  };
  const text = manifestText(next);
  // Unchanged manifests are not rewritten (the file's own time stays too).
  if (!(existsSync(file) && readFileSync(file, 'utf8') === text)) writeAtomic(file, Buffer.from(text, 'utf8'));
  return replacedBroken ? { replacedBroken } : {};
}

/** The manifest file of a folder. */
export function manifestPath(dir: string): string {
  return join(dir, MANIFEST_FILE);
}
