// Generators of hostile and unusual sources for the fuzz suite: front matter with valid keys
// holding wrong types, huge or empty values, YAML anchors and aliases, dates of any year;
// Markdown with deep nesting of every container, wide and ragged tables, long unbreakable
// tokens, text from every Unicode plane with control and format characters, and misused
// template directives.

import fc from 'fast-check';

/** Characters that break things: controls, format characters, noncharacters, surrogate-plane text. */
/** Mostly small, sometimes up to `max`: most cases stay within the limits and reach the writers. */
const size = (small: number, max: number): fc.Arbitrary<number> =>
  fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: small }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max }) });

const NASTY = [
  '\u0000', '\u0001', '\u0007', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u009F',
  '\u200B', '\u200C', '\u200D', '\u200E', '\u202A', '\u202E', '\u202C', '\u2066', '\u2069', '\u2060', '\uFEFF', '\u00AD',
  '\uFE0F', '\uFE00', '\u{E0100}', '\u{E0001}', '\uFFFE', '\uFFFF', '\uFFFD', '\u{10FFFF}', '\u{1F600}', '\u{1F468}\u200D\u{1F469}',
  '\u{20000}', '\u0301', '\t', '\\', '`', '*', '_', '[', ']', '|', ':', '{', '}', '<', '>', '#', '~', '&', '"', "'",
];

/** Text: Chinese, Latin, any code point, nasty characters. */
export const text = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom('公文', '通知', '江川市教育局', '。', '，', '“', '”', '（', '）', '——', '……', '2024', 'abc', ' ') },
        { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
        { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
      ),
      { maxLength },
    )
    .map((parts) => parts.join('').replace(/\n/g, ' '));

/** One line of inline Markdown: text with emphasis, links, images, code, footnotes, text directives, HTML. */
const inline: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: text(12) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('*', '**', '_', '~~', '***'), text(6)).map(([m, t]) => `${m}${t}${m}`) },
      { weight: 1, arbitrary: fc.tuple(text(6), text(6)).map(([a, u]) => `[${a}](${u.replace(/[\s()]/g, '')})`) },
      { weight: 1, arbitrary: fc.constantFrom('![图](%E0%A4%A)', '![x](nope.png)', '![x](../../etc/passwd)', '![x](http://example.invalid/a.png)', '![x](content)', '![x](a.md)') },
      { weight: 1, arbitrary: fc.constantFrom('`code`', '[^1]', ':name[x]', ':label[x]{for="y"}', '<b>x</b>', '<script>', '{{meta.title}}', '\\', '  ') },
      { weight: 1, arbitrary: size(3, 40).map((n) => '['.repeat(n) + 'x' + ']'.repeat(n)) },
      { weight: 1, arbitrary: size(3, 40).map((n) => '*'.repeat(n) + 'x' + '*'.repeat(n)) },
    ),
    { maxLength: 8 },
  )
  .map((p) => p.join(''));

/** A long unbreakable token (Latin word, URL, digits). */
const longToken: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a', 'W', '1', 'http://x.y/', '—', '…', '。', '（'), fc.integer({ min: 50, max: 3000 }))
  .map(([s, n]) => s.repeat(Math.ceil(n / s.length)));

/** Nested containers: quotes, bullet and ordered lists, mixed, on one line or by indentation. */
const nested: fc.Arbitrary<string> = fc
  .tuple(size(6, 60), fc.constantFrom('quote', 'bullet', 'ordered', 'mixed', 'indent', 'directive'), inline)
  .map(([n, kind, t]) => {
    switch (kind) {
      case 'quote':
        return '>'.repeat(n) + ' ' + t;
      case 'bullet':
        return '- '.repeat(n) + t;
      case 'ordered':
        return '1. '.repeat(n) + t;
      case 'mixed':
        return '> - 1. '.repeat(Math.ceil(n / 3)) + t;
      case 'indent':
        return Array.from({ length: n }, (_, i) => '  '.repeat(i) + '- ' + t).join('\n');
      default:
        return Array.from({ length: n }, (_, i) => ':'.repeat(n + 3 - i) + 'editor-note').join('\n') + '\n' + t + '\n' + Array.from({ length: n }, (_, i) => ':'.repeat(i + 3)).join('\n');
    }
  });

/** A GFM table, possibly wide and ragged. */
const table: fc.Arbitrary<string> = fc
  .tuple(size(8, 45), fc.array(fc.array(inline, { maxLength: 24 }), { maxLength: 5 }), fc.constantFrom('-', ':-', ':-:', '-:'))
  .map(([cols, rows, align]) => {
    const row = (cells: string[]) => '|' + cells.map((c) => c.replace(/[|\n]/g, '')).join('|') + '|';
    return [row(Array.from({ length: cols }, (_, i) => `列${i}`)), row(Array(cols).fill(align)), ...rows.map(row)].join('\n');
  });

