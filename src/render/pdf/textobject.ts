// The text of a page as running text objects: each run writes its text matrix, its glyphs
// and only the text state that changed since the run before it (font and size, character
// spacing, horizontal scaling, render mode, colours, outline width). pdfkit's text() wraps
// every run in q, a y-flip, BT … ET and Q and writes its whole state again: a page of body
// text has some thirty runs, so most of its content stream was that repetition, built as
// strings and then deflated.
//
// Runs whose glyphs shaping leaves as they are (plainshaping.ts) are written here, with the
// font subset bookkeeping pdfkit's encode() does. A run that needs shaping ends the text
// object and goes through pdfkit; the state is written afresh after it.

import { plainRun } from '../../fonts/pdfface.js';
import { pageFont } from '../../adapters/pdfkit.js';
import { hex4 } from './hex.js';

/** How one run is drawn. */
export interface TextStyle {
  size: number;
  characterSpacing: number;
  /** Horizontal scaling, % (100: none). */
  horizontalScaling: number;
  /** Text render mode: 0 fill, 2 fill and stroke (the outline of emphasised text). */
  mode: 0 | 2;
  /** Fill colour, and the outline's colour in mode 2; `colourKey` names it for comparison. */
  colour: PDFKit.Mixins.ColorValue;
  colourKey: string;
  /** Outline width in mode 2, pt. */
  outline: number;
  features: Record<string, boolean>;
}

/** PDF number as pdfkit writes it (six decimals at most). */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/** The text state written inside a text object (undefined: not written yet). */
interface WrittenState {
  fontId: string | undefined;
  size: number;
  spacing: number;
  scaling: number;
  mode: number;
  fill: string | undefined;
  stroke: string | undefined;
  lineWidth: number | undefined;
}

/**
 * The state at a text object's q: the page's own, that is the text state at its defaults
 * (pdfkit's runs keep theirs inside their own q … Q) and the colours unknown.
 */
const atSave = (): WrittenState => ({
  fontId: undefined,
  size: 0,
  spacing: 0,
  scaling: 100,
  mode: 0,
  fill: undefined,
  stroke: undefined,
  lineWidth: undefined,
});

/**
 * The text state of one page's content stream as written so far. Runs share one text object
 * inside q … Q, so that outside it the graphics state is what pdfkit assumes (its text()
 * writes Tc, Tz and Tr only when they differ from their defaults). pdfkit starts every page
 * with a y-flip (top-down coordinates); a text matrix 1 0 0 −1 x y puts upright glyphs on
 * the baseline y.
 */
export class PageText {
  private open = false;
  private st = atSave();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /**
   * Draw `text` in pdfkit's current font with its alphabetic baseline at (x, y), top-down page
   * coordinates. Returns false, drawing nothing, when the run needs shaping.
   */
  show(text: string, x: number, y: number, s: TextStyle): boolean {
    const d = this.doc;
    if (text.length === 0 || text.includes('\n')) return false;
    const font = pageFont(d, hex4);
    const run = font && plainRun(font.face, text, s.features);
    if (!font || !run) return false;
    if (!this.open) {
      d.addContent('q BT');
      this.open = true;
    }
    if (this.st.fill !== s.colourKey) {
      d.fillColor(s.colour);
      this.st.fill = s.colourKey;
    }
    if (s.mode === 2) {
      if (this.st.stroke !== s.colourKey) {
        d.strokeColor(s.colour);
        this.st.stroke = s.colourKey;
      }
      const width = num(s.outline);
      if (this.st.lineWidth !== width) {
        d.lineWidth(width);
        this.st.lineWidth = width;
      }
    }
    // Compared as written: values that differ below the sixth decimal are the same state.
    const size = num(s.size);
    if (this.st.fontId !== font.id || this.st.size !== size) {
      d.addContent(`/${font.id} ${size} Tf`);
      this.st.fontId = font.id;
      this.st.size = size;
    }
    if (this.st.mode !== s.mode) {
      d.addContent(`${s.mode} Tr`);
      this.st.mode = s.mode;
    }
    const spacing = num(s.characterSpacing);
    if (this.st.spacing !== spacing) {
      d.addContent(`${spacing} Tc`);
      this.st.spacing = spacing;
    }
    const scaling = num(s.horizontalScaling);
    if (this.st.scaling !== scaling) {
      d.addContent(`${scaling} Tz`);
      this.st.scaling = scaling;
    }
    // Every advance is the glyph's own: one string, no adjustments.
    d.addContent(`1 0 0 -1 ${num(x)} ${num(y)} Tm <${font.encode(run.glyphs)}> Tj`);
    return true;
  }

  /** End the text object and restore the graphics state: before anything pdfkit draws itself. */
  close(): void {
    if (!this.open) return;
    this.doc.addContent('ET Q');
    this.open = false;
    this.st = atSave();
  }
}
