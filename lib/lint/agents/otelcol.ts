/**
 * Lint reader for the OpenTelemetry Collector (contrib) `kafka` exporter, read
 * with positions from `exporters.kafka` (or `kafka/<name>`). Both release
 * lines: `logs.topic` and top-level `tls` (v0.124.0+), or top-level `topic`
 * and `auth.tls`. The collector's confmap nests keys by mapping only, so a
 * missing key is written as nested mappings. Facts: docs/agents/otelcol.md.
 */
import { acksOf } from '../../agents/common/read-back';
import { parseYamlPositions } from '../../config-languages/yaml/positions';
import type { Problem, Reading } from '../model';
import { NotThisKind, numberFrom, PASSWORD_ENV } from './common';
import { plainYamlValue, yamlBlock } from './yaml-block';

const TRUE = /^true$/i;

export function readOtelcol(content: string): Reading {
  const root = parseYamlPositions(content);
  const exporters = root?.kind === 'map' ? root.entries.find((e) => e.key === 'exporters')?.value : undefined;
  const exporter = exporters?.kind === 'map' ? exporters.entries.find((e) => (e.key === 'kafka' || e.key.startsWith('kafka/')) && e.value.kind === 'map') : undefined;
  if (!exporter || exporter.value.kind !== 'map') throw new NotThisKind('an OpenTelemetry Collector config without a kafka exporter');
  const block = yamlBlock({ entries: exporter.value.entries, line: exporter.keyLine, endLine: exporter.value.endLine }, plainYamlValue((n) => `\${env:${n}}`), { nest: true });
  const { get, find } = block;
  // v0.124.0+ puts the topic under logs and TLS at the top; before, top-level topic and auth.tls.
  const post124 = find('logs') !== undefined || find('tls') !== undefined || find('topic') === undefined;
  const tlsKey = find('tls') !== undefined ? 'tls' : find('auth.tls') !== undefined ? 'auth.tls' : post124 ? 'tls' : 'auth.tls';
  const tlsNode = find(tlsKey);
  const insecure = get(`${tlsKey}.insecure`);
  const tlsOn = tlsNode !== undefined && !(tlsNode.node.kind === 'scalar' && tlsNode.node.value === null) && !TRUE.test(insecure?.value ?? '');
  const skip = get(`${tlsKey}.insecure_skip_verify`);
  const topicKey = post124 ? 'logs.topic' : 'topic';
  const version = get('protocol_version');
  const acks = get('producer.required_acks');
  const acksValue = acksOf(acks?.value ?? 1);
  const compression = get('producer.compression');
  const codec = (compression?.value ?? 'none').toLowerCase();
  const maxBytes = get('producer.max_message_bytes');
  const byResource = get('partition_logs_by_resource_attributes');
  const password = get('auth.sasl.password');
  const mechanism = get('auth.sasl.mechanism');
  const brokers = get('brokers');
  const problems: Problem[] = [];
  return {
    agent: 'otelcol',
    language: 'yaml',
    block,
    keys: { bootstrap: 'brokers', topic: topicKey, username: 'auth.sasl.username', password: 'auth.sasl.password', version: 'protocol_version' },
    bootstrap: brokers?.list ?? (brokers?.value !== undefined ? [brokers.value] : []),
    bootstrapEntry: brokers,
    topic: get(topicKey),
    username: get('auth.sasl.username'),
    password:
      password?.value !== undefined
        ? {
            value: password.value,
            line: password.line,
            reference: /\$\{(?:env:)?[A-Za-z_]\w*\}/.test(password.value),
            replaceWithReference: () => block.set('auth.sasl.password', { env: PASSWORD_ENV }),
          }
        : undefined,
    mechanism: { value: mechanism?.value ?? '(none)', line: mechanism?.line ?? exporter.keyLine, fix: () => block.set('auth.sasl.mechanism', { text: 'PLAIN' }) },
    constantKey: byResource && TRUE.test(byResource.value ?? '') ? { value: 'resource attributes', line: byResource.line, remove: () => block.remove('partition_logs_by_resource_attributes') } : undefined,
    tls: {
      on: tlsOn,
      why: insecure && TRUE.test(insecure.value ?? '') ? `${tlsKey}.insecure is true (plain text)` : `there is no ${tlsKey} block, and without one the exporter talks plain text`,
      fix: () => [block.set(`${tlsKey}.insecure`, { boolean: false })],
    },
    verifyOff: skip && TRUE.test(skip.value ?? '') ? [{ line: skip.line, what: `${tlsKey}.insecure_skip_verify is true`, fix: () => [block.set(`${tlsKey}.insecure_skip_verify`, { boolean: false })] }] : [],
    // Older releases require protocol_version; newer ones default to 2.1.0 (docs/agents/otelcol.md#protocol-version).
    version: version?.value !== undefined ? { value: version.value, line: version.line, default: false, fix: () => block.set('protocol_version', { text: '2.1.0' }) } : undefined,
    compression: { codec, line: compression?.line ?? exporter.keyLine, fix: (c) => block.set('producer.compression', { text: c }) },
    acks: acks?.value !== undefined ? { value: acksValue, line: acks.line, fix: () => block.set('producer.required_acks', { number: 1 }) } : undefined,
    maxBytes: maxBytes?.value !== undefined ? { value: numberFrom(maxBytes.value), line: maxBytes.line, fix: () => block.set('producer.max_message_bytes', { number: 1000000 }) } : undefined,
    // franz-go keeps the idempotent producer on with acks all (docs/agents/otelcol.md#options-the-wizard-renders-under-exporterskafka).
    idempotence: acks?.value !== undefined && acksValue === -1 ? { line: acks.line, fix: () => block.set('producer.required_acks', { number: 1 }) } : undefined,
    problems,
    options: {
      version: post124 ? 'post124' : 'pre124',
      logsEncoding: get(post124 ? 'logs.encoding' : 'encoding')?.value,
      compression: codec,
    },
  };
}
