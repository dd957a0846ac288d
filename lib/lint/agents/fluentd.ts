/**
 * Lint reader for Fluentd's fluent-plugin-kafka outputs (`kafka2`, and the
 * old `kafka` / `kafka_buffered` / `rdkafka2`), parsed as Fluentd's v1 config
 * with offsets (lib/config-languages/fluentd). Facts: docs/agents/fluentd.md.
 */
import { FluentdParseError, parseFluentdConfig, type FluentdElement } from '../../config-languages/fluentd/parser';
import { fluentdEnvReference, fluentdString } from '../../config-languages/fluentd/quote';
import { indentOf, lineOf, type Entry, type Problem, type Reading, type WriteValue } from '../model';
import { acksFrom, entriesBlock, isReference, LintParseError, NotThisKind, numberFrom, PASSWORD_ENV } from './common';

const KAFKA_TYPES = ['kafka2', 'kafka', 'kafka_buffered', 'rdkafka2', 'rdkafka'];

function valueText(v: WriteValue): string {
  if ('text' in v) return fluentdString(v.text);
  if ('env' in v) return fluentdEnvReference(v.env);
  if ('number' in v) return String(v.number);
  if ('boolean' in v) return v.boolean ? 'true' : 'false';
  if ('list' in v) return fluentdString(v.list.join(','));
  return v.raw;
}

