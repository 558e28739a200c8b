// zod schemas per document type. The input is the merged entries (canonical path → value as
// typed); each field parser reports its own bilingual problem, attached to the zod issue, so
// that one parse collects every problem of the file.

import { z } from 'zod';
import { Problem } from '../errors.js';
import type { DocFormat, DocType, ImageData } from '../model/types.js';
import { attachmentList, type AttachmentEntry, type AttachmentReader } from './attachments.js';
import { DOC_TYPES, TYPE_EXPECTED, typeSpec } from './doctypes.js';
import { crossChecks, missing, OWN_HEADER, problemFor, type Need } from './crosschecks.js';
import { replyWarnings } from './practice.js';
import type { Entry, Raw } from './entries.js';
import * as f from './fields.js';
import { aliasOf, keySpec } from './keys.js';
import { retention as retentionParser } from './archivecodes.js';
import type { BulletinMeta, Category, Contact, FileMeta, Meta, MinutesMeta, OrderMeta, Publicity, Secrecy, Urgency } from './types.js';
import type { DateValue } from './dates.js';

export { TYPE_EXPECTED } from './doctypes.js';

export interface SchemaCtx {
  file: string;
  /** Line of the opening `---`: where missing keys are reported. */
  openLine: number;
  entries: ReadonlyMap<string, Entry>;
  warnings: Problem[];
  /** Reads and checks the seal image, reporting through the field context. */
  seal: (spec: string, c: f.FieldCtx) => ImageData | undefined;
  /** Reads an attachment file (`{title, file}`), reporting through the field context. */
  attachment: AttachmentReader;
  /** The document type, when known: names keys with the type's own alias in messages. */
  type?: DocType;
}

/**
 * The file being parsed. The schemas are built once per document type (building and compiling
 * a zod object schema costs more than parsing with it); parsing is synchronous, so the fields
 * read the file's context from here while parseMeta runs.
 */
let parsing: SchemaCtx | undefined;
function current(): SchemaCtx {
  if (!parsing) throw new Error('a schema field ran outside parseMeta');
  return parsing;
}

function field<T>(path: string, parser: f.Parser<T>, need: Need = 'optional') {
  return z.custom<Raw | null>(() => true).transform((raw, zc): T | undefined => {
    const ctx = current();
    const entry = ctx.entries.get(path);
    const fail = (p: Problem) => zc.addIssue({ code: 'custom', message: p.format('en'), params: { problem: p } });
    if (raw === null || entry === undefined) {
      if (need !== 'optional') fail(missing(ctx, path, need));
      return undefined;
    }
    if (f.isEmptyRaw(raw) && need !== 'optional') {
      fail(
        problemFor(ctx, entry, { zh: '必填项的值为空', en: 'a required key has an empty value' }, {
          expected: { zh: aliasOf(keySpec(path), ctx.type), en: keySpec(path).label.en },
        }),
      );
      return undefined;
    }
    if (f.isEmptyRaw(raw)) return undefined;
    const v = parser(raw, {
      error: (what, r) => fail(problemFor(ctx, entry, what, r)),
      warn: (what, r) => ctx.warnings.push(problemFor(ctx, entry, what, r)),
    });
    if (need !== 'optional' && Array.isArray(v) && v.length === 0) {
      fail(problemFor(ctx, entry, { zh: '必填项的列表为空', en: 'a required list is empty' }, { expected: { zh: '至少一项', en: 'at least one item' } }));
    }
    return v;
  });
}

const TYPE_VALUES: Readonly<Record<string, DocType>> = Object.fromEntries(
  DOC_TYPES.flatMap((t) => t.values.map((v) => [v, t.type] as const)),
);

export const typeParser: f.Parser<DocType> = f.oneOf<DocType>(DOC_TYPES.map((t) => t.type), TYPE_VALUES, TYPE_EXPECTED);

