/**
 * rsyslog 8.2302 omkafka (Debian `rsyslog` + `rsyslog-kafka`, librdkafka 2.0)
 * with the 60-sls-kafka.conf OUR rsyslog template renders:
 * - `rsyslogd -N1 -f` accepts every variant (inline/env × SLS/sandbox, each
 *   OS family, codec and acks);
 * - for target `sandbox`, the real daemon sends N syslog lines fed over a
 *   loopback TCP input into the running app's sandbox; the records API must
 *   show exactly N records, each once, JSON expanded (`.json` topic), keyless
 *   and spread over both shards.
 * The CA is fetched from GET /api/sandbox/ca into the CA file the settings
 * name, as the rendered "Download the sandbox CA" step does. Lines go out in
 * waves: librdkafka's sticky partitioner keeps a burst within
 * sticky.partitioning.linger.ms (10 ms) on one shard.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSettings, type RenderedFile } from '@/lib/agents';
import { rainerString } from '@/lib/config-languages/rainerscript/quote';
import { freePort } from '../../support/app-server';
import { INTEROP_PASSWORD, describeRun, logstoreFor, newRunId, runProcess, startDaemon, useSandboxApp } from '../../support/kafka-clients';
import { exampleSettings } from '../../support/settings';
import { expectSyslogDelivered, N, renderFollowingCaStep } from '../../support/rendered-run';
import { rfc5424Lines, sendInWaves, waitForPort } from '../../support/syslog-feed';
import { findTool, isCI, type Tool } from '../../support/tools';

const OMKAFKA = '/usr/lib/x86_64-linux-gnu/rsyslog/omkafka.so';

function findOmkafka(): Tool {
  const rsyslogd = findTool('/usr/sbin/rsyslogd', 'rsyslog');
  if (!rsyslogd.path) return rsyslogd;
  if (existsSync(OMKAFKA)) return rsyslogd;
  const missing = `${OMKAFKA} not found: install it with \`apt-get install -y rsyslog-kafka\``;
  if (isCI) throw new Error(`CI=true and ${missing}`);
  console.warn(`[skip] ${missing}`);
  return { path: undefined, missing };
}

const rsyslogd = findOmkafka();

/** A main config for a run: our file included after a work directory and (optionally) a loopback TCP input. */
function mainConfig(dir: string, dropIn: string, tcpPort?: number): string {
  const file = path.join(dir, 'main.conf');
  writeFileSync(
    file,
    [
      `global(workDirectory=${rainerString(path.join(dir, 'work'))})`,
      ...(tcpPort ? ['module(load="imtcp")', `input(type="imtcp" address="127.0.0.1" port="${tcpPort}")`] : []),
      `include(file=${rainerString(dropIn)})`,
      '',
    ].join('\n'),
  );
  mkdirSync(path.join(dir, 'work'), { recursive: true });
  return file;
}

function dropInOf(files: RenderedFile[]): RenderedFile {
  const file = files.find((f) => f.agent === 'rsyslog' && f.path === '60-sls-kafka.conf');
  expect(file, 'rendered 60-sls-kafka.conf').toBeDefined();
  return file!;
}

describe.skipIf(!rsyslogd.path)('rsyslog omkafka with the rendered 60-sls-kafka.conf', () => {
  const sandbox = useSandboxApp();

  it.each([
    ['sls', 'inline', { osFamily: 'debian', compression: 'gzip', acks: 1 }],
    ['sls', 'env', { osFamily: 'rhel', compression: 'zstd', acks: -1 }],
    ['sandbox', 'inline', { compression: 'lz4', acks: 0 }],
    ['sandbox', 'env', { compression: 'snappy', caPath: '/opt/ca "x" #1.pem' }],
  ] as const)('rsyslogd -N1 accepts it (%s, %s)', async (target, secretMode, options) => {
    const dir = sandbox.tempDir('rsyslog-check-');
    const settings = exampleSettings({ target, secretMode, expandJson: target === 'sandbox', agents: { rsyslog: options } });
    const dropIn = path.join(dir, '60-sls-kafka.conf');
    writeFileSync(dropIn, dropInOf(renderSettings(settings).files).content, { mode: 0o600 });
    const env: Record<string, string> = secretMode === 'env' ? { SLS_KAFKA_PASSWORD: INTEROP_PASSWORD } : {};
    const check = await runProcess(rsyslogd.path!, ['-N1', '-f', mainConfig(dir, dropIn)], { timeoutMs: 30_000, env });
    expect(check.code, describeRun(check)).toBe(0);
    expect(check.stdout + check.stderr).toContain('End of config validation run');
    expect(check.stdout + check.stderr).not.toMatch(/error|invalid|could not/i);
  });

  it.each(['inline', 'env'] as const)('sends every line once, JSON expanded, over both shards (%s)', { timeout: 120_000 }, async (secretMode) => {
    const runId = newRunId(`rs-${secretMode}`);
    const logstore = logstoreFor('rsyslog', secretMode, runId);
    const dir = sandbox.tempDir('rsyslog-interop-');
    const caPath = path.join(dir, 'ca', 'sls-sandbox-ca.pem');

    // 1. Render exactly what the wizard gives this user, and follow its CA step.
    const rendered = await renderFollowingCaStep(sandbox.app, caPath, { secretMode, logstore, agents: { rsyslog: { caPath } } });
    const file = dropInOf(rendered.files);
    expect(file.content).toContain(`broker=["localhost:${sandbox.app.sandboxPort}"]`);
    expect(file.content).toContain(`topic="${logstore}.json"`);

    const dropIn = path.join(dir, '60-sls-kafka.conf');
    writeFileSync(dropIn, file.content, { mode: 0o600 });
    const tcpPort = await freePort();
    const main = mainConfig(dir, dropIn, tcpPort);
    const env: Record<string, string> = secretMode === 'env' ? { SLS_KAFKA_PASSWORD: INTEROP_PASSWORD } : {};

    // 2. The check the steps give, then the daemon in the foreground.
    const check = await runProcess(rsyslogd.path!, ['-N1', '-f', main], { timeoutMs: 30_000, env });
    expect(check.code, describeRun(check)).toBe(0);
    const daemon = startDaemon(rsyslogd.path!, ['-n', '-f', main, '-i', path.join(dir, 'rsyslogd.pid')], { timeoutMs: 100_000, env });
    try {
      await waitForPort(tcpPort, 20_000, daemon.output);
      await sendInWaves(tcpPort, rfc5424Lines(runId, N));
      const all = await expectSyslogDelivered(sandbox.app, logstore, runId, { messageField: 'message', clientId: 'rsyslog-omkafka', daemonOutput: daemon.output });
      expect(all[0]!.fields).toMatchObject({ host: 'host1', program: 'app', severity: 'info', facility: 'user' });
    } finally {
      await daemon.stop();
    }
  });
});
