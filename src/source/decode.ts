// Bytes → text. Files are UTF-8; a byte-order mark and CRLF (or lone CR) line endings are
// accepted and removed so that lines and columns count as an editor shows them. A file in
// another encoding gets a clear error (GBK/GB18030 named when the bytes look like it).

import { Problem } from '../errors.js';
import { MAX_SOURCE_BYTES } from '../spec/limits.js';

export type Decoded = { ok: true; text: string; removed?: Removed } | { ok: false; problem: Problem };

/** Control characters taken out of a text: how many, and the line of the first. */
export interface Removed {
  line: number;
  count: number;
}

/**
 * Characters no document prints and an XML part cannot hold: C0 controls other than tab and
 * line feed, DEL, C1 controls, and the noncharacters U+FFFE/U+FFFF.
 */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/** The text without control characters (see CONTROLS), and what was removed. */
export function removeControls(text: string): { text: string; removed?: Removed } {
  CONTROLS.lastIndex = 0;
  const first = CONTROLS.exec(text);
  if (!first) return { text };
  let count = 0;
  const clean = text.replace(CONTROLS, () => {
    count++;
    return '';
  });
  const line = text.slice(0, first.index).split('\n').length;
  return { text: clean, removed: { line, count } };
}

/** The warning for removed control characters: one per file, naming the first line. */
export function controlsWarning(file: string, removed: Removed): Problem {
  return new Problem({
    file,
    pos: { line: removed.line, col: 1 },
    what: {
      zh: `删除了 ${removed.count} 个不可打印的控制字符（首个在本行）`,
      en: `${removed.count} unprintable control character(s) removed (the first on this line)`,
    },
  });
}

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

/** The error for a file over MAX_SOURCE_BYTES. */
export function tooLarge(file: string, size: number): Problem {
  return new Problem({
    file,
    what: { zh: `文件过大：最多 ${mb(MAX_SOURCE_BYTES)} MB`, en: `the file is too large: at most ${mb(MAX_SOURCE_BYTES)} MB` },
    found: `${mb(size)} MB`,
    hint: { zh: '请把内容拆成几个文件', en: 'split the text into several files' },
  });
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = c & (n === 1 ? 0x1f : n === 2 ? 0x0f : 0x07);
    for (let j = 1; j <= n; j++) {
      const t = b[i + j];
      if (t === undefined || (t & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (t & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

function looksLikeGb18030(b: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Line and column (1-based, in characters) of a byte offset in a UTF-8 prefix. */
function positionOf(b: Uint8Array, offset: number, skip: number): { line: number; col: number } {
  const prefix = new TextDecoder('utf-8').decode(b.subarray(skip, offset)).replace(/\r\n?/g, '\n');
  const lines = prefix.split('\n');
  return { line: lines.length, col: [...lines[lines.length - 1]!].length + 1 };
}

export function decodeSource(file: string, bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_SOURCE_BYTES) return { ok: false, problem: tooLarge(file, bytes.length) };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      problem: new Problem({
        file,
        pos: { line: 1, col: 1 },
        what: { zh: '文件是 UTF-16 编码', en: 'the file is encoded in UTF-16' },
        expected: { zh: 'UTF-8 编码', en: 'UTF-8' },
        hint: { zh: '请在编辑器中另存为 UTF-8 编码', en: 'save the file as UTF-8 in your editor' },
      }),
    };
  }
  const skip = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const bad = firstInvalidUtf8(bytes.subarray(skip));
  if (bad >= 0) {
    const gbk = looksLikeGb18030(bytes.subarray(skip));
    return {
      ok: false,
      problem: new Problem({
        file,
        pos: positionOf(bytes, bad + skip, skip),
        what: gbk
          ? { zh: '文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码', en: 'the file is not UTF-8; it looks like GBK/GB18030' }
          : { zh: '文件不是有效的 UTF-8 编码', en: 'the file is not valid UTF-8' },
        expected: { zh: 'UTF-8 编码', en: 'UTF-8' },
        hint: { zh: '请在编辑器中另存为 UTF-8 编码', en: 'save the file as UTF-8 in your editor' },
      }),
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes.subarray(skip)).replace(/\r\n?/g, '\n');
  return { ok: true, ...removeControls(text) };
}
