import { cmykToRgb as convert } from '../../src/render/pdf/pdfa.js';
import { RED_CMYK } from '../../src/spec/gbt9704.js';

/** The spec's red as pdfkit writes an RGB colour operand (0–1). */
export function cmykToRgb(): [string, string, string] {
  return convert(RED_CMYK).map((v) => String(Math.round((v / 255) * 1e4) / 1e4).replace(/^0\./, '0.').replace(/\.0+$/, '')) as [
    string,
    string,
    string,
  ];
}

/** No raw `<` inside an rdf:li text: every value was escaped. */
export function safeXmpText(packet: string): boolean {
  return [...packet.matchAll(/<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/g)].every((m) => !/[<>]/.test(m[1]!.replace(/&[a-z]+;/g, '')));
}
