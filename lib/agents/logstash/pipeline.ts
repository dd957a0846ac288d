/**
 * Text of the two Logstash files: the pipeline `sls-kafka.conf` (LSCL) and
 * the JAAS file `kafka_client_jaas.conf`. Every value goes through the
 * quoting helper of its language; comments are fixed text only.
 */
import { jaasValue } from '../../config-languages/jaas/string';
import { logstashString, type LogstashStringPart } from '../../config-languages/logstash/string';

export const PLAIN_LOGIN_MODULE = 'org.apache.kafka.common.security.plain.PlainLoginModule';

/** How the pipeline gets the SASL password. */
export type PasswordSource = { kind: 'literal'; password: string } | { kind: 'logstash-variable'; name: string };

export type TrustSettings =
  | { kind: 'jvm' }
  | { kind: 'pem'; path: string }
  | { kind: 'jks'; path: string; password: string; comment?: string };

export type PipelineInput = { kind: 'none' } | { kind: 'file'; path: string } | { kind: 'beats'; port: number };

export interface PipelineSpec {
  bootstrap: string;
  topic: string;
  username: string;
  jaas: { kind: 'inline'; password: PasswordSource } | { kind: 'file'; path: string };
  trust: TrustSettings;
  compression: string;
  acks: string;
  /** client_id prefix; `-${HOSTNAME}` is appended. */
  clientId: string;
  /** Send the `data-parse-format: json` record header (plugin ≥ 11.4.0) instead of using the `.json` topic. */
  jsonHeader: boolean;
  input: PipelineInput;
  /** The secret is written into this file (inline secret mode with inline JAAS). */
  holdsSecret: boolean;
}

/** Batching and size settings: SLS takes at most 5 MB per request and 1 MB per log entry (docs/sls.md#limits). */
export const PRODUCER_TUNING = { lingerMs: 100, batchSize: 262_144, maxRequestSize: 1_000_000 } as const;
/** The record header that makes SLS store a JSON value as fields (docs/sls.md#json-parsing). */
export const JSON_PARSE_HEADER = { key: 'data-parse-format', value: 'json' } as const;
/** Logstash falls back to this when HOSTNAME is not in its environment (the steps put it there). */
export const HOSTNAME_FALLBACK = 'unknown-host';

type Line = { setting: string; value: string } | { comment: string };

function block(name: string, lines: Line[], depth: number): string[] {
  const pad = '  '.repeat(depth);
  const inner = '  '.repeat(depth + 1);
  return [
    `${pad}${name} {`,
    ...lines.map((line) => ('comment' in line ? `${inner}# ${line.comment}` : `${inner}${line.setting} => ${line.value}`)),
    `${pad}}`,
  ];
}

/** The `sasl_jaas_config` value: JAAS text (single-quoted values) inside a Logstash string. */
export function saslJaasConfigValue(username: string, password: PasswordSource): string {
  const head = `${PLAIN_LOGIN_MODULE} required username=${jaasValue(username, "'")} password=`;
  const parts: LogstashStringPart[] =
    password.kind === 'literal'
      ? [`${head}${jaasValue(password.password, "'")};`]
      : [`${head}'`, { variable: password.name }, `';`];
  return logstashString(...parts);
}

function trustLines(trust: TrustSettings): Line[] {
  switch (trust.kind) {
    case 'jvm':
      return [{ comment: 'No ssl_truststore_*: the JVM default truststore (cacerts) verifies the server.' }];
    case 'pem':
      return [
        { comment: 'PEM truststore (no password: Kafka refuses one for PEM).' },
        { setting: 'ssl_truststore_type', value: logstashString('PEM') },
        { setting: 'ssl_truststore_location', value: logstashString(trust.path) },
      ];
    case 'jks':
      return [
        ...(trust.comment ? [{ comment: trust.comment }] : []),
        { setting: 'ssl_truststore_type', value: logstashString('JKS') },
        { setting: 'ssl_truststore_location', value: logstashString(trust.path) },
        { setting: 'ssl_truststore_password', value: logstashString(trust.password) },
      ];
  }
}

function inputSection(input: PipelineInput): string[] {
  if (input.kind === 'none') return [];
  const plugin =
    input.kind === 'file'
      ? block('file', [{ setting: 'path', value: `[${logstashString(input.path)}]` }], 1)
      : block('beats', [{ setting: 'port', value: String(input.port) }], 1);
  return ['input {', ...plugin, '}', ''];
}

