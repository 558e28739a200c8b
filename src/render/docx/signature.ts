// 署名, 成文日期 and seal [GB/T 9704 7.3.5]. Without a seal (7.3.5.2): one blank line, the
// issuer 2 字 from the right, the date starting 2 字 right of the issuer's first character
// (or the date 2 字 from the right and the issuer moved left when the date is longer).
// With a seal image (7.3.5.1): the date 4 字 from the right, the issuer centred on it, and
// the seal a floating picture centred on the date, its top within one line of the body.

import type { SignatureBlock } from '../../model/types.js';
import {
  DATE_RIGHT_INSET_SEALED_CHARS,
  SEAL_DIAMETER_MM,
  SEALED_SIGNATURE_GAP_LINES,
  TYPE_W_TWIP,
  UNSEALED_DATE_SHIFT_CHARS,
  UNSEALED_GAP_LINES,
  UNSEALED_NAME_RIGHT_INSET_CHARS,
  mmToTwip,
} from '../../spec/index.js';
import {
  DOCX_BODY_CHAR_TWIP,
  DOCX_SEAL_TOP_BELOW_BODY_LINES,
  EMU_PER_TWIP,
} from '../../spec/docx.js';
import type { Ctx } from './context.js';
import { anchorRun, pictureGraphic } from './drawing.js';
import { widthEm } from './measure.js';
import { S } from './styles.js';
import { para, run, type Para } from './xml.js';

const CH = DOCX_BODY_CHAR_TWIP;

const blank = (n: number): Para[] => Array.from({ length: n }, () => para({ style: S.normal }));

/** Right insets in 字 of the issuer lines and the date, without a seal [S 7.3.5.2]. */
export const unsealedInsets = (issuers: string[], date: string): { name: number; date: number } => {
  const wName = Math.max(0, ...issuers.map(widthEm));
  const wDate = widthEm(date);
  if (!issuers.length) return { name: 0, date: UNSEALED_NAME_RIGHT_INSET_CHARS };
  let dateInset = UNSEALED_NAME_RIGHT_INSET_CHARS + wName - UNSEALED_DATE_SHIFT_CHARS - wDate;
  let nameInset: number = UNSEALED_NAME_RIGHT_INSET_CHARS;
  if (dateInset < UNSEALED_NAME_RIGHT_INSET_CHARS) {
    dateInset = UNSEALED_NAME_RIGHT_INSET_CHARS;
    nameInset = dateInset + wDate + UNSEALED_DATE_SHIFT_CHARS - wName;
  }
  return { name: nameInset, date: dateInset };
};

export const signature = (ctx: Ctx, b: SignatureBlock): Para[] => {
  const out: Para[] = [];
  if (!b.seal) {
    const ins = unsealedInsets(b.issuers, b.date);
    out.push(...blank(UNSEALED_GAP_LINES));
    for (const name of b.issuers) {
      out.push(para({ style: S.signature, ind: { right: Math.round(ins.name * CH), firstLine: 0 } }, [run(name)]));
    }
    out.push(para({ style: S.date, ind: { right: Math.round(ins.date * CH), firstLine: 0 } }, [run(b.date)]));
    return out;
  }
  // Sealed: the date 4 字 from the right; each issuer centred on the date.
  const dateInset = DATE_RIGHT_INSET_SEALED_CHARS * CH;
  const dateW = widthEm(b.date) * CH;
  const centreFromRight = dateInset + dateW / 2;
  out.push(...blank(SEALED_SIGNATURE_GAP_LINES));
  for (const name of b.issuers) {
    const inset = Math.max(0, Math.round(centreFromRight - (widthEm(name) * CH) / 2));
    out.push(para({ style: S.signature, ind: { right: inset, firstLine: 0 } }, [run(name)]));
  }
  const datePara = para({ style: S.date, ind: { right: dateInset, firstLine: 0 } }, [run(b.date)]);
  // The seal: its larger side SEAL_DIAMETER_MM, centred on the date; its top a little
  // below the last body line by DOCX_SEAL_TOP_BELOW_BODY_LINES (within 1 line, 7.3.5.1).
  const seal = b.seal;
  const long = mmToTwip(SEAL_DIAMETER_MM);
  const ratio = seal.height / Math.max(seal.width, 1);
  const w = ratio <= 1 ? long : long / ratio;
  const h = ratio <= 1 ? long * ratio : long;
  const linesAboveDate = SEALED_SIGNATURE_GAP_LINES + b.issuers.length;
  const top = (DOCX_SEAL_TOP_BELOW_BODY_LINES - linesAboveDate) * ctx.pitch;
  const left = TYPE_W_TWIP - centreFromRight - w / 2;
  const part = ctx.media.add(seal);
  const id = ctx.ids.next();
  datePara.runs.push(
    anchorRun({
      id,
      name: '印章',
      cx: w * EMU_PER_TWIP,
      cy: h * EMU_PER_TWIP,
      pos: { h: { rel: 'margin', offset: left * EMU_PER_TWIP }, v: { rel: 'paragraph', offset: top * EMU_PER_TWIP } },
      wrap: 'none',
      // Behind the text, as the PDF multiplies the seal's red under it: the issuer name and
      // the date stay legible through the seal (上不压正文，下要骑年盖月).
      behindDoc: true,
      graphic: pictureGraphic(id, '印章', part.rId, w * EMU_PER_TWIP, h * EMU_PER_TWIP),
    }),
  );
  out.push(datePara);
  return out;
};
