// PDF/A-2b specifics on top of pdfkit's `subset: 'PDF/A-2b'` (ISO 19005-2, level B).
//
// pdfkit 0.20 writes the PDF/A identification, an sRGB output intent and a metadata stream,
// but two things in its output do not conform, and this module corrects both on the
// document object before anything is drawn:
//
// 1. The XMP packet. pdfkit pastes the document information into XML without escaping it
//    (a title with `&` or `<` makes the packet malformed) and leaves out xmp:ModifyDate,
//    although the Info dictionary has ModDate [ISO 19005-2 6.6.3: Info entries and their XMP
//    equivalents must agree]. We write the packet ourselves: pdfaid:part/conformance (added
//    by pdfkit), xmp:CreateDate, xmp:ModifyDate, xmp:MetadataDate, xmp:CreatorTool,
//    dc:title, dc:creator, dc:description, dc:format, pdf:Producer and pdf:Keywords, every
//    value escaped.
// 2. Colour. The output intent is sRGB (RGB), so uncalibrated DeviceCMYK is not allowed
//    [ISO 19005-2 6.2.4.3]. The red of the format is given in CMYK for print; in a PDF/A file
//    it is drawn as the spec's screen red (RGB), and any other CMYK colour by the plain
//    CMYK → RGB conversion.
//
// Images with an alpha channel (a seal PNG) become soft masks, which PDF/A-2 allows when
// the file has an output intent, as it does here.

import { RED_CMYK, RED_RGB_HEX } from '../../spec/gbt9704.js';
import { PDF_VERSION, PDFA_SUBSET } from './constants.js';
import { replaceMetadataAndColour } from '../../adapters/pdfkit.js';

/** pdfkit constructor options for PDF/A-2b: conformance subset, version and tagging. */
export function pdfaConstructorOptions(): Record<string, unknown> {
  return { subset: PDFA_SUBSET, pdfVersion: PDF_VERSION, tagged: true };
}

/** XML text content / attribute value. */
export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 does not allow at all.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** XMP date: `2024-07-16T00:00:00Z` (seconds, UTC). */
export function xmpDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface XmpInfo {
  Title?: string;
  Author?: string;
  Subject?: string;
  Keywords?: string;
  Creator?: string;
  Producer?: string;
  CreationDate?: Date;
  ModDate?: Date;
}

/** The XMP properties that mirror the Info dictionary (pdfkit adds the pdfaid description). */
export function xmpInfoXml(info: XmpInfo): string {
  const out: string[] = [];
  const xmp: string[] = [];
  if (info.CreationDate) xmp.push(`<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`);
  const mod = info.ModDate ?? info.CreationDate;
  if (mod) {
    xmp.push(`<xmp:ModifyDate>${xmpDate(mod)}</xmp:ModifyDate>`);
    xmp.push(`<xmp:MetadataDate>${xmpDate(mod)}</xmp:MetadataDate>`);
  }
  if (info.Creator) xmp.push(`<xmp:CreatorTool>${xmlEscape(info.Creator)}</xmp:CreatorTool>`);
  out.push(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">${xmp.join('')}</rdf:Description>`);

  const dc: string[] = ['<dc:format>application/pdf</dc:format>'];
  const alt = (v: string): string => `<rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(v)}</rdf:li></rdf:Alt>`;
  if (info.Title) dc.push(`<dc:title>${alt(info.Title)}</dc:title>`);
  if (info.Author) dc.push(`<dc:creator><rdf:Seq><rdf:li>${xmlEscape(info.Author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (info.Subject) dc.push(`<dc:description>${alt(info.Subject)}</dc:description>`);
  out.push(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${dc.join('')}</rdf:Description>`);

  const pdf: string[] = [];
  if (info.Producer) pdf.push(`<pdf:Producer>${xmlEscape(info.Producer)}</pdf:Producer>`);
  if (info.Keywords) pdf.push(`<pdf:Keywords>${xmlEscape(info.Keywords)}</pdf:Keywords>`);
  if (pdf.length) out.push(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">${pdf.join('')}</rdf:Description>`);
  return out.join('\n');
}

/** CMYK percentages → RGB 0–255; the format's red maps to the spec's screen red. */
export function cmykToRgb(c: readonly number[]): [number, number, number] {
  if (c.length === 4 && c.every((v, i) => v === RED_CMYK[i])) {
    const hex = parseInt(RED_RGB_HEX, 16);
    return [hex >> 16, (hex >> 8) & 0xff, hex & 0xff];
  }
  const [cy = 0, m = 0, y = 0, k = 0] = c.map((v) => Math.min(100, Math.max(0, v)) / 100);
  return [Math.round(255 * (1 - cy) * (1 - k)), Math.round(255 * (1 - m) * (1 - k)), Math.round(255 * (1 - y) * (1 - k))];
}

/**
 * Make a pdfkit document created with `pdfaConstructorOptions()` conform to PDF/A-2b:
 * an escaped, complete XMP packet and no DeviceCMYK colour. Call right after `new PDFDocument`.
 */
export function preparePdfa(doc: PDFKit.PDFDocument): void {
  replaceMetadataAndColour(
    doc,
    (info) => xmpInfoXml(info as XmpInfo),
    (c) => (Array.isArray(c) && c.length === 4 && c.every((v) => typeof v === 'number') ? cmykToRgb(c as number[]) : c),
  );
}
