/**
 * Each rule, reproduced by one change to the wizard's own (clean) file for
 * each agent: the rule fires on the changed line, and the fixed file lints
 * with no error.
 */
import { describe, expect, it } from 'vitest';
import { renderSettings } from '@/lib/agents';
import type { AgentId } from '@/lib/agents/meta';
import { lintConfig, type LintRuleId } from '@/lib/lint';
import { exampleSettings } from '../../support/settings';

function clean(agent: AgentId, secretMode: 'env' | 'inline' = 'env', options: Record<string, unknown> = {}, path?: string): string {
  const s = exampleSettings({ secretMode, agents: { [agent]: options } });
  const file = renderSettings(s).files.find((f) => f.agent === agent && (path ? f.path === path : f.language !== 'shell' && f.language !== 'text' && f.language !== 'pem'));
  return file!.content;
}

interface Case {
  agent: AgentId;
  rule: LintRuleId;
  from: string | RegExp;
  to: string;
  secretMode?: 'env' | 'inline';
  /** A second change applied after the first. */
  also?: [string, string];
  /** The fixed file may keep this error (nothing to fix it with). */
  unfixable?: boolean;
  /** Agent options (the file's format, the release line). */
  options?: Record<string, unknown>;
  /** Which rendered file (default: the agent's first config file). */
  path?: string;
  /** The rule fires on the clean file itself (an info). */
  same?: boolean;
}

const PASSWORD = 'LTAI5tAbCdEfGhIjKlMnOpQr#AbCdEfGhIjKlMnOpQrStUvWxYz0123';
const FB_YAML = { format: 'yaml' };
const VEC_TOML = { format: 'toml' };
const PRE124 = { version: 'pre124' };
const SCRIPT = 'kcat-send.sh';

