/**
 * Quoting for string values in a Logstash pipeline config (the LSCL grammar).
 *
 * What the grammar does (elastic/logstash `lscl_grammar.treetop`, `lscl.rb`):
 * - `"…"` and `'…'` strings; inside, the quote char only does not end the
 *   string when a backslash stands right before it (`\"`, `\'`). The value is
 *   the raw text between the quotes.
 * - Backslash escapes are processed only with `config.support_escapes: true`
 *   in logstash.yml (StringEscapeHelper MINIMAL: `\\ \" \' \n \r \t`). The
 *   default is off, so there is no way to put the quote char itself into a
 *   string, and a trailing backslash would swallow the closing quote.
 * - `#` inside a string is not a comment.
 * - Every string value then runs through `${NAME}` / `${NAME:default}`
 *   substitution (keystore, then environment) with the regex of
 *   `substitution_variables.rb`; there is no escape for it.
 *
 * So a user value is written verbatim between quotes, and values that cannot
 * be written so that both escape modes read them back unchanged are rejected
 * (by the options schema, with the same rule as here): no backslash at all,
 * no control characters, not both quote kinds, no `${`.
 */

/** `SUBSTITUTION_PLACEHOLDER_REGEX` from logstash-core `substitution_variables.rb`. */
export const LOGSTASH_SUBSTITUTION_PATTERN = /\$\{(?<name>[a-zA-Z_.][a-zA-Z0-9_.]*)(:(?<default>[^}]*))?\}/g;

/** A deliberate `${NAME}` reference to the Logstash keystore or the environment. */
export interface LogstashVariable {
  variable: string;
  /** `${NAME:default}`: used when neither the keystore nor the environment has NAME. */
  default?: string;
}

/** A piece of a string value: literal text (checked) or a variable reference. */
export type LogstashStringPart = string | LogstashVariable;

export class UnrepresentableValueError extends Error {
  constructor(
    readonly language: string,
    readonly reason: string,
  ) {
    super(`${language}: ${reason}`);
    this.name = 'UnrepresentableValueError';
  }
}

const VARIABLE_NAME = /^[a-zA-Z_.][a-zA-Z0-9_.]*$/;
// C0 controls and DEL: line breaks and tabs are legal inside LSCL strings, but
// no option here needs them and they make the file unreadable.
const CONTROL_CHAR = /[\u0000-\u001f\u007f]/;

/**
 * Why a literal cannot be a Logstash string value, in words that fit after a
 * field name ("Client ID: …"), or undefined when it can.
 */
export function logstashStringProblem(value: string): string | undefined {
  if (CONTROL_CHAR.test(value)) return 'remove line breaks, tabs and other control characters.';
  if (value.includes('\\')) {
    return 'remove the backslash (\\); Logstash keeps or drops backslashes depending on config.support_escapes, so use forward slashes (/) in paths.';
  }
  if (value.includes('"') && value.includes("'")) {
    return 'use either double quotes (") or single quotes (\'), not both; a Logstash string cannot hold both kinds.';
  }
  if (value.includes('${')) {
    return 'remove “${”; Logstash would read it as a ${VARIABLE} reference and there is no way to escape it.';
  }
  return undefined;
}

/**
 * A quoted Logstash string from literal parts and `${NAME}` references.
 * Double quotes unless a literal part holds a `"`. Throws
 * UnrepresentableValueError for text the options schema should have rejected.
 */
export function logstashString(...parts: LogstashStringPart[]): string {
  let text = '';
  let literal = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      const problem = logstashStringProblem(part);
      if (problem) throw new UnrepresentableValueError('Logstash string', problem);
      text += part;
      literal += part;
    } else {
      if (!VARIABLE_NAME.test(part.variable)) {
        throw new UnrepresentableValueError('Logstash string', `“${part.variable}” is not a valid variable name.`);
      }
      if (part.default !== undefined && (part.default.includes('}') || logstashStringProblem(part.default) || /["']/.test(part.default))) {
        throw new UnrepresentableValueError('Logstash string', `“${part.default}” cannot be a variable default.`);
      }
      text += '${' + part.variable + (part.default !== undefined ? `:${part.default}` : '') + '}';
    }
  }
  // Checked again joined: "…$" + "{…" would form `${`, and the quote kind
  // must suit every literal part.
  const joinedProblem = logstashStringProblem(literal);
  if (joinedProblem) throw new UnrepresentableValueError('Logstash string', joinedProblem);
  const quote = literal.includes('"') ? "'" : '"';
  return quote + text + quote;
}
