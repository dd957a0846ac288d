/**
 * Quoting for rsyslog's RainerScript, the one way a value enters a rendered
 * rsyslog file. The rule, from rsyslog grammar/lexer.l (state INOBJ, inside
 * `module(…)`, `action(…)`, `template(…)`): a string is
 * `"` ( [^"\\] | \\['"?\\abfnrtv] | \\[0-7]{1,3} )* `"`, unescaped by
 * `unescapeStr`. So `"` and `\` are written `\"` and `\\`; `#`, `$` and a
 * backtick are literal inside double quotes. Control characters (line breaks)
 * are refused rather than escaped: no value the wizard writes may hold one.
 */

import { controlCharacter, quotedOrRefused } from '../backslash-string';

/** The first character a RainerScript value must not hold, as `U+XXXX`, or undefined. */
export const unrepresentableCharacter: (value: string) => string | undefined = controlCharacter;

/** Thrown when a value reaches the template that the option schemas should have rejected. */
export class UnrepresentableRainerScriptValueError extends Error {
  constructor(what: string, codePoint: string) {
    super(`${what}: the control character ${codePoint} cannot be written into an rsyslog config; remove it.`);
    this.name = 'UnrepresentableRainerScriptValueError';
  }
}

/** `value` as a double-quoted RainerScript string that unescapes to exactly `value`. */
export function rainerString(value: string, what = 'Value'): string {
  return quotedOrRefused(value, unrepresentableCharacter, (bad) => new UnrepresentableRainerScriptValueError(what, bad));
}

/**
 * A backtick constant `` `echo …` `` (rsyslog 8.33+): rsyslog runs no shell,
 * it echoes the text with `$NAME` replaced by the environment variable. Only
 * plain words are accepted, so nothing needs escaping.
 */
export function rainerEcho(text: string): string {
  if (!/^[A-Za-z0-9_.=$/-]+$/.test(text)) throw new Error(`backtick echo: “${text}” must be letters, digits and _ . = $ / - only`);
  return `\`echo ${text}\``;
}
