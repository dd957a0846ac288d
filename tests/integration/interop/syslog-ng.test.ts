/**
 * syslog-ng 3.38 kafka-c() (Debian `syslog-ng-core` + `syslog-ng-mod-rdkafka`,
 * unpacked by tests/support/syslog-ng.ts since it conflicts with rsyslog;
 * librdkafka 2.0) with the sls-kafka.conf OUR syslog-ng template renders:
 * - `syslog-ng --syntax-only` accepts every variant (inline/env × SLS/sandbox,
 *   each OS family and codec), and in env mode the password is substituted
 *   (`--preprocess-into`);
 * - for target `sandbox`, the real daemon sends N syslog lines fed over a
 *   loopback TCP source into the running app's sandbox; the records API must
 *   show exactly N records, each once, JSON expanded (`.json` topic), keyless
 *   and spread over both shards.
 * The CA is fetched from GET /api/sandbox/ca into the CA file the settings
 * name, as the rendered "Download the sandbox CA" step does. Lines go out in
 * waves (librdkafka's sticky partitioner, see tests/support/syslog-feed.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSettings, type RenderedFile } from '@/lib/agents';
import { syslogNgString } from '@/lib/config-languages/syslog-ng/quote';
import { freePort } from '../../support/app-server';
import { INTEROP_PASSWORD, describeRun, logstoreFor, newRunId, runProcess, startDaemon, useSandboxApp } from '../../support/kafka-clients';
import { exampleSettings } from '../../support/settings';
import { expectSyslogDelivered, N, renderFollowingCaStep } from '../../support/rendered-run';
import { rfc5424Lines, sendInWaves, waitForPort } from '../../support/syslog-feed';
import { findSyslogNg } from '../../support/syslog-ng';

const { syslogNg } = findSyslogNg();

/** A main config: @version of the binary, both packaged source names on a loopback TCP port, then our file. */
function mainConfig(dir: string, dropIn: string, tcpPort: number, tcpPort2: number): string {
  const file = path.join(dir, 'main.conf');
  const version = /^(\d+\.\d+)/.exec(syslogNg!.version)?.[1] ?? '3.38';
  const source = (name: string, port: number) =>
    `source ${name} { network(ip("127.0.0.1") port(${port}) transport("tcp") flags(syslog-protocol)); };`;
  writeFileSync(
    file,
    [`@version: ${version}`, 'options { stats-freq(0); };', source('s_src', tcpPort), source('s_sys', tcpPort2), `@include ${syslogNgString(dropIn)}`, ''].join('\n'),
  );
  return file;
}

function dropInOf(files: RenderedFile[]): RenderedFile {
  const file = files.find((f) => f.agent === 'syslog-ng' && f.path === 'sls-kafka.conf');
  expect(file, 'rendered sls-kafka.conf').toBeDefined();
  return file!;
}

