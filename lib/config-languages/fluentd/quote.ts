/**
 * Quoting for the Fluentd v1 config language (fluent/fluentd
 * lib/fluent/config/literal_parser.rb, v1_parser.rb, basic_parser.rb).
 *
 * - Unquoted values end at the line end, and ` #` starts a comment: never
 *   used for user input.
 * - Single-quoted values know only `\'` and `\\`; nothing else is special,
 *   nothing is evaluated. They cannot hold a line break.
 * - Double-quoted values know `\" \\ \r \n \t \f \b` (and `\` before any
 *   symbol stands for the symbol), and evaluate `#{...}` as Ruby: a `#` is
 *   always written `\#` so no interpolation can start.
 *
 * fluentdString picks single quotes for printable values (readable, literal)
 * and double quotes with escapes for values with control characters.
 */

/** Unpaired UTF-16 surrogates cannot be written as UTF-8, so no quoting can keep them. */
const LONE_SURROGATE = /\p{Cs}/u;
const CONTROL = /[\u0000-\u001f\u007f]/;

const DOUBLE_QUOTED_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  '"': '\\"',
  '#': '\\#',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\f': '\\f',
  '\b': '\\b',
};

function assertEncodable(value: string): void {
  if (LONE_SURROGATE.test(value)) {
    throw new RangeError('Fluentd value has an unpaired UTF-16 surrogate, which cannot be written to a config file.');
  }
}

/** `'...'`: literal text; `\` and `'` escaped. Throws on line breaks, which single quotes cannot hold. */
export function fluentdSingleQuoted(value: string): string {
  assertEncodable(value);
  if (/[\r\n]/.test(value)) throw new RangeError('A single-quoted Fluentd value cannot hold a line break.');
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** `"..."` with escapes; `#` becomes `\#` so Fluentd never evaluates `#{...}`. */
export function fluentdDoubleQuoted(value: string): string {
  assertEncodable(value);
  return `"${value.replace(/[\\"#\n\r\t\f\b]/g, (c) => DOUBLE_QUOTED_ESCAPES[c] ?? c)}"`;
}

/** The one way user text enters a Fluentd parameter value. */
export function fluentdString(value: string): string {
  return CONTROL.test(value) ? fluentdDoubleQuoted(value) : fluentdSingleQuoted(value);
}

/**
 * A directive argument such as the `<match PATTERN>` tag pattern. Older
 * Fluentd versions read it unquoted up to `>`, so it cannot be quoted; the
 * options schema limits it to tag-pattern characters, and this check refuses
 * anything that could end the directive, start a comment, a quote or a
 * Ruby interpolation.
 */
export function fluentdDirectiveArg(value: string): string {
  if (value.length === 0 || value !== value.trim() || /[<>#"'\\\u0000-\u001f\u007f]/.test(value)) {
    throw new RangeError(`Unsafe Fluentd directive argument: ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * `"#{ENV['NAME']}"`: the one place this renderer asks Fluentd to evaluate
 * Ruby on purpose, to read the password from the service environment. The
 * name is checked so nothing but a variable name reaches the Ruby code.
 */
export function fluentdEnvReference(name: string): string {
  if (!/^[A-Z_][A-Z0-9_]*$/.test(name)) throw new RangeError(`Not an environment variable name: ${JSON.stringify(name)}`);
  return `"#{ENV['${name}']}"`;
}
