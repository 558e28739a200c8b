// 署名, 成文日期 and seal [GB/T 9704 7.3.5] as the plan set them: the blank lines above, each
// issuer (or an order's signer's title and name, 7.3.5.3) and the date right-indented by the
// plan's insets (in 字), and the seal a floating picture of the plan's size, placed where the
// plan places it, behind the text; joint issuers' seals [7.3.5.1] each on its own name in the
// plan's rows and columns.

import type { JointSealsPlan, SignaturePlan } from '../../layout/plan.js';
import type { ImageData, SignatureBlock } from '../../model/types.js';
import { TYPE_W_PT, TYPE_W_TWIP, ptToTwip } from '../../spec/index.js';
import { EMU_PER_TWIP, bodyPtToTwip } from '../../spec/docx.js';
import type { Ctx } from './context.js';
import { anchorRun, pictureGraphic } from './drawing.js';
import { S } from './styles.js';
import { para, run, type Para } from './xml.js';

/** A seal picture anchored in its paragraph: left edge `left` twip from the margin, top `top` pt below the paragraph top. */
const sealRun = (ctx: Ctx, image: ImageData, left: number, top: number, width: number, height: number): string => {
  const w = ptToTwip(width);
  const h = ptToTwip(height);
  const part = ctx.media.add(image);
  const id = ctx.ids.next();
  return anchorRun({
    id,
    name: '印章',
    cx: w * EMU_PER_TWIP,
    cy: h * EMU_PER_TWIP,
    pos: { h: { rel: 'margin', offset: left * EMU_PER_TWIP }, v: { rel: 'paragraph', offset: ptToTwip(top) * EMU_PER_TWIP } },
    wrap: 'none',
    // Behind the text, as the PDF multiplies the seal's red under it: the issuer name and
    // the date stay legible through the seal (上不压正文，下要骑年盖月).
    behindDoc: true,
    graphic: pictureGraphic(id, '印章', part.rId, w * EMU_PER_TWIP, h * EMU_PER_TWIP),
  });
};

/**
 * Joint issuers with seals [S 7.3.5.1] as planned: each row of names a paragraph with a centre
 * tab at each name's column, each seal anchored in its row's paragraph, the rows' grid lines
 * apart, then the date.
 */
const jointSignature = (ctx: Ctx, seals: readonly ImageData[], plan: SignaturePlan, joint: JointSealsPlan): Para[] => {
  const out: Para[] = Array.from({ length: plan.gapLines }, () => para({ style: S.normal }));
  let line = 0;
  for (const row of joint.rows) {
    for (; line < row.line; line++) out.push(para({ style: S.normal }));
    const runs = row.names.flatMap((n) => [run('\t'), run(n.text)]);
    for (const n of row.names) {
      const seal = joint.seals.find((x) => x.issuer === n.issuer);
      const image = seals[n.issuer];
      if (!seal || !image) continue;
      // Centred on its name's column, measured in 字 like the tab.
      const left = bodyPtToTwip(n.centre) - ptToTwip(seal.width) / 2;
      runs.push(sealRun(ctx, image, left, seal.top, seal.width, seal.height));
    }
    out.push(para({ style: S.signature, jc: 'left', ind: { left: 0, right: 0, firstLine: 0 }, tabs: row.names.map((n) => ({ val: 'center' as const, pos: bodyPtToTwip(n.centre) })) }, runs));
    line++;
  }
  out.push(para({ style: S.date, ind: { right: bodyPtToTwip(plan.date.rightInset), firstLine: 0 } }, [run(plan.date.text)]));
  return out;
};

const blanks = (n: number): Para[] => Array.from({ length: n }, () => para({ style: S.normal, keepNext: true }));

/**
 * 命令 [S 7.3.5.3]: the title on the middle of the seal's lines, right-inset as planned; without
 * a seal the name on the same line, each ending at a right tab stop where the plan ends it.
 */
const signer = (sig: NonNullable<SignaturePlan['signer']>): Para[] => {
  const mid = (sig.lines - 1) / 2;
  const titleEnd = TYPE_W_TWIP - bodyPtToTwip(sig.title.rightInset);
  const line = sig.name
    ? para({ style: S.signature, jc: 'left', ind: { left: 0, right: 0, firstLine: 0 }, tabs: [{ val: 'right', pos: titleEnd }, { val: 'right', pos: TYPE_W_TWIP - bodyPtToTwip(sig.name.rightInset) }] }, [
        run('\t'),
        run(sig.title.text),
        run('\t'),
        run(sig.name.text),
      ])
    : para({ style: S.signature, ind: { right: bodyPtToTwip(sig.title.rightInset), firstLine: 0 } }, [run(sig.title.text)]);
  return [...blanks(mid), line, ...blanks(sig.lines - 1 - mid + sig.dateGapLines)];
};

export const signature = (ctx: Ctx, b: SignatureBlock, plan: SignaturePlan): Para[] => {
  if (plan.joint && b.seals) return jointSignature(ctx, b.seals, plan, plan.joint);
  const out: Para[] = Array.from({ length: plan.gapLines }, () => para({ style: S.normal }));
  if (plan.signer) out.push(...signer(plan.signer));
  for (const n of plan.names) out.push(para({ style: S.signature, ind: { right: bodyPtToTwip(n.rightInset), firstLine: 0 } }, [run(n.text)]));
  const datePara = para({ style: S.date, ind: { right: bodyPtToTwip(plan.date.rightInset), firstLine: 0 } }, [run(plan.date.text)]);
  out.push(datePara);
  if (plan.seal && b.seal) {
    const s = plan.seal;
    // The seal's centre, like the date it is centred on, measured in 字 from the right.
    const left = TYPE_W_TWIP - bodyPtToTwip(TYPE_W_PT - s.x - s.width / 2) - ptToTwip(s.width) / 2;
    datePara.runs.push(sealRun(ctx, b.seal, left, s.top, s.width, s.height));
  }
  return out;
};
