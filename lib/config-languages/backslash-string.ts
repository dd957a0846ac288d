/**
 * What collectd, RainerScript and syslog-ng strings have in common: a
 * double-quoted string in which `"` and `\` are written `\"` and `\\`, and
 * which cannot carry a control character (each language's quote.ts cites
 * why). Each language adds its own refusals and its own error class.
 */

/** C0 controls, DEL and C1 controls: not representable (line breaks) or invisible mischief. */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/u;

/** The first control character in `value`, as `U+XXXX`, or undefined. */
export function controlCharacter(value: string): string | undefined {
  const match = CONTROL_CHARACTER.exec(value);
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

/** `value` between double quotes with `"` and `\` backslash-escaped (the caller has refused what its language cannot hold). */
function backslashQuoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** `value` backslash-quoted, or thrown: the error `refuse` makes of the first character `find` reports. */
export function quotedOrRefused(value: string, find: (value: string) => string | undefined, refuse: (character: string) => Error): string {
  const bad = find(value);
  if (bad !== undefined) throw refuse(bad);
  return backslashQuoted(value);
}
