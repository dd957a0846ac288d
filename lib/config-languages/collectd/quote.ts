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

import { controlCharacter, quotedOrRefused } from '../backslash-string';

/** The first character a collectd string cannot hold, as `U+XXXX`, or undefined. */
export const unrepresentableCharacter: (value: string) => string | undefined = controlCharacter;

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
  return quotedOrRefused(value, unrepresentableCharacter, (bad) => new UnrepresentableCollectdValueError(what, bad));
}
