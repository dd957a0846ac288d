/**
 * A parser for Fluent Bit's classic configuration format, written line by
 * line from fluent/fluent-bit src/config_format/flb_cf_fluentbit.c
 * (`read_config`, `check_indent`) and src/config_format/flb_config_format.c
 * (`flb_cf_section_property_add`), so tests and the read-back see a rendered
 * file the way Fluent Bit does:
 *
 * - lines end at `\n` (a `\r` before it is dropped); empty lines are skipped;
 *   a line whose first character is `#` is a comment;
 * - `@INCLUDE <path>` (any case) includes a file; any other line starting with
 *   `@` and longer than 3 characters is a meta command (`@SET k=v`);
 * - `[NAME]` at the start of a line opens a section (text after `]` is
 *   ignored; no `]` is "bad header definition");
 * - the first other line fixes the indent (its first character plus the
 *   blanks after it); every later line must start with exactly that indent,
 *   or with twice as much inside a `[group]`, or it is an error;
 * - after the indent, `#` starts a comment; otherwise the key runs to the
 *   first space and the value is the rest of the line; both are trimmed, the
 *   key is lower-cased; a key without a value is an error.
 *
 * Environment variables (`${NAME}`) are not resolved here; `expandVariables`
 * does it the way src/flb_env.c `flb_env_var_translate` does, for tests.
 */

export interface FluentBitProperty {
  /** Lower-cased, as Fluent Bit stores it. */
  key: string;
  value: string;
  line: number;
}

export interface FluentBitSection {
  /** As written between the brackets (Fluent Bit compares section names case-insensitively). */
  name: string;
  properties: FluentBitProperty[];
  groups: { name: string; properties: FluentBitProperty[] }[];
  line: number;
}

export interface FluentBitClassicDocument {
  sections: FluentBitSection[];
  /** Paths of `@INCLUDE` lines, in order (not followed). */
  includes: string[];
  /** Other `@` meta lines such as `@SET a=b`, as written. */
  metas: string[];
}

export class FluentBitClassicParseError extends Error {
  constructor(message: string, readonly line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'FluentBitClassicParseError';
  }
}

/** C isblank(): space and tab. */
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
/** flb_sds_trim: C isspace() at both ends. */
const trim = (s: string) => s.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');

export function parseFluentBitClassic(text: string): FluentBitClassicDocument {
  const doc: FluentBitClassicDocument = { sections: [], includes: [], metas: [] };
  let indent: string | undefined;
  let section: FluentBitSection | undefined;
  let group: FluentBitSection['groups'][number] | undefined;
  const lines = text.split('\n');
  // A final newline does not start another line.
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const buf = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (buf.includes('\u0000')) throw new FluentBitClassicParseError('NUL byte (Fluent Bit would cut the line here)', lineNo);
    const len = buf.length;
    if (len === 0) return;
    if (buf[0] === '#') return;
    if (len > 9 && buf.slice(0, 9).toUpperCase() === '@INCLUDE ') {
      doc.includes.push(buf.slice(9));
      return;
    }
    if (buf[0] === '@' && len > 3) {
      doc.metas.push(buf);
      return;
    }
    if (buf[0] === '[') {
      const end = buf.indexOf(']');
      if (end <= 0) throw new FluentBitClassicParseError('bad header definition', lineNo);
      section = { name: buf.slice(1, end), properties: [], groups: [], line: lineNo };
      doc.sections.push(section);
      group = undefined;
      return;
    }
    if (indent === undefined) {
      let i = 0;
      do i++;
      while (i < len && isBlank(buf[i]));
      indent = buf.slice(0, i);
      if (i === len) return;
    }
    // check_indent
    let level = 0;
    while (level < indent.length && buf[level] === indent[level]) level++;
    if (level < indent.length) {
      throw new FluentBitClassicParseError(isBlank(buf[level]) ? 'inconsistent use of tab and space' : 'indentation level is too low', lineNo);
    }
    let indentLen = level;
    if (isBlank(buf[level])) {
      let extra = 0;
      while (isBlank(buf[level + extra])) extra++;
      if (extra !== level) throw new FluentBitClassicParseError('extra indentation level found', lineNo);
      indentLen = level + extra;
    } else if (group) {
      group = undefined;
    }
    if (buf[indentLen] === '#' || indentLen === len) return;
    const space = buf.indexOf(' ', indentLen);
    if (space < 0) throw new FluentBitClassicParseError('undefined value - check config is in valid classic format', lineNo);
    const rawKey = buf.slice(indentLen, space);
    if (rawKey.startsWith('[')) {
      const end = buf.indexOf(']', indentLen);
      if (end < 0) throw new FluentBitClassicParseError('expected a valid group name: [..]', lineNo);
      if (!section) throw new FluentBitClassicParseError("current group don't have a parent section", lineNo);
      group = { name: buf.slice(indentLen + 1, end), properties: [] };
      section.groups.push(group);
      return;
    }
    const value = buf.slice(space + 1);
    if (value.length === 0) throw new FluentBitClassicParseError('key has an empty value', lineNo);
    const property = { key: trim(rawKey).toLowerCase(), value: trim(value), line: lineNo };
    if (group) group.properties.push(property);
    else if (section) section.properties.push(property);
    else throw new FluentBitClassicParseError('could not allocate key value pair (a property outside any section)', lineNo);
  });
  return doc;
}

/** The sections named `name` (case-insensitive, as Fluent Bit matches them). */
export function sectionsNamed(doc: FluentBitClassicDocument, name: string): FluentBitSection[] {
  return doc.sections.filter((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** A section's properties as a map; a repeated key keeps its last value. */
export function propertyMap(section: FluentBitSection): Map<string, string> {
  return new Map(section.properties.map((p) => [p.key, p.value]));
}

/**
 * `${NAME}` replaced as src/flb_env.c `flb_env_var_translate` does: from the
 * first `${` to the first `}` after the scan position; an unset variable
 * becomes the empty string.
 */
export function expandVariables(value: string, env: (name: string) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const start = value.indexOf('${', i);
    if (start < 0) break;
    const end = value.indexOf('}', i);
    if (end < 0) break;
    const nameLen = end - (start + 2);
    if (nameLen <= 0) break;
    out += value.slice(i, start) + (env(value.slice(start + 2, end)) ?? '');
    i = end + 1;
  }
  return out + value.slice(i);
}
