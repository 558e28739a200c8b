// 版头 [GB/T 9704 7.2] and the 简报 报头: 份号/密级/紧急 top-left, the red issuer mark with its
// top 35 mm below the 版心 top, the number line (centred, or 上行文 with 签发人), the red rule
// 4 mm below the number, and the 简报 masthead. The header block always adds up to whole
// grid lines, so page-1 body text stays on the grid in LibreOffice (which never snaps back).

import type {
  DocNumberBlock,
  IssuerMarkBlock,
  MastheadBlock,
} from '../../model/types.js';
import {
  BODY_SIZE_PT,
  DOCNO_SIDE_INSET_CHARS,
  MARK_H_SCALE,
  MARK_MAX_LINE_MM,
  MARK_MIN_H_SCALE,
  MARK_SIZE_PT,
  RED_RGB_HEX,
  RED_RULE_GAP_BELOW_DOCNO_MM,
  RED_RULE_LENGTH_MM,
  RED_RULE_THICKNESS_MM,
  SIGNERS_PER_LINE,
  TYPE_W_MM,
  TYPE_W_TWIP,
  bulletinSpec,
  mmToEmu,
  mmToPt,
  mmToTwip,
  TWIP_PER_PT,
} from '../../spec/index.js';
import {
  CJK_EM_DESCENT,
  DOCX_BODY_CHAR_TWIP,
  DOCX_EXACT_BASELINE_RATIO,
  DOCX_MARK_LINE_HEIGHT_EM,
  DOCX_MARK_SPACE_BEFORE_TWIP,
  DOCX_MASTHEAD_HEADING_LINES,
  DOCX_MASTHEAD_NAME_LINES,
  EMU_PER_TWIP,
} from '../../spec/docx.js';
import type { Ctx } from './context.js';
import { MARK_LINE_GAP_EM } from '../../spec/layout.js';
import { anchorRun, lineGraphic, textBoxGraphic } from './drawing.js';
import { widthEm } from './measure.js';
import { S } from './styles.js';
import { para, paraXml, run, type Para } from './xml.js';

/** Gap between the joint issuers' names and the suffix, em of the mark (as in the PDF) [C]. */
export const JOINT_MARK_SUFFIX_GAP_EM = 0.5;

/** Size and horizontal scale of a mark `em` wide at 1 pt and 100 %: narrow to 50 % first, then shrink [C]. */
export const markMetricsForEm = (em: number): { size: number; scale: number } => {
  const maxPt = mmToPt(MARK_MAX_LINE_MM);
  const w = Math.max(em, 1);
  let size = MARK_SIZE_PT;
  let scale = MARK_H_SCALE;
  if (w * size * scale > maxPt) scale = Math.max(MARK_MIN_H_SCALE, maxPt / (w * size));
  if (w * size * scale > maxPt) size = Math.floor((maxPt / (w * scale)) * 2) / 2;
  return { size, scale: Math.round(scale * 100) };
};

/** Size and horizontal scale of a one-line mark (width estimated in 字). */
export const markMetrics = (text: string): { size: number; scale: number } => markMetricsForEm(widthEm(text));

/** Height of an exact line that puts the em box top at the line top, twip. */
const markLineTwip = (size: number): number => Math.round(DOCX_MARK_LINE_HEIGHT_EM * size * TWIP_PER_PT);

/** Space that rounds `used` twips up to whole lines of `pitch`. */
const toGrid = (used: number, pitch: number): number => Math.ceil(used / pitch - 1e-9) * pitch - used;

/**
 * The issuer mark [S 7.2.4]: one paragraph per name line; the top edge 35 mm below the 版心
 * top (space before = 1984 twip less the lines already used above it), exact line height of
 * 1.1 em, and space after that completes a whole number of grid lines.
 *
 * Joint issuers (several lines and a suffix such as 文件), as the PDF sets them: the names
 * stacked 1.15 em apart, each centred on the widest, the block of names and suffix centred
 * on the 版心, the suffix 0.5 em right of the names and centred on them vertically. The
 * names are paragraphs indented to the names' column; the suffix is a text box anchored
 * in the last name's paragraph.
 */
