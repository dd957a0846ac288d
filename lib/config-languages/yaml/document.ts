/**
 * A typed YAML document builder for agents whose YAML is read by a plain
 * YAML parser followed by the agent's own `${…}` expansion (Vector, the
 * OpenTelemetry Collector) — unlike Beats (./text.ts), there is no `$$`
 * escape that works in every release, so the caller refuses `$` in literal
 * values and writes references only through `yamlReference`.
 *
 * Keys and comments are constant text of ours; every string value goes
 * through js-yaml `dump` (double-quoted, every control, line-break and
 * invisible character escaped), so a user value stays one scalar and can
 * start no comment, key or document.
 */
import { yamlDoubleQuoted } from './quote';

declare const yamlReferenceBrand: unique symbol;
/** A scalar the agent itself expands at start-up (`${SLS_KAFKA_PASSWORD}`, `${env:SLS_KAFKA_PASSWORD}`). */
export interface YamlReference {
  readonly [yamlReferenceBrand]: true;
  readonly reference: string;
}

export type YamlScalar = string | number | boolean | YamlReference;
export type YamlValue = YamlScalar | readonly YamlScalar[] | YamlMap;

export interface YamlEntry {
  key: string;
  value: YamlValue;
  /** Comment lines written above the entry, at its indent. */
  comments?: readonly string[];
}

export interface YamlMap {
  readonly entries: readonly YamlEntry[];
}

/** A mapping, from its entries in order (undefined entries are left out, for optional blocks). */
export function yamlMap(...entries: readonly (YamlEntry | undefined)[]): YamlMap {
  return { entries: entries.filter((e): e is YamlEntry => e !== undefined) };
}

/** The fixed shapes of the references our agents resolve: `${NAME}` and `${env:NAME}`. */
const REFERENCE = /^\$\{(?:env:)?[A-Za-z_][A-Za-z0-9_]*\}$/;

/** A deliberate `${…}` reference; anything but the two fixed shapes is refused. */
export function yamlReference(reference: string): YamlReference {
  if (!REFERENCE.test(reference)) throw new RangeError(`YAML reference: “${reference}” is not \${NAME} or \${env:NAME}.`);
  return { reference } as YamlReference;
}

function isReference(value: unknown): value is YamlReference {
  return typeof value === 'object' && value !== null && 'reference' in value;
}

function isMap(value: YamlValue): value is YamlMap {
  // Arrays have an `entries` method too.
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'entries' in value;
}

/**
 * Our keys: plain names, dotted librdkafka names (`client.id`) and dashed
 * header names (`data-parse-format`), never a YAML 1.1 boolean or null word.
 */
const KEY = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/;
const RESERVED_KEY = /^(?:y|n|yes|no|on|off|true|false|null)$/i;

function renderKey(key: string): string {
  if (!KEY.test(key) || RESERVED_KEY.test(key)) throw new RangeError(`YAML key: “${key}” is not a plain config key.`);
  return key;
}

/** A comment is one line of constant text, and carries no `$` (Vector expands variables in the raw text). */
function renderComment(text: string, indent: string): string {
  if (/[\r\n\u0085\u2028\u2029$]/.test(text)) throw new RangeError(`YAML comment: “${text}” must be one line without “$”.`);
  return text === '' ? `${indent}#` : `${indent}# ${text}`;
}

function renderScalar(value: YamlScalar): string {
  if (isReference(value)) return JSON.stringify(value.reference);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`YAML number: ${value} is not a whole number.`);
    return String(value);
  }
  // A lone surrogate cannot be written as UTF-8; js-yaml would pass it through.
  if (/\p{Cs}/u.test(value)) throw new RangeError('YAML string: the value contains a lone UTF-16 surrogate.');
  return yamlDoubleQuoted(value);
}

function renderEntries(map: YamlMap, depth: number): string[] {
  const indent = '  '.repeat(depth);
  return map.entries.flatMap(({ key, value, comments }) => {
    const lines = (comments ?? []).map((c) => renderComment(c, indent));
    const head = `${indent}${renderKey(key)}:`;
    if (isMap(value)) {
      if (value.entries.length === 0) lines.push(`${head} {}`);
      else lines.push(head, ...renderEntries(value, depth + 1));
    } else if (Array.isArray(value)) {
      lines.push(`${head} [${(value as readonly YamlScalar[]).map(renderScalar).join(', ')}]`);
    } else {
      lines.push(`${head} ${renderScalar(value as YamlScalar)}`);
    }
    return lines;
  });
}

/** The file text: optional header comments, then top-level sections separated by blank lines. */
export function renderYamlDocument(header: readonly string[], doc: YamlMap): string {
  const head = header.map((c) => renderComment(c, ''));
  const sections = doc.entries.map((entry) => renderEntries({ entries: [entry] }, 0).join('\n'));
  return `${[...(head.length > 0 ? [head.join('\n')] : []), ...sections].join('\n\n')}\n`;
}
