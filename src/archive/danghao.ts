// 档号 (DA/T 22-2015 6.2): `全宗号-门类代码·年度-保管期限-机构(问题)代码-件号`, and the
// numbering of 件号: within a year, 保管期限 and 机构(问题), in order of 成文日期 then 文号,
// continuing after the items already archived (which keep theirs). Pure functions.

import {
  CATEGORY_YEAR_SEPARATOR,
  CODE_SEPARATOR,
  PIECE_DIGITS,
  type CategoryCode,
  type RetentionCode,
} from '../spec/archive.js';

/** The parts of one item's 档号. */
export interface CodeParts {
  fonds: string;
  category: CategoryCode;
  /** 年度: four digits. */
  year: string;
  retention: RetentionCode;
  /** 机构(问题)代码, when the office uses one. */
  org?: string;
  /** 件号, from 1. */
  piece: number;
}

export const pieceText = (piece: number): string => String(piece).padStart(PIECE_DIGITS, '0');

/** The parts as stored (codes as text). */
export type StoredParts = { fonds: string; category: string; year: string; retention: string; org?: string; piece: number };

/** `J012-WS·2024-D30-0007`, or `J012-WS·2024-D30-BGS-0007` with a 机构(问题)代码. */
export function formatCode(p: StoredParts): string {
  const parts = [p.fonds, `${p.category}${CATEGORY_YEAR_SEPARATOR}${p.year}`, p.retention, ...(p.org ? [p.org] : []), pieceText(p.piece)];
  return parts.join(CODE_SEPARATOR);
}

/** The numbering sequence an item belongs to: year, 保管期限, 机构(问题) (and the fonds and category). */
export function groupKey(p: Omit<StoredParts, 'piece'>): string {
  return [p.fonds, p.category, p.year, p.retention, p.org ?? ''].join('|');
}

/** Natural order of texts: digit runs compare as numbers (`…4号` before `…31号`). */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const xa = a.match(re) ?? [];
  const xb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
    const p = xa[i]!;
    const q = xb[i]!;
    if (p === q) continue;
    const np = /^\d/.test(p);
    const nq = /^\d/.test(q);
    if (np && nq) {
      const d = Number(p) - Number(q);
      if (d !== 0) return d;
    }
    return p < q ? -1 : 1;
  }
  return xa.length - xb.length;
}

/** An item to number: where it is archived, its sequence, and the keys it is ordered by. */
export interface NumberingCandidate {
  /** Archive path of its PDF: the item's identity. */
  id: string;
  parts: Omit<CodeParts, 'piece'>;
  /** 成文日期, yyyy-mm-dd. */
  date: string;
  /** 文号 (or 期号 of a bulletin). */
  number: string;
}

/**
 * 件号 for new items. `taken` holds, per groupKey, the 件号 already used; new items of a group
 * are ordered by 成文日期, then 文号, then path, and numbered after the largest one taken.
 */
export function assignPieces(candidates: readonly NumberingCandidate[], taken: ReadonlyMap<string, readonly number[]>): Map<string, CodeParts> {
  const byGroup = new Map<string, NumberingCandidate[]>();
  for (const c of candidates) {
    const k = groupKey(c.parts);
    const list = byGroup.get(k);
    if (list) list.push(c);
    else byGroup.set(k, [c]);
  }
  const out = new Map<string, CodeParts>();
  for (const [k, list] of byGroup) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : naturalCompare(a.number, b.number) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    let next = Math.max(0, ...(taken.get(k) ?? [])) + 1;
    for (const c of list) out.set(c.id, { ...c.parts, piece: next++ });
  }
  return out;
}

/** 件号 that are missing (gaps) or used twice in one sequence. */
export function pieceProblems(pieces: readonly number[]): { gaps: number[]; duplicates: number[] } {
  const seen = new Set<number>();
  const duplicates: number[] = [];
  for (const p of pieces) {
    if (seen.has(p)) duplicates.push(p);
    seen.add(p);
  }
  const max = Math.max(0, ...pieces);
  const gaps: number[] = [];
  for (let i = 1; i <= max; i++) if (!seen.has(i)) gaps.push(i);
  return { gaps, duplicates };
}
