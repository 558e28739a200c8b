// 版头 [GB/T 9704 7.2] and the 简报 报头 as the plan decided them, in WordprocessingML: one
// paragraph per grid slot (份号/密级/紧急, number and signer rows, blank lines), the red mark
// with its top 35 mm below the 版心 top and space after that completes its slots, the rule
// anchored in the paragraph of the text it is measured from. The header adds up to exactly
// the plan's grid lines, so page-1 body text stays on the grid in LibreOffice.

import type { HeaderPlan, HeaderRulePlan, MarkPlan, MastheadPlan, DocNumberPlan } from '../../layout/plan.js';
import { RED_RGB_HEX, TYPE_W_MM, TYPE_W_TWIP, mmToEmu, ptToTwip, TWIP_PER_PT } from '../../spec/index.js';
import {
  CJK_EM_DESCENT,
  DOCX_EXACT_BASELINE_RATIO,
  DOCX_MARK_LINE_HEIGHT_EM,
  DOCX_MARK_SUFFIX_BOX_SLACK_EM,
  EMU_PER_TWIP,
  bodyPtToTwip,
} from '../../spec/docx.js';
import type { Ctx } from './context.js';
import { anchorRun, lineGraphic, textBoxGraphic } from './drawing.js';
import { letterHeader } from './letter.js';
import { S } from './styles.js';
import { para, paraXml, run, type Para } from './xml.js';

const TOP_STYLE = { copyNumber: S.copyNumber, secrecy: S.secrecy, urgency: S.urgency } as const;

/** Height of an exact line that puts the em box top at the line top, twip. */
const markLineTwip = (size: number): number => Math.round(DOCX_MARK_LINE_HEIGHT_EM * size * TWIP_PER_PT);

const blankLine = (): Para => para({ style: S.normal });

/**
 * The issuer mark [S 7.2.4]: one paragraph per name line at exact 1.1 em, the first with the
 * space before that puts its em top where the plan does (35 mm below the 版心 top, less the
 * lines above), the last with the space after that completes the mark's grid slots. A joint
 * mark's names are indented to the plan's column; its suffix is a text box anchored in the
 * last name's paragraph, where the plan puts it.
 */
export const issuerMark = (ctx: Ctx, m: MarkPlan, linesAbove: number): Para[] => {
  const pitch = ctx.pitch;
  const n = m.names.length;
  const h = markLineTwip(m.size);
  const step = ptToTwip(m.step);
  const between = Math.max(0, step - h);
  const before = Math.max(0, ptToTwip(m.top) - linesAbove * pitch);
  const used = linesAbove * pitch + before + n * h + (n - 1) * between;
  const after = Math.max(0, m.slots * pitch - used);
  const rPr = { size: m.size, scale: Math.round(m.hScale * 100) };
  const left = ptToTwip(m.namesX);
  const namesW = ptToTwip(m.namesWidth);
  const paras = m.names.map((text, i) =>
    para(
      {
        style: S.issuerMark,
        spacing: { before: i === 0 ? before : between, after: i === n - 1 ? after : 0, line: h, lineRule: 'exact' },
        ...(m.suffix ? { ind: { left, right: Math.max(0, TYPE_W_TWIP - left - namesW), firstLine: 0 } } : {}),
      },
      [run(text, rPr)],
    ),
  );
  if (m.suffix) {
    // Em top of the suffix relative to the top of the last name's paragraph (its space before included).
    const lastTop = m.top + (n - 1) * m.step;
    const offset = ptToTwip(m.suffixTop - lastTop) + between;
    const boxW = Math.ceil(ptToTwip(m.suffixWidth + m.size * DOCX_MARK_SUFFIX_BOX_SLACK_EM));
    const content = paraXml(
      para({ style: S.issuerMark, jc: 'left', ind: { left: 0, right: 0, firstLine: 0 }, spacing: { before: 0, after: 0, line: h, lineRule: 'exact' } }, [
        run(m.suffix, rPr),
      ]),
    );
    paras[n - 1]!.runs.push(
      anchorRun({
        id: ctx.ids.next(),
        name: '发文机关标志后缀',
        cx: boxW * EMU_PER_TWIP,
        cy: h * EMU_PER_TWIP,
        pos: { h: { rel: 'margin', offset: ptToTwip(m.suffixX) * EMU_PER_TWIP }, v: { rel: 'paragraph', offset: offset * EMU_PER_TWIP } },
        wrap: 'none',
        graphic: textBoxGraphic(boxW * EMU_PER_TWIP, h * EMU_PER_TWIP, content, 't'),
      }),
    );
  }
  return paras;
};

/**
 * The rule of the 版头 / 报头 [S 7.2.7], anchored in the paragraph of the text it is measured
 * from: the plan's gap below that text's em box, where LibreOffice sets that em box (the
 * baseline at 80 % of the exact line).
 */
const ruleRun = (ctx: Ctx, r: HeaderRulePlan, name: string): string => {
  const emBottom = DOCX_EXACT_BASELINE_RATIO * ctx.pitch + CJK_EM_DESCENT * r.holderSize * TWIP_PER_PT;
  const y = emBottom + ptToTwip(r.gap);
  return anchorRun({
    id: ctx.ids.next(),
    name,
    cx: mmToEmu(TYPE_W_MM),
    cy: 0,
    // The stroke is centred on its path, as the plan's y is the stroke's centre.
    pos: { h: { rel: 'margin', offset: 0 }, v: { rel: 'paragraph', offset: y * EMU_PER_TWIP } },
    wrap: 'none',
    graphic: lineGraphic(mmToEmu(TYPE_W_MM), ptToTwip(r.thickness) * EMU_PER_TWIP, r.color === 'red' ? RED_RGB_HEX : '000000'),
  });
};

