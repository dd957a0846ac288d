/**
 * `sls-kafka doctor` as a child process against `sls-kafka sandbox` in strict
 * mode (the accounts of sandbox-strict.test.ts): every step printed with its
 * time, the SLS error and hint for a wrong secret (TopicAuthorizationException
 * at Metadata, as SLS answers) and a missing Logstore
 * (UnknownTopicOrPartitionException); a closed port and a listener that never
 * speaks TLS fail within the deadline at the right step. The secret never
 * reaches argv (/proc/<pid>/cmdline) or the output.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procCmdline, runCli, startCli, startCliSandbox, type CliSandbox } from '../support/cli';
import { freePort } from '../support/app-server';
import { describeRun } from '../support/kafka-clients';

const ACCOUNTS = path.join(__dirname, 'fixtures', 'sandbox-accounts', 'strict.yaml');
const PROJECT = 'test-project-1';
const LOGSTORE = 'test-logstore-1';
const KEY_ID = 'LTAI5tStrictKeyId000001';
const SECRET = 'StrictSecret0123456789abcdef01';
const WRONG_SECRET = 'StrictSecret0123456789abcdefXX';
const ALL_STEPS = ['config', 'tcp', 'tls', 'api-versions', 'sasl-handshake', 'sasl-authenticate', 'metadata', 'produce', 'acknowledgment'];

let sandbox: CliSandbox;

beforeAll(async () => {
  sandbox = await startCliSandbox('cli-doctor', ['--config', ACCOUNTS]);
}, 90_000);

afterAll(() => sandbox?.close());

function doctorArgs(logstore = LOGSTORE): string[] {
  return ['doctor', '--project', PROJECT, '--logstore', logstore, '--access-key-id', KEY_ID, '--sandbox', sandbox.kafka, '--ca', sandbox.caFile];
}

/** The step names in the order printed, from the text report's `ok`/`FAIL` lines. */
function printedSteps(stdout: string): Array<{ ok: boolean; name: string; ms: number }> {
  return Array.from(stdout.matchAll(/^(ok  |FAIL)  (\S+)\s+([\d.]+) ms  /gm), (m) => ({ ok: m[1] === 'ok  ', name: m[2]!, ms: Number(m[3]) }));
}

