// The Unicode data fontkit shapes by (the same package and version fontkit resolves).
declare module 'unicode-properties' {
  /** Unicode script name of a code point: 'Han', 'Latin', 'Common', 'Inherited', 'Unknown', … */
  export function getScript(codePoint: number): string;
  /** Whether the code point is a combining mark (general category M*). */
  export function isMark(codePoint: number): boolean;
  /** Unicode general category of a code point: 'Lo', 'Cf', 'Mn', … */
  export function getCategory(codePoint: number): string;
}
