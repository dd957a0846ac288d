/**
 * The 2019 vendor page's five examples (tests/fixtures/lint/seed-*, with the
 * example's names and a fake AccessKey), each with its known mistakes: the
 * linter names each with its rule and line, and the fixed file parses back
 * with no error left.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintConfig, type LintResult } from '@/lib/lint';

const FIXTURES = join(__dirname, '../../fixtures/lint');
const SECRET = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123';
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const ids = (r: LintResult) => r.findings.map((f) => `${f.rule}@${f.line}`);

function expectFixedClean(r: LintResult, filename: string) {
  expect(r.fixed).toBeDefined();
  const again = lintConfig({ content: r.fixed!, filename, agent: r.agent });
  expect(again.findings.filter((f) => f.severity === 'error')).toEqual([]);
  expect(again.agent).toBe(r.agent);
  return again;
}

function expectMasked(r: LintResult) {
  expect(JSON.stringify(r)).not.toContain(SECRET);
}

describe('the vendor page’s examples', () => {
  it('Beats: TLS never switched on (empty ssl.certificate_authorities), default version, region-only host, literal secret', () => {
    const r = lintConfig({ content: read('seed-beats.yml'), filename: 'filebeat.yml' });
    expect(r).toMatchObject({ agent: 'beats', language: 'yaml', detected: true });
    expect(ids(r)).toEqual(['tls-off@1', 'protocol-version@1', 'host-region-form@3', 'secret-inline@5']);
    expect(r.settings).toMatchObject({ region: 'cn-hangzhou', network: 'internet', hostForm: 'region', project: 'test-project-1', logstore: 'test-logstore-1' });
    expect(r.fixed).toContain('ssl.enabled: true');
    expect(r.fixed).toContain('version: "2.1.0"');
    expect(r.fixed).toContain('"test-project-1.cn-hangzhou.log.aliyuncs.com:10012"');
    expect(r.fixed).toContain('password: "${SLS_KAFKA_PASSWORD}"');
    // Comments are kept.
    expect(r.fixed).toContain('# message topic selection + partitioning');
    expectMasked(r);
    expect(ids(expectFixedClean(r, 'filebeat.yml'))).toEqual([]);
  });

  it('collectd: Key "content", no LoadPlugin, region-only host, and the -t check', () => {
    const r = lintConfig({ content: read('seed-collectd.conf') });
    expect(r.agent).toBe('collectd');
    expect(ids(r)).toEqual(['collectd-load-plugin@1', 'collectd-check@1', 'host-region-form@2', 'secret-inline@6', 'constant-key@10']);
    expect(r.fixed).toMatch(/^LoadPlugin write_kafka\n/);
    expect(r.fixed).not.toMatch(/Key "content"/);
    expect(r.fixed).toContain('"LTAI5tAbCdEfGhIjKlMnOpQr#<AccessKeySecret>"');
    expect(r.notes.join(' ')).toContain('<AccessKeySecret>');
    expectMasked(r);
    expect(ids(expectFixedClean(r, 'write_kafka.conf'))).toEqual(['collectd-check@3']);
  });

  it('Telegraf: tls_ca only inside a comment, routing_key "content", no version', () => {
    const r = lintConfig({ content: read('seed-telegraf.conf'), filename: 'telegraf.conf' });
    expect(r.agent).toBe('telegraf');
    expect(ids(r)).toEqual(['tls-off@1', 'protocol-version@1', 'host-region-form@3', 'constant-key@6', 'secret-inline@20']);
    expect(r.findings[0]!.message).toContain('inside a comment (line 14)');
    expect(r.fixed).toContain('enable_tls = true');
    expect(r.fixed).not.toContain('routing_key');
    expect(r.fixed).toContain('sasl_password = "${SLS_KAFKA_PASSWORD}"');
    expectMasked(r);
    expectFixedClean(r, 'telegraf.conf');
  });

  it('Fluentd: unbuffered @type kafka, default_message_key, legacy parameters', () => {
    const r = lintConfig({ content: read('seed-fluentd.conf') });
    expect(r.agent).toBe('fluentd');
    expect(ids(r)).toEqual(['fluentd-unbuffered@2', 'host-region-form@4', 'constant-key@6', 'fluentd-legacy-params@7', 'secret-inline@12']);
    expect(r.fixed).toContain('@type kafka2');
    expect(r.fixed).not.toMatch(/default_message_key|output_data_type/);
    expect(r.fixed).toContain(`password "#{ENV['SLS_KAFKA_PASSWORD']}"`);
    expectMasked(r);
    expect(ids(expectFixedClean(r, 'fluentd.conf'))).toEqual([]);
  });

  it('Logstash: stdout left in, a JKS pinned to the retired root, JVM-wide jaas_path', () => {
    const r = lintConfig({ content: read('seed-logstash.conf'), filename: 'pipeline.conf' });
    expect(r.agent).toBe('logstash');
    expect(ids(r)).toEqual(['logstash-stdout@3', 'host-region-form@6', 'logstash-truststore@8', 'logstash-jaas-path@10']);
    expect(r.fixed).not.toMatch(/stdout|ssl_truststore/);
    expect(r.fixed).toContain('jaas_path');
    expectFixedClean(r, 'pipeline.conf');
  });

  it('Logstash’s JAAS file: parsed as the JDK does, secret masked and replaced by a placeholder', () => {
    const r = lintConfig({ content: read('seed-kafka_client_jaas.conf'), filename: 'kafka_client_jaas.conf' });
    expect(r).toMatchObject({ agent: 'logstash', language: 'jaas' });
    expect(ids(r)).toEqual(['secret-inline@4']);
    expect(r.fixed).toContain('password="LTAI5tAbCdEfGhIjKlMnOpQr#<AccessKeySecret>";');
    expectMasked(r);
  });
});
