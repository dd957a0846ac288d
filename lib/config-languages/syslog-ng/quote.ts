/**
 * Quoting for syslog-ng configuration files, the one way a value enters a
 * rendered syslog-ng file. The rules, from syslog-ng lib/cfg-lex.l: a
 * double-quoted string takes C escapes (`\n`, `\t`, `\xHH`, …) and any other
 * `\c` stands for `c`, so `"` and `\` are written `\"` and `\\`. A backtick
 * pair is replaced before parsing by an `@define` or environment variable of
 * that name (lib/cfg-lexer-subst.c), also inside strings, and cannot be
 * escaped: a value holding a backtick is refused, as is any control character.
 */

import { controlCharacter, quotedOrRefused } from '../backslash-string';

/** The first character a syslog-ng value must not hold, as `U+XXXX` or “`”, or undefined. */
export function unrepresentableCharacter(value: string): string | undefined {
  return value.includes('`') ? '`' : controlCharacter(value);
}

/** Thrown when a value reaches the template that the option schemas should have rejected. */
export class UnrepresentableSyslogNgValueError extends Error {
  constructor(what: string, character: string) {
    super(`${what}: the character ${character} cannot be written into a syslog-ng config; remove it.`);
    this.name = 'UnrepresentableSyslogNgValueError';
  }
}

/** `value` as a double-quoted syslog-ng string that reads back as exactly `value`. */
export function syslogNgString(value: string, what = 'Value'): string {
  return quotedOrRefused(value, unrepresentableCharacter, (bad) => new UnrepresentableSyslogNgValueError(what, bad));
}

/** A reference to an environment variable (or `@define`), substituted when syslog-ng reads the file. */
export function syslogNgBacktick(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`syslog-ng backtick reference: “${name}” is not a variable name`);
  return `"\`${name}\`"`;
}

/** A syslog-ng object name (source, destination): letters, digits and `_`, not starting with a digit. */
export function isSyslogNgIdentifier(value: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value);
}
