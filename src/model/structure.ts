// The order and the set of the official parts, checked on the blocks a template produced:
// 版头 first and whole, in the order of GB/T 9704 7.2; one 版记, last (7.4); one signature
// (7.3.5). A template that breaks the format fails here, naming its file and line, instead of
// losing an element silently in one output and keeping it in the other.

import { basename } from 'node:path';
import { Problem, type Text } from '../errors.js';
import type { Placed } from './context.js';
import type { Block, BlockKind } from './types.js';

/** Rank of each 版头 element in the order of GB/T 9704 7.2.1–7.2.7 (报头 stands where the mark stands). */
const HEADER_RANK = {
  copyNumber: 0, // 份号 7.2.1
  secrecy: 1, // 密级和保密期限 7.2.2
  urgency: 2, // 紧急程度 7.2.3
  issuerMark: 3, // 发文机关标志 7.2.4
  masthead: 3, // 简报报头 (convention, in place of the mark)
  docNumber: 4, // 发文字号 7.2.5, 签发人 7.2.6
  redRule: 5, // 版头分隔线 7.2.7
  category: 6, // 办理结果 (提案答复): in the blank line under the rule
} as const satisfies Partial<Record<BlockKind, number>>;
type HeaderKind = keyof typeof HEADER_RANK;

/** The kinds of the 版头 / 报头: they stand together before every other block. */
export const HEADER_KINDS: ReadonlySet<BlockKind> = new Set(Object.keys(HEADER_RANK) as BlockKind[]);
export const isHeaderBlock = (b: Block): b is Extract<Block, { kind: HeaderKind }> => HEADER_KINDS.has(b.kind);

/** 报头 elements that replace the 文件 header's own (the masthead has its issue line and rule). */
const NOT_WITH_MASTHEAD: ReadonlySet<BlockKind> = new Set<BlockKind>(['issuerMark', 'docNumber', 'redRule']);

/** Parts that a document holds at most once. */
const ONCE: ReadonlySet<BlockKind> = new Set<BlockKind>(['colophon', 'signature', 'toc']);

const HEADER_ORDER_TEXT: Text = {
  zh: '份号、密级和保密期限、紧急程度、发文机关标志（简报为报头）、发文字号和签发人、分隔线、办理结果',
  en: 'copy number, secrecy, urgency, issuer mark (or bulletin masthead), document number and signers, red rule, result category',
};

function nameOf(p: Placed): Text {
  if (p.directive) return { zh: `::${p.directive}`, en: `::${p.directive}` };
  return { zh: '正文', en: 'body text' };
}

/** `（::title，第9行）`: another part, with its line, and its file when it is not `here`'s. */
function ref(p: Placed, here: Placed): Text {
  const n = nameOf(p);
  const line = p.pos?.line;
  const other = p.file !== here.file ? basename(p.file) : '';
  if (!line) return { zh: `${n.zh}${other ? `（${other}）` : ''}`, en: `${n.en}${other ? ` (${other})` : ''}` };
  return {
    zh: `${n.zh}（${other ? `${other} ` : ''}第${line}行）`,
    en: `${n.en} (${other ? `${other} ` : ''}line ${line})`,
  };
}

/** A problem placed at `p`, said to be in the template when it came from one. */
function at(p: Placed, what: Text): Problem {
  const where = p.fromTemplate ? { zh: '模板中', en: 'in the template, ' } : { zh: '', en: '' };
  // An ASCII name (::title) is set off from the Chinese around it by a space.
  const zh = /^[\x21-\x7e]/.test(what.zh) && where.zh ? ` ${what.zh}` : what.zh;
  return new Problem({ file: p.file, ...(p.pos ? { pos: p.pos } : {}), what: { zh: where.zh + zh, en: where.en + what.en } });
}

/** Of two parts in the wrong relation, the one to point at: the template's, else the first. */
const blame = (a: Placed, b: Placed): Placed => (a.fromTemplate || !b.fromTemplate ? a : b);