function commonShape(type: DocType) {
  const F = type !== 'bulletin';
  const N = F && !OWN_HEADER.has(type);
  return {
    title: field('title', f.text()),
    // A list names joint issuers, host first (GB/T 9704 7.2.4).
    issuer: field('issuer', f.list(), F ? 'required' : 'optional'),
    mark: field('mark', f.text()),
    number: field('number', f.docNumber, N ? 'required' : 'optional'),
    signer: field('signer', f.list()),
    to: field('to', f.list(), N ? 'required' : 'optional'),
    date: field('date', f.date, 'required'),
    copy: field('copy', f.copyNumber),
    secrecy: field('secrecy', f.secrecyParser),
    secrecyTerm: field('secrecyTerm', f.secrecyTerm),
    urgency: field('urgency', f.oneOf<Urgency>(['特急', '加急'])),
    attachments: field('attachments', attachmentList((spec, c, pos) => current().attachment(spec, c, pos))),
    note: field('note', f.text()),
    cc: field('cc', f.list()),
    // Required unless the document is in 信函格式, whose 版记 has no 印发 row (crossChecks).
    printer: field('printer', f.text()),
    printDate: field('printDate', f.date),
    copies: field('copies', f.positiveInt),
    // One seal per issuer, in the same order (7.3.5.1).
    seal: field('seal', (raw, c) => {
      const paths = f.list({ zh: '图片路径，联合行文时为路径列表', en: 'an image path, or a list of paths for joint issuers' })(raw, c);
      if (paths === undefined) return undefined;
      const images = paths.map((p) => current().seal(p, c));
      return images.every((i) => i !== undefined) ? (images as ImageData[]) : undefined;
    }),
    numbering: field(
      'numbering',
      f.oneOf<'auto' | 'keep'>(['auto', 'keep'], { 自动: 'auto', 保留: 'keep', 保持: 'keep' }, {
        zh: 'auto（自动编号）或 keep（保留原样）',
        en: 'auto or keep',
      }),
    ),
    ...(F ? { format: field('format', f.formatParser(type)) } : {}),
    retention: field('retention', retentionParser),
  };
}

function bulletinShape() {
  return {
    ...commonShape('bulletin'),
    name: field('name', f.text(), 'required'),
    heading: field('heading', f.text()),
    issue: field('issue', f.issueNumber('第'), 'required'),
    volume: field('volume', f.issueNumber('总第')),
    editor: field('editor', f.text(), 'config'),
    marking: field('marking', f.text()),
    toc: field('toc', f.bool),
    'distribution.report': field('distribution.report', f.list()),
    'distribution.send': field('distribution.send', f.list()),
    'distribution.issue': field('distribution.issue', f.list()),
  };
}

const contactList = (need: Need = 'optional') => ({
  'contact.unit': field('contact.unit', f.list(), 'optional'),
  'contact.phone': field('contact.phone', f.list(), need),
  'contact.person': field('contact.person', f.list(), need),
});

function replyShape() {
  return {
    ...commonShape('reply'),
    // Optional: real replies often lack it; a warning names it (proposal-handling practice).
    category: field(
      'category',
      f.oneOf<Category>(['A', 'B', 'C'], {}, {
        zh: 'A（已解决或基本解决）、B（正在解决或列入计划）或 C（暂不具备条件或留作参考），大写字母',
        en: 'A, B or C (capital letter)',
      }),
    ),
    proposal: field('proposal', f.text()),
    ...contactList(),
    publicity: field('publicity', f.oneOf<Publicity>(['主动公开', '依申请公开', '不予公开'])),
  };
}

/** 请示: the 附注 gives the contact person and phone (GB/T 9704 7.3.6). */
function requestShape() {
  return { ...commonShape('request'), ...contactList('required') };
}

function approvalShape() {
  return { ...commonShape('approval'), replyTo: field('replyTo', f.text()) };
}

/** 函 (信函格式 by default): `replyTo`/来文 names the letter a 复函 answers. */
function letterShape() {
  return { ...commonShape('letter'), replyTo: field('replyTo', f.text()) };
}

/** 命令(令): 令号, and the signer's title beside the signature seal (7.3.5.3). */
function orderShape() {
  return {
    ...commonShape('order'),
    orderNumber: field('orderNumber', f.orderNumber, 'required'),
    signerTitle: field('signerTitle', f.text(), 'required'),
  };
}

/** 纪要: its name and 期号, and the attendance lists printed after the body (10.3). */
function minutesShape() {
  return {
    ...commonShape('minutes'),
    name: field('name', f.text(), 'required'),
    issue: field('issue', f.issueNumber('第')),
    attendees: field('attendees', f.list(), 'required'),
    absent: field('absent', f.list()),
    observers: field('observers', f.list()),
  };
}

export type ParseResult = { ok: true; meta: Meta } | { ok: false; problems: Problem[] };

function issuesToProblems(issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((i) => {
    const p = (i as { params?: { problem?: Problem } }).params?.problem;
    return p ?? new Problem({ file: '', what: { zh: i.message, en: i.message } });
  });
}

const shapes = {
  bulletin: bulletinShape,
  reply: replyShape,
  request: requestShape,
  approval: approvalShape,
  letter: letterShape,
  notice: () => commonShape('notice'),
  circular: () => commonShape('circular'),
  report: () => commonShape('report'),
  opinion: () => commonShape('opinion'),
  order: orderShape,
  minutes: minutesShape,
} as const;
type Shape = ReturnType<(typeof shapes)[DocType]>;
const schemas = new Map<DocType, { shape: Shape; schema: z.ZodType }>();
function schemaFor(type: DocType): { shape: Shape; schema: z.ZodType } {
  let s = schemas.get(type);
  if (!s) {
    const shape = shapes[type]();
    s = { shape, schema: z.object(shape) };
    schemas.set(type, s);
  }
  return s;
}

