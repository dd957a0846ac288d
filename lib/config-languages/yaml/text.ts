/**
 * The one way text gets into a Beats YAML file.
 *
 * Two layers read every string value a Beat loads:
 *  1. Go yaml.v2 (YAML 1.1): js-yaml `dump` writes every string double-quoted,
 *     with escapes for control, line-break and invisible characters, so
 *     `yes`, `0123`, `1e3`, `#`, quotes, backslashes and newlines stay one
 *     string and cannot start a comment or a new key.
 *  2. go-ucfg variable expansion (Beats loads with `ucfg.VarExp`): `${...}`
 *     is replaced, and `$$` collapses to `$` in every string (go-ucfg
 *     variables.go lexer; "escape $} and $$", since go-ucfg 0.6.4 / PR #120).
 *     A user value therefore has every `$` doubled, which makes it literal.
 *
 * Values are typed: a `BeatsText` is either a user literal (escaped) or a
 * reference the renderer means to expand (`${SLS_KAFKA_PASSWORD}`,
 * `${path.config}`). A plain `string` does not type-check as a value, so a
 * template cannot forget the escaping. Comments are constant text only.
 */
import { dump } from 'js-yaml';
import { yamlDoubleQuoted } from './quote';

declare const beatsTextBrand: unique symbol;
/** A string ready for a Beats config: either an escaped literal or a deliberate `${...}` reference. */
export type BeatsText = string & { readonly [beatsTextBrand]: true };

export type BeatsValue = BeatsText | number | boolean | readonly BeatsValue[] | { readonly [key: string]: BeatsValue };

/** User or context text that must reach the Beat exactly as written. */
export function literal(text: string): BeatsText {
  return text.replace(/\$/g, () => '$$') as BeatsText;
}

/** Keystore keys, environment variables and settings such as `path.config`. */
const REFERENCE_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** A go-ucfg reference the Beat resolves at start-up (keystore first, then environment, then settings). */
export function reference(name: string, suffix = ''): BeatsText {
  if (!REFERENCE_NAME.test(name)) throw new Error(`not a reference name: ${name}`);
  return `\${${name}}${literal(suffix)}` as BeatsText;
}

const DUMP_OPTIONS = {
  // Quote every string, double-quoted so any character can be escaped; never fold long lines.
  forceQuotes: true,
  quoteStyle: 'double',
  lineWidth: -1,
  noRefs: true,
} as const;

/** Keys and comments are ours, never the user's; keep them to a character set that needs no quoting. */
const KEY = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/;

function indentLines(text: string, indent: number): string[] {
  const pad = ' '.repeat(indent);
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => pad + line);
}

/** One `key: value` entry (a scalar, or a block below the key), indented by `indent` spaces. */
export function yamlEntry(key: string, value: BeatsValue, indent = 0): string[] {
  if (!KEY.test(key)) throw new Error(`not a config key: ${key}`);
  // Scalars (most entries) skip js-yaml's per-call set-up; blocks go through dump.
  if (typeof value === 'string') return [`${' '.repeat(indent)}${key}: ${yamlDoubleQuoted(value)}`];
  if (typeof value === 'boolean' || (typeof value === 'number' && Number.isSafeInteger(value))) return [`${' '.repeat(indent)}${key}: ${String(value)}`];
  return indentLines(dump({ [key]: value }, DUMP_OPTIONS), indent);
}

/** A comment line; the text is constant and single-line by construction. */
export function yamlComment(text: string, indent = 0): string {
  if (/[\r\n\u0085\u2028\u2029]/.test(text)) throw new Error('a comment is one line');
  return `${' '.repeat(indent)}# ${text}`;
}