export function readFluentd(content: string): Reading {
  let root: FluentdElement;
  try {
    root = parseFluentdConfig(content, { interpolation: 'marker', positions: true }).root;
  } catch (err) {
    if (err instanceof FluentdParseError) throw new LintParseError(`Fluentd config: ${err.message.replace(/ at offset \d+$/, '')}`, lineOf(content, err.offset));
    throw err;
  }
  const find = (el: FluentdElement): FluentdElement | undefined =>
    el.params.some((p) => p.key === '@type' && KAFKA_TYPES.includes(p.value)) ? el : el.elements.map(find).find(Boolean);
  const out = find(root);
  if (!out) throw new NotThisKind('a Fluentd config without a Kafka output (@type kafka2)');
  const lines = content.split('\n');
  const line = lineOf(content, out.offset ?? 0);
  const close = lineOf(content, out.endOffset ?? content.length);
  const entries = new Map<string, Entry>();
  for (const p of out.params) {
    const l = lineOf(content, p.offset ?? 0);
    // A backslash-continued value spans lines; parameters otherwise end their line.
    let end = l;
    while (/\\\r?$/.test(lines[end - 1] ?? '') && end < close - 1) end++;
    entries.set(p.key, { key: p.key, value: p.value, line: l, endLine: end });
  }
  const firstParam = out.params[0];
  const indent = firstParam ? indentOf(lines, lineOf(content, firstParam.offset ?? 0)) : '  ';
  const firstChild = out.elements[0];
  const insertAt = firstChild ? lineOf(content, firstChild.offset ?? 0) : close;
  const block = entriesBlock(line, close, entries, (key, value) => `${indent}${key} ${valueText(value)}`, insertAt);
  const get = (k: string) => entries.get(k);
  const type = get('@type')?.value ?? 'kafka2';
  const problems: Problem[] = [];
  const typeLine = get('@type')?.line ?? line;
  const legacy = ['output_data_type', 'output_include_tag', 'output_include_time'].filter((k) => get(k));
  if (type === 'kafka') {
    problems.push({
      rule: 'fluentd-unbuffered',
      severity: 'error',
      line: typeLine,
      message: '“@type kafka” is the non-buffered output: every event is sent while it is emitted, and with max_send_retries the input blocks during an SLS outage.',
      fix: 'Use “@type kafka2” (buffered; add a <buffer> section to choose where chunks wait).',
      edits: [block.set('@type', { raw: 'kafka2' })],
    });
  } else if (type === 'kafka_buffered') {
    problems.push({
      rule: 'fluentd-kafka-buffered',
      severity: 'warning',
      line: typeLine,
      message: '“@type kafka_buffered” is deprecated in fluent-plugin-kafka (v0.12 API).',
      fix: 'Use “@type kafka2”.',
      edits: [block.set('@type', { raw: 'kafka2' })],
    });
  }
  if (legacy.length > 0 && type !== 'kafka_buffered') {
    const first = get(legacy[0]!)!;
    problems.push({
      rule: 'fluentd-legacy-params',
      severity: 'warning',
      line: first.line,
      message: `${legacy.join(', ')} belong to the old kafka output; kafka2 ignores them.`,
      fix: 'Remove them: kafka2 formats with a <format> section (JSON by default) and adds tag or time with <inject>.',
      edits: legacy.map((k) => block.remove(k)!),
    });
  }
  const caSystem = get('ssl_ca_certs_from_system');
  const caFile = get('ssl_ca_cert');
  const saslOverSsl = get('sasl_over_ssl');
  const tlsOn = (caSystem?.value === 'true' || caFile !== undefined) && saslOverSsl?.value !== 'false';
  const verify = get('ssl_verify_hostname');
  const key = get('default_message_key');
  const password = get('password');
  const scram = get('scram_mechanism');
  const codec = get('compression_codec');
  const acks = get('required_acks');
  const maxBytes = get('max_send_limit_bytes');
  const idempotent = get('idempotent');
  const transactional = get('transactional_id');
  const brokers = get('brokers');
  const topic = get('topic') ?? get('default_topic');
  return {
    agent: 'fluentd',
    language: 'fluentd',
    block,
    keys: { bootstrap: 'brokers', topic: topic?.key ?? 'default_topic', username: 'username', password: 'password', key: 'default_message_key' },
    bootstrap: brokers?.value ? brokers.value.replace(/^\[|\]$/g, '').split(',').map((s) => s.trim().replace(/^"|"$/g, '')) : [],
    bootstrapEntry: brokers,
    topic,
    username: get('username'),
    password: password?.value !== undefined
      ? { value: password.value, line: password.line, reference: isReference(password.value), replaceWithReference: () => block.set('password', { env: PASSWORD_ENV }) }
      : undefined,
    mechanism: scram
      ? { value: `SCRAM (${scram.value})`, line: scram.line, fix: () => block.remove('scram_mechanism')! }
      : { value: 'PLAIN', line },
    constantKey: key?.value ? { value: key.value, line: key.line, remove: () => block.remove('default_message_key') } : undefined,
    tls: {
      on: tlsOn,
      why:
        saslOverSsl?.value === 'false'
          ? 'sasl_over_ssl is false'
          : 'neither ssl_ca_certs_from_system true nor ssl_ca_cert is set, so ruby-kafka does not speak TLS',
      fix: () => [
        ...(caFile || caSystem?.value === 'true' ? [] : [block.set('ssl_ca_certs_from_system', { boolean: true })]),
        ...(saslOverSsl?.value === 'false' ? [block.set('sasl_over_ssl', { boolean: true })] : []),
      ],
    },
    verifyOff: verify?.value === 'false' ? [{ line: verify.line, what: 'ssl_verify_hostname is false', fix: () => [block.set('ssl_verify_hostname', { boolean: true })] }] : [],
    compression: codec?.value ? { codec: codec.value.toLowerCase(), line: codec.line, fix: (c) => block.set('compression_codec', { raw: c }) } : undefined,
    acks: { value: acksFrom(acks?.value ?? '-1'), line: acks?.line ?? line, fix: () => block.set('required_acks', { raw: '1' }) },
    maxBytes: maxBytes?.value ? { value: numberFrom(maxBytes.value), line: maxBytes.line, fix: () => block.set('max_send_limit_bytes', { number: 1000000 }) } : undefined,
    idempotence: idempotent?.value === 'true' ? { line: idempotent.line, fix: () => block.set('idempotent', { boolean: false }) } : undefined,
    transactions: transactional ? { line: transactional.line, fix: () => block.remove('transactional_id') } : undefined,
    problems,
    options: {
      compression: codec?.value?.toLowerCase() ?? 'none',
      acks: acks?.value === undefined ? 'all' : acksFrom(acks.value) === -1 ? 'all' : String(acksFrom(acks.value)),
      caMode: caFile ? 'file' : 'system',
      caPath: caFile?.value,
    },
  };
}
