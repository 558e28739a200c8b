// Checks of the front matter that involve more than one key (required-if, counts that must
// agree, a value given twice), and the problems the schema reports for a key: one place for the
// wording of «missing key» and of a key's own problem.

import { Problem, type Text } from '../errors.js';
import type { DocFormat, DocType } from '../model/types.js';
import { FORMAT_VALUES, typeSpec } from './doctypes.js';
import type { Entry, Raw } from './entries.js';
import * as f from './fields.js';
import { aliasOf, keySpec } from './keys.js';
import type { SchemaCtx } from './schema.js';

export type Need = 'required' | 'config' | 'optional';

export function problemFor(ctx: SchemaCtx, entry: Entry, what: Text, r: f.Report = {}): Problem {
  return new Problem({
    file: entry.file,
    pos: r.pos ?? entry.keyPos,
    key: entry.spelled,
    what,
    expected: r.expected,
    found: r.found,
    hint: r.hint,
  });
}

export function missing(ctx: SchemaCtx, path: string, need: Need, extra?: Text): Problem {
  const s = keySpec(path);
  const alias = aliasOf(s, ctx.type);
  const where =
    need === 'config'
      ? { zh: '，或在项目配置文件 gongwen.config.yaml 中设置', en: ', or set it in gongwen.config.yaml' }
      : { zh: '', en: '' };
  return new Problem({
    file: ctx.file,
    pos: { line: ctx.openLine, col: 1 },
    key: path,
    what: { zh: `缺少必填项「${alias}」`, en: `missing required key "${path}" (${s.label.en})` },
    expected: {
      zh: `前置元数据中的「${path}: …」或「${alias}: …」${where.zh}${extra?.zh ?? ''}`,
      en: `"${path}: …" or "${alias}: …" in the front matter${where.en}${extra?.en ?? ''}`,
    },
  });
}

/** Items of a value as typed: a list's length, 1 for text, 0 when empty. */
function count(raw: Raw): number {
  if (raw.kind === 'seq') return raw.items.length;
  return raw.kind === 'scalar' && raw.text.trim() === '' ? 0 : 1;
}

/** 命令 and 纪要: no 发文字号 (a 令号, a 期号) and no required 主送 [GB/T 9704 10.2, 10.3]. */
export const OWN_HEADER: ReadonlySet<DocType> = new Set<DocType>(['order', 'minutes']);

/** The format the document asks for (its type's default when `format` is absent or not valid). */
function formatAskedFor(ctx: SchemaCtx, type: DocType): DocFormat {
  const e = ctx.entries.get('format');
  const v = e?.value.kind === 'scalar' ? FORMAT_VALUES[e.value.text.trim()] : undefined;
  return v && typeSpec(type).formats.includes(v) ? v : typeSpec(type).format;
}

/** Checks that involve more than one key, from presence alone (so they run with field errors). */
export function crossChecks(ctx: SchemaCtx, type: DocType): Problem[] {
  const out: Problem[] = [];
  const has = (p: string) => {
    const e = ctx.entries.get(p);
    return e !== undefined && !f.isEmptyRaw(e.value);
  };
  if (type === 'reply' && !has('title') && !has('proposal')) {
    out.push(
      missing(ctx, 'title', 'required', {
        zh: '；或写「proposal」（提案），标题默认为「对{提案}的答复」',
        en: '; or give "proposal" (提案): the title defaults to 对{proposal}的答复',
      }),
    );
  }
  if (type !== 'bulletin' && type !== 'reply' && !OWN_HEADER.has(type) && !has('title')) out.push(missing(ctx, 'title', 'required'));
  // 印发机关: printed in the 版记, except in 信函格式 [GB/T 9704 10.1].
  if (!has('printer') && (type === 'bulletin' || formatAskedFor(ctx, type) !== 'letter')) out.push(missing(ctx, 'printer', 'config'));
  if (type === 'order' && !has('signer')) {
    out.push(
      missing(ctx, 'signer', 'required', {
        zh: '；命令由签发人署名，印签名章或姓名（GB/T 9704 7.3.5.3）',
        en: '; an order is signed by its signer, with the signature seal or the name (GB/T 9704 7.3.5.3)',
      }),
    );
  }
  const spec = typeSpec(type);
  if (spec.upward && !has('signer')) {
    out.push(
      missing(ctx, 'signer', 'required', {
        zh: `；${spec.name.zh}是上行文，须标注签发人（GB/T 9704 7.2.6）`,
        en: `; ${spec.name.en} goes to a superior organ and names its signer (GB/T 9704 7.2.6)`,
      }),
    );
  }
  const seal = ctx.entries.get('seal');
  const issuer = ctx.entries.get('issuer');
  if (seal && issuer && has('seal')) {
    const [n, m] = [count(issuer.value), count(seal.value)];
    if (n !== m) {
      out.push(
        problemFor(ctx, seal, { zh: '印章与发文机关的数目不一致', en: 'the number of seals differs from the number of issuers' }, {
          expected: {
            zh: `${n}个印章，每个发文机关一个，顺序与「发文机关」相同`,
            en: `${n} seal(s), one per issuer, in the issuers' order`,
          },
          found: `${m}个`,
        }),
      );
    }
  }
  if (has('secrecyTerm') && !has('secrecy')) {
    const e = ctx.entries.get('secrecyTerm')!;
    out.push(
      problemFor(ctx, e, { zh: '有保密期限却没有密级', en: 'a secrecy term without a secrecy level' }, {
        expected: { zh: '同时写「secrecy」（密级）', en: 'also give "secrecy" (密级)' },
      }),
    );
  }
  const sec = ctx.entries.get('secrecy');
  if (sec && has('secrecyTerm') && sec.value.kind === 'scalar' && sec.value.text.includes('★')) {
    out.push(
      problemFor(ctx, sec, { zh: '保密期限写了两次', en: 'the secrecy term is given twice' }, {
        expected: { zh: '在「密级」中写「★期限」或单独写「保密期限」，只写一处', en: 'the term either after ★ or as secrecyTerm, once' },
        found: sec.value.text,
      }),
    );
  }
  return out;
}
