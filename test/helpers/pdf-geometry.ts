// An independent reader of finished PDFs for geometric tests: it knows nothing about how the
// PDF was made (our layout, pdfkit, LibreOffice…). It walks pdf.js's operator list and
// returns, per page, every glyph (with position, size, font, colour), the text lines built
// from them, the horizontal rules (stroked lines and thin filled rectangles) and the images.
//
// Coordinates: points from the top-left corner of the paper, y growing downwards; text is
// placed by its baseline. API is additive: add fields, never change existing ones.

import { readFile } from 'node:fs/promises';

// pdf.js ships no types for the legacy build path under NodeNext in every version; keep it loose.
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | undefined;
function pdfjs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

export const MM = 72 / 25.4;
export const ptToMm = (pt: number): number => pt / MM;
export const mmToPt = (mm: number): number => mm * MM;

/** RGB colour 0–255. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** One drawn glyph. */
export interface PdfGlyph {
  /** Unicode text of the glyph (may be more than one code unit, or '' when unmapped). */
  char: string;
  /** Left edge (origin) of the glyph, pt from the paper's left. */
  x: number;
  /** Advance to the next glyph origin, including character spacing, pt. */
  advance: number;
  /** Advance of the glyph alone (font width × size × horizontal scale), pt. */
  glyphWidth: number;
  /** Baseline, pt from the paper top. */
  baseline: number;
  /** Effective font size (vertical scale of the text matrix), pt. */
  size: number;
  /** Horizontal scale, 1 = 100 %. */
  hScale: number;
  /** Font name as stored in the PDF (subset prefix kept), or the pdf.js id if unknown. */
  font: string;
  /** Fill colour at the time the glyph was drawn. */
  color: Rgb;
  /** Index of the text-showing operation that drew it (one per PDF text object run). */
  showIndex: number;
  /** Text render mode (0 fill, 1 stroke, 2 fill and stroke, …). */
  renderMode: number;
  /** Stroke colour and line width at the time (the outline of render modes 1 and 2). */
  strokeColor: Rgb;
  lineWidth: number;
}

/** A text line: glyphs sharing one baseline (±0.5 pt), sorted left to right. */
export interface PdfLine {
  baseline: number;
  /** Left edge of the first glyph, pt. */
  x0: number;
  /** Right edge of the last visible glyph (origin + glyph width), pt. */
  x1: number;
  text: string;
  /** The dominant (most frequent) size on the line. */
  size: number;
  glyphs: PdfGlyph[];
  /** True when every visible glyph is red-ish (R>200, G<80, B<80). */
  red: boolean;
}

/** A horizontal rule (stroked line or thin filled rectangle). */
export interface PdfRule {
  x1: number;
  x2: number;
  /** Vertical centre of the rule, pt from the paper top. */
  y: number;
  thickness: number;
  color: Rgb;
  source: 'stroke' | 'fill';
}

