// The docx adapter: the version check, the compiler gives the parts Packer zips, and the
// library's XML has the shape the adapter reads (body frame, section properties, timestamps).

import { Document, Packer, Paragraph, SectionType } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DOCX_VERSION, bodyFrame, compilePackage, stampCoreProperties } from '../../src/adapters/docx.js';
import { installedVersion, requirePinned } from '../../src/adapters/pinned.js';
import { pageNumberFooters } from '../../src/render/docx/footer.js';

const twoSections = (): Document =>
  new Document({
    title: 'T',
    evenAndOddHeaderAndFooters: true,
    sections: [
      { footers: pageNumberFooters(), children: [new Paragraph('a')] },
      { properties: { type: SectionType.EVEN_PAGE }, children: [new Paragraph('b')] },
    ],
  });
const text = (files: Record<string, Uint8Array>, name: string): string => strFromU8(files[name]!);
const STAMP = /(<dcterms:(created|modified)[^>]*>)[^<]*/g;

describe('docx adapter', () => {
  it('is written against the installed docx, and refuses another version in Chinese first', () => {
    expect(installedVersion('docx')).toBe(DOCX_VERSION);
    expect(() => requirePinned('docx', DOCX_VERSION, 'x', '9.16.0')).toThrow(/^docx 版本 9\.16\.0 与 gongwen 需要的 9\.15\.2 不符/);
  });

  it('Packer.compiler: the parts are those Packer zips, own parts in place of the library’s', async () => {
    const zipped = unzipSync(await Packer.toBuffer(twoSections()));
    const compiled = compilePackage(twoSections(), { 'word/settings.xml': '<own/>' });
    expect(Object.keys(compiled).sort()).toEqual(Object.keys(zipped).sort());
    for (const name of Object.keys(zipped)) {
      if (name === 'word/settings.xml') expect(text(compiled, name)).toBe('<own/>');
      else expect(text(compiled, name).replace(STAMP, '$1'), name).toBe(text(zipped, name).replace(STAMP, '$1'));
    }
    // Pictures need no content type of their own: PNG and JPEG are declared.
    expect(text(compiled, '[Content_Types].xml')).toMatch(/Extension="png"[\s\S]*Extension="jpeg"|Extension="jpeg"[\s\S]*Extension="png"/);
  });

  it('document.xml: the body sits between <w:body> and the final sectPr; the first section ends in a paragraph', () => {
    const xml = text(compilePackage(twoSections()), 'word/document.xml');
    const frame = bodyFrame(xml);
    expect(frame.head.endsWith('<w:body>')).toBe(true);
    expect(frame.tail).toMatch(/^<w:sectPr[\s\S]*<\/w:sectPr><\/w:body><\/w:document>$/);
    expect(frame.firstSection).toMatch(/^<w:sectPr>[\s\S]*<w:footerReference [\s\S]*<\/w:sectPr>$/);
    expect(xml).toContain(`<w:pPr>${frame.firstSection}</w:pPr>`);
    const one = bodyFrame(text(compilePackage(new Document({ sections: [{ children: [new Paragraph('a')] }] })), 'word/document.xml'));
    expect(one.firstSection).toBeUndefined();
  });

  it('core.xml: both timestamps are set, nothing else changes', () => {
    const core = text(compilePackage(twoSections()), 'docProps/core.xml');
    const stamped = stampCoreProperties(core, '2024-07-16T00:00:00Z');
    expect(stamped.match(/>2024-07-16T00:00:00Z</g)).toHaveLength(2);
    expect(stamped.replace(STAMP, '$1')).toBe(core.replace(STAMP, '$1'));
  });
});