export function parseMeta(ctx: SchemaCtx, type: DocType): ParseResult {
  const { shape, schema } = schemaFor(type);
  // Every key of the shape is present: null marks "not given" so that the field reports it.
  const input: Record<string, Raw | null> = {};
  for (const p of Object.keys(shape)) input[p] = ctx.entries.get(p)?.value ?? null;
  ctx = { ...ctx, type };
  const cross = crossChecks(ctx, type);
  parsing = ctx;
  let r: ReturnType<typeof schema.safeParse>;
  try {
    r = schema.safeParse(input);
  } finally {
    parsing = undefined;
  }
  if (!r.success || cross.length > 0) {
    return { ok: false, problems: [...(r.success ? [] : issuesToProblems(r.error.issues)), ...cross] };
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const o = r.data as Record<string, any>;
  const date = o.date as DateValue;
  const secrecy = o.secrecy as { level: Secrecy; term?: string } | undefined;
  const issuers = (o.issuer as string[] | undefined) ?? [];
  const seals = (o.seal as ImageData[] | undefined) ?? [];
  const attachments = (o.attachments as AttachmentEntry[] | undefined) ?? [];
  const common = {
    title: o.title,
    issuer: issuers[0],
    issuers,
    format: (o.format as DocFormat | undefined) ?? typeSpec(type).format,
    mark: o.mark,
    number: o.number,
    signer: o.signer ?? [],
    to: o.to ?? [],
    date,
    copy: o.copy,
    secrecy: secrecy?.level,
    secrecyTerm: o.secrecyTerm ?? secrecy?.term,
    urgency: o.urgency,
    attachments: attachments.map((a) => a.title),
    attachmentFiles: attachments.flatMap((a, i) =>
      a.file !== undefined && a.markdown !== undefined ? [{ index: i + 1, title: a.title, file: a.file, markdown: a.markdown }] : [],
    ),
    note: o.note,
    cc: o.cc ?? [],
    printer: (o.printer as string | undefined) ?? '',
    printDate: o.printDate ?? date,
    copies: o.copies,
    seal: seals[0],
    seals,
    numbering: o.numbering ?? 'keep',
    retention: o.retention,
  };
  const clean = <T extends object>(m: T): T =>
    Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as T;
  if (type === 'bulletin') {
    const meta: BulletinMeta = {
      ...common,
      type: 'bulletin',
      name: o.name as string,
      heading: (o.heading as string | undefined) ?? '简报',
      issue: o.issue as string,
      volume: o.volume as string | undefined,
      editor: o.editor as string,
      marking: o.marking as string | undefined,
      toc: (o.toc as boolean | undefined) ?? true,
      distribution: {
        report: (o['distribution.report'] as string[] | undefined) ?? [],
        send: (o['distribution.send'] as string[] | undefined) ?? [],
        issue: (o['distribution.issue'] as string[] | undefined) ?? [],
      },
    };
    return { ok: true, meta: clean(meta) };
  }
  if (type === 'order') {
    const meta: OrderMeta = {
      ...common,
      type,
      issuer: common.issuer as string,
      orderNumber: o.orderNumber as string,
      signerTitle: o.signerTitle as string,
    };
    return { ok: true, meta: clean(meta) };
  }
  if (type === 'minutes') {
    const meta: MinutesMeta = {
      ...common,
      type,
      issuer: common.issuer as string,
      name: o.name as string,
      issue: o.issue as string | undefined,
      attendees: (o.attendees as string[] | undefined) ?? [],
      absent: (o.absent as string[] | undefined) ?? [],
      observers: (o.observers as string[] | undefined) ?? [],
    };
    return { ok: true, meta: clean(meta) };
  }
  const contact: Contact = {
    unit: (o['contact.unit'] as string[] | undefined) ?? [],
    phone: (o['contact.phone'] as string[] | undefined) ?? [],
    person: (o['contact.person'] as string[] | undefined) ?? [],
  };
  const proposal = o.proposal as string | undefined;
  const base = {
    ...common,
    title: common.title ?? `对${proposal}的答复`,
    issuer: common.issuer as string,
    number: common.number as string,
  };
  let meta: FileMeta;
  if (type === 'reply') {
    meta = { ...base, type, category: o.category as Category | undefined, proposal, contact, publicity: o.publicity as Publicity | undefined };
    ctx.warnings.push(...replyWarnings(ctx, meta));
  } else if (type === 'request') meta = { ...base, type, contact };
  else if (type === 'approval') meta = { ...base, type, replyTo: o.replyTo as string | undefined };
  else if (type === 'letter') meta = { ...base, type, replyTo: o.replyTo as string | undefined };
  else meta = { ...base, type };
  return { ok: true, meta: clean(meta) };
}