const HOST = 'test-project-1.cn-hangzhou.log.aliyuncs.com';
const CASES: Case[] = [
  // TLS
  { agent: 'beats', rule: 'tls-off', from: '    enabled: true', to: '    enabled: false' },
  { agent: 'telegraf', rule: 'tls-off', from: 'enable_tls = true', to: 'enable_tls = false' },
  { agent: 'collectd', rule: 'tls-off', from: '"sasl_ssl"', to: '"sasl_plaintext"' },
  { agent: 'fluentd', rule: 'tls-off', from: /  ssl_ca_certs_from_system true\n/, to: '' },
  { agent: 'logstash', rule: 'tls-off', from: '"SASL_SSL"', to: '"SASL_PLAINTEXT"' },
  // verification
  { agent: 'beats', rule: 'tls-verify-off', from: '"full"', to: 'none' },
  { agent: 'telegraf', rule: 'tls-verify-off', from: 'insecure_skip_verify = false', to: 'insecure_skip_verify = true' },
  { agent: 'collectd', rule: 'tls-verify-off', from: '"https"', to: '"none"' },
  { agent: 'fluentd', rule: 'tls-verify-off', from: 'ssl_verify_hostname true', to: 'ssl_verify_hostname false' },
  { agent: 'logstash', rule: 'tls-verify-off', from: '=> "https"', to: '=> ""' },
  // constant key
  { agent: 'beats', rule: 'constant-key', from: '  required_acks: 1', to: '  key: "content"\n  required_acks: 1' },
  { agent: 'telegraf', rule: 'constant-key', from: '  required_acks = 1', to: '  routing_key = "content"\n  required_acks = 1' },
  { agent: 'collectd', rule: 'constant-key', from: '    Format JSON', to: '    Format JSON\n    Key "content"' },
  { agent: 'collectd', rule: 'collectd-key-random', from: '    Format JSON', to: '    Format JSON\n    Key "Random"' },
  { agent: 'fluentd', rule: 'constant-key', from: '  required_acks -1', to: '  default_message_key content\n  required_acks -1' },
  { agent: 'logstash', rule: 'constant-key', from: '    acks => "1"', to: '    message_key => "content"\n    acks => "1"' },
  // protocol version
  { agent: 'beats', rule: 'protocol-version', from: '"2.1.0"', to: '"0.11.0"' },
  { agent: 'telegraf', rule: 'protocol-version', from: /  version = "2.1.0"\n/, to: '' },
  // SASL
  { agent: 'beats', rule: 'sasl-mechanism', from: 'sasl.mechanism: "PLAIN"', to: 'sasl.mechanism: "SCRAM-SHA-256"' },
  { agent: 'telegraf', rule: 'sasl-mechanism', from: 'sasl_mechanism = "PLAIN"', to: 'sasl_mechanism = "SCRAM-SHA-512"' },
  { agent: 'collectd', rule: 'sasl-mechanism', from: /  Property "sasl.mechanisms" "PLAIN"\n/, to: '' },
  { agent: 'fluentd', rule: 'sasl-mechanism', from: '  sasl_over_ssl true', to: '  scram_mechanism sha256\n  sasl_over_ssl true' },
  { agent: 'logstash', rule: 'sasl-mechanism', from: 'sasl_mechanism => "PLAIN"', to: 'sasl_mechanism => "GSSAPI"' },
  { agent: 'beats', rule: 'username-project', from: 'username: "test-project-1"', to: 'username: "Test_Project"', unfixable: true },
  { agent: 'telegraf', rule: 'password-shape', from: '"${SLS_KAFKA_PASSWORD}"', to: '"LTAI5tAbCdEfGhIjKlMnOpQr"', unfixable: true },
  { agent: 'collectd', rule: 'password-shape', from: 'LTAI5tAbCdEfGhIjKlMnOpQr#', to: 'LTAI5tAbCdEfGhIjKlMnOpQr##', unfixable: true },
  { agent: 'fluentd', rule: 'secret-inline', from: `"#{ENV['SLS_KAFKA_PASSWORD']}"`, to: "'LTAI5tAbCdEfGhIjKlMnOpQr#AbCdEfGhIjKlMnOpQrStUvWxYz0123'" },
  { agent: 'logstash', rule: 'secret-inline', from: '${SLS_KAFKA_PASSWORD}', to: 'LTAI5tAbCdEfGhIjKlMnOpQr#AbCdEfGhIjKlMnOpQrStUvWxYz0123' },
  { agent: 'beats', rule: 'beats-wrong-key', from: '  sasl.mechanism: "PLAIN"', to: '  sasl.mechanism: "PLAIN"\n  security.protocol: "SASL_SSL"' },
  // host and port
  { agent: 'beats', rule: 'host-not-sls', from: HOST, to: 'kafka.example.com', unfixable: true },
  { agent: 'telegraf', rule: 'host-region-form', from: HOST, to: 'cn-hangzhou.log.aliyuncs.com' },
  { agent: 'collectd', rule: 'port-network', from: `${HOST}:10012`, to: `${HOST}:10011` },
  { agent: 'fluentd', rule: 'port-network', from: `${HOST}:10012`, to: 'test-project-1.cn-hangzhou-intranet.log.aliyuncs.com:10012' },
  { agent: 'logstash', rule: 'host-not-sls', from: HOST, to: 'test-project-1.xx-nowhere-9.log.aliyuncs.com', unfixable: true },
  // topic
  { agent: 'beats', rule: 'topic-logstore', from: 'topic: "test-logstore-1"', to: 'topic: "Test Logstore"', unfixable: true },
  { agent: 'beats', rule: 'topic-json-twice', from: 'topic: "test-logstore-1"', to: 'topic: "test-logstore-1.json"\n  headers:\n    - key: "data-parse-format"\n      value: "json"' },
  { agent: 'logstash', rule: 'topic-missing', from: /    topic_id => "test-logstore-1"\n/, to: '', unfixable: true },
  // Fluentd output variants
  { agent: 'fluentd', rule: 'fluentd-unbuffered', from: '@type kafka2', to: '@type kafka' },
  { agent: 'fluentd', rule: 'fluentd-kafka-buffered', from: '@type kafka2', to: '@type kafka_buffered' },
  // Logstash
  { agent: 'logstash', rule: 'logstash-truststore', from: '    codec => json', to: '    ssl_truststore_location => "/etc/kafka/client.truststore.jks"\n    ssl_truststore_password => "123456"\n    codec => json' },
  { agent: 'logstash', rule: 'logstash-jaas-syntax', from: "password='${SLS_KAFKA_PASSWORD}';", to: "password='${SLS_KAFKA_PASSWORD}'", unfixable: true },
  { agent: 'logstash', rule: 'logstash-jaas-config-broken', from: 'codec => json', to: 'codec => json' },
  { agent: 'collectd', rule: 'collectd-load-plugin', from: /^LoadPlugin write_kafka\n/m, to: '' },
  // idempotence, transactions, compression, size, acks
  { agent: 'telegraf', rule: 'idempotence', from: 'idempotent_writes = false', to: 'idempotent_writes = true' },
  { agent: 'collectd', rule: 'idempotence', from: '"enable.idempotence" "false"', to: '"enable.idempotence" "true"' },
  { agent: 'fluentd', rule: 'idempotence', from: 'idempotent false', to: 'idempotent true' },
  { agent: 'logstash', rule: 'idempotence', from: 'acks => "1"', to: 'acks => "all"' },
  { agent: 'collectd', rule: 'transactions', from: '  Property "compression.codec"', to: '  Property "transactional.id" "t1"\n  Property "compression.codec"' },
  { agent: 'beats', rule: 'compression-unsupported', from: 'compression: "gzip"', to: 'compression: "brotli"' },
  { agent: 'telegraf', rule: 'compression-unsupported', from: 'compression_codec = 1', to: 'compression_codec = 4', also: ['version = "2.1.0"', 'version = "1.0.0"'] },
  { agent: 'beats', rule: 'message-size', from: 'max_message_bytes: 1000000', to: 'max_message_bytes: 10000000' },
  { agent: 'fluentd', rule: 'message-size', from: 'max_send_limit_bytes 1000000', to: 'max_send_limit_bytes 5000000' },
  { agent: 'beats', rule: 'acks-zero', from: 'required_acks: 1', to: 'required_acks: 0' },
  { agent: 'telegraf', rule: 'acks-zero', from: 'required_acks = 1', to: 'required_acks = 0' },
  { agent: 'collectd', rule: 'acks-zero', from: '"request.required.acks" "1"', to: '"request.required.acks" "0"' },
  { agent: 'fluentd', rule: 'acks-zero', from: 'required_acks -1', to: 'required_acks 0' },
  { agent: 'logstash', rule: 'acks-zero', from: 'acks => "1"', to: 'acks => "0"' },
  // Fluent Bit, classic
  { agent: 'fluentbit', rule: 'tls-off', from: 'rdkafka.security.protocol     SASL_SSL', to: 'rdkafka.security.protocol     PLAINTEXT' },
  { agent: 'fluentbit', rule: 'tls-off', from: /    rdkafka.security.protocol +SASL_SSL\n/, to: '' },
  { agent: 'fluentbit', rule: 'tls-verify-off', from: 'rdkafka.enable.idempotence    false', to: 'rdkafka.enable.idempotence    false\n    rdkafka.enable.ssl.certificate.verification false' },
  { agent: 'fluentbit', rule: 'constant-key', from: '    Format                        json', to: '    Message_Key                   content\n    Format                        json' },
  { agent: 'fluentbit', rule: 'sasl-mechanism', from: 'rdkafka.sasl.mechanisms       PLAIN', to: 'rdkafka.sasl.mechanisms       SCRAM-SHA-256' },
  { agent: 'fluentbit', rule: 'port-network', from: `${HOST}:10012`, to: `${HOST}:9093` },
  { agent: 'fluentbit', rule: 'idempotence', from: 'rdkafka.enable.idempotence    false', to: 'rdkafka.enable.idempotence    true' },
  { agent: 'fluentbit', rule: 'acks-zero', from: 'rdkafka.request.required.acks 1', to: 'rdkafka.request.required.acks 0' },
  { agent: 'fluentbit', rule: 'secret-inline', from: '${SLS_KAFKA_PASSWORD}', to: PASSWORD },
  { agent: 'fluentbit', rule: 'topic-logstore', from: 'Topics                        test-logstore-1', to: 'Topics                        Bad_Logstore', unfixable: true },
  // Fluent Bit, YAML
  { agent: 'fluentbit', options: FB_YAML, rule: 'tls-off', from: 'rdkafka.security.protocol: SASL_SSL', to: 'rdkafka.security.protocol: PLAINTEXT' },
  { agent: 'fluentbit', options: FB_YAML, rule: 'compression-unsupported', from: 'rdkafka.compression.codec: gzip', to: 'rdkafka.compression.codec: brotli' },
  { agent: 'fluentbit', options: FB_YAML, rule: 'transactions', from: '      rdkafka.compression.codec: gzip', to: '      rdkafka.compression.codec: gzip\n      rdkafka.transactional.id: t1' },
  { agent: 'fluentbit', options: FB_YAML, rule: 'message-size', from: '      rdkafka.compression.codec: gzip', to: '      rdkafka.compression.codec: gzip\n      rdkafka.message.max.bytes: 5000000' },
  { agent: 'fluentbit', options: FB_YAML, rule: 'sasl-missing', from: /      rdkafka.sasl.username: test-project-1\n/, to: '', unfixable: true },
  // Vector, YAML
  { agent: 'vector', rule: 'tls-off', from: /    tls:\n      enabled: true\n/, to: '' },
  { agent: 'vector', rule: 'tls-verify-off', from: '    tls:\n      enabled: true', to: '    tls:\n      enabled: true\n      verify_certificate: false' },
  { agent: 'vector', rule: 'sasl-missing', from: '      enabled: true\n      mechanism: "PLAIN"', to: '      mechanism: "PLAIN"' },
  { agent: 'vector', rule: 'constant-key', from: '    topic: "test-logstore-1"', to: '    topic: "test-logstore-1"\n    key_field: "host"' },
  { agent: 'vector', rule: 'idempotence', from: 'enable.idempotence: "false"', to: 'enable.idempotence: "true"' },
  { agent: 'vector', rule: 'host-region-form', from: HOST, to: 'cn-hangzhou.log.aliyuncs.com' },
  { agent: 'vector', rule: 'secret-inline', from: '${SLS_KAFKA_PASSWORD}', to: PASSWORD },
  // Vector, TOML
  { agent: 'vector', options: VEC_TOML, rule: 'tls-off', from: /(\[sinks\.sls\.tls\]\n.*\n  enabled = )true/, to: '$1false' },
  { agent: 'vector', options: VEC_TOML, rule: 'tls-off', from: /\[sinks\.sls\.tls\]\n.*\n  enabled = true\n/, to: '' },
  { agent: 'vector', options: VEC_TOML, rule: 'acks-zero', from: '"enable.idempotence" = "false"', to: '"enable.idempotence" = "false"\n  "request.required.acks" = "0"' },
  { agent: 'vector', options: VEC_TOML, rule: 'sasl-mechanism', from: 'mechanism = "PLAIN"', to: 'mechanism = "SCRAM-SHA-256"' },
  { agent: 'vector', options: VEC_TOML, rule: 'compression-unsupported', from: 'compression = "gzip"', to: 'compression = "brotli"' },
  // OpenTelemetry Collector
  { agent: 'otelcol', rule: 'tls-off', from: /    tls:\n      insecure: false\n/, to: '' },
  { agent: 'otelcol', rule: 'tls-off', from: 'insecure: false', to: 'insecure: true' },
  { agent: 'otelcol', rule: 'tls-verify-off', from: '      insecure: false', to: '      insecure: false\n      insecure_skip_verify: true' },
  { agent: 'otelcol', rule: 'protocol-version', from: 'protocol_version: "2.1.0"', to: 'protocol_version: "2.0.0"' },
  { agent: 'otelcol', rule: 'idempotence', from: 'required_acks: 1', to: 'required_acks: -1' },
  { agent: 'otelcol', rule: 'acks-zero', from: 'required_acks: 1', to: 'required_acks: 0' },
  { agent: 'otelcol', rule: 'message-size', from: 'max_message_bytes: 1000000', to: 'max_message_bytes: 2000000' },
  { agent: 'otelcol', rule: 'sasl-mechanism', from: 'mechanism: "PLAIN"', to: 'mechanism: "SCRAM-SHA-512"' },
  { agent: 'otelcol', rule: 'constant-key', from: '    producer:', to: '    partition_logs_by_resource_attributes: true\n    producer:' },
  { agent: 'otelcol', rule: 'secret-inline', from: '${env:SLS_KAFKA_PASSWORD}', to: PASSWORD },
  { agent: 'otelcol', options: PRE124, rule: 'tls-off', from: /      tls:\n        insecure: false\n/, to: '' },
  { agent: 'otelcol', options: PRE124, rule: 'topic-logstore', from: 'topic: "test-logstore-1"', to: 'topic: "Bad Topic"', unfixable: true },
  // rsyslog
  { agent: 'rsyslog', rule: 'tls-off', from: '"security.protocol=SASL_SSL",', to: '"security.protocol=PLAINTEXT",' },
  { agent: 'rsyslog', rule: 'constant-key', from: 'partitions.auto="on"', to: 'partitions.auto="off"' },
  { agent: 'rsyslog', rule: 'constant-key', from: /  partitions.auto="on"\n/, to: '' },
  { agent: 'rsyslog', rule: 'constant-key', from: '  template="sls_kafka_json"', to: '  template="sls_kafka_json"\n  key="content"' },
  { agent: 'rsyslog', rule: 'sasl-mechanism', from: /    "sasl.mechanisms=PLAIN",\n/, to: '' },
  { agent: 'rsyslog', rule: 'acks-zero', from: '["request.required.acks=1"]', to: '["request.required.acks=0"]' },
  { agent: 'rsyslog', rule: 'idempotence', from: '"client.id=rsyslog-omkafka"', to: '"client.id=rsyslog-omkafka",\n    "enable.idempotence=true"' },
  { agent: 'rsyslog', rule: 'secret-inline', from: '`echo sasl.password=$SLS_KAFKA_PASSWORD`', to: `"sasl.password=${PASSWORD}"` },
  { agent: 'rsyslog', rule: 'port-network', from: `${HOST}:10012`, to: `${HOST}:10011` },
  // syslog-ng
  { agent: 'syslog-ng', rule: 'tls-off', from: '"security.protocol" => "SASL_SSL"', to: '"security.protocol" => "PLAINTEXT"' },
  { agent: 'syslog-ng', rule: 'transactions', from: '    topic("test-logstore-1")', to: '    topic("test-logstore-1")\n    sync-send(yes)' },
  { agent: 'syslog-ng', rule: 'constant-key', from: '    topic("test-logstore-1")', to: '    topic("test-logstore-1")\n    key("content")' },
  { agent: 'syslog-ng', rule: 'sasl-mechanism', from: '"sasl.mechanisms" => "PLAIN"', to: '"sasl.mechanisms" => "GSSAPI"' },
  { agent: 'syslog-ng', rule: 'tls-verify-off', from: '      "client.id" => "syslog-ng-kafka-c"', to: '      "client.id" => "syslog-ng-kafka-c"\n      "enable.ssl.certificate.verification" => "false"' },
  { agent: 'syslog-ng', rule: 'compression-unsupported', from: '"compression.codec" => "gzip"', to: '"compression.codec" => "brotli"' },
  { agent: 'syslog-ng', rule: 'secret-inline', from: '"`SLS_KAFKA_PASSWORD`"', to: `"${PASSWORD}"` },
  { agent: 'syslog-ng', rule: 'host-region-form', from: HOST, to: 'cn-hangzhou.log.aliyuncs.com' },
  // kcat: kcat.conf and the command line
  { agent: 'kcat', rule: 'tls-off', from: 'security.protocol=SASL_SSL', to: 'security.protocol=PLAINTEXT' },
  { agent: 'kcat', rule: 'sasl-mechanism', from: 'sasl.mechanisms=PLAIN', to: 'sasl.mechanisms=SCRAM-SHA-256' },
  { agent: 'kcat', rule: 'idempotence', from: 'enable.idempotence=false', to: 'enable.idempotence=true' },
  { agent: 'kcat', rule: 'acks-zero', from: 'acks=-1', to: 'acks=0' },
  { agent: 'kcat', rule: 'username-project', from: 'sasl.username=test-project-1', to: 'sasl.username=Bad_Project', unfixable: true },
  { agent: 'kcat', rule: 'secret-inline', from: 'sasl.username=test-project-1', to: `sasl.username=test-project-1\nsasl.password=${PASSWORD}` },
  { agent: 'kcat', path: SCRIPT, rule: 'constant-key', from: ' -X sticky', to: ' -k host -X sticky' },
  { agent: 'kcat', path: SCRIPT, rule: 'port-network', from: ':10012', to: ':9092' },
  { agent: 'kcat', path: SCRIPT, rule: 'topic-logstore', from: '-t test-logstore-1', to: '-t Bad_Topic', unfixable: true },
  { agent: 'kcat', path: SCRIPT, rule: 'secret-inline', from: `-F <(printf 'sasl.password=%s\\n' "$SLS_KAFKA_PASSWORD")`, to: `-X sasl.password=${PASSWORD}` },
  { agent: 'kcat', path: SCRIPT, rule: 'compression-unsupported', from: ' -l ', to: ' -z brotli -l ' },
  { agent: 'kcat', path: SCRIPT, rule: 'kcat-config-file', from: 'kcat.conf', to: 'kcat.conf', same: true },
];

