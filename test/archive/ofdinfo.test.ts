// The archive checks' reading of an OFD: DocType, title, pages and fonts of a real package,
// and what a broken or stripped package gives.

import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { GOOD_REPLY, project, run } from '../cli/helpers.js';
import { readPdfGeometry } from '../helpers/pdf-geometry.js';
import { ofdFacts } from '../../src/archive/ofdinfo.js';

let ofd: Uint8Array;
let pdf: Buffer;

beforeAll(async () => {
  const dir = project({ 'a.md': GOOD_REPLY });
  const r = await run(dir, 'build', 'a.md', '--out', 'out', '-f', 'pdf,ofd', '--archive', 'arch');
  expect(r.code, r.err).toBe(0);
  ofd = new Uint8Array(readFileSync(join(dir, 'out', 'a.ofd')));
  pdf = readFileSync(join(dir, 'out', 'a.pdf'));
}, 120_000);

describe('ofdFacts', () => {
  it('reads DocType, title and pages of an archived OFD, every font embedded', async () => {
    const facts = ofdFacts(ofd);
    expect(facts).toMatchObject({ wellFormed: true, docType: 'OFD-A', fontsNotEmbedded: [] });
    expect(facts.title).toContain('答复');
    expect(facts.pages).toBe((await readPdfGeometry(pdf)).pages.length);
  });

  it('names a font whose file is gone, and calls a package without its pages broken', () => {
    const files = unzipSync(ofd);
    const font = Object.keys(files).find((n) => n.endsWith('.ttf'))!;
    const { [font]: _gone, ...rest } = files;
    expect(ofdFacts(zipSync(rest)).fontsNotEmbedded).toHaveLength(1);
    const page = Object.keys(files).find((n) => n.endsWith('Content.xml'))!;
    const { [page]: _page, ...noPage } = files;
    expect(ofdFacts(zipSync(noPage)).wellFormed).toBe(false);
    expect(ofdFacts(new Uint8Array([1, 2, 3])).wellFormed).toBe(false);
  });
});
