/**
 * Quoting for rsyslog's RainerScript, the one way a value enters a rendered
 * rsyslog file. The rule, from rsyslog grammar/lexer.l (state INOBJ, inside
 * `module(…)`, `action(…)`, `template(…)`): a string is
 * `"` ( [^"\\] | \\['"?\\abfnrtv] | \\[0-7]{1,3} )* `"`, unescaped by
 * `unescapeStr`. So `"` and `\` are written `\"` and `\\`; `#`, `$` and a
 * backtick are literal inside double quotes. Control characters (line breaks)
 * are refused rather than escaped: no value the wizard writes may hold one.
 */

const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/u;

/** The first character a RainerScript value must not hold, as `U+XXXX`, or undefined. */
export function unrepresentableCharacter(value: string): string | undefined {
  const match = CONTROL_CHARACTER.exec(value);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** Thrown when a value reaches the template that the option schemas should have rejected. */
export class UnrepresentableRainerScriptValueError extends Error {
  constructor(what: string, codePoint: string) {
    super(`${what}: the control character ${codePoint} cannot be written into an rsyslog config; remove it.`);
    this.name = 'UnrepresentableRainerScriptValueError';
  }
}

/** `value` as a double-quoted RainerScript string that unescapes to exactly `value`. */
export function rainerString(value: string, what = 'Value'): string {
  const bad = unrepresentableCharacter(value);
  if (bad !== undefined) throw new UnrepresentableRainerScriptValueError(what, bad);
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
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
