/**
 * The linter's fixed file works in the real agent (issue 14): a broken
 * collectd `write_kafka` block in the style of the 2019 vendor page (no
 * `LoadPlugin`, no `security.protocol` so plain text, no SASL mechanism so
 * librdkafka's GSSAPI, `Key "Random"`, the password in the file) is linted;
 * the fixed file, with the AccessKey secret put back where the linter left
 * `<AccessKeySecret>` (as its note says), runs in real collectd 5.12
 * (Debian collectd-core) against the app's sandbox and its records arrive.
 * The broker address is the sandbox's (not an SLS host), so `host-not-sls`
 * is the one error the fixed file keeps.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectdString } from '@/lib/config-languages/collectd/quote';
import { lintConfig } from '@/lib/lint';
import { findCollectdWriteKafka, INTEROP_PROJECT, logstoreFor, newRunId, pollRecords, startDaemon, useSandboxApp } from '../../support/kafka-clients';
import { collectdMainConfig } from '../../support/collectd-main';
import { EXAMPLE_INPUT, EXAMPLE_PASSWORD } from '../../support/settings';

const collectd = findCollectdWriteKafka();

describe.skipIf(!collectd.path)('collectd runs the linter’s fixed write_kafka block → sandbox', () => {
  const sandbox = useSandboxApp();

  it('the broken block gets its findings; the fixed one delivers', async () => {
    const runId = newRunId('cd-lint');
    const logstore = logstoreFor('collectd', 'lint', runId);
    const dir = sandbox.tempDir('collectd-lint-');
    const caPath = path.join(dir, 'sandbox-ca.pem');
    writeFileSync(caPath, readFileSync(sandbox.app.caFile, 'utf8'));
    const broken = [
      '<Plugin write_kafka>',
      `  Property "metadata.broker.list" "localhost:${sandbox.app.sandboxPort}"`,
      `  Property "sasl.username" ${collectdString(INTEROP_PROJECT)}`,
      `  Property "sasl.password" ${collectdString(EXAMPLE_PASSWORD)}`,
      `  Property "ssl.ca.location" ${collectdString(caPath)}`,
      `  <Topic ${collectdString(logstore)}>`,
      '    Format JSON',
      '    Key "Random"',
      '  </Topic>',
      '</Plugin>',
      '',
    ].join('\n');

    const r = lintConfig({ content: broken, filename: 'write_kafka.conf' });
    expect(r.agent).toBe('collectd');
    const ids = r.findings.map((f) => `${f.rule}@${f.line}`);
    for (const id of ['collectd-load-plugin@1', 'tls-off@1', 'sasl-mechanism@1', 'host-not-sls@2', 'secret-inline@4', 'collectd-key-random@8']) expect(ids).toContain(id);
    expect(r.fixed).toBeDefined();
    expect(r.fixedFrom).toBe('edited');
    const fixed = r.fixed!;
    expect(fixed).not.toContain(EXAMPLE_INPUT.accessKeySecret);
    expect(fixed).toContain('LoadPlugin write_kafka');
    expect(fixed).toContain('Property "security.protocol" "sasl_ssl"');
    expect(fixed).toContain('Property "sasl.mechanisms" "PLAIN"');
    expect(fixed).not.toContain('Key "Random"');
    // Only the sandbox host is left to complain about.
    expect(lintConfig({ content: fixed }).findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['host-not-sls']);

    // The user puts the secret back, as the note says.
    expect(r.notes.join(' ')).toContain('<AccessKeySecret>');
    const dropIn = path.join(dir, 'write_kafka.conf');
    writeFileSync(dropIn, fixed.replace('<AccessKeySecret>', EXAMPLE_INPUT.accessKeySecret), { mode: 0o600 });
    const mainConfig = path.join(dir, 'collectd.conf');
    writeFileSync(mainConfig, collectdMainConfig({ hostname: runId, dir, interval: 1, plugins: ['LoadPlugin load'], include: dropIn }), { mode: 0o600 });
    const daemon = startDaemon(collectd.path!, ['-f', '-C', mainConfig], { timeoutMs: 45_000 });
    try {
      const hasLoad = (rs: { content?: string | null }[]) => rs.filter((x) => (x.content ?? '').includes('"plugin":"load"')).length >= 3;
      const records = await pollRecords(sandbox.app, INTEROP_PROJECT, logstore, hasLoad, 20_000);
      expect(hasLoad(records), `three load records within 20 s\n${daemon.output()}`).toBe(true);
      // The fixed block's own settings were used: TLS and SASL PLAIN (the sandbox accepts nothing else), a key per message.
      expect(daemon.output()).toContain(`write_kafka plugin: handle created for topic : ${logstore}`);
      const keys = new Set(records.map((x) => x.key));
      expect(keys.size).toBe(records.length);
    } finally {
      await daemon.stop(5_000);
    }
  });
});