export const issuerMark = (ctx: Ctx, b: IssuerMarkBlock, linesAbove: number): Para[] => {
  const pitch = ctx.pitch;
  const names = b.lines.length ? [...b.lines] : [''];
  const joint = names.length > 1 && !!b.suffix;
  if (!joint && b.suffix) names[names.length - 1] += b.suffix;
  const em = (t: string): number => ctx.width(t, 'song', 1);
  const namesEm = Math.max(...names.map(em));
  const suffixEm = joint ? em(b.suffix!) : 0;
  const { size, scale } = markMetricsForEm(namesEm + (joint ? suffixEm + JOINT_MARK_SUFFIX_GAP_EM : 0));
  const h = markLineTwip(size);
  const step = Math.round((1 + MARK_LINE_GAP_EM) * size * TWIP_PER_PT); // em top to em top
  const between = Math.max(0, step - h);
  const before = Math.max(0, DOCX_MARK_SPACE_BEFORE_TWIP - linesAbove * pitch);
  const used = linesAbove * pitch + before + names.length * h + (names.length - 1) * between;
  const after = toGrid(used, pitch);
  const k = (size * scale) / 100; // pt per em along the line
  const namesW = namesEm * k * TWIP_PER_PT;
  const suffixW = suffixEm * k * TWIP_PER_PT;
  const gapW = JOINT_MARK_SUFFIX_GAP_EM * k * TWIP_PER_PT;
  const left = Math.round((TYPE_W_TWIP - (joint ? namesW + gapW + suffixW : namesW)) / 2);
  const paras = names.map((text, i) =>
    para(
      {
        style: S.issuerMark,
        spacing: {
          before: i === 0 ? before : between,
          after: i === names.length - 1 ? after : 0,
          line: h,
          lineRule: 'exact',
        },
        ...(joint ? { ind: { left, right: Math.max(0, Math.round(TYPE_W_TWIP - left - namesW)), firstLine: 0 } } : {}),
      },
      [run(text, { size, scale })],
    ),
  );
  if (joint) {
    // Em top of the suffix, relative to the top of the last name's paragraph (its space
    // before included): halfway between the first and the last name.
    const offset = between - ((names.length - 1) * step) / 2;
    const boxW = Math.ceil(suffixW + size * TWIP_PER_PT * 0.5);
    const content = paraXml(
      para({ style: S.issuerMark, jc: 'left', ind: { left: 0, right: 0, firstLine: 0 }, spacing: { before: 0, after: 0, line: h, lineRule: 'exact' } }, [
        run(b.suffix!, { size, scale }),
      ]),
    );
    paras[paras.length - 1]!.runs.push(
      anchorRun({
        id: ctx.ids.next(),
        name: '发文机关标志后缀',
        cx: boxW * EMU_PER_TWIP,
        cy: h * EMU_PER_TWIP,
        pos: {
          h: { rel: 'margin', offset: Math.round(left + namesW + gapW) * EMU_PER_TWIP },
          v: { rel: 'paragraph', offset: Math.round(offset) * EMU_PER_TWIP },
        },
        wrap: 'none',
        graphic: textBoxGraphic(boxW * EMU_PER_TWIP, h * EMU_PER_TWIP, content, 't'),
      }),
    );
  }
  return paras;
};

/** A red or black horizontal rule `gapMm` below the em box of a paragraph set at exact `line` twip. */
const ruleBelow = (
  ctx: Ctx,
  line: number,
  fontPt: number,
  gapMm: number,
  lengthMm: number,
  thicknessMm: number,
  color: string,
  name: string,
): string => {
  const emBottom = DOCX_EXACT_BASELINE_RATIO * line + CJK_EM_DESCENT * fontPt * TWIP_PER_PT;
  const yTwip = emBottom + mmToTwip(gapMm);
  const thickness = mmToEmu(thicknessMm);
  return anchorRun({
    id: ctx.ids.next(),
    name,
    cx: mmToEmu(lengthMm),
    cy: 0,
    // The line's stroke is centred on its path: offset by half the thickness so the rule's
    // top edge sits at the gap.
    pos: { h: { rel: 'margin', offset: 0 }, v: { rel: 'paragraph', offset: yTwip * EMU_PER_TWIP + thickness / 2 } },
    wrap: 'none',
    graphic: lineGraphic(mmToEmu(lengthMm), thickness, color),
  });
};

/**
 * Grid lines below the holder paragraph (one grid line high) that a rule `gapMm` below its
 * em box reaches into: they are not blank lines, as in the PDF layout (the first blank line
 * is the first one wholly below the rule).
 */
export const ruleLinesBelow = (pitch: number, fontPt: number, gapMm: number, thicknessMm: number): number => {
  const emBottom = DOCX_EXACT_BASELINE_RATIO * pitch + CJK_EM_DESCENT * fontPt * TWIP_PER_PT;
  const bottom = emBottom + mmToTwip(gapMm + thicknessMm);
  return Math.max(0, Math.ceil(bottom / pitch - 1e-6) - 1);
};

/** Lines taken by the 版头 red rule below the number's line. */
export const redRuleLines = (ctx: Ctx): number =>
  ruleLinesBelow(ctx.pitch, BODY_SIZE_PT, RED_RULE_GAP_BELOW_DOCNO_MM, RED_RULE_THICKNESS_MM);

