// Library internals are reached from the adapters alone: no other source file names a
// private member (`._x`), casts through unknown to reach one, reads fontkit's tables by tag,
// or uses the docx compiler.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', '..', 'src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });

describe('adapter boundary', () => {
  it('no file outside src/adapters touches a library internal', () => {
    const offenders: string[] = [];
    for (const f of files(src)) {
      const rel = relative(src, f);
      if (rel.startsWith('adapters/') || rel.startsWith('types/')) continue;
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          if (
            /\.\s*_[a-zA-Z]\w*/.test(code) ||
            /Packer\.compiler|Packer as unknown/.test(code) ||
            /\bas unknown as (PDFKit|Pdfkit|Font|.*Internals)/.test(code) ||
            // fontkit's table directory and decoded tables by tag (fontTable, hasTable, rawTable)
            /\.directory\.tables|\[['"](OS\/2|head|hhea|maxp|loca|glyf|post|name|cmap)['"]\]/.test(code)
          ) {
            offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
          }
        });
    }
    expect(offenders).toEqual([]);
  });
});
