/**
 * POST /api/validate against the real sandbox endpoint (started in this
 * process, strict mode, real sockets): every outcome names the exact step that
 * fails and the exact SLS/Kafka error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { VALIDATION_STEP_NAMES } from '@/lib/http/contract';
import { CLIENT_HEADER, PEER_HEADER, STAMP_HEADER, frontDoorToken } from '@/lib/http/peer';
import { startSandboxOnce, type SandboxRuntime } from '@/lib/sandbox/runtime';
import { settingsSchema } from '@/lib/settings/schema';
import { validateSettings, type ValidationResult } from '@/lib/validation/validate-settings';
import { freePort } from '../support/app-server';

const KEY = { id: 'LTAI5tValidateKeyId0001', secret: 'ValidateSecret0123456789abcdef' };
const OTHER_KEY = { id: 'LTAI5tValidateKeyId0002', secret: 'OtherSecret0123456789abcdefghij' };
const CONFIG = `
projects:
  - name: test-project-1
    region: cn-hangzhou
    logstores:
      - name: test-logstore-1
        shards: 3
  - name: other-project
    region: cn-hangzhou
    logstores:
      - name: other-logstore
        shards: 1
accessKeys:
  - id: ${KEY.id}
    secret: ${KEY.secret}
    allow: ["test-project-1/*"]
  - id: ${OTHER_KEY.id}
    secret: ${OTHER_KEY.secret}
    allow: ["other-project/*"]
`;

let dir: string;
let sandbox: SandboxRuntime;
let POST: (request: Request) => Promise<Response>;
const logs: string[] = [];

const base = {
  region: 'cn-hangzhou',
  project: 'test-project-1',
  logstore: 'test-logstore-1',
  accessKeyId: KEY.id,
  accessKeySecret: KEY.secret,
  target: 'sandbox' as const,
  agents: { beats: {} },
};

function env() {
  return { sandbox: { host: sandbox.broker.host, port: sandbox.broker.port, caPem: sandbox.tls.caCertPem }, allowLiveCheck: false };
}

async function validate(overrides: Record<string, unknown> = {}, environment = env()): Promise<ValidationResult> {
  return validateSettings(settingsSchema.parse({ ...base, ...overrides }), environment);
}

function failedStep(result: ValidationResult) {
  return result.steps.find((s) => !s.ok);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sls-validate-'));
  const config = path.join(dir, 'accounts.yaml');
  writeFileSync(config, CONFIG);
  // Capture the endpoint's log lines: none may carry a secret.
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logs.push(args.join(' ')));
  sandbox = await startSandboxOnce({ DATA_DIR: dir, SANDBOX_PORT: String(await freePort()), SANDBOX_CONFIG: config, SANDBOX_LOG: 'debug' });
  ({ POST } = await import('@/app/api/validate/route'));
});

afterAll(async () => {
  await sandbox?.close();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('validate: outcomes', () => {
  it('succeeds with an acknowledgment from every shard, naming the SLS host', async () => {
    const result = await validate();
    expect(result.ok).toBe(true);
    expect(result.error).toBeUndefined();
    expect(result.endpoint).toBe('test-project-1.cn-hangzhou.log.aliyuncs.com:10012');
    // Every step of the contract, in its order, but dns: the sandbox is dialled by address.
    expect(result.steps.map((s) => s.name)).toEqual(VALIDATION_STEP_NAMES.filter((name) => name !== 'dns'));
    expect(result.steps.every((s) => s.ok && s.ms >= 0)).toBe(true);
    expect(result.steps.find((s) => s.name === 'tls')?.detail).toContain('host name test-project-1.cn-hangzhou.log.aliyuncs.com verified');
    expect(result.steps.find((s) => s.name === 'metadata')?.detail).toMatch(/has 3 shards/);
    expect(result.steps.find((s) => s.name === 'acknowledgment')?.detail).toMatch(/^shard 0 → offset \d+, shard 1 → offset \d+, shard 2 → offset \d+$/);
    const stored = sandbox.stats('test-project-1').map((s) => s.shard).sort();
    expect(stored).toEqual([0, 1, 2]);
  });

  it('flags the region-only host form as a warning naming the field, and still runs every step', async () => {
    const result = await validate({ hostForm: 'region' });
    expect(result.endpoint).toBe('cn-hangzhou.log.aliyuncs.com:10012');
    expect(result.warnings).toEqual([{ code: 'host-form-region', field: 'hostForm', message: expect.stringContaining('project prefix is required') }]);
    expect(result.warnings?.[0]?.message).toContain('https://help.aliyun.com/document_detail/49021.html');
    const config = result.steps.find((s) => s.name === 'config');
    expect(config?.ok).toBe(true);
    expect(config?.detail).toMatch(/Warning: Host form “region”.*project prefix is required/);
    expect(result.steps.map((s) => s.name)).toContain('acknowledgment');
    // The documented form carries no warning.
    expect((await validate()).warnings).toBeUndefined();
  });

  it('uses the chosen agent’s codec and acks', async () => {
    const result = await validate({ agents: { telegraf: { compression: 'zstd' } } });
    expect(result.ok).toBe(true);
    expect(result.steps.find((s) => s.name === 'produce')?.detail).toMatch(/^one zstd record to each of 3 shards, acks=1/);
  });

  it('wrong secret: TopicAuthorizationException at the metadata step', async () => {
    const result = await validate({ accessKeySecret: 'WrongSecret0123456789abcdefghij' });
    expect(result.ok).toBe(false);
    expect(failedStep(result)?.name).toBe('metadata');
    expect(result.error).toEqual({ code: 29, name: 'TopicAuthorizationException', hint: expect.stringMatching(/valid AccessKey/) });
  });

  it('AccessKey not allowed on the project: TopicAuthorizationException', async () => {
    const result = await validate({ accessKeyId: OTHER_KEY.id, accessKeySecret: OTHER_KEY.secret });
    expect(failedStep(result)?.name).toBe('metadata');
    expect(result.error?.name).toBe('TopicAuthorizationException');
  });

  it('unknown Logstore: UnknownTopicOrPartitionException', async () => {
    const result = await validate({ logstore: 'no-such-logstore' });
    expect(failedStep(result)?.name).toBe('metadata');
    expect(result.error).toEqual({ code: 3, name: 'UnknownTopicOrPartitionException', hint: expect.stringMatching(/region/) });
  });

  it('region mismatch (the SNI host names cn-beijing): UnknownTopicOrPartitionException', async () => {
    const result = await validate({ region: 'cn-beijing' });
    expect(result.endpoint).toBe('test-project-1.cn-beijing.log.aliyuncs.com:10012');
    expect(failedStep(result)?.name).toBe('metadata');
    expect(result.error?.name).toBe('UnknownTopicOrPartitionException');
  });

  it('TLS failure (a CA that did not sign the endpoint): SslAuthenticationException at the tls step', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'sls-otherca-'));
    try {
      const { ensureSandboxCertificates } = await import('@/lib/sandbox/ca');
      const wrong = await ensureSandboxCertificates(other, { publicHost: 'localhost' });
      const result = await validate({}, { ...env(), sandbox: { ...env().sandbox, caPem: wrong.caCertPem } });
      expect(failedStep(result)?.name).toBe('tls');
      expect(result.error?.name).toBe('SslAuthenticationException');
      expect(result.error?.hint).toMatch(/CA/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('nothing listening on the port: NetworkException at the tcp step', async () => {
    const port = await freePort();
    const result = await validate({}, { ...env(), sandbox: { ...env().sandbox, port } });
    expect(failedStep(result)?.name).toBe('tcp');
    expect(result.error).toMatchObject({ code: 'ECONNREFUSED', name: 'NetworkException' });
  });

  it('a peer that accepts TCP and never answers: TimeoutException within the deadline', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const t0 = Date.now();
      const result = await validate({}, { ...env(), sandbox: { ...env().sandbox, port }, timeouts: { deadlineMs: 800, stepMs: 600 } } as ReturnType<typeof env>);
      // Loose: catches a check that ignores its deadline, not a slow machine.
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(failedStep(result)?.name).toBe('tls');
      expect(result.error).toMatchObject({ code: 'ETIMEDOUT', name: 'TimeoutException' });
    } finally {
      silent.close();
    }
  });

  it('a store failure in the endpoint: KafkaStorageException at the acknowledgment', async () => {
    await sandbox.broker.control.failStoreNext(1);
    const result = await validate();
    expect(failedStep(result)?.name).toBe('acknowledgment');
    expect(result.error).toEqual({ code: 56, name: 'KafkaStorageException', hint: 'Wait 1 second and try again.' });
  });

  it('an injected broker error is reported at its step', async () => {
    await sandbox.broker.control.pushErrors(3, [3]);
    const result = await validate();
    expect(failedStep(result)?.name).toBe('metadata');
  });
});

describe('POST /api/validate', () => {
  // As the front door (scripts/server.mjs) stamps a request from `ip`'s socket.
  const post = (body: unknown, ip = '203.0.113.7') =>
    POST(
      new Request('http://wizard.test/api/validate', {
        method: 'POST',
        headers: { 'content-type': 'application/json', [PEER_HEADER]: ip, [CLIENT_HEADER]: ip, [STAMP_HEADER]: frontDoorToken(true)! },
        body: JSON.stringify(body),
      }),
    );

  it('answers with the DESIGN shape and checks the sandbox by default', async () => {
    const { target: _omitted, ...body } = base;
    const res = await post(body, '198.51.100.1');
    expect(res.status).toBe(200);
    const json = (await res.json()) as ValidationResult;
    expect(json.ok).toBe(true);
    expect(json.target).toBe('sandbox');
    expect(Object.keys(json.steps[0]!).sort()).toEqual(['detail', 'ms', 'name', 'ok']);
  });

  it('refuses a live check unless ALLOW_LIVE_CHECK=1', async () => {
    const res = await post({ ...base, target: 'sls' }, '198.51.100.2');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('live_check_disabled');
  });

  it('refuses a body that names its own host or port', async () => {
    const res = await post({ ...base, host: '169.254.169.254', port: 80 }, '198.51.100.3');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Array<{ field: string }> };
    expect(body.fields.map((f) => f.field).sort()).toEqual(['host', 'port']);
  });

  it('rate-limits a client, with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post({ ...base, project: 'Bad' }, '198.51.100.9')).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    const limited = await post({ ...base }, '198.51.100.9');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('never puts the secret in a response or a log line', async () => {
    const responses = await Promise.all([
      post(base, '198.51.100.20'),
      post({ ...base, accessKeySecret: 'WrongSecret0123456789abcdefghij' }, '198.51.100.21'),
      post({ ...base, accessKeySecret: `${KEY.secret}!` }, '198.51.100.22'),
    ]);
    for (const res of responses) {
      const text = await res.text();
      expect(text).not.toContain(KEY.secret);
      expect(text).not.toContain('WrongSecret0123456789abcdefghij');
    }
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) {
      expect(line).not.toContain(KEY.secret);
      expect(line).not.toContain('WrongSecret');
    }
  });
});

describe('doctor details', () => {
  it('resolves a host name first (the dns step) and falls back from ApiVersions v3', async () => {
    const { runDoctor } = await import('@/lib/kafka/client/doctor');
    const report = await runDoctor(
      { dialHost: 'localhost', dialPort: sandbox.broker.port, serverName: 'test-project-1.cn-hangzhou.log.aliyuncs.com', ca: sandbox.tls.caCertPem },
      { username: 'test-project-1', password: `${KEY.id}#${KEY.secret}`, topic: 'test-logstore-1', codec: 'lz4', acks: 0, clientId: 'doctor-test' },
    );
    expect(report.ok).toBe(true);
    expect(report.steps[0]).toMatchObject({ name: 'dns', ok: true });
    expect(report.steps[0]?.detail).toMatch(/^localhost → (127\.0\.0\.1|::1)$/);
    expect(report.steps.find((s) => s.name === 'api-versions')?.detail).toMatch(/^v3 → UNSUPPORTED_VERSION, retried with v2; Produce v0–7, Metadata v0–7/);
    // acks=0 gets no answer, so the check asks for acks=1 and says so.
    expect(report.steps.find((s) => s.name === 'produce')?.detail).toMatch(/one lz4 record to each of 3 shards, acks=1 \(your agent uses acks=0/);
    expect(report.acks?.map((a) => a.shard)).toEqual([0, 1, 2]);
    expect(JSON.stringify(report)).not.toContain(KEY.secret);
  });
});
