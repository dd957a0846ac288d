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
  | { kind: 'jks'; path: string; password: string };

export type PipelineInput = { kind: 'none' } | { kind: 'file'; path: string } | { kind: 'beats'; port: number };

export interface PipelineSpec {
  bootstrap: string;
  topic: string;
  username: string;
  jaas: { kind: 'inline'; password: PasswordSource } | { kind: 'file'; path: string };
  trust: TrustSettings;
  compression: string;
  acks: string;
  clientId: string;
  input: PipelineInput;
  /** The secret is written into this file (inline secret mode with inline JAAS). */
  holdsSecret: boolean;
}

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
    { setting: 'client_id', value: logstashString(spec.clientId) },
    { comment: 'No message_key: records spread over all shards; a fixed key would pin them to one.' },
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