/** Lines taken by the 简报 masthead rule below the editor line. */
export const mastheadRuleLines = (ctx: Ctx): number =>
  ruleLinesBelow(ctx.pitch, bulletinSpec.EDITOR_LINE_SIZE_PT, bulletinSpec.MASTHEAD_RULE_GAP_MM, bulletinSpec.MASTHEAD_RULE_THICKNESS_MM);

/** The 版头 red rule, anchored in the number's paragraph [S 7.2.7]. */
export const redRuleRun = (ctx: Ctx): string =>
  ruleBelow(
    ctx,
    ctx.pitch,
    BODY_SIZE_PT,
    RED_RULE_GAP_BELOW_DOCNO_MM,
    RED_RULE_LENGTH_MM,
    RED_RULE_THICKNESS_MM,
    RED_RGB_HEX,
    '版头分隔线',
  );

/**
 * 发文字号 [S 7.2.5]: centred; with 签发人 [S 7.2.6] the number is inset 1 字 from the left
 * and `签发人：` + 楷体 names end 1 字 from the right, two names per line, the number on the
 * line of the last names.
 */
export const docNumber = (b: DocNumberBlock): Para[] => {
  if (!b.signers.length) return [para({ style: S.docNumber }, [run(b.number)])];
  const inset = DOCNO_SIDE_INSET_CHARS * DOCX_BODY_CHAR_TWIP;
  const groups: string[][] = [];
  for (let i = 0; i < b.signers.length; i += SIGNERS_PER_LINE) groups.push(b.signers.slice(i, i + SIGNERS_PER_LINE));
  return groups.map((names, i) => {
    const last = i === groups.length - 1;
    const runs: string[] = [];
    if (last) runs.push(run(b.number));
    runs.push(run('\t'));
    if (i === 0) runs.push(run(b.signerLabel));
    runs.push(run(names.join('\u3000'), { style: S.signerName }));
    return para(
      {
        style: S.docNumber,
        jc: 'left',
        ind: { left: inset, right: inset, firstLine: 0 },
        tabs: [{ val: 'right', pos: TYPE_W_TWIP - inset }],
      },
      runs,
    );
  });
};

/**
 * 简报 报头 [spec §12]: marking (版心 line 1, 黑体), red series name, the big red word,
 * 期号, editor left / date right, and a red rule 4 mm below that line. Line heights are
 * whole grid lines, so the header ends on the grid.
 */
export const masthead = (ctx: Ctx, b: MastheadBlock): Para[] => {
  const out: Para[] = [];
  out.push(para({ style: S.mastheadMarking }, b.marking ? [run(b.marking)] : []));
  const maxPt = mmToPt(TYPE_W_MM);
  const nameSize = Math.max(
    bulletinSpec.SERIES_NAME_MIN_SIZE_PT,
    Math.min(bulletinSpec.SERIES_NAME_SIZE_PT, Math.floor((maxPt / Math.max(widthEm(b.name), 1)) * 2) / 2),
  );
  out.push(
    para({ style: S.mastheadName, spacing: { line: DOCX_MASTHEAD_NAME_LINES * ctx.pitch, lineRule: 'exact' } }, [
      run(b.name, { size: nameSize }),
    ]),
  );
  // The big word: letter spacing after every character but the last keeps it centred.
  const chars = [...b.heading.replace(/[\s\u3000]+/g, '')];
  const spacing = Math.round(bulletinSpec.HEADING_LETTER_SPACING_EM * bulletinSpec.HEADING_SIZE_PT * TWIP_PER_PT);
  out.push(
    para({ style: S.mastheadHeading, spacing: { line: DOCX_MASTHEAD_HEADING_LINES * ctx.pitch, lineRule: 'exact' } }, [
      ...(chars.length > 1 ? [run(chars.slice(0, -1).join(''), { spacing })] : []),
      run(chars[chars.length - 1] ?? ''),
    ]),
  );
  out.push(para({ style: S.mastheadIssue }, [run(b.issue)]));
  const inset = bulletinSpec.EDITOR_LEFT_INSET_CHARS * DOCX_BODY_CHAR_TWIP;
  out.push(
    para(
      { style: S.mastheadEditor, ind: { left: inset, firstLine: 0 }, tabs: [{ val: 'right', pos: TYPE_W_TWIP }] },
      [
        run(b.editor),
        run('\t'),
        run(b.date),
        ruleBelow(
          ctx,
          ctx.pitch,
          bulletinSpec.EDITOR_LINE_SIZE_PT,
          bulletinSpec.MASTHEAD_RULE_GAP_MM,
          TYPE_W_MM,
          bulletinSpec.MASTHEAD_RULE_THICKNESS_MM,
          RED_RGB_HEX,
          '报头分隔线',
        ),
      ],
    ),
  );
  return out;
};
