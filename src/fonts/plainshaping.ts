// Runs that OpenType shaping leaves as they are. fontkit's layout() (which pdfkit calls for
// every run it draws) builds a shaping plan and walks the GSUB and GPOS lookups of a dozen
// features even for plain Chinese text, where nothing matches and the result is the cmap
// glyph with its hmtx advance. This module proves, from the font's own tables, which glyphs
// no lookup fontkit would apply can act on, and for runs made only of those it returns the
// very glyphs and advances fontkit would, without the plan. Anything it cannot prove (an
// unknown lookup layout, feature variations, a script with its own shaper, marks, default
// ignorables) goes through fontkit as before.

import type { Font, Glyph } from 'fontkit';
import { getScript, isMark } from 'unicode-properties';
import { fontTable } from '../adapters/fontkit.js';

/**
 * Features fontkit's default shaper applies to horizontal left-to-right text, before the
 * caller's overrides (fontkit DefaultShaper: VARIATION, DIRECTIONAL ltr, COMMON, HORIZONTAL).
 * The fraction features are left out: fontkit sets them only next to U+2044, which is not a
 * plain code point.
 */
const DEFAULT_FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];

/** GSUB/GPOS extension lookup types: the real subtable sits one level down. */
const EXTENSION = { GSUB: 7, GPOS: 9 } as const;
/** GDEF glyph class of a mark: fontkit zeroes its advance after positioning. */
const GDEF_MARK_CLASS = 3;

/**
 * fontkit picks the OpenType script of a run from its first character whose Unicode script
 * is not Common, Inherited or Unknown (its Script.forString, on unicode-properties' data);
 * plain runs hold Han, Latin and Common characters only, so one of these three.
 */
const RUN_SCRIPTS = { Han: 'hani', Latin: 'latn' } as const;
type RunScript = 'hani' | 'latn' | 'zzzz';
/** fontkit's fallback when the font has no entry for the run's script. */
const DEFAULT_SCRIPTS = ['DFLT', 'dflt', 'latn'];

/** Not plain in any Unicode version: marks, default ignorables, variation selectors, U+2044. */
const NOT_PLAIN = /^[\p{M}\p{Default_Ignorable_Code_Point}\p{Variation_Selector}\u2044]$/u;
const PLAIN_SCRIPT = /^[\p{Script=Han}\p{Script=Latin}\p{Script=Common}]$/u;

/**
 * Code points fontkit shapes with its default shaper and never hides or zeroes: Han, Latin
 * and Common by both fontkit's Unicode data and the runtime's, and none of NOT_PLAIN.
 */
export function isPlainCodePoint(cp: number): boolean {
  if (cp < 0x20) return false;
  const ch = String.fromCodePoint(cp);
  const script = getScript(cp);
  return (script === 'Han' || script === 'Latin' || script === 'Common') && !isMark(cp) && PLAIN_SCRIPT.test(ch) && !NOT_PLAIN.test(ch);
}

// fontkit's parsed OpenType layout tables: the parts read here.
interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: Array<{ start: number; end: number }>;
}
interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: Array<{ start: number; end: number; class: number }>;
}
interface SubTable {
  version?: number;
  lookupType?: number;
  extension?: SubTable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
}
interface Lookup {
  lookupType: number;
  subTables: Iterable<SubTable>;
}
interface LayoutTable {
  scriptList: Array<{ tag: string; script: { defaultLangSys?: { reqFeatureIndex: number; featureIndexes: number[] } } }>;
  featureList: Array<{ tag: string; feature: { lookupListIndexes: number[] } }>;
  lookupList: { length: number; get(i: number): Lookup };
  featureVariations?: unknown;
}
interface FaceTables {
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
  morx?: unknown;
}

/** Thrown inside the analysis when a table holds something it does not know. */
class Unproven extends Error {}

function addCoverage(into: Set<number>, c: Coverage | undefined): void {
  if (!c) throw new Unproven('a lookup without a coverage');
  if (c.version === 1 && c.glyphs) for (const g of c.glyphs) into.add(g);
  else if (c.version === 2 && c.rangeRecords) for (const r of c.rangeRecords) for (let g = r.start; g <= r.end; g++) into.add(g);
  else throw new Unproven(`coverage format ${c.version}`);
}

/**
 * The glyphs at which a subtable can match: fontkit tries every subtable only where the
 * current glyph is in its (first) coverage, and a contextual rule's nested lookups only
 * after such a match.
 */
function addTriggers(into: Set<number>, tag: 'GSUB' | 'GPOS', type: number, st: SubTable): void {
  if (type === EXTENSION[tag]) {
    if (!st.extension || st.lookupType === undefined) throw new Unproven('an extension lookup without its subtable');
    addTriggers(into, tag, st.lookupType, st.extension);
    return;
  }
  const contextual = tag === 'GSUB' ? type === 5 || type === 6 : type === 7 || type === 8;
  if (contextual && st.version === 3) {
    addCoverage(into, (st.inputCoverage ?? st.coverages)?.[0]);
    return;
  }
  if (tag === 'GPOS' && (type === 4 || type === 5)) return addCoverage(into, st.markCoverage);
  if (tag === 'GPOS' && type === 6) return addCoverage(into, st.mark1Coverage);
  addCoverage(into, st.coverage);
}

/** The scriptList entry fontkit's OTProcessor.selectScript takes for a run of `script`. */
function selectedScript(table: LayoutTable, script: RunScript): LayoutTable['scriptList'][number] | undefined {
  for (const tag of [script, ...DEFAULT_SCRIPTS]) {
    const entry = table.scriptList.find((e) => e.tag === tag);
    if (entry) return entry;
  }
  return undefined;
}

