// Writer-side constants of the PDF (not layout: positions come from src/layout).

/** Outline added to emphasised (bold) text, share of the font size [C]: CJK faces have no bold. */
export const BOLD_STROKE_EM = 0.03;
/** PDF/A conformance subset pdfkit writes when the archive asks for it (ISO 19005-2, level B). */
export const PDFA_SUBSET = 'PDF/A-2b';
/** PDF version for PDF/A-2b output. */
export const PDF_VERSION = '1.7';
/** OpenType features asked of fontkit: no kerning or ligatures, the grid sets every cell (the OFD writer draws the same glyphs). */
export const PDF_FEATURES = { kern: false, liga: false, clig: false, calt: false };
