/**
 * The one quoting helper for Telegraf's TOML files. Every user value written
 * into a Telegraf config goes through `tomlString`; the only other string form
 * is `tomlEnvReference`, for the constant password variable name.
 *
 * Telegraf reads the raw file text twice before TOML sees it (influxdata/telegraf
 * config/config.go, config/envvar.go):
 * - Environment substitution: `$VAR` and `${VAR}` anywhere in the text,
 *   strings included, whenever VAR is set. `$$` escapes a dollar only from
 *   1.27 on (and not with --old-env-behavior), so there is no escape that
 *   works on every release. We write each `$` as the TOML escape `\u0024`
 *   instead: no substitution pass sees a dollar there, and the TOML parser
 *   (influxdata/toml unquotes basic strings with Go's strconv.Unquote)
 *   turns it back into `$`.
 * - Comment stripping (1.27+) honours quotes and backslash escapes, as TOML
 *   does, so a `#` inside the quoted value starts no comment.
 * Quotes, backslashes, line breaks and other control characters are escaped
 * by smol-toml's string formatter (JSON-style escapes, all valid in TOML and
 * in Go's unquoting).
 */
import { stringify } from 'smol-toml';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A TOML basic string (with quotes) that Telegraf reads back as exactly `value`. */
export function tomlString(value: string): string {
  // A lone surrogate cannot be encoded as UTF-8; smol-toml would silently turn it into U+FFFD.
  if (/\p{Cs}/u.test(value)) throw new RangeError('TOML string: the value contains a lone UTF-16 surrogate.');
  const line = stringify({ v: value });
  const quoted = line.slice('v = '.length).replace(/\n$/, '');
  return quoted.replaceAll('$', '\\u0024');
}

/**
 * `"${NAME}"`: Telegraf replaces it with the variable's value before parsing
 * (quoted, because the value is a string). Only names made of letters, digits
 * and underscores, which every Telegraf release substitutes.
 */
export function tomlEnvReference(name: string): string {
  if (!ENV_NAME.test(name)) throw new RangeError(`TOML env reference: “${name}” is not an environment variable name.`);
  return `"\${${name}}"`;
}