/**
 * 发文字号 [S 7.2.5]: centred; with 签发人 [S 7.2.6] the number inset from the left and
 * `签发人：` + 楷体 names ending the same inset from the right, the number on the last row.
 */
const docNumber = (d: DocNumberPlan): Para[] => {
  if (!d.signers) return [para({ style: S.docNumber }, [run(d.number)])];
  const inset = bodyPtToTwip(d.inset);
  const rows = d.signers.rows;
  return rows.map((names, i) => {
    const runs: string[] = [];
    if (i === rows.length - 1) runs.push(run(d.number));
    runs.push(run('\t'));
    if (i === 0) runs.push(run(d.signers!.label));
    runs.push(run(names, { style: S.signerName }));
    return para({ style: S.docNumber, jc: 'left', ind: { left: inset, right: inset, firstLine: 0 }, tabs: [{ val: 'right', pos: TYPE_W_TWIP - inset }] }, runs);
  });
};

/** 简报 报头 (spec §12): each element on the plan's slot, heights in whole grid lines. */
const masthead = (ctx: Ctx, m: MastheadPlan): Array<{ slot: number; slots: number; p: Para }> => {
  const out: Array<{ slot: number; slots: number; p: Para }> = [];
  // Sizes and scales as the plan fitted them into the 版心.
  const fit = (size: number, hScale?: number) => ({ size, ...(hScale !== undefined && hScale < 1 ? { scale: Math.round(hScale * 100) } : {}) });
  if (m.marking) out.push({ slot: m.marking.slot, slots: 1, p: para({ style: S.mastheadMarking }, [run(m.marking.text, fit(m.marking.size, m.marking.hScale))]) });
  const exact = (slots: number) => ({ line: slots * ctx.pitch, lineRule: 'exact' as const });
  out.push({
    slot: m.name.slot,
    slots: 1,
    p: para({ style: S.mastheadName, spacing: exact(1) }, [run(m.name.text, { size: m.name.size, ...(m.name.hScale < 1 ? { scale: Math.round(m.name.hScale * 100) } : {}) })]),
  });
  // The big word: letter spacing after every character but the last keeps it centred.
  const chars = [...m.heading.text];
  const spacing = ptToTwip(m.heading.letterSpacing);
  out.push({
    slot: m.heading.slot,
    slots: m.heading.slots,
    p: para({ style: S.mastheadHeading, spacing: exact(m.heading.slots) }, [
      ...(chars.length > 1 ? [run(chars.slice(0, -1).join(''), { spacing, ...fit(m.heading.size, m.heading.hScale) })] : []),
      run(chars[chars.length - 1] ?? '', fit(m.heading.size, m.heading.hScale)),
    ]),
  });
  out.push({ slot: m.issue.slot, slots: 1, p: para({ style: S.mastheadIssue }, [run(m.issue.text, fit(m.issue.size, m.issue.hScale))]) });
  out.push({
    slot: m.editor.slot,
    slots: 1,
    p: para({ style: S.mastheadEditor, ind: { left: bodyPtToTwip(m.editor.inset), firstLine: 0 }, tabs: [{ val: 'right', pos: TYPE_W_TWIP }] }, [
      run(m.editor.text, fit(m.editor.size, m.editor.hScale)),
      run('\t'),
      run(m.editor.date),
    ]),
  });
  return out;
};

/** The header's paragraphs: exactly `h.lines` grid lines, each element on the plan's slot. */
export const header = (ctx: Ctx, h: HeaderPlan): Para[] => {
  if (h.letter) return letterHeader(ctx, h);
  const out: Para[] = [];
  let slot = 0;
  const fillTo = (s: number): void => {
    for (; slot < s; slot++) out.push(blankLine());
  };
  for (const t of h.top) {
    fillTo(t.slot);
    out.push(para({ style: TOP_STYLE[t.kind] }, [run(t.text)]));
    slot = t.slot + 1;
  }
  let holder: Para | undefined;
  if (h.masthead) {
    for (const e of masthead(ctx, h.masthead)) {
      fillTo(e.slot);
      out.push(e.p);
      slot = e.slot + e.slots;
      if (e.slot === h.rule?.holderSlot) holder = e.p;
    }
  }
  if (h.mark) {
    out.push(...issuerMark(ctx, h.mark, slot));
    slot = h.mark.slots;
  }
  if (h.docNumber) {
    fillTo(h.docNumber.slot);
    out.push(...docNumber(h.docNumber));
    slot = h.docNumber.numberSlot + 1;
    holder = out[out.length - 1];
  }
  if (h.rule) {
    if (!holder || h.rule.holderSlot !== slot - 1) {
      // A rule with no text above it on its slot: an empty holder paragraph.
      fillTo(h.rule.holderSlot);
      holder = para({ style: S.docNumber });
      out.push(holder);
      slot = h.rule.holderSlot + 1;
    }
    holder.runs.push(ruleRun(ctx, h.rule, h.masthead ? '报头分隔线' : '版头分隔线'));
    // The lines the rule runs through are not blank lines of the flow.
    fillTo(h.rule.freeSlot);
  }
  if (h.category) {
    fillTo(h.category.slot);
    out.push(para({ style: S.category }, [run(h.category.text)]));
    slot = h.category.slot + 1;
  }
  fillTo(h.lines);
  return out;
};