describe.skipIf(!syslogNg)(`syslog-ng kafka-c() with the rendered sls-kafka.conf`, () => {
  const sandbox = useSandboxApp();

  it.each([
    ['sls', 'inline', { osFamily: 'debian', compression: 'gzip' }],
    ['sls', 'env', { osFamily: 'rhel', compression: 'zstd' }],
    ['sandbox', 'inline', { compression: 'lz4', source: 's_sys' }],
    ['sandbox', 'env', { compression: 'snappy', caPath: '/opt/ca "x" #1 $(y).pem' }],
  ] as const)('syslog-ng --syntax-only accepts it (%s, %s)', async (target, secretMode, options) => {
    const s = syslogNg!;
    const dir = sandbox.tempDir('syslog-ng-check-');
    const settings = exampleSettings({ target, secretMode, expandJson: target === 'sandbox', agents: { 'syslog-ng': options } });
    const dropIn = path.join(dir, 'sls-kafka.conf');
    writeFileSync(dropIn, dropInOf(renderSettings(settings).files).content, { mode: 0o600 });
    const args = [...s.baseArgs, '-f', mainConfig(dir, dropIn, await freePort(), await freePort())];
    const env: Record<string, string> = { ...s.env, ...(secretMode === 'env' ? { SLS_KAFKA_PASSWORD: INTEROP_PASSWORD } : {}) };
    const check = await runProcess(s.command, [...args, '--syntax-only'], { timeoutMs: 30_000, env });
    expect(check.code, describeRun(check)).toBe(0);
    expect(check.stdout + check.stderr).not.toMatch(/error|warning/i);
    // What syslog-ng really reads: the password substituted (env) or as written (inline), never empty.
    // (Into a file: node's stdio pipes are sockets, which /dev/stdout cannot be opened on.)
    const preprocess = async (extraEnv: Record<string, string>, name: string) => {
      const out = path.join(dir, name);
      const r = await runProcess(s.command, [...args, `--preprocess-into=${out}`], { timeoutMs: 30_000, env: { ...env, ...extraEnv } });
      expect(r.code, describeRun(r)).toBe(0);
      return readFileSync(out, 'utf8');
    };
    expect(await preprocess({}, 'preprocessed.conf')).toContain(`"sasl.password" => "${INTEROP_PASSWORD}"`);
    if (secretMode === 'env') {
      // The trap the steps warn about: an empty variable gives an empty password, which their grep counts.
      expect(await preprocess({ SLS_KAFKA_PASSWORD: '' }, 'unset.conf')).toContain('"sasl.password" => ""');
    }
  });

  it.each(['inline', 'env'] as const)('sends every line once, JSON expanded, over both shards (%s)', { timeout: 120_000 }, async (secretMode) => {
    const s = syslogNg!;
    const runId = newRunId(`sng-${secretMode}`);
    const logstore = logstoreFor('syslog-ng', secretMode, runId);
    const dir = sandbox.tempDir('syslog-ng-interop-');
    const caPath = path.join(dir, 'ca', 'sls-sandbox-ca.pem');

    // 1. Render exactly what the wizard gives this user, and follow its CA step.
    const rendered = await renderFollowingCaStep(sandbox.app, caPath, { secretMode, logstore, agents: { 'syslog-ng': { caPath } } });
    const file = dropInOf(rendered.files);
    expect(file.content).toContain(`bootstrap-servers("localhost:${sandbox.app.sandboxPort}")`);
    expect(file.content).toContain(`topic("${logstore}.json")`);

    const dropIn = path.join(dir, 'sls-kafka.conf');
    writeFileSync(dropIn, file.content, { mode: 0o600 });
    const tcpPort = await freePort();
    const args = [...s.baseArgs, '-f', mainConfig(dir, dropIn, tcpPort, await freePort())];
    const env: Record<string, string> = { ...s.env, ...(secretMode === 'env' ? { SLS_KAFKA_PASSWORD: INTEROP_PASSWORD } : {}) };

    // 2. The check the steps give, then the daemon in the foreground.
    const check = await runProcess(s.command, [...args, '--syntax-only'], { timeoutMs: 30_000, env });
    expect(check.code, describeRun(check)).toBe(0);
    const daemon = startDaemon(
      s.command,
      [...args, '-F', '-e', '-R', path.join(dir, 'persist'), '-p', path.join(dir, 'pid'), '-c', path.join(dir, 'ctl')],
      { timeoutMs: 100_000, env },
    );
    try {
      await waitForPort(tcpPort, 20_000, daemon.output);
      await sendInWaves(tcpPort, rfc5424Lines(runId, N));
      const all = await expectSyslogDelivered(sandbox.app, logstore, runId, { messageField: 'MESSAGE', clientId: 'syslog-ng-kafka-c', daemonOutput: daemon.output });
      // HOST is the sender's address name (keep-hostname(no), syslog-ng's default), so not host1.
      expect(all[0]!.fields).toMatchObject({ PROGRAM: 'app', PID: '1' });
      expect(all[0]!.fields?.HOST).toBeTruthy();
      expect(all[0]!.fields?.ISODATE).toMatch(/^\d{4}-\d\d-\d\dT/);
    } finally {
      await daemon.stop();
    }
  });
});
