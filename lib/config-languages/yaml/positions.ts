/**
 * YAML with source positions, for the linter: js-yaml's event stream (which
 * keeps each scalar's offsets) folded into a small tree of mappings, sequences
 * and scalars, each with its first and last line. Scalars keep their text as
 * written (decoded, untyped): the reader decides what `yes` or `1` means, the
 * way YAML 1.1 (Beats) would.
 */
import { EVENT_ID, getScalarValue, parseEvents, type Event } from 'js-yaml';

export type YamlNode =
  | { kind: 'scalar'; value: string | null; line: number; endLine: number; column: number; quoted: boolean }
  | { kind: 'map'; entries: YamlEntry[]; line: number; endLine: number; flow: boolean }
  | { kind: 'seq'; items: YamlNode[]; line: number; endLine: number; flow: boolean }
  | { kind: 'alias'; line: number; endLine: number };

export interface YamlEntry {
  key: string;
  keyLine: number;
  keyColumn: number;
  value: YamlNode;
}

/** The 1-based line of an offset, by binary search over the offsets of line starts (also used by the linter's edits). */
export function lineOfOffset(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Offset → 1-based line and column. */
function locator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    const line = lineOfOffset(starts, offset);
    return { line, column: offset - (starts[line - 1] ?? 0) + 1 };
  };
}

/** The first document's root node, or undefined for an empty document. Throws js-yaml's YAMLException on bad syntax. */
export function parseYamlPositions(text: string): YamlNode | undefined {
  const events: Event[] = parseEvents(text, { maxDepth: 64 });
  const at = locator(text);
  let i = 0;
  // The line the parser is at: a null scalar (no offsets) takes the line of what came before.
  let lastLine = 1;
  const node = (): YamlNode => {
    const e = events[i++];
    if (!e) throw new Error('YAML: unexpected end of events');
    if (e.type === EVENT_ID.SCALAR) {
      const quoted = e.style === 2 || e.style === 3;
      if (e.valueStart < 0) return { kind: 'scalar', value: null, line: lastLine, endLine: lastLine, column: 1, quoted: false };
      const start = at(e.valueStart);
      const end = at(Math.max(e.valueStart, e.valueEnd - 1));
      lastLine = end.line;
      const raw = getScalarValue(text, e);
      // Plain `~`, `null`, `Null`, `NULL` are null in YAML 1.1 too.
      const value = !quoted && e.style === 1 && /^(?:~|null|Null|NULL)$/.test(raw) ? null : raw;
      return { kind: 'scalar', value, line: start.line, endLine: end.line, column: start.column, quoted };
    }
    if (e.type === EVENT_ID.ALIAS) {
      const line = at(Math.max(0, e.anchorStart)).line;
      return { kind: 'alias', line, endLine: line };
    }
    if (e.type === EVENT_ID.MAPPING) {
      const line = at(e.start).line;
      lastLine = line;
      const entries: YamlEntry[] = [];
      while (events[i] && events[i]?.type !== EVENT_ID.POP) {
        const k = node();
        const value = node();
        const key = k.kind === 'scalar' ? (k.value ?? '') : '';
        entries.push({ key, keyLine: k.line, keyColumn: k.kind === 'scalar' ? k.column : 1, value });
      }
      i++;
      const endLine = Math.max(line, ...entries.map((x) => x.value.endLine), ...entries.map((x) => x.keyLine));
      return { kind: 'map', entries, line, endLine, flow: e.style === 2 };
    }
    if (e.type === EVENT_ID.SEQUENCE) {
      const line = at(e.start).line;
      lastLine = line;
      const items: YamlNode[] = [];
      while (events[i] && events[i]?.type !== EVENT_ID.POP) items.push(node());
      i++;
      const endLine = Math.max(line, ...items.map((x) => x.endLine));
      return { kind: 'seq', items, line, endLine, flow: e.style === 2 };
    }
    throw new Error(`YAML: unexpected event ${e.type}`);
  };
  // DOCUMENT event, then the root node (if any).
  while (events[i] && events[i]?.type !== EVENT_ID.DOCUMENT) i++;
  if (!events[i]) return undefined;
  i++;
  if (!events[i] || events[i]?.type === EVENT_ID.POP) return undefined;
  return node();
}