function headerPlacement(placed: readonly Placed[]): Problem[] {
  const firstFlow = placed.findIndex((p) => !isHeaderBlock(p.block));
  if (firstFlow < 0) return [];
  const late = placed.slice(firstFlow + 1).find((p) => isHeaderBlock(p.block));
  if (!late) return [];
  const flow = placed[firstFlow]!;
  const here = blame(flow, late);
  const f = here === flow ? nameOf(flow) : ref(flow, here);
  const h = here === late ? nameOf(late) : ref(late, here);
  return [
    at(here, {
      zh: `${f.zh} 出现在版头（${h.zh}）之前：版头各要素（${HEADER_ORDER_TEXT.zh}）须连在一起，排在标题和正文之前，否则 PDF 中会缺少它们`,
      en: `${f.en} comes before the header (${h.en}): the header elements (${HEADER_ORDER_TEXT.en}) must stand together before the title and body`,
    }),
  ];
}

function headerOrder(placed: readonly Placed[]): Problem[] {
  const out: Problem[] = [];
  const head = placed.filter((p) => isHeaderBlock(p.block));
  const seen = new Map<BlockKind, Placed>();
  let highest: Placed | undefined;
  for (const p of head) {
    const kind = p.block.kind as HeaderKind;
    const twice = seen.get(kind);
    if (twice) {
      out.push(at(p, { zh: `${nameOf(p).zh} 在版头中出现了两次（另一次：${ref(twice, p).zh}）`, en: `${nameOf(p).en} appears twice in the header (also ${ref(twice, p).en})` }));
      continue;
    }
    seen.set(kind, p);
    const clash =
      kind === 'masthead'
        ? [...seen.values()].find((q) => NOT_WITH_MASTHEAD.has(q.block.kind))
        : NOT_WITH_MASTHEAD.has(kind)
          ? seen.get('masthead')
          : undefined;
    if (clash) {
      out.push(at(p, {
        zh: `${nameOf(p).zh} 不能与 ${ref(clash, p).zh} 同用：简报报头自带期号和分隔线，代替文件版头的发文机关标志、发文字号和分隔线`,
        en: `${nameOf(p).en} cannot be used with ${ref(clash, p).en}: a bulletin masthead replaces the issuer mark, document number and red rule`,
      }));
      continue;
    }
    if (highest && HEADER_RANK[kind] < HEADER_RANK[highest.block.kind as HeaderKind]) {
      out.push(at(p, {
        zh: `${nameOf(p).zh} 应排在 ${ref(highest, p).zh}${/[\x21-\x7e]$/.test(ref(highest, p).zh) ? ' ' : ''}之前：版头要素的次序为${HEADER_ORDER_TEXT.zh}`,
        en: `${nameOf(p).en} must come before ${ref(highest, p).en}: the header order is ${HEADER_ORDER_TEXT.en}`,
      }));
      continue;
    }
    highest = p;
  }
  return out;
}

function onceAndLast(placed: readonly Placed[]): Problem[] {
  const out: Problem[] = [];
  const first = new Map<BlockKind, Placed>();
  for (const p of placed) {
    if (!ONCE.has(p.block.kind)) continue;
    const earlier = first.get(p.block.kind);
    if (earlier) out.push(at(p, { zh: `${nameOf(p).zh} 只能出现一次（另一次：${ref(earlier, p).zh}）`, en: `${nameOf(p).en} may appear only once (also ${ref(earlier, p).en})` }));
    else first.set(p.block.kind, p);
  }
  const colophon = first.get('colophon');
  const after = colophon ? placed.slice(placed.indexOf(colophon) + 1).find((p) => p.block.kind !== 'colophon') : undefined;
  if (colophon && after) {
    const here = blame(colophon, after);
    const other = here === colophon ? after : colophon;
    out.push(at(here, {
      zh: `版记（::colophon）之后还有 ${here === colophon ? ref(other, here).zh : nameOf(after).zh}：版记须是公文的最后一部分（GB/T 9704 7.4）`,
      en: `${here === colophon ? ref(other, here).en : nameOf(after).en} follows the colophon (::colophon): the colophon must come last (GB/T 9704 7.4)`,
    }));
  }
  return out;
}

/** Every problem of order and number among the parts of a document. */
export function checkStructure(placed: readonly Placed[]): Problem[] {
  return [...headerPlacement(placed), ...headerOrder(placed), ...onceAndLast(placed)];
}
