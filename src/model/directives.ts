// The directive vocabulary: the official elements that Markdown has no syntax for, as the
// templates (and, for a few, the body) name them. Defined once, each with its clause, next
// to the builder that turns it into a block of the model.

import type { LeafDirective } from 'mdast-util-directive';
import type { BuildContext, Directive, Node } from './context.js';
import { isDirective } from './context.js';
import { plain, runs, trimRuns } from './inline.js';
import type { ColophonRow, Run } from './types.js';

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
  'attachment-page': { form: 'leaf', attributes: ['label', 'index'], doc: '附件页：另起一页，附件标签与附件标题，其后为附件文件的正文 (7.3.7, 8)' },
  signature: {
    form: 'leaf',
    attributes: ['date', 'seal', 'issuers', 'title'],
    doc: '发文机关署名、成文日期和印章；联合行文时 issuers 以 | 分隔 (7.3.5)；title 为签发人职务，署签发人签名章或姓名 (7.3.5.3)',
  },
  attendance: { form: 'leaf', attributes: ['label'], doc: '纪要的出席、请假、列席人员名单 (10.3)' },
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
  label: { form: 'leaf', attributes: ['for'], doc: '版式自行加上的固定文字：编者按标签、（此页无正文）、续表' },
};

/**
 * The fixed texts the code prints by itself, which templates declare with
 * `::label[text]{for="name"}` (templates/partials/labels.hbs) so that an office can change them.
 */
export const LABELS = {
  /** Label before an editor's note, e.g. 编者按：. */
  'editor-note': '编者按',
  /** Printed on a signature page without body text when the option asks for it. */
  'no-body-text': '此页无正文提示',
  /** Above a table's header row where the table goes on to another page (续表1). */
  'table-continued': '续表',
} as const;
export type LabelName = keyof typeof LABELS;
const isLabelName = (s: string): s is LabelName => Object.hasOwn(LABELS, s);

export function directiveNames(): string[] {
  return Object.keys(DIRECTIVES);
}

/** Children of a container, checking each against the vocabulary; text is not allowed. */
function children(ctx: BuildContext, d: Directive, name: string): LeafDirective[] {
  const out: LeafDirective[] = [];
  for (const c of d.children as Node[]) {
    if (isDirective(c)) {
      const spec = DIRECTIVES[c.name];
      if (!spec || spec.parent !== name || c.type !== 'leafDirective') {
        ctx.problem(c, { zh: `指令「${c.name}」不能用在「${name}」中`, en: `directive "${c.name}" is not allowed in "${name}"` }, { key: c.name });
        continue;
      }
      out.push(c);
    } else if (c.type !== 'paragraph' || plain(ctx, c.children).trim()) {
      // A blank value in a template leaves an empty leaf that Markdown reads as text: only whitespace is ignored.
      ctx.problem(c, {
        zh: `「${name}」中只能写它自己的指令（${directiveNames().filter((n) => DIRECTIVES[n]!.parent === name).map((n) => '::' + n).join('、')}），这段文字不会印出`,
        en: `"${name}" holds only its own directives; this text would not print`,
      }, { key: name });
    }
  }
  return out;
}

/** Whether `d` may stand where it stands; reports the problem if not. */
export function allowed(ctx: BuildContext, d: Directive, parent: string | undefined): boolean {
  const spec = DIRECTIVES[d.name];
  if (!spec || spec.form !== (d.type === 'containerDirective' ? 'container' : 'leaf')) {
    ctx.problem(d, { zh: `未知的指令「${d.name}」`, en: `unknown directive "${d.name}"` }, { key: d.name });
    return false;
  }
  if ((spec.parent ?? undefined) !== parent || (ctx.fromBody(d) && !spec.inBody)) {
    ctx.problem(d, { zh: `指令「${d.name}」不能用在这里`, en: `directive "${d.name}" is not allowed here` }, { key: d.name });
    return false;
  }
  return true;
}

