// Four hex digits of a 16-bit value, as PDF strings of glyph ids and CMaps write them.
// Glyph ids of a subset and the code units of the text are few and recur in every document.

const HEX4: string[] = [];

/** `n` (0…0xffff) as four lower-case hex digits. */
export const hex4 = (n: number): string => (HEX4[n] ??= n.toString(16).padStart(4, '0'));
