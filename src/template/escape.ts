// Escaping of front-matter values before they enter a template. A value can never create
// structure: no heading, directive, link, emphasis or HTML, whatever it contains.

/**
 * ASCII punctuation. Written as numeric character references rather than backslash escapes:
 * GFM autolink literals (http://, www., mail addresses) ignore backslashes but not references.
 */
const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** Line breaks and other control characters would start new blocks: fold them to a space. */
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

/** Escape text for Markdown inline content (paragraph text, directive labels `[…]`). */
export function escapeMarkdown(value: string): string {
  return value.replace(CONTROL, ' ').replace(ASCII_PUNCTUATION, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Escape text for a directive attribute value in double quotes. Attribute values decode
 * character references but not backslash escapes.
 */
export function escapeAttribute(value: string): string {
  return value
    .replace(CONTROL, ' ')
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

type Escapable = string | number | boolean | null | undefined | Escapable[] | { [k: string]: Escapable };

/** Apply an escaper to every string of a plain value (objects and arrays are copied). */
export function escapeDeep<T extends Escapable>(value: T, escape: (s: string) => string): T {
  if (typeof value === 'string') return escape(value) as T;
  if (Array.isArray(value)) return value.map((v) => escapeDeep(v, escape)) as T;
  if (value && typeof value === 'object') {
    const out: { [k: string]: Escapable } = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeDeep(v, escape);
    return out as T;
  }
  return value;
}
export type { Escapable };
