/**
 * TOML with line positions, for the lint readers: smol-toml gives the values
 * (it keeps no positions), a scan of the lines gives each key's lines under
 * its table header (a key line up to its value's end; arrays and multi-line
 * strings may span lines). `tomlTableBlock` is a Block over one table and its
 * sub-tables (Vector's `[sinks.<id>]`, `[sinks.<id>.sasl]`, …) with keys as
 * dotted paths relative to it.
 */
import { TomlError } from 'smol-toml';
import { parseToml } from '../../config-languages/toml/parser';
import { tomlEnvReference, tomlString } from '../../config-languages/toml/string';
import type { Block, Edit, Entry, WriteValue } from '../model';
import { LintParseError } from './common';

/** The TOML document, or a LintParseError with smol-toml's line and column. */
export function parseTomlForLint(content: string): Record<string, unknown> {
  try {
    return parseToml(content);
  } catch (err) {
    if (err instanceof TomlError) throw new LintParseError(`TOML: ${err.message.split('\n')[0] ?? 'syntax error'}`, err.line, err.column);
    throw err;
  }
}

const SEGMENT = String.raw`(?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)`;
export const KEY_LINE = new RegExp(String.raw`^([ \t]*)(${SEGMENT}(?:[ \t]*\.[ \t]*${SEGMENT})*)[ \t]*=`);
const HEADER_LINE = new RegExp(String.raw`^[ \t]*\[(\[?)[ \t]*(${SEGMENT}(?:[ \t]*\.[ \t]*${SEGMENT})*)[ \t]*\]\]?[ \t]*(?:#.*)?$`);

export function tomlValue(v: WriteValue): string {
  if ('text' in v) return tomlString(v.text);
  if ('env' in v) return tomlEnvReference(v.env);
  if ('number' in v) return String(v.number);
  if ('boolean' in v) return v.boolean ? 'true' : 'false';
  if ('list' in v) return `[${v.list.map(tomlString).join(', ')}]`;
  return v.raw;
}

/** The segments of a dotted TOML key or table name, quotes removed. */
export function keySegments(text: string): string[] {
  return [...text.matchAll(new RegExp(SEGMENT, 'g'))].map((m) => {
    const s = m[0];
    if (s.startsWith('"')) return JSON.parse(s) as string;
    if (s.startsWith("'")) return s.slice(1, -1);
    return s;
  });
}

const writeSegment = (s: string) => (/^[A-Za-z0-9_-]+$/.test(s) ? s : tomlString(s));

/** The last line of a value starting on `line` (arrays and multi-line strings may span lines). */
export function valueEnd(lines: readonly string[], line: number): number {
  let depth = 0;
  let inString: string | undefined;
  for (let n = line; n <= lines.length; n++) {
    const text = n === line ? (lines[n - 1] ?? '').replace(KEY_LINE, '') : (lines[n - 1] ?? '');
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === '\\' && inString === '"') i++;
        else if (text.startsWith(inString, i)) {
          i += inString.length - 1;
          inString = undefined;
        }
        continue;
      }
      if (c === '#') break;
      if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
        inString = text.slice(i, i + 3);
        i += 2;
      } else if (c === '"' || c === "'") inString = c;
      else if (c === '[' || c === '{') depth++;
      else if (c === ']' || c === '}') depth--;
    }
    if (depth <= 0 && (inString === undefined || inString.length === 1)) return n;
  }
  return line;
}

function valueAt(doc: unknown, path: readonly string[]): unknown {
  let v: unknown = doc;
  for (const s of path) v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[s] : undefined;
  return v;
}

interface Table {
  rel: string[];
  header: number;
  /** The line after which a new key goes (the last key's last line, or the header). */
  last: number;
  indent: string;
}

/**
 * A Block over the table `root` (segments) and its sub-tables. `segmentsOf`
 * splits a relative key into path segments (a librdkafka name stays one).
 */
export function tomlTableBlock(content: string, doc: unknown, root: readonly string[], segmentsOf: (key: string) => string[] = (k) => k.split('.')): Block & { found: boolean } {
  const lines = content.split('\n');
  const entries = new Map<string, Entry>();
  const tables: Table[] = [];
  let current: string[] | undefined;
  let table: Table | undefined;
  const under = (path: readonly string[]) => path.length >= root.length && root.every((s, i) => path[i] === s);
  for (let n = 1; n <= lines.length; n++) {
    const l = lines[n - 1] ?? '';
    const h = HEADER_LINE.exec(l);
    if (h) {
      current = keySegments(h[2] ?? '');
      table = under(current) && !h[1] ? { rel: current.slice(root.length), header: n, last: n, indent: '' } : undefined;
      if (table) tables.push(table);
      continue;
    }
    const k = KEY_LINE.exec(l);
    if (!k) continue;
    const end = valueEnd(lines, n);
    const full = [...(current ?? []), ...keySegments(k[2] ?? '')];
    if (table && under(full)) {
      const rel = full.slice(root.length);
      const value = valueAt(doc, full);
      const list = Array.isArray(value) ? value.map(String) : undefined;
      const key = rel.join('.');
      entries.set(key, { key, value: list ? list[0] : value === undefined || (typeof value === 'object' && value !== null) ? undefined : String(value), list, line: n, endLine: end, column: (k[1]?.length ?? 0) + 1 });
      if (table.last === table.header) table.indent = k[1] ?? '';
      table.last = end;
    }
    n = end;
  }
  const top = tables.find((t) => t.rel.length === 0);
  const lastLine = Math.max(top?.header ?? 0, ...tables.map((t) => t.last));
  const entryText = (indent: string, segs: readonly string[], v: WriteValue) => `${indent}${segs.map(writeSegment).join('.')} = ${tomlValue(v)}`;
  return {
    found: top !== undefined,
    line: top?.header ?? 1,
    endLine: lastLine,
    get: (key) => entries.get(segmentsOf(key).join('.')),
    set: (key, value): Edit => {
      const segs = segmentsOf(key);
      const e = entries.get(segs.join('.'));
      if (e) {
        const indent = /^[ \t]*/.exec(lines[e.line - 1] ?? '')?.[0] ?? '';
        const written = KEY_LINE.exec(lines[e.line - 1] ?? '')?.[2] ?? segs.map(writeSegment).join('.');
        return { from: e.line, to: e.endLine, lines: [`${indent}${written} = ${tomlValue(value)}`] };
      }
      // Into the deepest table on the path, the rest of the path as a dotted key.
      for (let n = segs.length - 1; n >= 0; n--) {
        const t = tables.find((x) => x.rel.length === n && x.rel.every((s, i) => s === segs[i]));
        if (t) return { from: t.last + 1, to: t.last, lines: [entryText(t.indent || top?.indent || '', segs.slice(n), value)] };
      }
      return { from: lastLine + 1, to: lastLine, lines: [entryText(top?.indent ?? '', segs, value)] };
    },
    remove: (key) => {
      const e = entries.get(segmentsOf(key).join('.'));
      return e ? { from: e.line, to: e.endLine, lines: [] } : undefined;
    },
  };
}
