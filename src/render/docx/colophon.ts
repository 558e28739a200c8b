// 版记 [GB/T 9704 7.4] and the 简报 报尾: a borderless text box anchored in the last body
// paragraph and aligned to the bottom of the page margin, so its last rule lies on the
// bottom edge of the 版心 of the last page whatever the body length. Rows are 4号, one grid
// line each, inset 1 字 on both sides; wrapped lines align after the label. Rules are
// paragraph borders: thick (0.35 mm) first and last, thin (0.25 mm) between groups.
// (A floating table is dropped by LibreOffice; a text box survives Word, WPS and LibreOffice.)

import type { ColophonBlock, ColophonRow } from '../../model/types.js';
import {
  BLACK_RGB_HEX,
  COLOPHON_RULE_THICK_MM,
  COLOPHON_RULE_THIN_MM,
  TYPE_W_MM,
  TYPE_W_TWIP,
  mmToEmu,
  mmToPt,
  ptToEighthPt,
  TWIP_PER_PT,
} from '../../spec/index.js';
import { DOCX_LINE_PITCH_TWIP, DOCX_RULE_LINE_TWIP, DOCX_SMALL_CHAR_TWIP, EMU_PER_TWIP } from '../../spec/docx.js';
import type { Ctx } from './context.js';
import { anchorRun, textBoxGraphic } from './drawing.js';
import { renderedWidthEm, widthEm } from './measure.js';
import { S } from './styles.js';
import { para, paraXml, run, type Border, type Para } from './xml.js';

const INSET = DOCX_SMALL_CHAR_TWIP;
const THICK: Border = { sz: ptToEighthPt(mmToPt(COLOPHON_RULE_THICK_MM)), color: BLACK_RGB_HEX };
const THIN: Border = { sz: ptToEighthPt(mmToPt(COLOPHON_RULE_THIN_MM)), color: BLACK_RGB_HEX };

interface Row {
  p: Para;
  lines: number;
  ruleAfter: boolean;
}

const rowParas = (r: ColophonRow): Row[] => {
  if (r.kind === 'labelled') {
    const labelW = Math.round(widthEm(r.label) * DOCX_SMALL_CHAR_TWIP);
    const perLine = Math.floor((TYPE_W_TWIP - 2 * INSET - labelW) / DOCX_SMALL_CHAR_TWIP);
    const lines = Math.max(1, Math.ceil(renderedWidthEm(r.label + r.text) / perLine - widthEm(r.label) / perLine));
    return [
      {
        p: para({ style: S.colophon, ind: { left: INSET + labelW, right: INSET, hanging: labelW } }, [run(r.label + r.text)]),
        lines,
        ruleAfter: !!r.ruleAfter,
      },
    ];
  }
  // Office left, date right on one line; when both do not fit, the date takes its own line.
  const perLine = Math.floor((TYPE_W_TWIP - 2 * INSET) / DOCX_SMALL_CHAR_TWIP);
  const fits = renderedWidthEm(r.printer) + renderedWidthEm(r.date) + 1 <= perLine;
  const rows: Row[] = fits
    ? [
        {
          p: para(
            {
              style: S.colophon,
              jc: 'left',
              ind: { left: INSET, right: INSET, firstLine: 0 },
              tabs: [{ val: 'right', pos: TYPE_W_TWIP - INSET }],
            },
            [run(r.printer), run('\t'), run(r.date)],
          ),
          lines: 1,
          ruleAfter: false,
        },
      ]
    : [
        {
          p: para({ style: S.colophon, jc: 'left', ind: { left: INSET, right: INSET, firstLine: 0 } }, [run(r.printer)]),
          lines: Math.max(1, Math.ceil(renderedWidthEm(r.printer) / perLine)),
          ruleAfter: false,
        },
        {
          p: para({ style: S.colophon, jc: 'right', ind: { left: INSET, right: INSET, firstLine: 0 } }, [run(r.date)]),
          lines: 1,
          ruleAfter: false,
        },
      ];
  if (r.copies) {
    rows.push({
      p: para({ style: S.colophon, jc: 'right', ind: { left: INSET, right: INSET, firstLine: 0 } }, [run(r.copies)]),
      lines: 1,
      ruleAfter: false,
    });
  }
  rows[rows.length - 1]!.ruleAfter = !!r.ruleAfter;
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
export const colophonContent = (b: ColophonBlock, pitch: number = DOCX_LINE_PITCH_TWIP): { xml: string; heightTwip: number } => {
  const rows = b.rows.flatMap(rowParas);
  const paras: Para[] = [];
  let height = 0;
  const rule = (bd: Border): void => {
    paras.push(ruleParagraph(bd));
    height += DOCX_RULE_LINE_TWIP + (bd.sz / 8) * TWIP_PER_PT;
  };
  rule(THICK);
  rows.forEach((row, i) => {
    paras.push(row.p);
    height += row.lines * pitch;
    if (i === rows.length - 1) rule(THICK);
    else if (row.ruleAfter) rule(THIN);
  });
  return { xml: paras.map(paraXml).join(''), heightTwip: Math.ceil(height) };
};

/** The run holding the 版记 text box, to be placed in the last body paragraph. */
export const colophonRun = (ctx: Ctx, b: ColophonBlock): string => {
  const { xml, heightTwip } = colophonContent(b, ctx.pitch);
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