/** A top-level directive → its block (or a label, or a problem). */
export function directive(ctx: BuildContext, d: Directive): void {
  if (!allowed(ctx, d, undefined)) return;
  const attrs = d.attributes ?? {};
  const a = (k: string): string => attrs[k] ?? '';
  const label = d.type === 'leafDirective' ? plain(ctx, d.children).trim() : '';
  const line = ctx.sourceLine(d);
  const push = (b: Parameters<BuildContext['push']>[0]): void => ctx.push(b, d, d.name);
  switch (d.name) {
    case 'copy-number':
      if (label) push({ kind: 'copyNumber', text: label, line });
      return;
    case 'secrecy':
      if (label) push({ kind: 'secrecy', text: label, line });
      return;
    case 'urgency':
      if (label) push({ kind: 'urgency', text: label, line });
      return;
    case 'issuer-mark': {
      const suffix = a('suffix');
      const lines = splitList(a('lines'));
      push({ kind: 'issuerMark', lines: lines.length ? lines : [label], ...(suffix ? { suffix } : {}), line });
      return;
    }
    case 'doc-number':
      push({
        kind: 'docNumber',
        number: label,
        signers: splitList(a('signer')),
        signerLabel: a('label'),
        line,
      });
      return;
    case 'red-rule':
      push({ kind: 'redRule', line });
      return;
    case 'category': {
      const letter = a('letter');
      if (letter === 'A' || letter === 'B' || letter === 'C') push({ kind: 'category', text: label, letter, line });
      return;
    }
    case 'title':
      if (label) push({ kind: 'title', text: label, line });
      return;
    case 'addressee':
      if (label.replace(/[：:]$/, '')) push({ kind: 'addressee', text: label, line });
      return;
    case 'signature': {
      const issuers = splitList(a('issuers'));
      push({
        kind: 'signature',
        issuers: issuers.length ? issuers : label ? [label] : [],
        date: a('date'),
        ...(attrs['seal'] !== undefined && ctx.input.seal ? { seal: ctx.input.seal } : {}),
        ...(attrs['seal'] !== undefined && ctx.input.seals ? { seals: ctx.input.seals } : {}),
        ...(a('title') ? { signerTitle: a('title') } : {}),
        line,
      });
      return;
    }
    case 'attendance':
      if (label) push({ kind: 'attendance', label: a('label'), text: label, line });
      return;
    case 'note':
      if (label) push({ kind: 'note', text: label, line });
      return;
    case 'masthead':
      push({
        kind: 'masthead',
        name: label,
        heading: a('heading'),
        issue: a('issue'),
        editor: a('editor'),
        date: a('date'),
        ...(a('marking') ? { marking: a('marking') } : {}),
        line,
      });
      return;
    case 'toc':
      if (!label) {
        ctx.problem(d, { zh: '::toc 要写出标签文字，如 ::toc[本期要目]', en: '::toc needs its label text, e.g. ::toc[本期要目]' }, { key: d.name });
        return;
      }
      ctx.tocIndex = ctx.blocks.length;
      push({ kind: 'toc', label, items: [], line });
      return;
    case 'credit':
      push({ kind: 'paragraph', runs: [{ text: label, line }], style: 'credit', line });
      return;
    case 'page-break':
      push({ kind: 'pageBreak', line });
      return;
    case 'attachment-note':
      return attachmentNote(ctx, d, a('label'));
    case 'contact': {
      const lines = children(ctx, d, 'contact')
        .map((c) => plain(ctx, c.children).trim())
        .filter(Boolean);
      if (lines.length) push({ kind: 'contact', lines, line });
      return;
    }
    case 'colophon':
      return colophon(ctx, d);
    case 'editor-note':
      return editorNote(ctx, d);
    case 'label':
      // Declared before the build (declareLabels), wherever the template puts it.
      return;
    default:
      ctx.problem(d, { zh: `指令「${d.name}」不能用在这里`, en: `directive "${d.name}" is not allowed here` });
  }
}

