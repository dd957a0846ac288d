/**
 * Lint reader for Vector's `kafka` sink, in YAML (read with positions) or
 * TOML (smol-toml values, lines from a scan): keys relative to
 * `sinks.<id>`. Vector maps its own `tls.*`, `sasl.*` and `compression` onto
 * librdkafka; `librdkafka_options` (string values, applied last) is read for
 * the rest. Facts: docs/agents/vector.md.
 */
import { parseYamlPositions } from '../../config-languages/yaml/positions';
import type { Block, Problem, Reading } from '../model';
import { NotThisKind, PASSWORD_ENV } from './common';
import { librdkafkaParts, producerParts } from './librdkafka';
import { parseTomlForLint, tomlTableBlock } from './toml-block';
import { plainYamlValue, yamlBlock } from './yaml-block';

const RD = 'librdkafka_options.';
/** A librdkafka name under librdkafka_options stays one segment. */
const segments = (k: string) => (k.startsWith(RD) ? ['librdkafka_options', k.slice(RD.length)] : k.split('.'));
const TRUE = /^true$/i;

export const isVectorToml = (content: string) => /^[ \t]*\[sinks\./m.test(content);

function yamlSink(content: string): Block {
  const root = parseYamlPositions(content);
  const sinks = root?.kind === 'map' ? root.entries.find((e) => e.key === 'sinks')?.value : undefined;
  const sink = sinks?.kind === 'map' ? sinks.entries.find((e) => e.value.kind === 'map' && e.value.entries.some((x) => x.key === 'type' && x.value.kind === 'scalar' && x.value.value === 'kafka')) : undefined;
  if (!sink || sink.value.kind !== 'map') throw new NotThisKind('a Vector config without a kafka sink');
  return yamlBlock({ entries: sink.value.entries, line: sink.keyLine, endLine: sink.value.endLine }, plainYamlValue(), { segments, nest: true });
}

function tomlSink(content: string): Block {
  const doc = parseTomlForLint(content);
  const sinks = doc.sinks && typeof doc.sinks === 'object' ? (doc.sinks as Record<string, Record<string, unknown>>) : {};
  const id = Object.keys(sinks).find((k) => sinks[k]?.type === 'kafka');
  if (id === undefined) throw new NotThisKind('a Vector config without a kafka sink');
  const block = tomlTableBlock(content, doc, ['sinks', id], segments);
  if (!block.found) throw new NotThisKind(`a Vector config whose kafka sink is not a [sinks.${id}] table`);
  return block;
}

export function readVector(content: string): Reading {
  const toml = isVectorToml(content);
  const block = toml ? tomlSink(content) : yamlSink(content);
  const get = block.get;
  const rdView: Block = {
    line: block.line,
    endLine: block.endLine,
    get: (k) => {
      const e = get(RD + k);
      return e ? { ...e, key: k } : undefined;
    },
    set: (k, v) => block.set(RD + k, v),
    remove: (k) => block.remove(RD + k),
  };
  // librdkafka option values are strings in Vector; acks and sizes are written as text too.
  const rd = librdkafkaParts({ block: rdView, header: block.line });
  const problems: Problem[] = [];
  const sasl = get('sasl.enabled');
  const username = get('sasl.username');
  if (username && !TRUE.test(sasl?.value ?? '')) {
    problems.push({
      rule: 'sasl-missing',
      severity: 'error',
      line: sasl?.line ?? username.line,
      message: `sasl.enabled is ${sasl ? `“${sasl.value}”` : 'not set'}: Vector sends no SASL login without it, so SLS refuses the connection.`,
      fix: 'Set sasl.enabled to true.',
      edits: [block.set('sasl.enabled', { boolean: true })],
    });
  }
  const tlsEnabled = get('tls.enabled');
  const verifyOff: Reading['verifyOff'] = [...rd.verifyOff];
  for (const [key, what] of [
    ['tls.verify_certificate', 'tls.verify_certificate is false'],
    ['tls.verify_hostname', 'tls.verify_hostname is false'],
  ] as const) {
    const e = get(key);
    if (e && /^false$/i.test(e.value ?? '')) verifyOff.push({ line: e.line, what, fix: () => [block.set(key, { boolean: true })] });
  }
  const mechanism = get('sasl.mechanism');
  const password = get('sasl.password');
  const keyField = get('key_field');
  const compression = get('compression');
  const codec = (compression?.value ?? 'none').toLowerCase();
  const bootstrap = get('bootstrap_servers');
  return {
    agent: 'vector',
    language: toml ? 'toml' : 'yaml',
    block,
    keys: { bootstrap: 'bootstrap_servers', topic: 'topic', username: 'sasl.username', password: 'sasl.password', key: 'key_field' },
    bootstrap: (bootstrap?.list ?? (bootstrap?.value ?? '').split(',')).map((s) => s.trim()).filter((s) => s !== ''),
    bootstrapEntry: bootstrap,
    topic: get('topic'),
    username,
    password:
      password?.value !== undefined
        ? {
            value: password.value,
            line: password.line,
            reference: /\$\{[A-Za-z_]\w*\}|SECRET\[/.test(password.value),
            replaceWithReference: () => block.set('sasl.password', { env: PASSWORD_ENV }),
          }
        : undefined,
    mechanism: { value: mechanism?.value ?? '(none)', line: mechanism?.line ?? block.line, fix: () => block.set('sasl.mechanism', { text: 'PLAIN' }) },
    // key_field: the key is that field's value, the same for every event that shares it.
    constantKey: keyField?.value ? { value: `the field ${keyField.value}`, line: keyField.line, remove: () => block.remove('key_field') } : undefined,
    tls: {
      on: TRUE.test(tlsEnabled?.value ?? ''),
      why: tlsEnabled ? `tls.enabled is “${tlsEnabled.value}”` : 'tls.enabled is not set, so SASL goes out as sasl_plaintext (vector#7129)',
      fix: () => [block.set('tls.enabled', { boolean: true })],
    },
    verifyOff,
    compression: { codec, line: compression?.line ?? block.line, fix: (c) => block.set('compression', { text: c }) },
    ...producerParts(rd),
    problems,
    options: {
      format: toml ? 'toml' : 'yaml',
      codec: get('encoding.codec')?.value,
      compression: codec,
      acknowledgements: get('acknowledgements.enabled') ? TRUE.test(get('acknowledgements.enabled')?.value ?? '') : undefined,
    },
  };
}
