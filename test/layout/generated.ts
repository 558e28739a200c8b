// Generated punctuation-heavy paragraphs and an independent check of whether they can be set
// with every justified line within ±1 cell (shared by the breaker's and the PDF's property tests).
// A restatement of the rules for pure Chinese text (full-width characters only), used to decide
// independently whether a paragraph can be set with every justified line within ±1 cell of the
// measure: n glyphs in a line of M cells is exact (n = M), spread by one cell (n = M − 1), or
// squeezed by one cell (n = M + 1, two half-em marks before the last glyph give up their halves).
export const NO_START = new Set([...'，。、；：？！）》」』”’〕】—…']);
export const NO_END = new Set([...'（《「『“‘〔【']);
const HALF_EM = new Set([...'、，。；：）》」』”’〕】（《「『“‘〔【']);
const mayBreak = (s: string[], i: number): boolean => !NO_START.has(s[i]!) && !NO_END.has(s[i - 1]!);
/** Whether a ±1 setting exists (first line M1 cells, the rest M), by reachability over break positions. */
export function settable(text: string, M1: number, M: number): boolean {
  const s = [...text];
  const ok = new Array<boolean>(s.length + 1).fill(false);
  const lineOf = new Array<number>(s.length + 1).fill(-1);
  ok[0] = true;
  lineOf[0] = 0;
  for (let a = 0; a < s.length; a++) {
    if (!ok[a]) continue;
    const m = lineOf[a] === 0 ? M1 : M;
    for (let b = a + 1; b <= Math.min(s.length, a + m + 1); b++) {
      if (b < s.length && !mayBreak(s, b)) continue;
      const n = b - a;
      const marks = s.slice(a, b - 1).filter((c) => HALF_EM.has(c)).length;
      const fits = b === s.length ? n <= m || (n === m + 1 && marks >= 2) : n === m || n === m - 1 || (n === m + 1 && marks >= 2);
      if (fits && !ok[b]) {
        ok[b] = true;
        lineOf[b] = 1;
      }
    }
  }
  return ok[s.length]!;
}

/** A deterministic generator of punctuation-heavy Chinese paragraphs. */
export function* paragraphs(count: number, seed = 1): Generator<string> {
  let x = seed;
  const rnd = (n: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % n;
  };
  const words = ['集团化办学', '教育', '优质资源', '名校长', '工作室', '实施方案', '市政府', '审批', '学位', '均衡发展', '教师', '培训'];
  const pieces = [
    () => words[rnd(words.length)]!,
    () => '，',
    () => '。',
    () => '、',
    () => `《${words[rnd(words.length)]}》`,
    () => `（${words[rnd(words.length)]}）`,
    () => `“${words[rnd(words.length)]}”`,
    () => '——',
    () => '……',
    () => `《${words[rnd(words.length)]}》（以下简称《方案》），`,
    () => `“${words[rnd(words.length)]}。”`,
    () => '：',
    () => '；',
    () => '！',
  ];
  for (let k = 0; k < count; k++) {
    let p = words[rnd(words.length)]!;
    const len = 40 + rnd(160);
    while ([...p].length < len) {
      const last = p.at(-1)!;
      let piece = pieces[rnd(pieces.length)]!();
      // Keep it well-formed: no mark right after a mark that would double it up oddly.
      if (NO_START.has(piece[0]!) && (NO_START.has(last) || NO_END.has(last))) piece = words[rnd(words.length)]!;
      p += piece;
    }
    yield p + '。';
  }
}

