// 版记 [GB/T 9704 7.4] and the 简报 报尾 as the plan set them: a borderless text box anchored
// after the body and aligned to the bottom of the page margin, so its last rule lies on the
// bottom edge of the 版心 of its page. Rows are 4号, one grid line each, inset 1 字 on both
// sides, as many as the plan's; wrapped lines align after the label. Rules are
// paragraph borders: thick (0.35 mm) first and last, thin (0.25 mm) where the plan puts them.
// (A floating table is dropped by LibreOffice; a text box survives Word, WPS and LibreOffice.)

import type { ColophonPlan, ColophonRowPlan } from '../../layout/plan.js';
import {
  BLACK_RGB_HEX,
  COLOPHON_RULE_THICK_MM,
  COLOPHON_RULE_THIN_MM,
  TYPE_W_MM,
  TYPE_W_TWIP,
  mmToEmu,
  mmToPt,
  ptToEighthPt,
  ptToTwip,
  TWIP_PER_PT,
} from '../../spec/index.js';
import { DOCX_RULE_LINE_TWIP, DOCX_SMALL_CHAR_TWIP, EMU_PER_TWIP } from '../../spec/docx.js';
import type { Ctx } from './context.js';
import { anchorRun, textBoxGraphic } from './drawing.js';
import { S } from './styles.js';
import { para, paraXml, run, type Border, type Para } from './xml.js';

const INSET = DOCX_SMALL_CHAR_TWIP;
const THICK: Border = { sz: ptToEighthPt(mmToPt(COLOPHON_RULE_THICK_MM)), color: BLACK_RGB_HEX };
const THIN: Border = { sz: ptToEighthPt(mmToPt(COLOPHON_RULE_THIN_MM)), color: BLACK_RGB_HEX };

const rowParas = (r: ColophonRowPlan): Para[] => {
  const box = { left: INSET, right: INSET, firstLine: 0 };
  if (r.kind === 'labelled') {
    // Word breaks the row itself (as it breaks the body); the box is as high as the plan's rows.
    const labelW = ptToTwip(r.labelWidth);
    return [para({ style: S.colophon, ind: { left: INSET + labelW, right: INSET, hanging: labelW } }, [run(r.label + r.lines.join(''))])];
  }
  // Office left, date right on one line; or the date on a line of its own.
  const rows: Para[] = r.dateOwnLine
    ? [para({ style: S.colophon, jc: 'left', ind: box }, [run(r.printer)]), para({ style: S.colophon, jc: 'right', ind: box }, [run(r.date)])]
    : [para({ style: S.colophon, jc: 'left', ind: box, tabs: [{ val: 'right', pos: TYPE_W_TWIP - INSET }] }, [run(r.printer), run('\t'), run(r.date)])];
  if (r.copies) rows.push(para({ style: S.colophon, jc: 'right', ind: box }, [run(r.copies)]));
  return rows;
};

/**
 * A rule: an empty, unindented paragraph of minimal exact height whose bottom border is
 * the rule (borders of the text rows would only span their indents, not the 版心).
 */
const ruleParagraph = (b: Border): Para =>
  para({
    style: S.colophon,
    ind: { left: 0, right: 0, firstLine: 0 },
    spacing: { line: DOCX_RULE_LINE_TWIP, lineRule: 'exact' },
    borders: { bottom: b },
  });

/** Paragraphs of the 版记 with their rules, and the height they take, twip. */
export const colophonContent = (c: ColophonPlan, pitch: number): { xml: string; heightTwip: number } => {
  const paras: Para[] = [];
  let height = c.lines * pitch;
  const rule = (bd: Border): void => {
    paras.push(ruleParagraph(bd));
    height += DOCX_RULE_LINE_TWIP + (bd.sz / 8) * TWIP_PER_PT;
  };
  rule(THICK);
  c.rows.forEach((row, i) => {
    paras.push(...rowParas(row));
    if (i === c.rows.length - 1) rule(THICK);
    else if (row.ruleAfter) rule(THIN);
  });
  return { xml: paras.map(paraXml).join(''), heightTwip: Math.ceil(height) };
};

/** The run holding the 版记 text box, to be placed in the paragraph after the body. */
export const colophonRun = (ctx: Ctx, c: ColophonPlan): string => {
  const { xml, heightTwip } = colophonContent(c, ctx.pitch);
  const cx = mmToEmu(TYPE_W_MM);
  const cy = heightTwip * EMU_PER_TWIP;
  return anchorRun({
    id: ctx.ids.next(),
    name: '版记',
    cx,
    cy,
    pos: { h: { rel: 'margin', offset: 0 }, v: { rel: 'margin', align: 'bottom' } },
    wrap: 'topAndBottom',
    graphic: textBoxGraphic(cx, cy, xml),
  });
};
