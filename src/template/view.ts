// The values a template sees: the front matter turned into display text (dates, numbers,
// 份号, 密级★期限, 第N期 …). Labels and punctuation between values stay in the templates.

import type { BulletinMeta, FileMeta, Meta, MinutesMeta, OrderMeta } from '../source/index.js';
import type { Escapable } from './escape.js';
import { COPY_NO_DIGITS, SECRECY_STAR } from '../spec/index.js';

export interface CommonView {
  [k: string]: Escapable;
  type: string;
  title: string;
  /** The host issuer. */
  issuer: string;
  /** Every issuer, host first. */
  issuers: string[];
  /** Joint issuers without an explicit `mark`: the template stacks the names (7.2.4). */
  jointMark: boolean;
  /** `file`, `letter`, `order` or `minutes`. */
  format: string;
  /** 信函格式 [GB/T 9704 10.1]: the templates set the issuer's name as the mark and leave out the 印发 row. */
  letter: boolean;
  mark: string;
  number: string;
  signer: string[];
  to: string[];
  date: string;
  copy: string;
  secrecy: string;
  urgency: string;
  attachments: string[];
  /** Attachments given as files, laid out on their own pages: their place in 附件说明 (1-based) and title. */
  attachmentPages: Array<{ index: string; title: string }>;
  note: string;
  cc: string[];
  printer: string;
  printDate: string;
  copies: string;
  hasSeal: boolean;
}

export interface BulletinView extends CommonView {
  name: string;
  heading: string;
  issue: string;
  volume: string;
  editor: string;
  marking: string;
  toc: boolean;
  report: string[];
  send: string[];
  issueTo: string[];
}

/** Every type in 文件格式; keys a type does not have are blank. */
export interface FileView extends CommonView {
  category: string;
  proposal: string;
  contactUnit: string[];
  contactPhone: string[];
  contactPerson: string[];
  publicity: string;
  replyTo: string;
  /** 命令: the 令号 digits and the signer's title. */
  orderNumber: string;
  signerTitle: string;
  /** 纪要: its name, 期号 digits and the attendance lists. */
  name: string;
  issue: string;
  attendees: string[];
  absent: string[];
  observers: string[];
}

export type ReplyView = FileView;

export type View = BulletinView | FileView;

/** 密级 with its 保密期限: 机密★1年 [GB/T 9704 7.2.2]. */
export function secrecyText(secrecy: string | undefined, term: string | undefined): string {
  if (!secrecy) return '';
  return term ? `${secrecy}${SECRECY_STAR}${term}` : secrecy;
}

function commonView(meta: Meta): CommonView {
  const issuer = meta.issuer ?? '';
  return {
    type: meta.type,
    title: meta.title ?? '',
    issuer,
    issuers: meta.issuers,
    jointMark: meta.issuers.length > 1 && meta.mark === undefined,
    format: meta.format,
    letter: meta.format === 'letter',
    // Empty unless given: the template words the default mark ({{meta.issuer}}文件).
    mark: meta.mark ?? '',
    number: meta.number ?? '',
    signer: meta.signer,
    to: meta.to,
    date: meta.date.text,
    copy: meta.copy ? meta.copy.padStart(COPY_NO_DIGITS, '0') : '',
    secrecy: secrecyText(meta.secrecy, meta.secrecyTerm),
    urgency: meta.urgency ?? '',
    attachments: meta.attachments,
    attachmentPages: meta.attachmentFiles.map((a) => ({ index: String(a.index), title: a.title })),
    note: meta.note ?? '',
    cc: meta.cc,
    printer: meta.printer,
    printDate: meta.printDate.text,
    copies: meta.copies !== undefined ? String(meta.copies) : '',
    hasSeal: meta.seal !== undefined,
  };
}

function bulletinView(meta: BulletinMeta): BulletinView {
  return {
    ...commonView(meta),
    name: meta.name,
    heading: meta.heading,
    issue: meta.issue,
    volume: meta.volume ?? '',
    editor: meta.editor,
    marking: meta.marking ?? '',
    toc: meta.toc,
    report: meta.distribution.report,
    send: meta.distribution.send,
    issueTo: meta.distribution.issue,
  };
}

function fileView(meta: FileMeta | OrderMeta | MinutesMeta): FileView {
  const contact = 'contact' in meta ? meta.contact : { unit: [], phone: [], person: [] };
  return {
    ...commonView(meta),
    category: (meta.type === 'reply' && meta.category) || '',
    proposal: (meta.type === 'reply' && meta.proposal) || '',
    contactUnit: contact.unit,
    contactPhone: contact.phone,
    contactPerson: contact.person,
    publicity: (meta.type === 'reply' && meta.publicity) || '',
    replyTo: ((meta.type === 'approval' || meta.type === 'letter') && meta.replyTo) || '',
    orderNumber: meta.type === 'order' ? meta.orderNumber : '',
    signerTitle: meta.type === 'order' ? meta.signerTitle : '',
    name: meta.type === 'minutes' ? meta.name : '',
    issue: (meta.type === 'minutes' && meta.issue) || '',
    attendees: meta.type === 'minutes' ? meta.attendees : [],
    absent: meta.type === 'minutes' ? meta.absent : [],
    observers: meta.type === 'minutes' ? meta.observers : [],
  };
}

export function viewOf(meta: Meta): View {
  return meta.type === 'bulletin' ? bulletinView(meta) : fileView(meta);
}
