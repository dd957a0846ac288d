/**
 * Values in Fluent Bit configs (classic `.conf` and YAML alike): the one
 * "can this value be written" check, and the classic format's `Key value`
 * line.
 *
 * The classic format has no quoting at all (fluent/fluent-bit
 * src/config_format/flb_cf_fluentbit.c, `read_config`): a line is split at its
 * first space into key and value, the value runs to the line end, and
 * `flb_cf_section_property_add` (src/config_format/flb_config_format.c) trims
 * blanks off both ends. So a value can be written exactly when it is not
 * empty, holds no line break or other control character, and neither starts
 * nor ends with a blank. A `#` inside a value is literal: only a line that
 * starts (after its indent) with `#` is a comment.
 *
 * Both formats then pass every property value through
 * `flb_env_var_translate` (src/flb_env.c), which replaces `${NAME}` with the
 * variable and has no escape; a literal value therefore must not contain
 * `${`. References are written on purpose through `fluentBitReference`.
 */

/** Why `value` cannot be written as a Fluent Bit value, in the user's words (`label: …`), or undefined. */
export function fluentBitValueProblem(label: string, value: string): string | undefined {
  if (value === '') return `${label}: enter a value; Fluent Bit refuses an empty one.`;
  if (/\p{Cs}/u.test(value)) return `${label}: the value contains a broken character; type it again.`;
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    return `${label}: remove the line break, tab or other control character; a Fluent Bit value is one line.`;
  }
  if (value !== value.trim()) return `${label}: remove the spaces at the start and end; Fluent Bit would drop them.`;
  if (value.includes('${')) return `${label}: remove “\${”; Fluent Bit reads \${NAME} as an environment variable and has no escape for it.`;
  return undefined;
}

/** Thrown when a value that the option schemas should have refused reaches a template. */
export class UnrepresentableFluentBitValueError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'UnrepresentableFluentBitValueError';
  }
}

/** `value` unchanged, after checking Fluent Bit reads it back exactly; throws otherwise. */
export function fluentBitLiteral(label: string, value: string): string {
  const problem = fluentBitValueProblem(label, value);
  if (problem) throw new UnrepresentableFluentBitValueError(problem);
  return value;
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `<prefix>${NAME}`: a reference Fluent Bit resolves at start-up. The prefix is checked like any literal. */
export function fluentBitReference(name: string, prefix = ''): string {
  if (!VARIABLE_NAME.test(name)) throw new UnrepresentableFluentBitValueError(`not an environment variable name: ${JSON.stringify(name)}`);
  if (prefix !== '') fluentBitLiteral('Value', prefix);
  if (/\s$/.test(prefix)) throw new UnrepresentableFluentBitValueError('a reference prefix cannot end with a blank');
  return `${prefix}\${${name}}`;
}

/** Keys are ours, never the user's: letters, digits, `_` and dots (`rdkafka.sasl.username`). */
const KEY = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/;

/**
 * One classic `Key value` line, the key padded to `width` so values line up.
 * `value` must already be a checked literal or a reference.
 */
export function classicLine(indent: string, key: string, value: string, width = 0): string {
  if (!KEY.test(key)) throw new Error(`not a config key: ${key}`);
  if (!/^[ ]+$/.test(indent)) throw new Error('the indent is one or more spaces');
  if (fluentBitValueProblem('Value', value.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*\}/g, 'x'))) {
    throw new UnrepresentableFluentBitValueError(`${key}: the value cannot be written in a classic Fluent Bit file`);
  }
  return `${indent}${key.padEnd(width)} ${value}`;
}

/**
 * A classic comment line: constant text, one line. At column 0 it is a
 * comment anywhere; inside a section it may carry the section's indent
 * (read_config skips a line whose first character after the indent is `#`).
 */
export function classicComment(text: string, indent = ''): string {
  if (/[\r\n\u0085\u2028\u2029]/.test(text)) throw new Error('a comment is one line');
  if (!/^[ ]*$/.test(indent)) throw new Error('the indent is spaces only');
  return `${indent}${text === '' ? '#' : `# ${text}`}`;
}