export interface PdfImage {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A text item as pdf.js's text extraction gives it (reading order). */
export interface PdfTextItem {
  str: string;
  x: number;
  baseline: number;
  width: number;
  size: number;
}

export interface PdfPage {
  /** 1-based physical page index. */
  index: number;
  width: number;
  height: number;
  glyphs: PdfGlyph[];
  lines: PdfLine[];
  rules: PdfRule[];
  images: PdfImage[];
  /** pdf.js text extraction items in content-stream order. */
  textItems: PdfTextItem[];
  /** Text of the page as extracted by pdf.js, items joined (hasEOL → newline). */
  text: string;
}

export interface PdfMetadata {
  title?: string;
  author?: string;
  subject?: string;
  creator?: string;
  producer?: string;
  creationDate?: string;
  modDate?: string;
  pdfVersion?: string;
}

export interface PdfGeometry {
  pages: PdfPage[];
  metadata: PdfMetadata;
  /** Names of the fonts used (subset prefix kept). */
  fonts: string[];
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

function hexToRgb(hex: unknown): Rgb {
  if (typeof hex === 'string' && /^#[0-9a-f]{6}$/i.test(hex)) {
    return {
      r: parseInt(hex.slice(1, 3), 16),
      g: parseInt(hex.slice(3, 5), 16),
      b: parseInt(hex.slice(5, 7), 16),
    };
  }
  return { r: 0, g: 0, b: 0 };
}

/** Red as the format means it: #FF0000 on screen or CMYK 0/80/80/0 converted (≈ 239,83,59 … 255,51,51). */
export const isRed = (c: Rgb): boolean => c.r > 200 && c.g < 110 && c.b < 110 && c.r - c.g > 120;
export const isBlack = (c: Rgb): boolean => c.r < 60 && c.g < 60 && c.b < 60;

interface GState {
  ctm: Matrix;
  fill: Rgb;
  stroke: Rgb;
  lineWidth: number;
  fontId: string;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  rise: number;
  leading: number;
  renderMode: number;
}

const isVisible = (ch: string): boolean => ch.trim() !== '';

/** Read a PDF (path or bytes) into per-page geometry. */
export async function readPdfGeometry(input: string | Uint8Array): Promise<PdfGeometry> {
  const lib = await pdfjs();
  const data =
    typeof input === 'string' ? new Uint8Array(await readFile(input)) : new Uint8Array(input);
  const doc = await lib.getDocument({
    data,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const OPS = lib.OPS;
  const pages: PdfPage[] = [];
  const fontNames = new Set<string>();
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [, , vw, vh] = page.view as [number, number, number, number];
      const width = vw - page.view[0]!;
      const height = vh - page.view[1]!;
      const ops = await page.getOperatorList();
      // pdf.js user space has y up from the bottom; flip to top-left.
      const flip: Matrix = [1, 0, 0, -1, -page.view[0]!, vh];
      const glyphs: PdfGlyph[] = [];
      const rules: PdfRule[] = [];
      const images: PdfImage[] = [];
      const stack: GState[] = [];
      let gs: GState = {
        ctm: [...IDENTITY] as Matrix,
        fill: { r: 0, g: 0, b: 0 },
        stroke: { r: 0, g: 0, b: 0 },
        lineWidth: 1,
        fontId: '',
        fontSize: 0,
        charSpacing: 0,
        wordSpacing: 0,
        hScale: 1,
        rise: 0,
        leading: 0,
        renderMode: 0,
      };
      let tm: Matrix = [...IDENTITY] as Matrix;
      let tlm: Matrix = [...IDENTITY] as Matrix;
      let showIndex = 0;
      const fontMatrixOf = (id: string): number => {
        try {
          const f = page.commonObjs.has(id) ? page.commonObjs.get(id) : undefined;
          const fm = (f as { fontMatrix?: number[] } | undefined)?.fontMatrix;
          return fm?.[0] ?? 0.001;
        } catch {
          return 0.001;
        }
      };
      const fontNameOf = (id: string): string => {
        try {
          const f = page.commonObjs.has(id) ? page.commonObjs.get(id) : undefined;
          return (f as { name?: string } | undefined)?.name ?? id;
        } catch {
          return id;
        }
      };
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i] as unknown[];
        switch (fn) {
          case OPS.save:
            stack.push({ ...gs, ctm: [...gs.ctm] as Matrix });
            break;
          case OPS.restore:
            gs = stack.pop() ?? gs;
            break;
          case OPS.transform:
            gs.ctm = mul(gs.ctm, args as Matrix);
            break;
          case OPS.setFillRGBColor:
            gs.fill = hexToRgb(args[0]);
            break;
          case OPS.setStrokeRGBColor:
            gs.stroke = hexToRgb(args[0]);
            break;
          case OPS.setLineWidth:
            gs.lineWidth = args[0] as number;
            break;
          case OPS.beginText:
            tm = [...IDENTITY] as Matrix;
            tlm = [...IDENTITY] as Matrix;
            break;
          case OPS.setFont:
            gs.fontId = args[0] as string;
            gs.fontSize = args[1] as number;
            break;
          case OPS.setCharSpacing:
            gs.charSpacing = args[0] as number;
            break;
          case OPS.setWordSpacing:
            gs.wordSpacing = args[0] as number;
            break;
          case OPS.setHScale:
            gs.hScale = (args[0] as number) / 100;
            break;
          case OPS.setTextRise:
            gs.rise = args[0] as number;
            break;
          case OPS.setLeading:
            gs.leading = args[0] as number;
            break;
          case OPS.setTextRenderingMode:
            gs.renderMode = args[0] as number;
            break;
          case OPS.setTextMatrix: {
            const a = Array.from(args[0] as ArrayLike<number>) as Matrix;
            tm = [...a] as Matrix;
            tlm = [...a] as Matrix;
            break;
          }
          case OPS.moveText:
            tlm = mul(tlm, [1, 0, 0, 1, args[0] as number, args[1] as number]);
            tm = [...tlm] as Matrix;
            break;
          case OPS.setLeadingMoveText:
            gs.leading = -(args[1] as number);
            tlm = mul(tlm, [1, 0, 0, 1, args[0] as number, args[1] as number]);
            tm = [...tlm] as Matrix;
            break;
          case OPS.nextLine:
            tlm = mul(tlm, [1, 0, 0, 1, 0, -gs.leading]);
            tm = [...tlm] as Matrix;
            break;
          case OPS.showText: {
            const items = args[0] as Array<
              number | { unicode?: string; width?: number; isSpace?: boolean } | null
            >;
            const fm = fontMatrixOf(gs.fontId);
            const fname = fontNameOf(gs.fontId);
            fontNames.add(fname);
            for (const it of items) {
              if (typeof it === 'number') {
                tm = mul(tm, [1, 0, 0, 1, (-it / 1000) * gs.fontSize * gs.hScale, 0]);
                continue;
              }
              if (!it) continue;
              const w = (it.width ?? 0) * fm * gs.fontSize;
              const adv = w + gs.charSpacing + (it.isSpace ? gs.wordSpacing : 0);
              // Text rendering matrix: [size*h 0 0 size 0 rise] × Tm × CTM, then flip.
              const trm = mul(flip, mul(gs.ctm, mul(tm, [gs.fontSize * gs.hScale, 0, 0, gs.fontSize, 0, gs.rise])));
              const [ox, oy] = apply(trm, 0, 0);
              const sx = Math.hypot(trm[0], trm[1]) / gs.fontSize || 1;
              const size = Math.hypot(trm[2], trm[3]);
              const scaleX = Math.hypot(...(mul(flip, gs.ctm).slice(0, 2) as [number, number]));
              glyphs.push({
                char: it.unicode ?? '',
                x: ox,
                baseline: oy,
                advance: adv * gs.hScale * scaleX,
                glyphWidth: w * gs.hScale * scaleX,
                size,
                hScale: sx / (size / gs.fontSize || 1),
                font: fname,
                color: gs.fill,
                showIndex,
                renderMode: gs.renderMode,
                strokeColor: gs.stroke,
                lineWidth: gs.lineWidth,
              });
              tm = mul(tm, [1, 0, 0, 1, adv * gs.hScale, 0]);
            }
            showIndex++;
            break;
          }
          case OPS.constructPath: {
            const paintOp = args[0] as number;
            const path = (args[1] as Array<Float32Array | null>)[0];
            if (!path) break;
            const m = mul(flip, gs.ctm);
            const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
            // Decode the path into sub-paths of points.
            const subs: Array<Array<[number, number]>> = [];
            let cur: Array<[number, number]> = [];
            for (let k = 0; k < path.length; ) {
              const op = path[k]!;
              if (op === 0) {
                if (cur.length) subs.push(cur);
                cur = [apply(m, path[k + 1]!, path[k + 2]!)];
                k += 3;
              } else if (op === 1) {
                cur.push(apply(m, path[k + 1]!, path[k + 2]!));
                k += 3;
              } else if (op === 2) {
                cur.push(apply(m, path[k + 5]!, path[k + 6]!));
                k += 7;
              } else if (op === 3) {
                cur.push(apply(m, path[k + 3]!, path[k + 4]!));
                k += 5;
              } else {
                k += 1;
              }
            }
            if (cur.length) subs.push(cur);
            const isStroke =
              paintOp === OPS.stroke || paintOp === OPS.closeStroke;
            const isFill =
              paintOp === OPS.fill ||
              paintOp === OPS.eoFill ||
              paintOp === OPS.fillStroke ||
              paintOp === OPS.eoFillStroke ||
              paintOp === OPS.closeFillStroke ||
              paintOp === OPS.closeEOFillStroke;
            for (const sp of subs) {
              const xs = sp.map((q) => q[0]);
              const ys = sp.map((q) => q[1]);
              const minX = Math.min(...xs);
              const maxX = Math.max(...xs);
              const minY = Math.min(...ys);
              const maxY = Math.max(...ys);
              if (isStroke && maxY - minY < 0.5 && maxX - minX > 5) {
                rules.push({
                  x1: minX,
                  x2: maxX,
                  y: (minY + maxY) / 2,
                  thickness: gs.lineWidth * scale,
                  color: gs.stroke,
                  source: 'stroke',
                });
              } else if (isFill && maxY - minY < 4 && maxX - minX > 20) {
                rules.push({
                  x1: minX,
                  x2: maxX,
                  y: (minY + maxY) / 2,
                  thickness: maxY - minY,
                  color: gs.fill,
                  source: 'fill',
                });
              }
            }
            break;
          }
          case OPS.paintImageXObject:
          case OPS.paintInlineImageXObject:
          case OPS.paintImageMaskXObject: {
            const m = mul(flip, gs.ctm);
            const pts = [apply(m, 0, 0), apply(m, 1, 0), apply(m, 0, 1), apply(m, 1, 1)];
            const xs = pts.map((q) => q[0]);
            const ys = pts.map((q) => q[1]);
            images.push({
              x: Math.min(...xs),
              y: Math.min(...ys),
              width: Math.max(...xs) - Math.min(...xs),
              height: Math.max(...ys) - Math.min(...ys),
            });
            break;
          }
          default:
            break;
        }
      }
      const tc = await page.getTextContent();
      const textItems: PdfTextItem[] = [];
      let text = '';
      for (const it of tc.items) {
        if (!('str' in it)) continue;
        const t = it.transform as number[];
        textItems.push({
          str: it.str,
          x: t[4]! - page.view[0]!,
          baseline: vh - t[5]!,
          width: it.width,
          size: Math.hypot(t[2]!, t[3]!),
        });
        text += it.str + (it.hasEOL ? '\n' : '');
      }
      pages.push({
        index: p,
        width,
        height,
        glyphs,
        lines: groupLines(glyphs),
        rules,
        images,
        textItems,
        text,
      });
      page.cleanup();
    }
    const meta = await doc.getMetadata();
    const info = meta.info as Record<string, unknown>;
    const s = (k: string): string | undefined =>
      typeof info[k] === 'string' ? (info[k] as string) : undefined;
    return {
      pages,
      metadata: {
        title: s('Title'),
        author: s('Author'),
        subject: s('Subject'),
        creator: s('Creator'),
        producer: s('Producer'),
        creationDate: s('CreationDate'),
        modDate: s('ModDate'),
        pdfVersion: s('PDFFormatVersion'),
      },
      fonts: [...fontNames].sort(),
    };
  } finally {
    await doc.destroy();
  }
}

