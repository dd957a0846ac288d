/**
 * Lint reader for Beats (`filebeat.yml` & co.): the `output.kafka` section,
 * read with positions (lib/config-languages/yaml/positions), keys flattened
 * to dotted paths the way go-ucfg merges `ssl.enabled` and `ssl: {enabled}`.
 * Facts: docs/agents/beats.md.
 */
import { literal, reference } from '../../config-languages/yaml/text';
import { parseYamlPositions, type YamlEntry, type YamlNode } from '../../config-languages/yaml/positions';
import type { Edit, Problem, Reading, WriteValue } from '../model';
import { acksFrom, numberFrom, isReference, NotThisKind } from './common';
import { scalarOf, yamlBlock } from './yaml-block';

const FALSE_WORDS = /^(?:false|no|off|n)$/i;

/** go-ucfg collapses `$$` to `$` in every string. */
const unescapeBeats = (s: string) => s.replace(/\$\$/g, '$');
const scalarText = (node: YamlNode) => scalarOf(node, unescapeBeats);

function beatsValue(v: WriteValue): unknown {
  if ('text' in v) return literal(v.text);
  if ('env' in v) return reference(v.env);
  if ('number' in v) return v.number;
  if ('boolean' in v) return v.boolean;
  if ('list' in v) return v.list.map(literal);
  return undefined;
}

function findOutput(root: YamlNode | undefined): { entries: YamlEntry[]; line: number; endLine: number } | undefined {
  if (!root || root.kind !== 'map') return undefined;
  for (const e of root.entries) {
    if (e.key === 'output.kafka' && e.value.kind === 'map') return { entries: e.value.entries, line: e.keyLine, endLine: e.value.endLine };
    if (e.key === 'output' && e.value.kind === 'map') {
      const k = e.value.entries.find((x) => x.key === 'kafka');
      if (k && k.value.kind === 'map') return { entries: k.value.entries, line: k.keyLine, endLine: k.value.endLine };
    }
  }
  return undefined;
}