describe('doctor against the sandbox (strict mode)', () => {
  it('the right key: every step ok, with its time; exit 0', async () => {
    const run = await runCli(doctorArgs(), { env: { SLS_ACCESS_KEY_SECRET: SECRET } });
    expect(run.code, describeRun(run)).toBe(0);
    const steps = printedSteps(run.stdout);
    expect(steps.map((s) => s.name)).toEqual(ALL_STEPS);
    expect(steps.every((s) => s.ok && Number.isFinite(s.ms))).toBe(true);
    expect(run.stdout).toMatch(/^OK: test-project-1\.cn-hangzhou\.log\.aliyuncs\.com:10012 accepted a test record on every shard\./m);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it('a wrong secret: TopicAuthorizationException at metadata, with the hint; exit 1', async () => {
    const run = await runCli(doctorArgs(), { env: { SLS_ACCESS_KEY_SECRET: WRONG_SECRET } });
    expect(run.code, describeRun(run)).toBe(1);
    const steps = printedSteps(run.stdout);
    expect(steps.map((s) => s.name)).toEqual(ALL_STEPS.slice(0, ALL_STEPS.indexOf('metadata') + 1));
    expect(steps.at(-1)).toMatchObject({ name: 'metadata', ok: false });
    expect(run.stdout).toMatch(/^failed at metadata: TopicAuthorizationException \(29\)$/m);
    expect(run.stdout).toMatch(/^hint: \S.+/m);
    expect(run.stdout + run.stderr).not.toContain(WRONG_SECRET);
  });

  it('a Logstore the project does not have: UnknownTopicOrPartitionException, as JSON with --json', async () => {
    const run = await runCli([...doctorArgs('no-such-logstore'), '--json'], { env: { SLS_ACCESS_KEY_SECRET: SECRET } });
    expect(run.code, describeRun(run)).toBe(1);
    const report = JSON.parse(run.stdout) as { ok: boolean; steps: Array<{ name: string; ok: boolean; ms: number }>; error: { name: string; code: number; hint: string } };
    expect(report.ok).toBe(false);
    expect(report.steps.at(-1)).toMatchObject({ name: 'metadata', ok: false });
    expect(report.error).toMatchObject({ name: 'UnknownTopicOrPartitionException', code: 3 });
    expect(report.error.hint.length).toBeGreaterThan(10);
  });

  it('--config FILE: checks with exactly what an agent’s config says (rendered by the CLI, read back)', async () => {
    const out = path.join(sandbox.dataDir, 'render');
    const render = await runCli(['render', '--project', PROJECT, '--logstore', LOGSTORE, '--access-key-id', KEY_ID, '--agent', 'beats', '--out', out], {
      env: { SLS_ACCESS_KEY_SECRET: SECRET },
    });
    expect(render.code, describeRun(render)).toBe(0);
    const run = await runCli(['doctor', '--config', path.join(out, 'beats', 'filebeat.yml'), '--sandbox', sandbox.kafka, '--ca', sandbox.caFile]);
    expect(run.code, describeRun(run)).toBe(0);
    expect(printedSteps(run.stdout).map((s) => s.name)).toEqual(ALL_STEPS);
    expect(run.stdout).toMatch(/ok {4}config .*bootstrap test-project-1\.cn-hangzhou\.log\.aliyuncs\.com:10012, topic test-logstore-1, user test-project-1, password from the file/);
    expect(run.stdout + run.stderr).not.toContain(SECRET);

    // The same file with a wrong secret in it: refused as SLS refuses it.
    const wrong = path.join(out, 'wrong', 'filebeat.yml');
    rmSync(path.dirname(wrong), { recursive: true, force: true });
    mkdirSync(path.dirname(wrong));
    writeFileSync(wrong, readFileSync(path.join(out, 'beats', 'filebeat.yml'), 'utf8').replaceAll(SECRET, WRONG_SECRET));
    const refused = await runCli(['doctor', '--config', wrong, '--sandbox', sandbox.kafka, '--ca', sandbox.caFile]);
    expect(refused.code, describeRun(refused)).toBe(1);
    expect(refused.stdout).toMatch(/^failed at metadata: TopicAuthorizationException/m);
  });
});

describe('doctor against endpoints that do not answer: fails within its deadline, naming the step', () => {
  let blackHole: Server;
  const held: Socket[] = [];

  beforeAll(async () => {
    // Accepts TCP and never says a word: the TLS handshake can only time out.
    blackHole = createServer((socket) => {
      held.push(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    for (const s of held) s.destroy();
    await new Promise((resolve) => blackHole?.close(resolve));
  });

  it('a closed port: tcp fails with NetworkException (ECONNREFUSED)', async () => {
    const port = await freePort();
    const args = ['doctor', '--project', PROJECT, '--logstore', LOGSTORE, '--access-key-id', KEY_ID, '--sandbox', `127.0.0.1:${port}`, '--ca', sandbox.caFile, '--deadline', '3000'];
    const run = await runCli(args, { env: { SLS_ACCESS_KEY_SECRET: SECRET } });
    expect(run.code, describeRun(run)).toBe(1);
    expect(printedSteps(run.stdout).at(-1)).toMatchObject({ name: 'tcp', ok: false });
    expect(run.stdout).toMatch(/^failed at tcp: NetworkException \(ECONNREFUSED\)$/m);
  });

  it('a listener that never answers TLS: tls times out within --deadline; the secret is not in argv', async () => {
    const port = (blackHole.address() as { port: number }).port;
    const deadline = 2_000;
    const args = ['doctor', '--project', PROJECT, '--logstore', LOGSTORE, '--access-key-id', KEY_ID, '--sandbox', `127.0.0.1:${port}`, '--ca', sandbox.caFile, '--deadline', String(deadline), '--json'];
    const child = startCli(args, { env: { SLS_ACCESS_KEY_SECRET: SECRET } });
    // While it waits on the black hole, argv is what every user of the machine can read.
    const connected = Date.now() + 60_000;
    while (held.length === 0 && Date.now() < connected) await new Promise((r) => setTimeout(r, 20));
    const argv = procCmdline(child.pid);
    const run = await child.exited;
    expect(argv, 'read while the doctor was running').toContain('doctor');
    expect(argv).not.toContain(SECRET);
    expect(run.code, describeRun(run)).toBe(1);
    const report = JSON.parse(run.stdout) as { steps: Array<{ name: string; ok: boolean; ms: number }>; error: { name: string; code: string } };
    expect(report.steps.map((s) => s.name)).toEqual(['config', 'tcp', 'tls']);
    expect(report.steps.at(-1)).toMatchObject({ name: 'tls', ok: false });
    expect(report.error).toMatchObject({ name: 'TimeoutException', code: 'ETIMEDOUT' });
    // The network steps together end at the deadline: not before it, and (timers fire late on a loaded
    // machine) well before the 5 s a step would take if --deadline were ignored.
    const networkMs = report.steps.filter((s) => s.name !== 'config').reduce((n, s) => n + s.ms, 0);
    expect(networkMs).toBeLessThan(deadline + 2_000);
    expect(networkMs).toBeGreaterThanOrEqual(deadline - 250);
  });
});

describe('sandbox argv', () => {
  it('the running sandbox’s argv holds no secret (strict mode reads them from the accounts file)', () => {
    const argv = procCmdline(sandbox.daemon.pid);
    expect(argv).toContain('sandbox');
    expect(argv).not.toContain(SECRET);
  });
});
