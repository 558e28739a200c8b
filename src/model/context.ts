// The state one model build shares between its builders: the input, the blocks made so far
// with where each came from, the problems found, and the labels the templates declared.

import type { PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { Problem, type Position, type Text } from '../errors.js';
import type { LineOrigin } from '../template/render.js';
import type { Block, DocType, DocumentInfo, ImageData, LayoutOptions } from './types.js';

export interface BuildInput {
  type: DocType;
  markdown: string;
  tree: import('mdast').Root;
  origin(line: number): LineOrigin;
  /** Position of a directive in the template, when a template line is not known otherwise. */
  locate?(directive: string): { line: number; col: number } | undefined;
  info: DocumentInfo;
  options: LayoutOptions;
  file: string;
  numbering: 'auto' | 'keep';
  seal?: ImageData;
  /** Joint issuing: every issuer's seal, in issuing order (2 or more) [GB/T 9704 7.3.5.1]. */
  seals?: ImageData[];
  /** Attachment files for their own pages (GB/T 9704 8), parsed; `index` is the place in 附件说明. */
  attachments?: readonly AttachmentInput[];
  /** Reads an image named in the body (bulletins only); the edge supplies it. */
  loadImage?: (url: string, from: LineOrigin) => ImageData;
}

/** An attachment file as the model builds it: its Markdown and tree, and its path for messages. */
export interface AttachmentInput {
  index: number;
  path: string;
  markdown: string;
  tree: import('mdast').Root;
}

export type Node = RootContent;
export type Directive = ContainerDirective | LeafDirective;
type Positioned = { position?: { start: { line: number; column: number; offset?: number }; end: { offset?: number } } };

export const isDirective = (n: Node): n is Directive => n.type === 'containerDirective' || n.type === 'leafDirective';

/** Where a block came from: its file and position, and the directive that made it, if any. */
export interface Placed {
  block: Block;
  file: string;
  pos?: Position;
  /** Directive name (`title`), or undefined for a block made from Markdown. */
  directive?: string;
  /** True when the block came from a template rather than the file the staff wrote. */
  fromTemplate: boolean;
}

export class BuildContext {
  readonly blocks: Block[] = [];
  readonly placed: Placed[] = [];
  readonly problems: Problem[] = [];
  /** Fixed texts the templates declared with `::label` (see directives.ts LABELS). */
  readonly labels = new Map<string, string>();
  /** Titles of 简报 articles, for 本期要目. */
  readonly articleTitles: string[] = [];
  tocIndex = -1;
  readonly counters = [0, 0, 0, 0];
  lastLevel = 0;
  /** Markdown depth of level 1 (一、): relative, from the body's shallowest heading. */
  readonly baseDepth: number;

  constructor(readonly input: BuildInput) {
    this.baseDepth = baseDepth(input);
  }

  originOf(n: Positioned): LineOrigin {
    return this.input.origin(n.position?.start.line ?? 0);
  }

  /** Line in the file the staff wrote, for warnings; undefined for template text. */
  sourceLine(n: Positioned): number | undefined {
    const o = this.originOf(n);
    return o.file === this.input.file && o.line > 0 ? o.line : undefined;
  }

  fromBody(n: Positioned): boolean {
    return this.originOf(n).file === this.input.file;
  }

  /** File and position of a node for a problem: the template's own line for template text. */
  where(n: Node | PhrasingContent): { file: string; pos?: Position } {
    const o = this.originOf(n);
    const col = n.position?.start.column ?? 1;
    if (o.line > 0) return { file: o.file, pos: { line: o.line, col } };
    const d = isDirective(n as Node) ? this.input.locate?.((n as Directive).name) : undefined;
    return { file: o.file, ...(d ? { pos: d } : {}) };
  }

  problem(n: Node | PhrasingContent, what: Text, extra: { key?: string; hint?: Text } = {}): void {
    this.problems.push(new Problem({ ...this.where(n), what, ...extra }));
  }

  /** Add a block made from node `n`. */
  push(block: Block, n: Node | PhrasingContent, directive?: string): void {
    this.blocks.push(block);
    this.placed.push({ block, ...this.where(n), ...(directive ? { directive } : {}), fromTemplate: !this.fromBody(n) });
  }

  /** Literal source text of a node (used for stray directives and raw HTML). */
  sourceOf(n: Positioned): string {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    return s !== undefined && e !== undefined ? this.input.markdown.slice(s, e) : '';
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