export function readBeats(content: string): Reading {
  const root = parseYamlPositions(content);
  const output = findOutput(root);
  if (!output) throw new NotThisKind('a YAML file without an output.kafka section');
  const block = yamlBlock(output, beatsValue, { unescape: unescapeBeats });
  const { flat, render, childIndent } = block;
  const problems: Problem[] = [];
  const get = block.get;
  // Kafka client property names that are not Beats options (beats#44700, beats#33841).
  const WRONG: Record<string, string | undefined> = {
    'sasl.username': 'username',
    'sasl.password': 'password',
    'security.protocol': undefined,
    'sasl.jaas.config': undefined,
    'ssl.truststore.location': undefined,
    'bootstrap.servers': 'hosts',
  };
  for (const [wrong, right] of Object.entries(WRONG)) {
    const e = get(wrong);
    if (!e) continue;
    const edits: Edit[] = [];
    if (right && !get(right) && wrong !== 'sasl.password' && e.value !== undefined) {
      edits.push({ from: e.line, to: e.endLine, lines: render(right, right === 'hosts' ? { list: e.value.split(',') } : { text: e.value }, e.column ? e.column - 1 : childIndent) });
    } else if (right && !get(right) && wrong === 'sasl.password') {
      edits.push({ from: e.line, to: e.endLine, lines: render(right, { env: 'SLS_KAFKA_PASSWORD' }, e.column ? e.column - 1 : childIndent) });
    } else {
      edits.push({ from: e.line, to: e.endLine, lines: [] });
    }
    problems.push({
      rule: 'beats-wrong-key',
      severity: 'error',
      line: e.line,
      message: `“${wrong}” is a Kafka client property, not a Beats option: the Beat ignores it.`,
      fix: right ? `Use “${right}” instead.` : wrong === 'security.protocol' ? 'Remove it; TLS is switched on with “ssl.enabled: true”.' : 'Remove it.',
      edits,
    });
  }

  const hosts = get('hosts');
  const ssl = flat.filter((f) => f.key === 'ssl' || f.key.startsWith('ssl.'));
  const enabled = get('ssl.enabled');
  const sslSet = ssl.some((f) => f.node.kind !== 'scalar' || f.node.value !== null);
  const tlsOn = enabled !== undefined ? !FALSE_WORDS.test(enabled.value ?? '') : sslSet;
  const emptyCa = get('ssl.certificate_authorities');
  const why =
    enabled && FALSE_WORDS.test(enabled.value ?? '')
      ? `ssl.enabled is “${enabled.value}”`
      : emptyCa && emptyCa.value === undefined
        ? 'the only ssl key, ssl.certificate_authorities, has no value: whether that creates the ssl section (and switches TLS on) is undocumented'
        : 'there is no ssl section, and Beats only speaks TLS when one exists';
  const verification = get('ssl.verification_mode');
  const version = get('version');
  const compression = get('compression');
  const acks = get('required_acks');
  const maxBytes = get('max_message_bytes');
  const key = get('key');
  const headers = flat.find((f) => f.key === 'headers');
  const jsonHeaderLine =
    headers && headers.node.kind === 'seq'
      ? headers.node.items.find(
          (h) =>
            h.kind === 'map' &&
            h.entries.some((e) => e.key === 'key' && scalarText(e.value) === 'data-parse-format') &&
            h.entries.some((e) => e.key === 'value' && scalarText(e.value) === 'json'),
        )?.line
      : undefined;
  const password = get('password');
  const mechanism = get('sasl.mechanism');
  const codec = (compression?.value ?? 'gzip').toLowerCase();

  return {
    agent: 'beats',
    language: 'yaml',
    block,
    keys: { bootstrap: 'hosts', topic: 'topic', username: 'username', password: 'password', key: 'key', version: 'version' },
    bootstrap: hosts?.list ?? (hosts?.value !== undefined ? [hosts.value] : []),
    bootstrapEntry: hosts,
    topic: get('topic'),
    username: get('username'),
    password: password?.value !== undefined
      ? {
          value: password.value,
          line: password.line,
          reference: isReference(password.value),
          replaceWithReference: () => block.set('password', { env: 'SLS_KAFKA_PASSWORD' }),
        }
      : undefined,
    // Beats' default mechanism is PLAIN when a username is set.
    mechanism: { value: mechanism?.value ?? 'PLAIN', line: mechanism?.line ?? output.line, fix: () => block.set('sasl.mechanism', { text: 'PLAIN' }) },
    constantKey:
      key?.value !== undefined && !key.value.includes('%{')
        ? { value: key.value, line: key.line, remove: () => block.remove('key') }
        : undefined,
    tls: { on: tlsOn, why, fix: () => [block.set('ssl.enabled', { boolean: true })] },
    verifyOff:
      verification?.value !== undefined && /^none$/i.test(verification.value)
        ? [{ line: verification.line, what: 'ssl.verification_mode is “none”', fix: () => [block.set('ssl.verification_mode', { text: 'full' })] }]
        : [],
    version: {
      value: version?.value ?? '1.0.0',
      line: version?.line ?? output.line,
      default: version?.value === undefined,
      fix: () => block.set('version', { text: '2.1.0' }),
    },
    compression: { codec, line: compression?.line ?? output.line, fix: (c) => block.set('compression', { text: c }) },
    acks: { value: acksFrom(acks?.value ?? '1'), line: acks?.line ?? output.line, fix: () => block.set('required_acks', { number: 1 }) },
    maxBytes: maxBytes?.value !== undefined
      ? { value: numberFrom(maxBytes.value), line: maxBytes.line, fix: () => block.set('max_message_bytes', { number: 1000000 }) }
      : undefined,
    jsonHeader: jsonHeaderLine !== undefined ? { line: jsonHeaderLine } : undefined,
    problems,
    options: {
      compression: codec,
      acks: acksFrom(acks?.value ?? '1'),
      maxMessageBytes: maxBytes?.value !== undefined ? numberFrom(maxBytes.value) : undefined,
    },
  };
}
