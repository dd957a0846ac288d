/**
 * Quoting for collectd.conf (liboconfig), the one way a value enters a
 * rendered collectd file.
 *
 * The rules, from collectd's src/liboconfig/scanner.l and parser.y:
 * - a quoted string is `"` ( [^\\"] | \\. )* `"`; inside it `#` is literal
 *   (a comment starts only at `#` outside quotes);
 * - `unquote()` drops every backslash and keeps the next character as is, so
 *   `\"` gives `"` and `\\` gives `\`; there are no C escapes such as `\n`;
 * - a backslash before a line break continues the line, so a line break (or
 *   any other control character) cannot be carried in a value, and a NUL ends
 *   the C string. Those are rejected here and, earlier, by the option schemas.
 * collectd 5.x has no `${...}` or environment substitution, so nothing else
 * inside quotes is special.
 */

/** C0 controls, DEL and C1 controls: not representable (line breaks) or invisible mischief. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/u;

/** The first character a collectd string cannot hold, as `U+XXXX`, or undefined. */
export function unrepresentableCharacter(value: string): string | undefined {
  const match = CONTROL_CHARACTER.exec(value);
  if (!match) return undefined;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Thrown when a value reaches the template that the option schemas should have rejected. */
export class UnrepresentableCollectdValueError extends Error {
  constructor(what: string, codePoint: string) {
    super(`${what}: the control character ${codePoint} cannot be written into collectd.conf; remove it.`);
    this.name = 'UnrepresentableCollectdValueError';
  }
}

/**
 * `value` as a double-quoted collectd string that unquotes to exactly `value`.
 * `what` names the value in the error if it holds a control character.
 */
export function collectdString(value: string, what = 'Value'): string {
  const bad = unrepresentableCharacter(value);
  if (bad !== undefined) throw new UnrepresentableCollectdValueError(what, bad);
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