describe('each rule on each agent’s file', () => {
  it.each(CASES.map((c) => [`${c.agent}${c.options ? ` ${JSON.stringify(c.options)}` : ''}${c.path ? ` ${c.path}` : ''} ${c.rule} (${String(c.to).split('\n')[0]})`, c] as const))('%s', (_name, c) => {
    const base = clean(c.agent, c.secretMode, c.options, c.path);
    const first = base.replace(c.from, c.to);
    const broken = c.also ? first.replace(c.also[0], c.also[1]) : first;
    expect(broken, 'the mutation applies').not.toBe(c.rule === 'logstash-jaas-config-broken' || c.same ? '' : base);
    const r = lintConfig({ content: broken, agent: c.agent });
    const found = r.findings.filter((f) => f.rule === c.rule);
    expect(found.length, JSON.stringify(r.findings)).toBeGreaterThan(0);
    // The finding points at a line that exists and (for a changed line) at the change or the block's header.
    const lines = broken.split('\n');
    for (const f of found) expect(f.line).toBeGreaterThanOrEqual(1), expect(f.line).toBeLessThanOrEqual(lines.length);
    // Lines the change added (not in the clean file); a finding may also point at the key of a block value just above.
    const baseLines = new Set(base.split('\n'));
    const changed = lines.map((l, i) => (baseLines.has(l) ? 0 : i + 1)).filter((n) => n > 0);
    if (changed.length > 0 && !['sasl-mechanism', 'tls-off', 'protocol-version', 'logstash-jaas-config-broken', 'collectd-load-plugin', 'topic-json-twice'].includes(c.rule)) {
      expect(found.some((f) => changed.includes(f.line) || changed.includes(f.line + 1)), JSON.stringify({ found, changed })).toBe(true);
    }
    // No error in the clean file; the fixed one has none left unless nothing could fix it.
    expect(lintConfig({ content: base, agent: c.agent }).findings.filter((f) => f.severity === 'error')).toEqual([]);
    if (!c.unfixable && found.some((f) => f.severity !== 'info')) {
      expect(r.fixed, 'a fixed file').toBeDefined();
      const again = lintConfig({ content: r.fixed!, agent: c.agent });
      expect(again.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(again.findings.filter((f) => f.rule === c.rule && f.severity !== 'info')).toEqual([]);
    }
  });
});
