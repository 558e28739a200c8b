// mdast of the merged Markdown → the document model. Directives become official elements,
// Markdown becomes body blocks; anything that could smuggle structure (raw HTML, stray
// text directives) is kept as literal text.

import type { Root, RootContent, PhrasingContent, Heading, Paragraph, List, Table } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { BuildError, Problem } from '../errors.js';
import { DIRECTIVES } from './directives.js';
import type {
  Block,
  ColophonRow,
  DocType,
  DocumentInfo,
  GongwenDocument,
  HeadingBlock,
  ImageData,
  LayoutOptions,
  Run,
  TitleBlock,
} from './types.js';
import type { LineOrigin } from '../template/render.js';
import { headingPrefix } from './numbering.js';

export interface BuildInput {
  type: DocType;
  markdown: string;
  tree: Root;
  origin(line: number): LineOrigin;
  /** Position of a directive in the template, for problems in template content. */
  locate?(directive: string): { line: number; col: number } | undefined;
  info: DocumentInfo;
  options: LayoutOptions;
  file: string;
  numbering: 'auto' | 'keep';
  seal?: ImageData;
  /** Reads an image named in the body (bulletins only); the edge supplies it. */
  loadImage?: (url: string, from: LineOrigin) => ImageData;
}

type Node = RootContent;
type Directive = ContainerDirective | LeafDirective;

const isDirective = (n: Node): n is Directive => n.type === 'containerDirective' || n.type === 'leafDirective';

class Builder {
  readonly blocks: Block[] = [];
  readonly problems: Problem[] = [];
  private readonly articleTitles: string[] = [];
  private tocIndex = -1;
  private readonly counters = [0, 0, 0, 0];
  private lastLevel = 0;
  /** Markdown depth of level 1 (一、): relative, from the body's shallowest heading. */
  private readonly baseDepth: number;

  constructor(private readonly input: BuildInput) {
    this.baseDepth = baseDepth(input);
  }

  private lineOf(n: { position?: { start: { line: number; column: number } } }): LineOrigin {
    return this.input.origin(n.position?.start.line ?? 0);
  }

  private problem(n: Node | PhrasingContent, what: { zh: string; en: string }, extra: Partial<Problem> = {}): void {
    const o = this.lineOf(n);
    const col = n.position?.start.column ?? 1;
    const pos = o.line > 0 ? { line: o.line, col } : this.templateLine(o.file, n);
    this.problems.push(new Problem({ file: o.file, pos, what, ...extra }));
  }

  /** For an element that came from a template, find its line in the template text. */
  private templateLine(file: string, n: Node | PhrasingContent): { line: number; col: number } | undefined {
    void file;
    return isDirective(n as Node) ? this.input.locate?.((n as Directive).name) : undefined;
  }

  /** Literal source text of a node (used for stray directives and raw HTML). */
  private sourceOf(n: { position?: { start: { offset?: number }; end: { offset?: number } } }): string {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    return s !== undefined && e !== undefined ? this.input.markdown.slice(s, e) : '';
  }

  runs(nodes: PhrasingContent[], style: { bold?: boolean; italic?: boolean } = {}): Run[] {
    const out: Run[] = [];
    for (const n of nodes) {
      const line = this.lineOf(n).line || undefined;
      switch (n.type) {
        case 'text':
          out.push({ text: n.value.replace(/\n/g, ''), ...style, line });
          break;
        case 'strong':
          out.push(...this.runs(n.children, { ...style, bold: true }));
          break;
        case 'emphasis':
          out.push(...this.runs(n.children, { ...style, italic: true }));
          break;
        case 'delete':
        case 'link':
        case 'linkReference':
          out.push(...this.runs(n.children, style));
          break;
        case 'inlineCode':
        case 'html':
          out.push({ text: n.value, ...style, line });
          break;
        case 'break':
          out.push({ text: '\n', line });
          break;
        case 'image':
        case 'imageReference':
          out.push({ text: n.alt ?? '', ...style, line });
          break;
        default:
          // Text directives and footnote references are not part of the vocabulary: keep them literally.
          out.push({ text: this.sourceOf(n), ...style, line });
      }
    }
    return mergeRuns(out);
  }

  plain(nodes: PhrasingContent[]): string {
    return this.runs(nodes)
      .map((r) => r.text)
      .join('');
  }

  /** Split runs at hard breaks: each piece becomes its own paragraph line. */
  private pushParagraphs(runs: Run[], style: 'body' | 'quote' | 'list' | 'code', line?: number): void {
    let cur: Run[] = [];
    const flush = (): void => {
      const text = cur.map((r) => r.text).join('');
      if (text.trim()) this.blocks.push({ kind: 'paragraph', runs: trimRuns(cur), style, line });
      cur = [];
    };
    for (const r of runs) {
      if (r.text === '\n') flush();
      else cur.push(r);
    }
    flush();
  }