function attachmentNote(ctx: BuildContext, d: Directive, label: string): void {
  const items = children(ctx, d, 'attachment-note')
    .map((c) => plain(ctx, c.children).trim())
    .filter(Boolean);
  // GB/T 9704 7.3.4: several attachments are numbered 1. 2. …; the text in the model is final.
  const numbered = items.length > 1 ? items.map((t, i) => `${i + 1}.${t}`) : items;
  if (items.length) ctx.push({ kind: 'attachmentNote', label, items: numbered, line: ctx.sourceLine(d) }, d, d.name);
}

function colophon(ctx: BuildContext, d: Directive): void {
  const rows: ColophonRow[] = [];
  for (const c of children(ctx, d, 'colophon')) {
    const ca = c.attributes ?? {};
    const text = plain(ctx, c.children).trim();
    if (c.name === 'row' && text.replace(/[。.]$/, '')) rows.push({ kind: 'labelled', label: ca['label'] ?? '', text });
    if (c.name === 'printed') {
      rows.push({ kind: 'printed', printer: text, date: ca['date'] ?? '', ...(ca['copies'] ? { copies: ca['copies'] } : {}) });
    }
  }
  // GB/T 9704 7.4.3: a thin rule separates the 印发 line from the rows above it.
  const printedAt = rows.findIndex((r) => r.kind === 'printed');
  if (printedAt > 0) rows[printedAt - 1]!.ruleAfter = true;
  if (rows.length) ctx.push({ kind: 'colophon', rows, line: ctx.sourceLine(d) }, d, d.name);
}

function editorNote(ctx: BuildContext, d: Directive): void {
  const paragraphs: Run[][] = [];
  for (const c of d.children) {
    if (c.type === 'paragraph') paragraphs.push(trimRuns(runs(ctx, c.children)));
    else ctx.problem(c, { zh: '编者按中只能写段落', en: 'an editor’s note holds paragraphs only' });
  }
  const label = ctx.labels.get('editor-note');
  if (label === undefined) {
    ctx.problem(d, {
      zh: '模板没有给出编者按的标签文字：请在模板中写 ::label[编者按：]{for="editor-note"}',
      en: 'the templates give no label for an editor’s note: add ::label[编者按：]{for="editor-note"}',
    }, { key: d.name });
    return;
  }
  // The writer may have typed the label too: print it once.
  const core = label.replace(/[：:]\s*$/, '');
  const first = paragraphs[0];
  if (core && first?.[0]?.text.startsWith(core)) {
    const rest = first[0].text.slice(core.length).replace(/^[：:]/, '');
    first[0] = { ...first[0], text: rest };
  }
  ctx.push({ kind: 'editorNote', label, paragraphs, line: ctx.sourceLine(d) }, d, d.name);
}

/** Read the `::label` declarations of the templates first, so that their place does not matter. */
export function declareLabels(ctx: BuildContext, nodes: readonly Node[]): void {
  for (const n of nodes) {
    if (n.type === 'leafDirective' && n.name === 'label' && !ctx.fromBody(n)) {
      declareLabel(ctx, n, n.attributes?.['for'] ?? '', plain(ctx, n.children).trim());
    }
  }
}

function declareLabel(ctx: BuildContext, d: Directive, name: string, text: string): void {
  if (!isLabelName(name)) {
    ctx.problem(d, { zh: `未知的标签「${name}」`, en: `unknown label "${name}"` }, {
      key: 'for',
      hint: { zh: `可用的有：${Object.keys(LABELS).join('、')}`, en: `known labels: ${Object.keys(LABELS).join(', ')}` },
    });
    return;
  }
  ctx.labels.set(name, text);
}

/** An attribute listing names separated by `|` (signers, joint issuers). */
function splitList(v: string): string[] {
  return v.split('|').map((s) => s.trim()).filter(Boolean);
}
