/**
 * `name=value` property files in two dialects:
 * - `librdkafka`: what kcat reads with `-F` (kcat.c `read_conf_file`): one
 *   `name=value` a line, split at the first `=`, `#` lines and blank lines
 *   skipped, the value taken literally (no escapes, no continuation lines).
 * - `java`: java.util.Properties#load, what a kafka-clients producer loads:
 *   `=`, `:` or whitespace separates, `#`/`!` comments, backslash escapes
 *   (`\t \n \r \f \uXXXX`, `\` + anything = that character), a line ending in
 *   an odd number of backslashes continues on the next one.
 * The writers refuse values a dialect cannot hold (librdkafka: a line break)
 * and escape the rest; the parser is the one the read-back uses.
 */

export type PropertiesDialect = 'librdkafka' | 'java';

export interface PropertyLine {
  /** A `# …` comment line, one line of text. */
  comment?: string;
  key?: string;
  value?: string;
  blank?: boolean;
}

/** Parse a property file into its entries in order (a later duplicate wins in `toRecord`). */
export function parseProperties(text: string, dialect: PropertiesDialect): Array<[string, string]> {
  return dialect === 'java' ? parseJava(text) : parseLibrdkafka(text);
}

/** The entries as a record; like both loaders, a later line overrides an earlier one. */
export function propertiesRecord(text: string, dialect: PropertiesDialect): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of parseProperties(text, dialect)) out[k] = v;
  return out;
}

function parseLibrdkafka(text: string): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new SyntaxError(`line ${i + 1}: expected property=value, got “${line.slice(0, 40)}”`);
    entries.push([line.slice(0, eq).trimEnd(), line.slice(eq + 1)]);
  });
  return entries;
}

const JAVA_ESCAPES: Readonly<Record<string, string>> = { t: '\t', n: '\n', r: '\r', f: '\f' };

/** Unescape one Java properties key or value (java.util.Properties#loadConvert). */
function unescapeJava(s: string, line: number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = s[++i];
    if (next === undefined) break;
    if (next === 'u') {
      const hex = s.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxError(`line ${line}: malformed \\uxxxx escape`);
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else {
      out += JAVA_ESCAPES[next] ?? next;
    }
  }
  return out;
}

function parseJava(text: string): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const first = i + 1;
    let logical = lines[i]!.replace(/^[ \t\f]+/, '');
    if (logical === '' || logical.startsWith('#') || logical.startsWith('!')) continue;
    // An odd number of trailing backslashes continues the line; the next line's leading blanks go.
    while (/(^|[^\\])(\\\\)*\\$/.test(logical) && i + 1 < lines.length) {
      logical = logical.slice(0, -1) + lines[++i]!.replace(/^[ \t\f]+/, '');
    }
    // The key ends at the first unescaped `=`, `:` or blank.
    let k = 0;
    while (k < logical.length) {
      const c = logical[k]!;
      if (c === '\\') k += 2;
      else if (c === '=' || c === ':' || c === ' ' || c === '\t' || c === '\f') break;
      else k++;
    }
    const key = logical.slice(0, Math.min(k, logical.length));
    let rest = logical.slice(key.length).replace(/^[ \t\f]*/, '');
    if (rest.startsWith('=') || rest.startsWith(':')) rest = rest.slice(1).replace(/^[ \t\f]*/, '');
    entries.push([unescapeJava(key, first), unescapeJava(rest, first)]);
  }
  return entries;
}

/** A Java properties key or value, escaped so that Properties#load gives back exactly `s` (ASCII-only output). */
export function escapeJava(s: string, what: 'key' | 'value'): string {
  let out = '';
  Array.from(s).forEach((ch, i) => {
    for (const unit of ch.length === 2 ? [ch[0]!, ch[1]!] : [ch]) {
      const code = unit.charCodeAt(0);
      if (unit === '\\') out += '\\\\';
      else if (unit === '\t') out += '\\t';
      else if (unit === '\n') out += '\\n';
      else if (unit === '\r') out += '\\r';
      else if (unit === '\f') out += '\\f';
      else if (what === 'key' && (unit === '=' || unit === ':' || unit === ' ')) out += `\\${unit}`;
      else if (what === 'value' && unit === ' ' && i === 0) out += '\\ ';
      else if ((unit === '#' || unit === '!') && i === 0) out += `\\${unit}`;
      else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
      else out += unit;
    }
  });
  return out;
}

/** The first reason `value` cannot be one librdkafka property value (kcat reads one line per property), or undefined. */
export function librdkafkaValueProblem(value: string): string | undefined {
  if (/[\r\n]/.test(value)) return 'a line break cannot be written in a kcat config value';
  if (/^\s|\s$/.test(value)) return 'leading or trailing blanks would be lost in a kcat config value';
  return undefined;
}

/** Render property lines in a dialect; throws a RangeError naming the key for a value the dialect cannot hold. */
export function renderProperties(lines: readonly PropertyLine[], dialect: PropertiesDialect): string {
  return (
    lines
      .map((line) => {
        if (line.blank) return '';
        if (line.comment !== undefined) {
          if (/[\r\n]/.test(line.comment)) throw new RangeError('a comment must be one line');
          return `# ${line.comment}`;
        }
        const key = line.key ?? '';
        const value = line.value ?? '';
        if (!/^[A-Za-z0-9._-]+$/.test(key)) throw new RangeError(`property name “${key}” is not a plain name`);
        if (dialect === 'java') return `${key}=${escapeJava(value, 'value')}`;
        const problem = librdkafkaValueProblem(value);
        if (problem) throw new RangeError(`${key}: ${problem}`);
        return `${key}=${value}`;
      })
      .join('\n') + '\n'
  );
}
