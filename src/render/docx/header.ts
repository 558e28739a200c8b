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
  DOCX_LINE_PITCH_TWIP,
  DOCX_MARK_LINE_HEIGHT_EM,
  DOCX_MARK_SPACE_BEFORE_TWIP,
  DOCX_MASTHEAD_HEADING_LINES,
  DOCX_MASTHEAD_NAME_LINES,
  EMU_PER_TWIP,
} from '../../spec/docx.js';
import type { Ctx } from './context.js';
import { anchorRun, lineGraphic } from './drawing.js';
import { widthEm } from './measure.js';
import { S } from './styles.js';
import { para, run, type Para } from './xml.js';

const PITCH = DOCX_LINE_PITCH_TWIP;

/** Size and horizontal scale of the mark: shrink the scale to 50 % first, then the size [C]. */
export const markMetrics = (text: string): { size: number; scale: number } => {
  const maxPt = mmToPt(MARK_MAX_LINE_MM);
  const em = Math.max(widthEm(text), 1);
  let size = MARK_SIZE_PT;
  let scale = MARK_H_SCALE;
  if (em * size * scale > maxPt) scale = Math.max(MARK_MIN_H_SCALE, maxPt / (em * size));
  if (em * size * scale > maxPt) size = Math.floor((maxPt / (em * scale)) * 2) / 2;
  return { size, scale: Math.round(scale * 100) };
};

/** Height of an exact line that puts the em box top at the line top, twip. */
const markLineTwip = (size: number): number => Math.round(DOCX_MARK_LINE_HEIGHT_EM * size * TWIP_PER_PT);

/** Space that rounds `used` twips up to whole grid lines. */
const toGrid = (used: number): number => Math.ceil(used / PITCH - 1e-9) * PITCH - used;

/**
 * The issuer mark: one paragraph per name line; the top edge at 35 mm below the 版心 top
 * (space before = 1984 twip less the lines already used above it), exact line height of
 * 1.1 em, and space after that completes a whole number of grid lines.
 */
export const issuerMark = (b: IssuerMarkBlock, linesAbove: number): Para[] => {
  const lines = b.lines.length ? [...b.lines] : [''];
  if (b.suffix) lines[lines.length - 1] += b.suffix;
  const { size, scale } = markMetrics(lines.reduce((a, l) => (widthEm(l) > widthEm(a) ? l : a), ''));
  const h = markLineTwip(size);
  const before = Math.max(0, DOCX_MARK_SPACE_BEFORE_TWIP - linesAbove * PITCH);
  const used = linesAbove * PITCH + before + lines.length * h;
  const after = toGrid(used);
  return lines.map((text, i) =>
    para(
      {
        style: S.issuerMark,
        spacing: {
          before: i === 0 ? before : 0,
          after: i === lines.length - 1 ? after : 0,
          line: h,
          lineRule: 'exact',
        },
      },
      [run(text, { size, scale })],
    ),
  );
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

/** The 版头 red rule, anchored in the number's paragraph [S 7.2.7]. */
export const redRuleRun = (ctx: Ctx): string =>
  ruleBelow(
    ctx,
    PITCH,
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
    para({ style: S.mastheadName, spacing: { line: DOCX_MASTHEAD_NAME_LINES * PITCH, lineRule: 'exact' } }, [
      run(b.name, { size: nameSize }),
    ]),
  );
  // The big word: letter spacing after every character but the last keeps it centred.
  const chars = [...b.heading.replace(/[\s\u3000]+/g, '')];
  const spacing = Math.round(bulletinSpec.HEADING_LETTER_SPACING_EM * bulletinSpec.HEADING_SIZE_PT * TWIP_PER_PT);
  out.push(
    para({ style: S.mastheadHeading, spacing: { line: DOCX_MASTHEAD_HEADING_LINES * PITCH, lineRule: 'exact' } }, [
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
          PITCH,
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
