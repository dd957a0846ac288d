/**
 * A Telegraf TOML file as a list of typed lines, so that templates never
 * splice text: keys are constants, every string value goes through
 * `tomlString` (or `tomlEnvReference`), numbers and booleans are checked.
 */
import { tomlEnvReference, tomlString } from './string';

export type TomlValue =
  | { string: string }
  | { strings: readonly string[] }
  | { integer: number }
  | { boolean: boolean }
  /** `"${NAME}"`, substituted by Telegraf from the environment. */
  | { env: string };

export type TomlLine =
  | { blank: true }
  | { comment: string }
  | { table: string; array?: boolean }
  | { key: string; value: TomlValue };

const BARE_KEY = /^[A-Za-z0-9_-]+$/;
/** A constant key with dots (librdkafka's `client.id`): written as a quoted key, one key, not a path. */
const DOTTED_KEY = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/;
const TABLE_NAME = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

function renderValue(value: TomlValue): string {
  if ('string' in value) return tomlString(value.string);
  if ('strings' in value) return `[${value.strings.map(tomlString).join(', ')}]`;
  if ('env' in value) return tomlEnvReference(value.env);
  if ('boolean' in value) return value.boolean ? 'true' : 'false';
  if (!Number.isSafeInteger(value.integer)) throw new RangeError(`TOML integer: ${value.integer} is not a whole number.`);
  return String(value.integer);
}

/**
 * Comments are constant text we write; they must stay one line and carry no
 * `$`, which Telegraf before 1.27 would substitute even inside comments.
 */
function renderComment(text: string): string {
  if (/[\n\r$]/.test(text)) throw new RangeError(`TOML comment: “${text}” must be one line without “$”.`);
  return text === '' ? '#' : `# ${text}`;
}

/** The file text; lines inside a table are indented two spaces, as in Telegraf's samples. */
export function renderTomlLines(lines: readonly TomlLine[]): string {
  let inTable = false;
  const out = lines.map((line) => {
    if ('blank' in line) return '';
    if ('table' in line) {
      if (!TABLE_NAME.test(line.table)) throw new RangeError(`TOML table: “${line.table}” is not a plain dotted name.`);
      inTable = true;
      return line.array ? `[[${line.table}]]` : `[${line.table}]`;
    }
    const indent = inTable ? '  ' : '';
    if ('comment' in line) return `${indent}${renderComment(line.comment)}`;
    if (DOTTED_KEY.test(line.key)) return `${indent}"${line.key}" = ${renderValue(line.value)}`;
    if (!BARE_KEY.test(line.key)) throw new RangeError(`TOML key: “${line.key}” is not a bare key.`);
    return `${indent}${line.key} = ${renderValue(line.value)}`;
  });
  return `${out.join('\n')}\n`;
}
