// PDF/A-2b output read back with independent readers: pdf.js (XMP and Info), mutool (output
// intent, content streams) and pdffonts (embedding).

import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleProject, hasTool, project, GOOD_REPLY, run } from '../cli/helpers.js';
import { cmykToRgb, safeXmpText } from './pdfa-helpers.js';

/** Info dictionary and parsed XMP (pdf.js: an XMP packet that is not well-formed gives no metadata). */
async function metadataOf(file: string): Promise<{ info: Record<string, unknown>; xmp: Map<string, unknown> | undefined }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false }).promise;
  try {
    const m = await doc.getMetadata();
    const xmp = m.metadata ? new Map(m.metadata as unknown as Iterable<[string, unknown]>) : undefined;
    return { info: m.info as Record<string, unknown>, xmp };
  } finally {
    await doc.destroy();
  }
}

/** The XMP packet as stored (pdfkit writes it uncompressed). */
const xmpPacket = (file: string): string => {
  const s = readFileSync(file).toString('utf8');
  const a = s.indexOf('<?xpacket begin');
  const b = s.indexOf('<?xpacket end');
  return s.slice(a, b);
};

const mutool = (...args: string[]): string => execFileSync('mutool', args, { encoding: 'utf8' });

describe.skipIf(!hasTool('mutool') || !hasTool('pdffonts'))('PDF/A-2b', () => {
  let pdf = '';
  let hostile = '';
  beforeAll(async () => {
    const dir = exampleProject();
    // 031-A has a seal PNG with an alpha channel.
    const r = await run(dir, 'build', 'content/replies/2024-proposal-031-A.md', '--pdfa', '--format', 'pdf', '--out', 'out');
    expect(r.code, r.err).toBe(0);
    pdf = join(dir, 'out', '2024-proposal-031-A.pdf');
    const h = project({ 'h.md': GOOD_REPLY.replace('type: reply', 'type: reply\ntitle: "关于<script>alert(1)</script> & “课后服务”的答复"') });
    expect((await run(h, 'build', 'h.md', '--pdfa', '--format', 'pdf')).code).toBe(0);
    hostile = join(h, 'output', 'h.pdf');
  });

  it('identifies itself as PDF/A-2b in XMP, with title, creator, description and dates from the document', async () => {
    const { info, xmp } = await metadataOf(pdf);
    expect(xmp).toBeDefined();
    expect(xmp!.get('pdfaid:part')).toBe('2');
    expect(xmp!.get('pdfaid:conformance')).toBe('B');
    expect(xmp!.get('dc:title')).toBe('对市政协十届三次会议第031号提案的答复');
    expect(xmp!.get('dc:creator')).toEqual(['江川市教育局']);
    expect(xmp!.get('dc:description')).toBe('江教提〔2024〕31号');
    const packet = xmpPacket(pdf);
    expect(packet).toContain('<xmp:CreateDate>2024-07-16T00:00:00Z</xmp:CreateDate>');
    // Info's ModDate has its XMP equivalent [ISO 19005-2 6.6.3].
    expect(packet).toContain('<xmp:ModifyDate>2024-07-16T00:00:00Z</xmp:ModifyDate>');
    expect(info['PDFFormatVersion']).toBe('1.7');
    expect(info['Title']).toBe('对市政协十届三次会议第031号提案的答复');
    expect(info['Author']).toBe('江川市教育局');
    expect(info['Subject']).toBe('江教提〔2024〕31号');
    expect(info['CreationDate']).toMatch(/^D:20240716000000/);
  });

  it('has an sRGB output intent with an embedded ICC profile', () => {
    // mutool paths count array elements from 1.
    const intent = mutool('show', pdf, 'trailer/Root/OutputIntents/1');
    expect(intent).toMatch(/\/Type \/OutputIntent/);
    expect(intent).toMatch(/\/S \/GTS_PDFA1/);
    expect(intent).toMatch(/\/OutputConditionIdentifier \(sRGB IEC61966-2\.1\)/);
    const profile = mutool('show', pdf, 'trailer/Root/OutputIntents/1/DestOutputProfile');
    expect(profile).toMatch(/\/N 3/);
    const icc = execFileSync('mutool', ['show', '-b', pdf, 'trailer/Root/OutputIntents/1/DestOutputProfile']);
    expect(icc.subarray(36, 40).toString('latin1')).toBe('acsp'); // the ICC signature
    expect(icc.subarray(16, 20).toString('latin1')).toBe('RGB ');
  });

  it('embeds every font', () => {
    const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(out.length).toBeGreaterThan(0);
    for (const line of out) expect(line.split(/\s+/).slice(-5, -4)[0], line).toBe('yes');
  });

  it('draws no uncalibrated CMYK under the RGB output intent; the seal keeps its soft mask', () => {
    const dir = join(pdf, '..');
    const clean = join(dir, 'clean.pdf');
    execFileSync('mutool', ['clean', '-d', pdf, clean]);
    const text = readFileSync(clean).toString('latin1');
    expect(text).not.toMatch(/DeviceCMYK/);
    expect(text).toMatch(/\/SMask \d+ 0 R/);
    // Red is still red: the spec's screen red.
    const [r, g, b] = cmykToRgb();
    expect(text).toContain(`${r} ${g} ${b} scn`);
  });

  it('escapes hostile metadata in the XMP packet (pdf.js parses it back literally)', async () => {
    const { info, xmp } = await metadataOf(hostile);
    const title = '关于<script>alert(1)</script> & “课后服务”的答复';
    expect(info['Title']).toBe(title);
    expect(xmp, 'the XMP packet must parse').toBeDefined();
    expect(xmp!.get('dc:title')).toBe(title);
    expect(safeXmpText(xmpPacket(hostile))).toBe(true);
  });

  it('a PDF built without --pdfa has no PDF/A claim', async () => {
    const dir = project({ 'a.md': GOOD_REPLY });
    await run(dir, 'build', 'a.md', '--format', 'pdf');
    expect(readFileSync(join(dir, 'output', 'a.pdf')).toString('latin1')).not.toContain('pdfaid');
  });
});
