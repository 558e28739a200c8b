// Public types of the source stage: the typed metadata of each document type and the Source
// handed to the template stage.

import type { Position, Problem } from '../errors.js';
import type { AttachmentSource, DocFormat, DocType, FontRole, ImageData, LayoutOptions } from '../model/types.js';
import type { DateValue } from './dates.js';
import type { RetentionCode } from '../spec/archive.js';
import type { ArchiveConfig } from './archivecodes.js';

export type { DateValue } from './dates.js';

/** 联系单位 / 联系电话 / 联系人: each optional, each may name several (empty: not given). */
export interface Contact {
  unit: string[];
  phone: string[];
  person: string[];
}

export interface Distribution {
  report: string[];
  send: string[];
  issue: string[];
}

export type Secrecy = '秘密' | '机密' | '绝密';
export type Urgency = '特急' | '加急';
export type Publicity = '主动公开' | '依申请公开' | '不予公开';
export type Category = 'A' | 'B' | 'C';

export interface CommonMeta {
  type: DocType;
  title?: string;
  /** The host issuer (the first of `issuers`). */
  issuer?: string;
  /** Every issuing organ, host first (联合行文, GB/T 9704 7.2.4); empty when none is given. */
  issuers: string[];
  /** GB/T 9704 format (clause 10); the type's default when not given. */
  format: DocFormat;
  /** Text of the red issuer mark; the template defaults it to `{issuer}文件`. */
  mark?: string;
  /** Normalised: `京教〔2024〕15号`. */
  number?: string;
  signer: string[];
  to: string[];
  date: DateValue;
  /** Six digits, zero padded, as text. */
  copy?: string;
  secrecy?: Secrecy;
  secrecyTerm?: string;
  urgency?: Urgency;
  /** 附件说明: every attachment's title, in order (GB/T 9704 7.3.4). */
  attachments: string[];
  /** Attachments given as `{title, file}`: their Markdown, for their own pages (8). */
  attachmentFiles: AttachmentSource[];
  note?: string;
  cc: string[];
  /** 印发机关; empty in 信函格式, whose 版记 has no 印发 row [GB/T 9704 10.1]. */
  printer: string;
  /** Defaults to `date`. */
  printDate: DateValue;
  copies?: number;
  /** The host's seal (the first of `seals`). */
  seal?: ImageData;
  /** One seal per issuer, in the issuers' order, when seals are given. */
  seals: ImageData[];
  numbering: 'auto' | 'keep';
  /** 保管期限 (DA/T 22): overrides the configuration's archive.retention. */
  retention?: RetentionCode;
}

export interface BulletinMeta extends CommonMeta {
  type: 'bulletin';
  name: string;
  /** Default `简报`. */
  heading: string;
  /** As typed, e.g. "56". */
  issue: string;
  volume?: string;
  editor: string;
  marking?: string;
  toc: boolean;
  distribution: Distribution;
}

/** What every type in 文件格式 (all but the bulletin) requires. */
export interface FileMetaBase extends CommonMeta {
  title: string;
  issuer: string;
  number: string;
  /** Non-empty. */
  to: string[];
}

export interface ReplyMeta extends FileMetaBase {
  type: 'reply';
  /** Default `对{proposal}的答复`. */
  title: string;
  /** Optional: printed only when given (a warning when missing). */
  category?: Category;
  proposal?: string;
  contact: Contact;
  publicity?: Publicity;
}

/** 通知, 通报, 报告, 意见: no keys of their own. */
export interface PlainMeta extends FileMetaBase {
  type: 'notice' | 'circular' | 'report' | 'opinion';
}

/** 请示: the contact person and phone go into the 附注 (GB/T 9704 7.3.6). */
export interface RequestMeta extends FileMetaBase {
  type: 'request';
  contact: Contact;
}

/** 批复: `replyTo`/来文 names the request replied to. */
export interface ApprovalMeta extends FileMetaBase {
  type: 'approval';
  replyTo?: string;
}

/** 函: 信函格式 by default; `replyTo`/来文 names the letter a 复函 answers. */
export interface LetterMeta extends FileMetaBase {
  type: 'letter';
  replyTo?: string;
}

export type FileMeta = ReplyMeta | PlainMeta | RequestMeta | ApprovalMeta | LetterMeta;

/** 命令(令) [GB/T 9704 10.2]: a 令号 instead of a 发文字号; signed with the signer's seal (7.3.5.3). */
export interface OrderMeta extends CommonMeta {
  type: 'order';
  issuer: string;
  /** Digits as typed, printed `第N号`. */
  orderNumber: string;
  /** 签发人职务, printed 2 字 left of the signature seal. */
  signerTitle: string;
}

/** 纪要 [GB/T 9704 10.3]: no 主送; the attendance lists follow the body. */
export interface MinutesMeta extends CommonMeta {
  type: 'minutes';
  issuer: string;
  /** 纪要名称: the mark is `{name}纪要`. */
  name: string;
  /** 期号, digits, printed `第N期`. */
  issue?: string;
  attendees: string[];
  absent: string[];
  observers: string[];
}

export type Meta = BulletinMeta | FileMeta | OrderMeta | MinutesMeta;

export interface Source {
  file: string;
  meta: Meta;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
  options: LayoutOptions;
  warnings: Problem[];
  /** Canonical key path (`contact.phone`) → position of the key in the file. */
  keyPositions: Map<string, Position>;
}

export interface ProjectConfig {
  /** Absolute path of the config file, when one was read. */
  path?: string;
  /** Project folder: the config file's folder, else (for sources) the source's folder. */
  root: string;
  /** Front-matter defaults, keyed by canonical path (`contact.phone`) or any spelling. */
  defaults: Record<string, unknown>;
  /** Positions of the defaults in the config file, keyed by canonical path. */
  defaultPositions?: Map<string, Position>;
  /** Font files and folders are absolute paths (resolved against the config's folder). */
  fonts?: {
    files?: Partial<Record<FontRole, string>>;
    docxNames?: Partial<Record<FontRole, string>>;
    folders?: string[];
  };
  /** Output folder, absolute. */
  output?: string;
  layout?: Partial<LayoutOptions>;
  /** `strict: true`: warnings are errors (as with --strict). */
  strict?: boolean;
  /** `archive:`: 全宗号 and the other parts of the 档号 (DA/T 22). */
  archive?: ArchiveConfig;
}
