// The directive vocabulary: the official elements that Markdown has no syntax for, as the
// templates (and, for a few, the body) name them. Defined once, each with its clause.

export type DirectiveForm = 'leaf' | 'container';

export interface DirectiveSpec {
  form: DirectiveForm;
  /** Where it may appear: only inside the named container, or at the top level. */
  parent?: string;
  /** Allowed in the Markdown body the staff write (else templates only). */
  inBody?: boolean;
  /** Attribute names it accepts. */
  attributes: readonly string[];
  /** What it is, with its clause, for messages and the README. */
  doc: string;
}

export const DIRECTIVES: Record<string, DirectiveSpec> = {
  'copy-number': { form: 'leaf', attributes: [], doc: '份号 (GB/T 9704 7.2.1)' },
  secrecy: { form: 'leaf', attributes: [], doc: '密级和保密期限 (7.2.2)' },
  urgency: { form: 'leaf', attributes: [], doc: '紧急程度 (7.2.3)' },
  'issuer-mark': { form: 'leaf', attributes: ['suffix', 'lines'], doc: '发文机关标志；联合行文时 lines 为各机关名称，以 | 分隔 (7.2.4)' },
  'doc-number': { form: 'leaf', attributes: ['signer', 'label'], doc: '发文字号与签发人 (7.2.5, 7.2.6)' },
  'red-rule': { form: 'leaf', attributes: [], doc: '版头中的分隔线 (7.2.7)' },
  category: { form: 'leaf', attributes: ['letter'], doc: '办理结果类别 (提案答复)' },
  title: { form: 'leaf', attributes: [], doc: '标题 (7.3.1)' },
  addressee: { form: 'leaf', attributes: [], doc: '主送机关 (7.3.2)' },
  'attachment-note': { form: 'container', attributes: ['label'], doc: '附件说明 (7.3.4)' },
  item: { form: 'leaf', parent: 'attachment-note', attributes: [], doc: '附件名称' },
  signature: { form: 'leaf', attributes: ['date', 'seal', 'issuers'], doc: '发文机关署名、成文日期和印章；联合行文时 issuers 以 | 分隔 (7.3.5)' },
  note: { form: 'leaf', attributes: [], doc: '附注 (7.3.6)' },
  contact: { form: 'container', attributes: [], doc: '联系单位、电话和联系人 (提案答复)' },
  line: { form: 'leaf', parent: 'contact', attributes: [], doc: '联系信息的一行' },
  colophon: { form: 'container', attributes: [], doc: '版记 / 报尾 (7.4)' },
  row: { form: 'leaf', parent: 'colophon', attributes: ['label'], doc: '抄送、报、送、发等版记行 (7.4.2)' },
  printed: { form: 'leaf', parent: 'colophon', attributes: ['date', 'copies'], doc: '印发机关和印发日期 (7.4.3)' },
  masthead: {
    form: 'leaf',
    attributes: ['heading', 'issue', 'editor', 'date', 'marking'],
    doc: '简报报头：名称、期号、编印单位、日期',
  },
  toc: { form: 'leaf', attributes: [], doc: '本期要目 (简报)' },
  'editor-note': { form: 'container', inBody: true, attributes: [], doc: '编者按 (简报)' },
  credit: { form: 'leaf', inBody: true, attributes: [], doc: '供稿单位，右对齐楷体 (简报)' },
  'page-break': { form: 'leaf', inBody: true, attributes: [], doc: '另起一页' },
};

export function directiveNames(): string[] {
  return Object.keys(DIRECTIVES);
}