/** Directives of the templates' vocabulary, misused in the body. */
const directive: fc.Arbitrary<string> = fc.constantFrom(
  '::red-rule',
  '::title[另一个标题]',
  '::signature{date="2024-01-01"}',
  ':::colophon\n::row[抄送]{label="抄送"}\n:::',
  ':::colophon',
  '::label[（此页无正文）]{for="no-body-text"}',
  '::label[x]{for="unknown"}',
  '::page-break',
  '::credit[（供稿）]',
  ':::editor-note\n编者按\n:::',
  '::item[附件]',
  '::unknown-directive',
  ':::',
  '::masthead',
  '::toc',
  '::issuer-mark{lines="a|b|c"}',
);

/** One Markdown block. */
export const block: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: inline },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), inline).map(([d, t]) => '#'.repeat(d) + ' ' + t) },
  { weight: 2, arbitrary: nested },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: longToken },
  { weight: 2, arbitrary: directive },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '    '), inline).map(([f, t]) => (f === '    ' ? f + t : `${f}\n${t}\n${f}`)) },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '<div>\n原样\n</div>', '[^1]: 脚注', '[a]: /u', '- [ ] 任务', '1) 一', '| a |', '|-|') },
);

export const body: fc.Arbitrary<string> = fc.array(block, { minLength: 1, maxLength: 8 }).map((bs) => bs.join('\n\n'));

/** A YAML value as typed: right, wrong type, huge, empty, anchors and aliases, dates of any year. */
const yamlValue = (good: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(good) },
    {
      weight: 3,
      arbitrary: fc.constantFrom('', '~', 'null', '[]', '{}', '[a, b]', '{a: 1}', '123', '-1', '0', 'true', '.nan', '"', "'x", '*undefined', '&a x', '!!binary aGk=', '|\n  多行\n  文本', '>-\n  折叠'),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 20000 }).map((n) => '字'.repeat(n)) },
    { weight: 2, arbitrary: text(30).map((t) => JSON.stringify(t)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.boolean())
        .map(([y, m, d, zh]) => (zh ? `${y}年${m}月${d}日` : `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)),
    },
  );

/** The front matter of a notice (通知): every line may be replaced by a hostile value or dropped. */
export const frontMatter: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('notice', 'reply', 'request', 'bulletin', 'approval', 'circular', '通知', 'nonsense', ''),
    yamlValue('江川市教育局'),
    yamlValue('江教发〔2024〕8号'),
    yamlValue('关于做好冬季校园安全工作的通知'),
    yamlValue('各县（市、区）教育局'),
    yamlValue('2024-12-02'),
    fc.constantFrom('', 'seal: assets/seal.png\n', 'seal: huge.png\n', 'seal: bomb.png\n', 'seal: ../x.png\n', 'anchors: &a [*a]\n', 'x: &a 1\ny: *a\n', 'format: letter\n', 'attachments: [att.md]\n', 'attachments: [big.md]\n'),
  )
  .map(
    ([type, issuer, number, title, to, date, extra]) =>
      `type: ${type}\nissuer: ${issuer}\nnumber: ${number}\ntitle: ${title}\nto: ${to}\ndate: ${date}\nsigner: 张三\n${extra}`,
  );

/** Front matter that is right, so that the body reaches the layout and the writers. */
const GOOD_FRONT_MATTER = [
  'type: notice\nissuer: 江川市教育局\nnumber: 江教发〔2024〕8号\ntitle: 关于做好冬季校园安全工作的通知\nto: 各县（市、区）教育局\ndate: 2024-12-02\n',
  'type: notice\nissuer: 江川市教育局\nnumber: 江教发〔2024〕8号\ntitle: 关于通知的通知\nto: 各学校\ndate: 2024-12-02\nseal: assets/seal-jiangchuan.png\nattachments: [att.md]\n',
  'type: bulletin\nname: 江川教育\nissue: 3\neditor: 江川市教育局办公室\ndate: 2024-11-18\n',
];

/** A whole source: front matter (mostly right, sometimes hostile) and body. */
export const source: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...GOOD_FRONT_MATTER) }, { weight: 1, arbitrary: frontMatter }),
    body,
    fc.constantFrom('---\n', '---\n', '---\r\n', '\uFEFF---\n'),
  )
  .map(([fm, b, open]) => `${open}${fm}---\n\n${b}\n`);