  paragraph(p: Paragraph): void {
    const line = this.lineOf(p).line || undefined;
    const images = p.children.filter((c) => c.type === 'image');
    if (images.length > 0) {
      if (this.input.type !== 'bulletin') {
        this.problem(images[0]!, {
          zh: '提案答复中不能插入图片（仅简报可以）',
          en: 'images are allowed only in a bulletin',
        });
        return;
      }
      let rest: PhrasingContent[] = [];
      for (const c of p.children) {
        if (c.type === 'image') {
          this.pushParagraphs(this.runs(rest), 'body', line);
          rest = [];
          this.image(c.url, c.alt ?? '', c);
        } else rest.push(c);
      }
      this.pushParagraphs(this.runs(rest), 'body', line);
      return;
    }
    this.pushParagraphs(this.runs(p.children), 'body', line);
  }

  private image(url: string, alt: string, n: PhrasingContent): void {
    if (!this.input.loadImage) return;
    try {
      const image = this.input.loadImage(url, this.lineOf(n));
      this.blocks.push({ kind: 'image', image, alt, line: this.lineOf(n).line || undefined });
    } catch (e) {
      if (e instanceof BuildError) this.problems.push(...e.problems);
      else throw e;
    }
  }

  heading(h: Heading): void {
    const line = this.lineOf(h).line || undefined;
    const text = this.plain(h.children).trim();
    if (this.input.type === 'bulletin' && h.depth === 1) {
      const title: TitleBlock = { kind: 'title', text, article: true, line };
      this.articleTitles.push(text);
      this.blocks.push(title);
      this.lastLevel = 0;
      this.counters.fill(0);
      return;
    }
    const level = h.depth - this.baseDepth + 1;
    if (level > 4) {
      this.problem(h, {
        zh: `标题层级过深：公文正文最多四级（一、（一）1.（1））`,
        en: 'heading too deep: official documents have at most four levels',
      });
      return;
    }
    const lv = level as HeadingBlock['level'];
    let runs = this.runs(h.children);
    // Levels are relative, so a skipped one would silently shift the rest: always an error.
    if (lv > this.lastLevel + 1) {
      this.problem(h, {
        zh: `标题层级跳级：从第${this.lastLevel}级直接到第${lv}级`,
        en: `heading level skipped: from level ${this.lastLevel} to ${lv}`,
      });
    }
    if (this.input.numbering === 'auto') {
      this.counters[lv - 1]! += 1;
      for (let i = lv; i < 4; i++) this.counters[i] = 0;
      runs = [{ text: headingPrefix(lv, this.counters[lv - 1]!), line }, ...runs];
    }
    this.lastLevel = lv;
    this.blocks.push({ kind: 'heading', level: lv, runs: mergeRuns(runs), line });
  }

  list(l: List, depth = 0): void {
    let n = l.start ?? 1;
    for (const item of l.children) {
      const marker = l.ordered ? `${n}.` : '';
      n++;
      let first = true;
      for (const c of item.children) {
        if (c.type === 'paragraph') {
          const runs = this.runs(c.children);
          if (first && marker) runs.unshift({ text: marker });
          this.pushParagraphs(mergeRuns(runs), 'list', this.lineOf(c).line || undefined);
          first = false;
        } else if (c.type === 'list') this.list(c, depth + 1);
        else this.node(c);
      }
    }
  }

  table(t: Table): void {
    const [head, ...rows] = t.children;
    const cells = (r: (typeof t.children)[number]): Run[][] => r.children.map((c) => this.runs(c.children));
    this.blocks.push({
      kind: 'table',
      header: head ? cells(head) : [],
      rows: rows.map(cells),
      align: (t.align ?? []).map((a) => a ?? null),
      line: this.lineOf(t).line || undefined,
    });
  }

