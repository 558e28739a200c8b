// Unit conversions shared by every writer. PDF works in points, DOCX in twips
// (twentieths of a point), half-points for run sizes and eighths of a point for borders.

/** Points per millimetre (72 pt per inch / 25.4 mm per inch). */
export const PT_PER_MM = 72 / 25.4;
/** Twips per point. */
export const TWIP_PER_PT = 20;
/** EMU (DrawingML English Metric Units) per point. */
export const EMU_PER_PT = 12700;

export const mmToPt = (mm: number): number => mm * PT_PER_MM;
export const ptToMm = (pt: number): number => pt / PT_PER_MM;
/** Twips of a length in points, rounded to whole twips. */
export const ptToTwip = (pt: number): number => Math.round(pt * TWIP_PER_PT);
export const mmToTwip = (mm: number): number => Math.round(mmToPt(mm) * TWIP_PER_PT);
/** Word border widths are in eighths of a point (1 pt → 8). */
export const ptToEighthPt = (pt: number): number => Math.round(pt * 8);
export const mmToEmu = (mm: number): number => Math.round(mmToPt(mm) * EMU_PER_PT);