/** Group glyphs into lines by baseline (±0.5 pt), left to right. */
export function groupLines(glyphs: PdfGlyph[], tolerance = 0.5): PdfLine[] {
  const sorted = [...glyphs].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const lines: PdfLine[] = [];
  let cur: PdfGlyph[] = [];
  const flush = (): void => {
    const vis = cur.filter((g) => isVisible(g.char));
    if (vis.length) {
      vis.sort((a, b) => a.x - b.x);
      const all = [...cur].sort((a, b) => a.x - b.x);
      const sizes = new Map<number, number>();
      for (const g of vis) {
        const k = Math.round(g.size * 10) / 10;
        sizes.set(k, (sizes.get(k) ?? 0) + 1);
      }
      const size = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      const last = vis[vis.length - 1]!;
      lines.push({
        baseline: vis.reduce((s, g) => s + g.baseline, 0) / vis.length,
        x0: vis[0]!.x,
        x1: last.x + last.glyphWidth,
        text: all.map((g) => g.char).join(''),
        size,
        glyphs: vis,
        red: vis.every((g) => isRed(g.color)),
      });
    }
    cur = [];
  };
  for (const g of sorted) {
    if (cur.length && Math.abs(g.baseline - cur[0]!.baseline) > tolerance) flush();
    cur.push(g);
  }
  flush();
  return lines;
}

/** Visible characters of a line (whitespace dropped). */
export const lineChars = (line: PdfLine): string => line.glyphs.map((g) => g.char).join('');

/** Centre-to-centre distances of consecutive glyphs (for char pitch). */
export function glyphPitches(line: PdfLine): number[] {
  const out: number[] = [];
  for (let i = 1; i < line.glyphs.length; i++) out.push(line.glyphs[i]!.x - line.glyphs[i - 1]!.x);
  return out;
}

/** Extract the text of a PDF with pdftotext when it is installed (null otherwise). */
export async function pdftotext(path: string): Promise<string | null> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve) => {
    execFile('pdftotext', ['-layout', path, '-'], { maxBuffer: 64 << 20 }, (err, out) =>
      resolve(err ? null : out),
    );
  });
}
