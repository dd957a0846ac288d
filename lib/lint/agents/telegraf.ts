/**
 * Lint reader for Telegraf: the first `[[outputs.kafka]]` table. Values come
 * from smol-toml (which keeps no positions); each key's lines come from a
 * scan of the table's lines (a key line up to its value's end, arrays may
 * span lines). Commented-out keys are remembered, for the seed's
 * `## Optional TLS Config tls_ca = "…"`. Facts: docs/agents/telegraf.md.
 */
import { CODECS } from '../../agents/common/codecs';
import type { Entry, Problem, Reading } from '../model';
import { acksFrom, entriesBlock, isReference, NotThisKind, PASSWORD_ENV } from './common';
import { parseTomlForLint, tomlValue, valueEnd } from './toml-block';

const KEY_LINE = /^([ \t]*)([A-Za-z0-9_-]+)[ \t]*=/;
const TABLE_LINE = /^[ \t]*\[/;

export function readTelegraf(content: string): Reading {
  const doc = parseTomlForLint(content);
  const outputs = doc.outputs && typeof doc.outputs === 'object' ? (doc.outputs as Record<string, unknown>) : {};
  const list = outputs.kafka;
  const table = (Array.isArray(list) ? list[0] : undefined) as Record<string, unknown> | undefined;
  const lines = content.split('\n');
  const header = lines.findIndex((l) => /^[ \t]*\[\[[ \t]*outputs\.kafka[ \t]*\]\][ \t]*(#.*)?$/.test(l)) + 1;
  if (!table || header === 0) throw new NotThisKind('a TOML file without an [[outputs.kafka]] table');
  // The table's own keys run to the next table header (sub-tables such as [outputs.kafka.tagpass] included).
  let end = lines.length;
  let ownEnd = lines.length;
  for (let n = header + 1; n <= lines.length; n++) {
    const l = lines[n - 1] ?? '';
    if (TABLE_LINE.test(l)) {
      if (ownEnd === lines.length) ownEnd = n - 1;
      if (!/^[ \t]*\[+[ \t]*outputs\.kafka\./.test(l)) {
        end = n - 1;
        break;
      }
    }
  }
  while (ownEnd > header && (lines[ownEnd - 1] ?? '').trim() === '') ownEnd--;
  const entries = new Map<string, Entry>();
  const commented = new Map<string, number>();
  let indent = '  ';
  let lastKeyLine = header;
  for (let n = header + 1; n <= ownEnd; n++) {
    const l = lines[n - 1] ?? '';
    const m = KEY_LINE.exec(l);
    if (m) {
      const key = m[2] ?? '';
      const endLine = valueEnd(lines, n);
      const value = table[key];
      const listValue = Array.isArray(value) ? value.map(String) : undefined;
      entries.set(key, {
        key,
        value: listValue ? listValue[0] : value === undefined ? undefined : String(value),
        list: listValue,
        line: n,
        endLine,
        column: (m[1]?.length ?? 0) + 1,
      });
      if (entries.size === 1) indent = m[1] ?? '';
      lastKeyLine = endLine;
      n = endLine;
      continue;
    }
    // `# tls_ca = "…"`, `## Optional TLS Config tls_ca = "…"`: a key that is only in a comment.
    for (const c of l.matchAll(/#.*?\b([a-z_]+)[ \t]*=/g)) if (c[1] && !commented.has(c[1])) commented.set(c[1], n);
  }
  void end;
  const block = entriesBlock(header, ownEnd, entries, (key, value) => `${indent}${key} = ${tomlValue(value)}`, lastKeyLine + 1);
  const get = block.get;
  const problems: Problem[] = [];
  const tlsCa = get('tls_ca');
  const enableTls = get('enable_tls');
  const tlsOn = enableTls?.value === 'true' || (enableTls === undefined && tlsCa !== undefined);
  const commentedCa = commented.get('tls_ca');
  const why =
    enableTls?.value === 'false'
      ? 'enable_tls is false'
      : commentedCa !== undefined
        ? `tls_ca appears only inside a comment (line ${commentedCa}), and no other TLS option is set`
        : 'neither enable_tls = true nor tls_ca is set';
  const skip = get('insecure_skip_verify');
  const version = get('version');
  const codecEntry = get('compression_codec');
  const codecNumber = Number(codecEntry?.value ?? 0);
  const acks = get('required_acks');
  const maxBytes = get('max_message_bytes');
  const routingKey = get('routing_key');
  const password = get('sasl_password');
  const mechanism = get('sasl_mechanism');
  const idempotent = get('idempotent_writes');
  const brokers = get('brokers');
  const topicSuffix = get('topic_suffix');
  void topicSuffix;
  return {
    agent: 'telegraf',
    language: 'toml',
    block,
    keys: { bootstrap: 'brokers', topic: 'topic', username: 'sasl_username', password: 'sasl_password', key: 'routing_key', version: 'version' },
    bootstrap: brokers?.list ?? [],
    bootstrapEntry: brokers,
    topic: get('topic'),
    username: get('sasl_username'),
    password: password?.value !== undefined
      ? {
          value: password.value,
          line: password.line,
          reference: isReference(lines[password.line - 1] ?? ''),
          replaceWithReference: () => block.set('sasl_password', { env: PASSWORD_ENV }),
        }
      : undefined,
    // sarama's default mechanism is PLAIN.
    mechanism: { value: mechanism?.value ?? 'PLAIN', line: mechanism?.line ?? header, fix: () => block.set('sasl_mechanism', { text: 'PLAIN' }) },
    constantKey:
      routingKey?.value !== undefined && routingKey.value !== '' && routingKey.value !== 'random'
        ? { value: routingKey.value, line: routingKey.line, remove: () => block.remove('routing_key') }
        : undefined,
    tls: {
      on: tlsOn,
      why,
      fix: () => [block.set('enable_tls', { boolean: true })],
    },
    verifyOff:
      skip?.value === 'true'
        ? [{ line: skip.line, what: 'insecure_skip_verify is true', fix: () => [block.set('insecure_skip_verify', { boolean: false })] }]
        : [],
    version: {
      // Empty: sarama's DefaultVersion, 1.0.0 in the releases the seed was written for.
      value: version?.value || '1.0.0',
      line: version?.line ?? header,
      default: !version?.value,
      fix: () => block.set('version', { text: '2.1.0' }),
    },
    compression: {
      codec: CODECS[codecNumber] ?? `codec ${codecEntry?.value ?? ''}`,
      line: codecEntry?.line ?? header,
      fix: (c) => block.set('compression_codec', { number: Math.max(0, CODECS.indexOf(c as (typeof CODECS)[number])) }),
    },
    acks: { value: acksFrom(acks?.value ?? '-1'), line: acks?.line ?? header, fix: () => block.set('required_acks', { number: 1 }) },
    maxBytes: maxBytes?.value !== undefined
      ? { value: Number(maxBytes.value), line: maxBytes.line, fix: () => block.set('max_message_bytes', { number: 1000000 }) }
      : undefined,
    idempotence: idempotent?.value === 'true' ? { line: idempotent.line, fix: () => block.set('idempotent_writes', { boolean: false }) } : undefined,
    problems,
    options: {
      compression: CODECS[codecNumber],
      acks: acksFrom(acks?.value ?? '-1'),
      maxRetry: get('max_retry')?.value !== undefined ? Number(get('max_retry')?.value) : undefined,
      caPath: tlsCa?.value,
    },
  };
}