  directive(d: Directive, parent?: string): void {
    const spec = DIRECTIVES[d.name];
    const line = this.lineOf(d).line || undefined;
    const fromBody = this.lineOf(d).file === this.input.file;
    if (!spec || spec.form !== (d.type === 'containerDirective' ? 'container' : 'leaf')) {
      this.problem(d, {
        zh: `未知的指令「${d.name}」`,
        en: `unknown directive "${d.name}"`,
      }, { key: d.name });
      return;
    }
    if ((spec.parent ?? undefined) !== parent || (fromBody && !spec.inBody)) {
      this.problem(d, {
        zh: `指令「${d.name}」不能用在这里`,
        en: `directive "${d.name}" is not allowed here`,
      }, { key: d.name });
      return;
    }
    const attrs = d.attributes ?? {};
    const a = (k: string): string => attrs[k] ?? '';
    const label = d.type === 'leafDirective' ? this.plain(d.children).trim() : '';
    switch (d.name) {
      case 'copy-number':
        if (label) this.blocks.push({ kind: 'copyNumber', text: label, line });
        return;
      case 'secrecy':
        if (label) this.blocks.push({ kind: 'secrecy', text: label, line });
        return;
      case 'urgency':
        if (label) this.blocks.push({ kind: 'urgency', text: label, line });
        return;
      case 'issuer-mark': {
        const suffix = a('suffix');
        const lines = splitList(a('lines'));
        this.blocks.push({ kind: 'issuerMark', lines: lines.length ? lines : [label], ...(suffix ? { suffix } : {}), line });
        return;
      }
      case 'doc-number':
        this.blocks.push({
          kind: 'docNumber',
          number: label,
          signers: splitList(a('signer')),
          signerLabel: a('label') || '签发人：',
          line,
        });
        return;
      case 'red-rule':
        this.blocks.push({ kind: 'redRule', line });
        return;
      case 'category': {
        const letter = a('letter');
        if (letter === 'A' || letter === 'B' || letter === 'C') this.blocks.push({ kind: 'category', text: label, letter, line });
        return;
      }
      case 'title':
        if (label) this.blocks.push({ kind: 'title', text: label, line });
        return;
      case 'addressee':
        if (label.replace(/[：:]$/, '')) this.blocks.push({ kind: 'addressee', text: label, line });
        return;
      case 'signature':
        const issuers = splitList(a('issuers'));
        this.blocks.push({
          kind: 'signature',
          issuers: issuers.length ? issuers : label ? [label] : [],
          date: a('date'),
          ...(attrs['seal'] !== undefined && this.input.seal ? { seal: this.input.seal } : {}),
          line,
        });
        return;
      case 'note':
        if (label) this.blocks.push({ kind: 'note', text: label, line });
        return;
      case 'masthead':
        this.blocks.push({
          kind: 'masthead',
          name: label,
          heading: a('heading') || '简报',
          issue: a('issue'),
          editor: a('editor'),
          date: a('date'),
          ...(a('marking') ? { marking: a('marking') } : {}),
          line,
        });
        return;
      case 'toc':
        this.tocIndex = this.blocks.length;
        this.blocks.push({ kind: 'toc', label: label || '本期要目', items: [], line });
        return;
      case 'credit':
        this.blocks.push({ kind: 'paragraph', runs: [{ text: label, line }], style: 'credit', line });
        return;
      case 'page-break':
        this.blocks.push({ kind: 'pageBreak', line });
        return;
      case 'attachment-note': {
        const items = this.children(d, 'attachment-note')
          .filter((c): c is LeafDirective => c.type === 'leafDirective' && c.name === 'item')
          .map((c) => this.plain(c.children).trim())
          .filter(Boolean);
        // GB/T 9704 7.3.4: several attachments are numbered 1. 2. …; the text in the model is final.
        const numbered = items.length > 1 ? items.map((t, i) => `${i + 1}.${t}`) : items;
        if (items.length) this.blocks.push({ kind: 'attachmentNote', label: a('label') || '附件：', items: numbered, line });
        return;
      }
      case 'contact': {
        const lines = this.children(d, 'contact')
          .filter((c): c is LeafDirective => c.type === 'leafDirective' && c.name === 'line')
          .map((c) => this.plain(c.children).trim())
          .filter(Boolean);
        if (lines.length) this.blocks.push({ kind: 'contact', lines, line });
        return;
      }
      case 'colophon': {
        const rows: ColophonRow[] = [];
        for (const c of this.children(d, 'colophon')) {
          if (c.type !== 'leafDirective') continue;
          const ca = c.attributes ?? {};
          const text = this.plain(c.children).trim();
          if (c.name === 'row' && text.replace(/[。.]$/, '')) rows.push({ kind: 'labelled', label: ca['label'] ?? '', text });
          if (c.name === 'printed') {
            rows.push({ kind: 'printed', printer: text, date: ca['date'] ?? '', ...(ca['copies'] ? { copies: ca['copies'] } : {}) });
          }
        }
        // GB/T 9704 7.4.3: a thin rule separates the 印发 line from the rows above it.
        const printedAt = rows.findIndex((r) => r.kind === 'printed');
        if (printedAt > 0) rows[printedAt - 1]!.ruleAfter = true;
        if (rows.length) this.blocks.push({ kind: 'colophon', rows, line });
        return;
      }
      case 'editor-note': {
        const paragraphs: Run[][] = [];
        for (const c of d.children) {
          if (c.type === 'paragraph') paragraphs.push(trimRuns(this.runs(c.children)));
          else this.problem(c, { zh: '编者按中只能写段落', en: 'an editor’s note holds paragraphs only' });
        }
        const first = paragraphs[0];
        const labelText = '编者按：';
        if (first && first[0]?.text.startsWith(labelText)) first[0] = { ...first[0], text: first[0].text.slice(labelText.length) };
        if (first && first[0]?.text.startsWith('编者按')) first[0] = { ...first[0], text: first[0].text.replace(/^编者按[：:]?/, '') };
        this.blocks.push({ kind: 'editorNote', label: labelText, paragraphs, line });
        return;
      }
      default:
        this.problem(d, { zh: `指令「${d.name}」不能用在这里`, en: `directive "${d.name}" is not allowed here` });
    }
  }

