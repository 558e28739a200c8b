// Archiving a batch at its end (`gongwen build --archive DIR`): each document gets its 档号
// (earlier items keep theirs, new ones continue the 件号 of their year and 保管期限), the
// 归档章 on page 1 of the archived PDF when asked, its files placed (never silently
// replaced), one metadata record each, the year's catalogues as CSV, XLSX and PDF, 说明.txt,
// and the archive's manifest. Without `archive:` settings only the documents are placed.

import { existsSync, readFileSync } from 'node:fs';
import type { Job } from '../pipeline/inputs.js';
import type { FontSet } from '../fonts/types.js';
import type { ArchiveConfig } from '../source/archivecodes.js';
import type { Meta } from '../source/index.js';
import { sha256 } from '../archive/hash.js';
import { writeAtomic } from '../archive/write.js';
import { ManifestError, manifestPath, readManifest, toolVersion, updateManifest, type FileEntry, type ManifestEntry } from '../archive/manifest.js';
import { archiveRelPath, TYPE_FOLDER } from '../archive/names.js';
import { archiveTarget, conflicts, placeAll, type Placement } from '../archive/place.js';
import { assignPieces, formatCode, groupKey, type CodeParts, type NumberingCandidate } from '../archive/danghao.js';
import { pdfFacts } from '../archive/pdfinfo.js';
import { recordXml } from '../archive/record.js';
import { stampItems } from '../archive/stamp.js';
import { catalogueCsv, catalogueStem, catalogues, isArchived, type ArchivedItem, type Catalogue } from '../archive/catalogue.js';
import { README_FILE, readmeText } from '../archive/readme.js';
import { ARCHIVE_MSG, OFDA_CONFORMANCE, relativeTo, type Pending, type Rebuild, type Sink, type Written } from './archive.js';
import { t } from './messages.js';

export interface ArchiveRun {
  cwd: string;
  /** Absolute archive folder. */
  dir: string;
  force: boolean;
  /** `--stamp`: print the 归档章 (also on with archive.stamp in the configuration). */
  stamp: boolean;
  settings?: ArchiveConfig;
  rebuild?: Rebuild;
  fonts: FontSet;
  /** The manifest entry of an archived file. */
  entry(a: { path: string; w: Written; job: Job; built: Pending['built']; sourceSha: string }): ManifestEntry;
  brokenManifest(file: string, why: string): void;
}

interface Item {
  p: Pending;
  /** Archive path of the PDF: the item's identity. */
  id: string;
  meta: Meta;
  pdf: Written;
  parts?: CodeParts;
  /** Its entry in the archive's manifest before this batch. */
  known?: ArchivedItem;
}

const yearOf = (meta: Meta): string => /^\d{4}/.exec(meta.date.iso)?.[0] ?? '0000';

/** 文号 of a document, or the 期号 of a bulletin (its identifier in the catalogue and record). */
const numberOf = (p: Pending): string => p.built.source.meta.number ?? p.built.doc.info.subject;