function addLayoutTriggers(
  into: Set<number>,
  tag: 'GSUB' | 'GPOS',
  table: LayoutTable,
  script: RunScript,
  features: ReadonlySet<string>,
): void {
  if (table.featureVariations) throw new Unproven('feature variations');
  // No language is asked for: the script's default language system (fontkit ignores the
  // required feature; counting it only adds triggers).
  const ls = selectedScript(table, script)?.script.defaultLangSys;
  if (!ls) return;
  const lookups = new Set<number>();
  const indexes = ls.reqFeatureIndex !== 0xffff ? [ls.reqFeatureIndex, ...ls.featureIndexes] : ls.featureIndexes;
  for (const fi of indexes) {
    const rec = table.featureList[fi];
    if (rec && features.has(rec.tag)) for (const li of rec.feature.lookupListIndexes) lookups.add(li);
  }
  for (const li of lookups) {
    const lookup = table.lookupList.get(li);
    for (const st of lookup.subTables) addTriggers(into, tag, lookup.lookupType, st);
  }
}

function addMarks(into: Set<number>, cd: ClassDef | undefined): void {
  if (!cd) return;
  if (cd.version === 1 && cd.classValueArray) {
    cd.classValueArray.forEach((cls, i) => cls === GDEF_MARK_CLASS && into.add(cd.startGlyph! + i));
  } else if (cd.version === 2 && cd.classRangeRecord) {
    for (const r of cd.classRangeRecord) if (r.class === GDEF_MARK_CLASS) for (let g = r.start; g <= r.end; g++) into.add(g);
  } else throw new Unproven(`class definition format ${cd.version}`);
}

/**
 * Glyphs that shaping may change or move in a run of `script` with `overrides` (fontkit's
 * features argument), or undefined when the font's tables cannot be proven harmless.
 */
export function shapingTriggers(
  face: Font,
  overrides: Readonly<Record<string, boolean>> = {},
  script: RunScript = 'hani',
): Set<number> | undefined {
  const t: FaceTables = {
    GSUB: fontTable(face, 'GSUB'),
    GPOS: fontTable(face, 'GPOS'),
    GDEF: fontTable(face, 'GDEF'),
    morx: fontTable(face, 'morx'),
  };
  if (t.morx) return undefined; // AAT shaping: another engine
  const features = new Set(DEFAULT_FEATURES.filter((f) => overrides[f] !== false));
  for (const [f, on] of Object.entries(overrides)) if (on) features.add(f);
  const triggers = new Set<number>();
  try {
    if (t.GSUB) addLayoutTriggers(triggers, 'GSUB', t.GSUB, script, features);
    if (t.GPOS) addLayoutTriggers(triggers, 'GPOS', t.GPOS, script, features);
    // The kern table applies unless kern is switched off (fontkit: when GPOS did not kern).
    if (features.has('kern') && fontTable(face, 'kern')) return undefined;
    addMarks(triggers, t.GDEF?.glyphClassDef);
  } catch (e) {
    if (e instanceof Unproven) return undefined;
    throw e;
  }
  return triggers;
}

/** A shaped run as fontkit gives it: glyphs, and advances in font units. */
export interface PlainRun {
  glyphs: Glyph[];
  advances: number[];
}

/** A code point of a plain run: its glyph, and the run script it decides (if any). */
interface PlainChar {
  glyph: Glyph;
  script: RunScript | undefined;
}

/**
 * Shapes runs of one face with one feature set, when shaping provably changes nothing: the
 * cmap glyph of each code point and its advance, exactly what fontkit's layout() returns.
 */
export class PlainShaper {
  /** Per code point: its glyph and script when plain, null when a run holding it must be shaped. */
  private readonly chars = new Map<number, PlainChar | null>();

  private constructor(
    private readonly face: Font,
    private readonly triggers: Readonly<Record<RunScript, ReadonlySet<number>>>,
  ) {}

  static for(face: Font, overrides?: Readonly<Record<string, boolean>>): PlainShaper | undefined {
    const hani = shapingTriggers(face, overrides, 'hani');
    const latn = shapingTriggers(face, overrides, 'latn');
    const zzzz = shapingTriggers(face, overrides, 'zzzz');
    return hani && latn && zzzz ? new PlainShaper(face, { hani, latn, zzzz }) : undefined;
  }

  private char(cp: number): PlainChar | null {
    let c = this.chars.get(cp);
    if (c === undefined) {
      c = null;
      if (isPlainCodePoint(cp)) {
        const glyph = this.face.glyphForCodePoint(cp);
        // fontkit keeps one glyph object per id, with the code points it was first made for;
        // it hides default ignorables and zeroes marks by those code points.
        if (glyph.codePoints.every(isPlainCodePoint)) {
          const s = getScript(cp);
          c = { glyph, script: s === 'Han' || s === 'Latin' ? RUN_SCRIPTS[s] : undefined };
        }
      }
      this.chars.set(cp, c);
    }
    return c;
  }

  /** The run, or undefined when some character of it needs real shaping. */
  run(text: string): PlainRun | undefined {
    const glyphs: Glyph[] = [];
    let script: RunScript | undefined;
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const c = this.char(cp);
      if (!c) return undefined;
      script ??= c.script;
      glyphs.push(c.glyph);
    }
    const triggers = this.triggers[script ?? 'zzzz'];
    const advances: number[] = [];
    for (const g of glyphs) {
      if (triggers.has(g.id)) return undefined;
      advances.push(g.advanceWidth);
    }
    return { glyphs, advances };
  }
}