  /** Children of a container, checking each against the vocabulary. */
  private children(d: Directive, name: string): Node[] {
    const out: Node[] = [];
    for (const c of d.children as Node[]) {
      if (isDirective(c)) {
        const spec = DIRECTIVES[c.name];
        if (!spec || spec.parent !== name) {
          this.problem(c, { zh: `指令「${c.name}」不能用在「${name}」中`, en: `directive "${c.name}" is not allowed in "${name}"` });
          continue;
        }
        out.push(c);
      } else if (c.type === 'paragraph') {
        // A blank value in a template leaves an empty leaf that Markdown reads as text: ignore only whitespace.
        if (this.plain(c.children).trim()) out.push(c);
      }
    }
    return out;
  }

  node(n: Node): void {
    switch (n.type) {
      case 'paragraph':
        return this.paragraph(n);
      case 'heading':
        return this.heading(n);
      case 'list':
        return this.list(n);
      case 'table':
        return this.table(n);
      case 'blockquote':
        for (const c of n.children) {
          if (c.type === 'paragraph') this.pushParagraphs(this.runs(c.children), 'quote', this.lineOf(c).line || undefined);
          else this.node(c);
        }
        return;
      case 'code':
        for (const l of n.value.split('\n')) {
          if (l.trim()) this.blocks.push({ kind: 'paragraph', runs: [{ text: l }], style: 'code', line: this.lineOf(n).line || undefined });
        }
        return;
      case 'html': {
        // Raw HTML prints literally, never as markup.
        const text = n.value.replace(/\n/g, ' ');
        if (text.trim()) this.blocks.push({ kind: 'paragraph', runs: [{ text, line: this.lineOf(n).line || undefined }], style: 'body', line: this.lineOf(n).line || undefined });
        return;
      }
      case 'thematicBreak':
      case 'definition':
      case 'footnoteDefinition':
        return;
      case 'leafDirective':
      case 'containerDirective':
        return this.directive(n);
      default:
        return;
    }
  }

  finish(): void {
    if (this.tocIndex >= 0) {
      const toc = this.blocks[this.tocIndex];
      if (toc?.kind === 'toc' && this.articleTitles.length > 1) toc.items = [...this.articleTitles];
      else this.blocks.splice(this.tocIndex, 1);
    }
  }
}

/**
 * The Markdown depth that is level 1 (一、, 黑体): the shallowest heading of the body, so that
 * `##` typed for the first level works; in a bulletin `#` is the article title and the
 * shallowest deeper heading is level 1.
 */
function baseDepth(input: BuildInput): number {
  const floor = input.type === 'bulletin' ? 2 : 1;
  let min = 7;
  for (const n of input.tree.children) if (n.type === 'heading' && n.depth >= floor) min = Math.min(min, n.depth);
  return min === 7 ? floor : min;
}

/** An attribute listing names separated by `|` (signers, joint issuers). */
function splitList(v: string): string[] {
  return v.split('|').map((s) => s.trim()).filter(Boolean);
}

function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const last = out[out.length - 1];
    if (last && r.text !== '\n' && last.text !== '\n' && last.bold === r.bold && last.italic === r.italic && last.font === r.font) {
      last.text += r.text;
    } else out.push({ ...r });
  }
  return out;
}

function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  if (out[0]) out[0].text = out[0].text.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (last) last.text = last.text.replace(/\s+$/, '');
  return out.filter((r) => r.text);
}

/** Build the document model; throws BuildError with every problem found. */
export function buildDocument(input: BuildInput): GongwenDocument {
  const b = new Builder(input);
  for (const n of input.tree.children) b.node(n);
  b.finish();
  if (b.problems.length) throw new BuildError(b.problems);
  return { info: input.info, blocks: b.blocks, options: input.options, file: input.file };
}
