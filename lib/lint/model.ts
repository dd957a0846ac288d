/**
 * What an agent's lint reader hands the shared SLS rules: the Kafka output
 * block of the user's file as keyed entries with their lines, and a way to
 * change one key (replace its lines, or insert it into the block) in the
 * agent's own syntax, so that the fixed file keeps everything else as written
 * (comments included).
 */
import type { AgentId } from '../agents/meta';
import type { ConfigLanguage } from '../config-languages';
import type { LintFinding } from './types';

/** A line edit on the original text: lines `from`..`to` (1-based, inclusive) become `lines`; `to = from - 1` inserts before `from`. */
export interface Edit {
  from: number;
  to: number;
  lines: string[];
}

/** A value to write: text (quoted by the agent's language), an environment reference, a number, a boolean or a list. */
export type WriteValue =
  | { text: string }
  | { env: string }
  | { number: number }
  | { boolean: boolean }
  | { list: readonly string[] }
  /** Written as is (a bareword, a constant the template owns). */
  | { raw: string };

export interface Entry {
  /** The key as the rules name it (Beats: dotted path under the output). */
  key: string;
  /** Its scalar value (lists: the first item); undefined when empty. */
  value: string | undefined;
  /** All items, for list values. */
  list?: string[];
  line: number;
  endLine: number;
  column?: number;
}

export interface Block {
  /** The block's first line (its header) and last line. */
  line: number;
  endLine: number;
  get(key: string): Entry | undefined;
  /** Set `key` to `value`: replace its lines, or insert it into the block. */
  set(key: string, value: WriteValue): Edit;
  /** Remove `key`'s lines (undefined when it is not set). */
  remove(key: string): Edit | undefined;
}

/** A finding the reader or a rule makes, with the edits that fix it (none: not fixable here). */
export interface Problem extends LintFinding {
  edits?: Edit[];
}

/** Which keys of the block carry each producer setting, in this agent's spelling. */
export interface KeyNames {
  bootstrap: string;
  topic: string;
  username?: string;
  password?: string;
  mechanism?: string;
  key?: string;
  version?: string;
  compression?: string;
  acks?: string;
  maxBytes?: string;
}

export interface Reading {
  agent: AgentId;
  language: ConfigLanguage;
  block: Block;
  keys: KeyNames;
  /** Bootstrap servers as written (host:port). */
  bootstrap: string[];
  bootstrapEntry?: Entry;
  topic?: Entry;
  username?: Entry;
  /** The SASL login lives in another file (Logstash `jaas_path`): not checked here. */
  credentialsElsewhere?: boolean;
  /** The login may be completed elsewhere (kcat.conf: the command adds the password; a kcat command: its -F file): a missing username or password is no finding. */
  loginElsewhere?: boolean;
  /** The password and where it is (it may be inside a JAAS string: then `inJaas`). */
  password?: { value: string; line: number; reference: boolean; replaceWithReference?: () => Edit | undefined };
  mechanism?: { value: string; line: number; fix?: () => Edit };
  /** The message key, if constant. */
  constantKey?: { value: string; line: number; remove: () => Edit | undefined };
  tls: { on: boolean; why: string; fix: () => Edit[] };
  /** Certificate or host-name verification switched off. */
  verifyOff: { line: number; what: string; fix: () => Edit[] }[];
  /** The protocol version, or the agent's default when unset (`default: true`). */
  version?: { value: string; line: number; default: boolean; fix: () => Edit };
  compression?: { codec: string; line: number; fix: (codec: string) => Edit };
  acks?: { value: -1 | 0 | 1; line: number; fix: () => Edit };
  maxBytes?: { value: number; line: number; fix: () => Edit };
  idempotence?: { line: number; fix: () => Edit | undefined };
  transactions?: { line: number; fix: () => Edit | undefined };
  /** The JSON switch as a header, if the file sets one. */
  jsonHeader?: { line: number };
  /** Problems only this agent has (found by its reader). */
  problems: Problem[];
  /** Agent options the wizard's settings can express (`settings.agents[id]`). */
  options: Record<string, unknown>;
}

/** Whether the file's format has no way to read an environment variable (the secret must stay in the file). */
export function cannotReadEnv(reading: Pick<Reading, 'agent' | 'language'>): boolean {
  return reading.agent === 'collectd' || reading.language === 'jaas' || reading.language === 'properties';
}

export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
}

/** The leading whitespace of a line (1-based). */
export function indentOf(lines: readonly string[], line: number): string {
  return /^[ \t]*/.exec(lines[line - 1] ?? '')?.[0] ?? '';
}

/**
 * Apply edits to the text. Edits are applied from the bottom up; an edit that
 * overlaps one already applied is dropped (the first one for a line wins).
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const lines = text.split('\n');
  const sorted = [...edits].sort((a, b) => b.from - a.from || b.to - a.to);
  const taken: [number, number][] = [];
  for (const e of sorted) {
    const lo = e.from;
    const hi = Math.max(e.to, e.from - 1);
    const overlaps = e.to >= e.from && taken.some(([a, b]) => lo <= b && hi >= a);
    if (overlaps) continue;
    if (e.to >= e.from) taken.push([lo, hi]);
    lines.splice(e.from - 1, e.to - e.from + 1, ...e.lines);
  }
  return lines.join('\n');
}