export async function archiveBatch(run: ArchiveRun, pending: readonly Pending[], r: Sink): Promise<Job[]> {
  const show = (p: string): string => relativeTo(run.cwd, p);
  const target = (rel: string): string => archiveTarget(run.dir, rel);
  const refused: Job[] = [];
  const refuse = (job: Job, lines: string[]): void => {
    for (const l of lines) r.err(l);
    if (!refused.includes(job)) refused.push(job);
  };
  const conflictLines = (cs: { target: string; from: string }[]): string[] =>
    cs.map((c) => t(ARCHIVE_MSG.conflict, r.lang, { a: show(c.target), o: show(c.from) }));

  let before: ManifestEntry[] = [];
  try {
    before = readManifest(manifestPath(run.dir))?.entries ?? [];
  } catch (e) {
    if (!(e instanceof ManifestError)) throw e;
  }
  const registry = new Map(before.filter(isArchived).map((e) => [e.path, e]));
  const settings = run.settings;
  const stamp = Boolean(settings) && run.stamp;

  // One item per archive path: a second document with the same path is a conflict unless it is the same.
  const items = new Map<string, Item>();
  for (const p of pending) {
    // The PDF is the archived file (a DOCX-only build, without archive settings, keeps its DOCX).
    const pdf = p.written.find((w) => w.format === 'pdf') ?? p.written[0];
    if (!pdf) continue;
    const meta = p.built.source.meta;
    const id = archiveRelPath(meta, pdf.format);
    const prev = items.get(id);
    if (prev) {
      if (Buffer.from(prev.pdf.bytes).equals(Buffer.from(pdf.bytes))) continue;
      if (!run.force) {
        refuse(p.job, conflictLines([{ target: target(id), from: pdf.path }]));
        continue;
      }
    }
    const item: Item = { p, id, meta, pdf };
    const known = registry.get(id);
    if (known) item.known = known;
    items.set(id, item);
  }

  // Parts of the 档号: an archived item keeps its own; a new one needs a 保管期限 and no clash with an unregistered file.
  const candidates: NumberingCandidate[] = [];
  for (const it of [...items.values()]) {
    const placements = placementsOf(it.p, run.dir);
    if (!it.known) {
      const found = conflicts(placements);
      if ((found.length || (stamp && existsSync(target(it.id)))) && !run.force) {
        refuse(it.p.job, conflictLines(found.length ? found : [{ target: target(it.id), from: it.pdf.path }]));
        items.delete(it.id);
        continue;
      }
    }
    if (!settings) continue;
    if (it.known) {
      const a = it.known.archival;
      it.parts = {
        fonds: a.fonds,
        category: a.category as CodeParts['category'],
        year: a.year,
        retention: a.retention as CodeParts['retention'],
        ...(a.org ? { org: a.org } : {}),
        piece: a.piece,
      };
      continue;
    }
    const retention = it.meta.retention ?? settings.retention;
    if (!retention) {
      refuse(it.p.job, [t(ARCHIVE_MSG.noRetention, r.lang, { f: it.p.job.display })]);
      items.delete(it.id);
      continue;
    }
    candidates.push({
      id: it.id,
      parts: { fonds: settings.fonds, category: settings.category, year: yearOf(it.meta), retention, ...(settings.org ? { org: settings.org } : {}) },
      date: it.meta.date.iso,
      number: numberOf(it.p),
    });
  }
  const taken = new Map<string, number[]>();
  for (const e of registry.values()) {
    const k = groupKeyOf(e);
    taken.set(k, [...(taken.get(k) ?? []), e.archival.piece]);
  }
  for (const [id, parts] of assignPieces(candidates, taken)) items.get(id)!.parts = parts;

  // Place the files (stamped PDF when asked), write each record.
  const add: ManifestEntry[] = [];
  const files: FileEntry[] = [];
  const writeFile = (rel: string, kind: FileEntry['kind'], bytes: Uint8Array): void => {
    const abs = target(rel);
    if (!(existsSync(abs) && Buffer.from(readFileSync(abs)).equals(Buffer.from(bytes)))) writeAtomic(abs, bytes);
    files.push({ path: rel, kind, size: bytes.length, sha256: sha256(bytes) });
  };
  for (const it of items.values()) {
    const pages = it.parts ? pdfFacts(it.pdf.bytes).pages : 0;
    let pdfBytes: Uint8Array = it.pdf.bytes;
    if (stamp && it.parts && run.rebuild) {
      const s = { fonds: it.parts.fonds, year: it.parts.year, retention: it.parts.retention, piece: it.parts.piece, pages, ...(it.parts.org ? { org: it.parts.org } : {}) };
      const again = await run.rebuild(it.p.job.file, (source, fonts) => stampItems(s, fonts, source.file));
      pdfBytes = again.outputs.pdf ?? pdfBytes;
    }
    const written = it.p.written.map((w) => (w.format === 'pdf' ? { ...w, bytes: pdfBytes } : w));
    const placements = placementsOf({ ...it.p, written }, run.dir);
    const { outcomes, conflicts: found } = placeAll(placements, run.force);
    if (found.length && !run.force) {
      refuse(it.p.job, conflictLines(found));
      continue;
    }
    const code = it.parts ? formatCode(it.parts) : undefined;
    placements.forEach((pl, i) => {
      if (outcomes[i] === 'replaced') r.err(t(ARCHIVE_MSG.replaced, r.lang, { a: show(pl.target) }));
      else if (r.progress) {
        const what = t(outcomes[i] === 'same' ? ARCHIVE_MSG.unchanged : ARCHIVE_MSG.archived, r.lang);
        r.out(`  ${what} ${show(pl.target)}${code ? `（${t(ARCHIVE_MSG.code, r.lang)} ${code}）` : ''}`);
      }
    });
    const recordRel = it.id.replace(/\.pdf$/, '.xml');
    const meta = it.meta;
    const responsible = meta.issuer ?? (meta.type === 'bulletin' ? meta.editor : '');
    for (const [i, w] of written.entries()) {
      const e = run.entry({ path: placements[i]!.target, w, job: it.p.job, built: it.p.built, sourceSha: it.p.sourceSha });
      if (it.parts && code) {
        e.archival = {
          code,
          fonds: it.parts.fonds,
          category: it.parts.category,
          year: it.parts.year,
          retention: it.parts.retention,
          ...(it.parts.org ? { org: it.parts.org } : {}),
          piece: it.parts.piece,
          pages,
          responsible,
          ...(meta.secrecy ? { secrecy: meta.secrecy } : {}),
          record: recordRel,
        };
      }
      add.push(e);
    }
    if (it.parts && code && settings) {
      const xml = recordXml({
        code,
        parts: it.parts,
        ...(settings.fondsName ? { fondsName: settings.fondsName } : {}),
        title: it.p.built.doc.info.title,
        number: numberOf(it.p),
        responsible,
        date: meta.date.iso,
        docType: TYPE_FOLDER[meta.type],
        ...(meta.secrecy ? { secrecy: meta.secrecy } : {}),
        to: meta.to,
        cc: meta.cc,
        pages,
        format: 'PDF/A-2b',
        fileName: it.id.split('/').at(-1)!,
        fileSize: pdfBytes.length,
        creator: toolVersion(),
        sha256: sha256(pdfBytes),
        // The item's OFD (OFD-A, beside the PDF): listed with its own digest.
        others: written
          .filter((w) => w.format === 'ofd')
          .map((w) => ({ format: OFDA_CONFORMANCE, fileName: archiveRelPath(meta, w.format).split('/').at(-1)!, fileSize: w.bytes.length, sha256: sha256(w.bytes) })),
      });
      writeFile(recordRel, 'record', Buffer.from(xml, 'utf8'));
    }
  }

  // Catalogues of the groups this batch touched (all of their items, earlier ones too), and 说明.txt.
  if (settings && add.some((e) => e.archival)) {
    const merged = new Map<string, ArchivedItem>(registry);
    for (const e of add) if (isArchived(e)) merged.set(e.path, e);
    const touched = new Set(add.filter(isArchived).map(groupKeyOf));
    for (const c of catalogues([...merged.values()], settings.fondsName)) {
      if (!touched.has(c.key)) continue;
      const changed = await writeCatalogue(c, run, writeFile);
      if (changed && r.progress) r.out(`  ${t(ARCHIVE_MSG.catalogue, r.lang)} ${show(target(catalogueStem(c)))}.csv/.xlsx/.pdf`);
    }
    const readme = readmeText({ fonds: settings.fonds, ...(settings.fondsName ? { fondsName: settings.fondsName } : {}), category: settings.category, ...(settings.org ? { org: settings.org } : {}), tool: toolVersion() });
    writeFile(README_FILE, 'readme', Buffer.from(readme, 'utf8'));
  }

  if (add.length || files.length) {
    const res = updateManifest(manifestPath(run.dir), { add, remove: [], files });
    if (res.replacedBroken) run.brokenManifest(manifestPath(run.dir), res.replacedBroken);
  }
  return refused;
}

