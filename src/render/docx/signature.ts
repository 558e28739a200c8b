// 署名, 成文日期 and seal [GB/T 9704 7.3.5] as the plan set them: the blank lines above, each
// issuer (or an order's signer's title and name, 7.3.5.3) and the date right-indented by the
// plan's insets (in 字), and the seal a floating picture of the plan's size, placed where the
// plan places it, behind the text.

import type { SignaturePlan } from '../../layout/plan.js';
import type { SignatureBlock } from '../../model/types.js';
import { TYPE_W_PT, TYPE_W_TWIP, ptToTwip } from '../../spec/index.js';
import { EMU_PER_TWIP, bodyPtToTwip } from '../../spec/docx.js';
import type { Ctx } from './context.js';
import { anchorRun, pictureGraphic } from './drawing.js';
import { S } from './styles.js';
import { para, run, type Para } from './xml.js';

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
  const out: Para[] = Array.from({ length: plan.gapLines }, () => para({ style: S.normal }));
  if (plan.signer) out.push(...signer(plan.signer));
  for (const n of plan.names) out.push(para({ style: S.signature, ind: { right: bodyPtToTwip(n.rightInset), firstLine: 0 } }, [run(n.text)]));
  const datePara = para({ style: S.date, ind: { right: bodyPtToTwip(plan.date.rightInset), firstLine: 0 } }, [run(plan.date.text)]);
  out.push(datePara);
  if (plan.seal && b.seal) {
    const s = plan.seal;
    const w = ptToTwip(s.width);
    const h = ptToTwip(s.height);
    // The seal's centre, like the date it is centred on, measured in 字 from the right.
    const left = TYPE_W_TWIP - bodyPtToTwip(TYPE_W_PT - s.x - s.width / 2) - w / 2;
    const part = ctx.media.add(b.seal);
    const id = ctx.ids.next();
    datePara.runs.push(
      anchorRun({
        id,
        name: '印章',
        cx: w * EMU_PER_TWIP,
        cy: h * EMU_PER_TWIP,
        pos: { h: { rel: 'margin', offset: left * EMU_PER_TWIP }, v: { rel: 'paragraph', offset: ptToTwip(s.top) * EMU_PER_TWIP } },
        wrap: 'none',
        // Behind the text, as the PDF multiplies the seal's red under it: the issuer name and
        // the date stay legible through the seal (上不压正文，下要骑年盖月).
        behindDoc: true,
        graphic: pictureGraphic(id, '印章', part.rId, w * EMU_PER_TWIP, h * EMU_PER_TWIP),
      }),
    );
  }
  return out;
};