export function pipelineConfig(spec: PipelineSpec): string {
  const kafka: Line[] = [
    { setting: 'bootstrap_servers', value: logstashString(spec.bootstrap) },
    { setting: 'topic_id', value: logstashString(spec.topic) },
    { comment: 'TLS on, then SASL PLAIN: username = project, password = AccessKeyId#AccessKeySecret.' },
    { setting: 'security_protocol', value: logstashString('SASL_SSL') },
    { setting: 'sasl_mechanism', value: logstashString('PLAIN') },
    spec.jaas.kind === 'inline'
      ? { setting: 'sasl_jaas_config', value: saslJaasConfigValue(spec.username, spec.jaas.password) }
      : { setting: 'jaas_path', value: logstashString(spec.jaas.path) },
    { comment: 'Verify the server certificate and that it names the host.' },
    { setting: 'ssl_endpoint_identification_algorithm', value: logstashString('https') },
    ...trustLines(spec.trust),
    { setting: 'codec', value: 'json' },
    { setting: 'compression_type', value: logstashString(spec.compression) },
    spec.acks === 'all'
      ? { comment: 'acks "all" turns the idempotent producer on (kafka-clients 3.x+), which SLS does not support: see the steps.' }
      : { comment: 'acks "0" or "1" keeps the idempotent producer off (SLS does not support it).' },
    { setting: 'acks', value: logstashString(spec.acks) },
    { comment: 'Names this host in SLS and in the producer log; HOSTNAME comes from the service environment (see the steps).' },
    { setting: 'client_id', value: logstashString(`${spec.clientId}-`, { variable: 'HOSTNAME', default: HOSTNAME_FALLBACK }) },
    ...(spec.jsonHeader
      ? [
          { comment: 'SLS stores the JSON of each record as fields (header supported from plugin 11.4.0).' },
          { setting: 'message_headers', value: `{ ${logstashString(JSON_PARSE_HEADER.key)} => ${logstashString(JSON_PARSE_HEADER.value)} }` },
        ]
      : []),
    { comment: 'Wait up to 100 ms to fill batches: fewer, larger requests (SLS counts writes per shard).' },
    { setting: 'linger_ms', value: String(PRODUCER_TUNING.lingerMs) },
    { comment: 'Up to 256 KiB per shard batch, well below the 5 MB SLS takes per request.' },
    { setting: 'batch_size', value: String(PRODUCER_TUNING.batchSize) },
    { comment: 'One request, and so one event, stays below 1 MB, the most SLS takes per log entry; a bigger event is dropped with a warning.' },
    { setting: 'max_request_size', value: String(PRODUCER_TUNING.maxRequestSize) },
    { comment: 'No retries setting: the output retries until SLS takes the batch (a count would drop data); no message_key: records spread over all shards.' },
  ];
  return [
    '# Logstash pipeline: events to Alibaba Cloud SLS through its Kafka-compatible endpoint.',
    '# Install as /etc/logstash/conf.d/sls-kafka.conf (see the steps).',
    ...(spec.holdsSecret ? ['# Holds the AccessKey secret: keep it mode 640, owner root, group logstash.'] : []),
    '',
    ...inputSection(spec.input),
    'output {',
    ...block('kafka', kafka, 1),
    '}',
    '',
  ].join('\n');
}

/** The JAAS file for `jaas_path`; it always holds the secret. */
export function jaasFile(username: string, password: string): string {
  return [
    '// JAAS login for the Logstash Kafka output to SLS (jaas_path).',
    '// Holds the AccessKey secret: keep it mode 600, owner logstash.',
    'KafkaClient {',
    `  ${PLAIN_LOGIN_MODULE} required`,
    `  username=${jaasValue(username, '"')}`,
    `  password=${jaasValue(password, '"')};`,
    '};',
    '',
  ].join('\n');
}

/** Where the persistent queue lives on deb/rpm installs (path.data is /var/lib/logstash). */
export const QUEUE_PATH = '/var/lib/logstash/queue';
/** Disk the queue may fill before inputs pause (back pressure; nothing is dropped). */
export const QUEUE_MAX_BYTES = '1gb';

/** The logstash.yml lines that turn the persistent queue on; appended to /etc/logstash/logstash.yml by the steps. */
export function queueSettings(): string {
  return [
    '# Logstash persistent queue, for /etc/logstash/logstash.yml (the steps append it).',
    '# Events wait on disk, not in memory, while SLS is slow or unreachable, and survive a restart.',
    'queue.type: persisted',
    '# The default place (path.data/queue), named so that the disk it fills is known.',
    `path.queue: ${QUEUE_PATH}`,
    '# When the queue holds this much, inputs pause (back pressure) instead of dropping events.',
    `queue.max_bytes: ${QUEUE_MAX_BYTES}`,
    '',
  ].join('\n');
}