const groupKeyOf = (e: ArchivedItem): string => groupKey(e.archival);

function placementsOf(p: Pending, dir: string): Placement[] {
  return p.written.map((w) => ({ target: archiveTarget(dir, archiveRelPath(p.built.source.meta, w.format)), bytes: w.bytes, from: w.path }));
}

/**
 * The CSV is the catalogue's text; XLSX and PDF are made again only when it changed or they are
 * missing. Returns whether anything was written.
 */
async function writeCatalogue(c: Catalogue, run: ArchiveRun, writeFile: (rel: string, kind: FileEntry['kind'], bytes: Uint8Array) => void): Promise<boolean> {
  const stem = catalogueStem(c);
  const csv = Buffer.from(catalogueCsv(c), 'utf8');
  const csvAbs = archiveTarget(run.dir, `${stem}.csv`);
  const same = existsSync(csvAbs) && Buffer.from(readFileSync(csvAbs)).equals(csv);
  if (!same) writeFile(`${stem}.csv`, 'catalogue', csv);
  let wrote = !same;
  for (const [ext, make] of [
    ['xlsx', async () => (await import('../archive/xlsx.js')).catalogueXlsx(c, toolVersion())],
    ['pdf', async () => (await import('../archive/cataloguepdf.js')).cataloguePdf(c, run.fonts, toolVersion())],
  ] as const) {
    // Unchanged: left as it is, and its manifest entry too (a changed copy still fails verify).
    if (same && existsSync(archiveTarget(run.dir, `${stem}.${ext}`))) continue;
    writeFile(`${stem}.${ext}`, 'catalogue', await make());
    wrote = true;
  }
  return wrote;
}

