// Small WordprocessingML writers: paragraph and run properties in schema order (Word rejects
// out-of-order children), runs, paragraphs. Everything is a plain string so the output is
// deterministic and easy to test.

/** Escapes text for an XML text node or attribute value. */
export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `<name a="1" b="2"/>` (attributes with undefined values are left out). */
export const el = (name: string, attrs: Record<string, string | number | undefined> = {}, inner?: string): string => {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join('');
  return inner === undefined ? `<${name}${a}/>` : `<${name}${a}>${inner}</${name}>`;
};

const onOff = (name: string, v: boolean | undefined): string =>
  v === undefined ? '' : v ? el(name) : el(name, { 'w:val': '0' });

export interface Border {
  /** Eighths of a point. */
  sz: number;
  color: string;
  /** Distance from the text, pt. */
  space?: number;
}

export interface Tab {
  val: 'left' | 'right' | 'center';
  /** Position from the paragraph's left indent origin (the margin), twip. */
  pos: number;
}

/** Paragraph properties (CT_PPrBase), written in schema order. */
export interface PPr {
  style?: string;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  widowControl?: boolean;
  borders?: { top?: Border; bottom?: Border };
  tabs?: Tab[];
  kinsoku?: boolean;
  wordWrap?: boolean;
  overflowPunct?: boolean;
  autoSpaceDE?: boolean;
  autoSpaceDN?: boolean;
  snapToGrid?: boolean;
  /** Twips; `line` with `lineRule` exact/atLeast is in twips, auto in 240ths. */
  spacing?: { before?: number; after?: number; line?: number; lineRule?: 'exact' | 'atLeast' | 'auto' };
  ind?: { left?: number; right?: number; firstLine?: number; hanging?: number };
  jc?: 'left' | 'center' | 'right' | 'both' | 'distribute';
  outlineLvl?: number;
  /** Paragraph-mark run properties. */
  rPr?: RPr;
  /** Raw w:sectPr (or a placeholder for it): this paragraph ends a section. */
  sectPr?: string;
}

const border = (side: string, b: Border): string =>
  el(`w:${side}`, { 'w:val': 'single', 'w:sz': b.sz, 'w:space': b.space ?? 0, 'w:color': b.color });

export const pPrXml = (p: PPr): string => {
  const parts: string[] = [];
  if (p.style) parts.push(el('w:pStyle', { 'w:val': p.style }));
  parts.push(onOff('w:keepNext', p.keepNext));
  parts.push(onOff('w:keepLines', p.keepLines));
  parts.push(onOff('w:pageBreakBefore', p.pageBreakBefore));
  parts.push(onOff('w:widowControl', p.widowControl));
  if (p.borders && (p.borders.top || p.borders.bottom)) {
    parts.push(
      el(
        'w:pBdr',
        {},
        (p.borders.top ? border('top', p.borders.top) : '') + (p.borders.bottom ? border('bottom', p.borders.bottom) : ''),
      ),
    );
  }
  if (p.tabs?.length) {
    parts.push(el('w:tabs', {}, p.tabs.map((t) => el('w:tab', { 'w:val': t.val, 'w:pos': t.pos })).join('')));
  }
  parts.push(onOff('w:kinsoku', p.kinsoku));
  parts.push(onOff('w:wordWrap', p.wordWrap));
  parts.push(onOff('w:overflowPunct', p.overflowPunct));
  parts.push(onOff('w:autoSpaceDE', p.autoSpaceDE));
  parts.push(onOff('w:autoSpaceDN', p.autoSpaceDN));
  parts.push(onOff('w:snapToGrid', p.snapToGrid));
  if (p.spacing) {
    const s = p.spacing;
    parts.push(
      el('w:spacing', { 'w:before': s.before, 'w:after': s.after, 'w:line': s.line, 'w:lineRule': s.lineRule }),
    );
  }
  if (p.ind) {
    const i = p.ind;
    parts.push(
      el('w:ind', { 'w:left': i.left, 'w:right': i.right, 'w:firstLine': i.firstLine, 'w:hanging': i.hanging }),
    );
  }
  if (p.jc) parts.push(el('w:jc', { 'w:val': p.jc }));
  if (p.outlineLvl !== undefined) parts.push(el('w:outlineLvl', { 'w:val': p.outlineLvl }));
  if (p.rPr) parts.push(rPrXml(p.rPr));
  if (p.sectPr) parts.push(p.sectPr);
  const inner = parts.join('');
  return inner ? el('w:pPr', {}, inner) : '';
};

/** Run properties (CT_RPr), written in schema order. */
export interface RPr {
  style?: string;
  /** One family for ascii, hAnsi, eastAsia and cs. */
  font?: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  /** Character spacing, twip (twentieths of a point). */
  spacing?: number;
  /** Horizontal scale, percent. */
  scale?: number;
  /** Size, pt. */
  size?: number;
  /** East Asian language, e.g. zh-CN. */
  eastAsiaLang?: string;
}

export const rFontsXml = (font: string): string =>
  el('w:rFonts', { 'w:ascii': font, 'w:hAnsi': font, 'w:eastAsia': font, 'w:cs': font, 'w:hint': 'eastAsia' });

export const rPrXml = (r: RPr, wrap = true): string => {
  const parts: string[] = [];
  if (r.style) parts.push(el('w:rStyle', { 'w:val': r.style }));
  if (r.font) parts.push(rFontsXml(r.font));
  if (r.bold !== undefined) parts.push(onOff('w:b', r.bold), onOff('w:bCs', r.bold));
  if (r.italic !== undefined) parts.push(onOff('w:i', r.italic), onOff('w:iCs', r.italic));
  if (r.color) parts.push(el('w:color', { 'w:val': r.color }));
  if (r.spacing !== undefined) parts.push(el('w:spacing', { 'w:val': r.spacing }));
  if (r.scale !== undefined) parts.push(el('w:w', { 'w:val': r.scale }));
  if (r.size !== undefined) {
    const hp = Math.round(r.size * 2);
    parts.push(el('w:sz', { 'w:val': hp }), el('w:szCs', { 'w:val': hp }));
  }
  if (r.eastAsiaLang) parts.push(el('w:lang', { 'w:eastAsia': r.eastAsiaLang }));
  const inner = parts.join('');
  if (!wrap) return inner;
  return inner ? el('w:rPr', {}, inner) : '';
};

/** A text run; a tab character becomes `<w:tab/>`, a newline `<w:br/>`. */
export const run = (text: string, r: RPr = {}): string => {
  const body = text
    .split(/(\t|\n)/)
    .filter((s) => s !== '')
    .map((s) => (s === '\t' ? '<w:tab/>' : s === '\n' ? '<w:br/>' : el('w:t', { 'xml:space': 'preserve' }, esc(s))))
    .join('');
  return el('w:r', {}, rPrXml(r) + body);
};

/** A paragraph being built: properties plus runs (raw XML), so a drawing can be added later. */
export interface Para {
  kind: 'p';
  pPr: PPr;
  runs: string[];
}

export const para = (pPr: PPr, runs: string[] = []): Para => ({ kind: 'p', pPr, runs });

export const paraXml = (p: Para): string => el('w:p', {}, pPrXml(p.pPr) + p.runs.join(''));
