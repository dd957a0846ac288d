/**
 * A lint Block over one YAML mapping (an agent's Kafka output), read with
 * positions (lib/config-languages/yaml/positions): keys flattened to dotted
 * paths the way go-ucfg, go-yaml configs and Vector's maps are addressed
 * (`ssl.enabled` finds `ssl: {enabled}` and a literal `ssl.enabled` key), and
 * edits written in the agent's own value spelling, so the rest of the user's
 * file (comments included) stays as it was. Shared by the Beats, Fluent Bit
 * YAML, Vector YAML and OTel Collector readers.
 */
import { dump } from 'js-yaml';
import type { YamlEntry, YamlNode } from '../../config-languages/yaml/positions';
import type { Block, Edit, Entry, WriteValue } from '../model';

export interface Flat {
  key: string;
  /** The key as written in its mapping (a suffix of `key`). */
  written: string;
  node: YamlNode;
  keyLine: number;
  indent: number;
}

export interface YamlSection {
  entries: YamlEntry[];
  line: number;
  endLine: number;
}

export interface YamlBlock extends Block {
  flat: Flat[];
  /** The last entry at a dotted path (what the agent reads when a key repeats). */
  find(key: string): Flat | undefined;
  /** The entry's lines rewritten as `written: value` at its indent. */
  rewrite(f: Flat, value: WriteValue): Edit;
  /** Lines for `key: value` at `indent`. */
  render(key: string | string[], value: WriteValue, indent: number): string[];
  childIndent: number;
}

const DUMP_OPTIONS = { forceQuotes: true, quoteStyle: 'double', lineWidth: -1, noRefs: true } as const;

export function flatten(entries: readonly YamlEntry[], prefix: string, out: Flat[]): void {
  for (const e of entries) {
    const key = prefix ? `${prefix}.${e.key}` : e.key;
    out.push({ key, written: e.key, node: e.value, keyLine: e.keyLine, indent: e.keyColumn - 1 });
    if (e.value.kind === 'map' && !e.value.flow) flatten(e.value.entries, key, out);
  }
}

/** A scalar's text (undefined for null, maps and lists); `unescape` undoes an agent's own escaping (Beats' `$$`). */
export function scalarOf(node: YamlNode, unescape: (s: string) => string = (s) => s): string | undefined {
  return node.kind === 'scalar' && node.value !== null ? unescape(node.value) : undefined;
}

/** Default value spelling: double-quoted strings, `${NAME}` for an environment reference. */
export function plainYamlValue(envSyntax: (name: string) => string = (n) => `\${${n}}`): (v: WriteValue) => unknown {
  return (v) => {
    if ('text' in v) return v.text;
    if ('env' in v) return envSyntax(v.env);
    if ('number' in v) return v.number;
    if ('boolean' in v) return v.boolean;
    if ('list' in v) return [...v.list];
    return undefined;
  };
}

export interface YamlBlockOptions {
  /** Undoes an agent's own escaping when reading a scalar (Beats' `$$`). */
  unescape?: (s: string) => string;
  /** A key's path segments (default: split at dots); librdkafka names under a map stay one segment. */
  segments?: (key: string) => string[];
  /** Write the missing part of a path as nested mappings (go-yaml configs) instead of one dotted key (go-ucfg, Fluent Bit). */
  nest?: boolean;
}

export function yamlBlock(section: YamlSection, valueOf: (v: WriteValue) => unknown, opts: YamlBlockOptions = {}): YamlBlock {
  const { unescape } = opts;
  const segmentsOf = opts.segments ?? ((k: string) => k.split('.'));
  const flat: Flat[] = [];
  flatten(section.entries, '', flat);
  const childIndent = flat[0]?.indent ?? 2;
  const find = (key: string) => [...flat].reverse().find((f) => f.key === key);
  const toEntry = (f: Flat): Entry => {
    const list = f.node.kind === 'seq' ? f.node.items.map((n) => scalarOf(n, unescape)).filter((x): x is string => x !== undefined) : undefined;
    return { key: f.key, value: list ? list[0] : scalarOf(f.node, unescape), list, line: f.keyLine, endLine: Math.max(f.keyLine, f.node.endLine), column: f.indent + 1 };
  };
  const render = (key: string | string[], value: WriteValue, indent: number): string[] => {
    const path = typeof key === 'string' ? [key] : opts.nest ? key : [key.join('.')];
    const inner = valueOf(value);
    const v = inner === undefined ? undefined : path.slice(1).reduceRight<unknown>((acc, seg) => ({ [seg]: acc }), inner);
    const pad = ' '.repeat(indent);
    if (v === undefined) return [`${pad}${path.join('.')}: ${'raw' in value ? value.raw : ''}`];
    return dump({ [path[0]!]: v }, DUMP_OPTIONS)
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => pad + l);
  };
  const rewrite = (f: Flat, value: WriteValue): Edit => ({ from: f.keyLine, to: Math.max(f.keyLine, f.node.endLine), lines: render(f.written, value, f.indent) });
  return {
    line: section.line,
    endLine: section.endLine,
    flat,
    find,
    rewrite,
    render,
    childIndent,
    get: (key) => {
      const f = find(key);
      return f && f.node.kind !== 'map' ? toEntry(f) : undefined;
    },
    set: (key, value): Edit => {
      const f = find(key);
      if (f && f.node.kind !== 'map') return rewrite(f, value);
      // Into the deepest existing mapping on the path (`ssl:` for `ssl.enabled`), else as a dotted key.
      const parts = segmentsOf(key);
      for (let n = parts.length - 1; n > 0; n--) {
        const parent = find(parts.slice(0, n).join('.'));
        if (parent && parent.node.kind === 'map' && !parent.node.flow) {
          const firstChild = parent.node.entries[0];
          const indent = firstChild ? firstChild.keyColumn - 1 : parent.indent + 2;
          return { from: parent.node.endLine + 1, to: parent.node.endLine, lines: render(parts.slice(n), value, indent) };
        }
      }
      return { from: section.endLine + 1, to: section.endLine, lines: render(parts, value, childIndent) };
    },
    remove: (key) => {
      const f = find(key);
      return f ? { from: f.keyLine, to: Math.max(f.keyLine, f.node.endLine), lines: [] } : undefined;
    },
  };
}
