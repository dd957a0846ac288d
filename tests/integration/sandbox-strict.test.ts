/**
 * Strict mode (SANDBOX_CONFIG) against the real app: each SLS answer is shown
 * twice, once as a real client (kafkajs) sees it and once as the exact error
 * code on the wire (tests/support/raw-kafka.ts on the project's codec).
 *
 * SLS semantics (docs/sls.md#errors; SASL and produce-time refusals in
 * docs/kafka-2.1.1.md#sasl-ordering-and-framing, #plain-token, #produce-error-precedence): the SASL login is
 * accepted for any parseable `AccessKeyId#secret`, and Metadata/Produce refuse
 * per topic: TopicAuthorizationException (29) for a wrong secret or a key not
 * allowed on the project/Logstore, UnknownTopicOrPartitionException (3) for an
 * unknown project or Logstore or a TLS SNI host naming another region. Only a
 * password that cannot be parsed fails SASL itself (58, or a closed connection
 * after SaslHandshake v0).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey } from '@/lib/kafka/protocol/api-keys';
import { encodeSaslAuthenticateRequest } from '@/lib/kafka/protocol/apis/sasl-authenticate';
import { encodeMessageSet } from '@/lib/kafka/protocol/records';
import { encodePlainToken } from '@/lib/kafka/broker/sasl-plain';
import { freePort, startApp } from '../support/app-server';
import { RawKafkaClient, connectAuthenticated, produceRequest, recordBatch } from '../support/raw-kafka';
import { startSandboxApp, type SandboxApp } from '../support/sandbox-app';
import { kafkajsClient, kafkajsFailure, produceOnce } from './fixtures/sandbox-clients';

const FIXTURES = path.join(__dirname, 'fixtures', 'sandbox-accounts');
const ACCOUNTS = path.join(FIXTURES, 'strict.yaml');

const PROJECT = 'test-project-1';
const LOGSTORE = 'test-logstore-1';
const KEY_ALL = 'LTAI5tStrictKeyId000001#StrictSecret0123456789abcdef01';
const KEY_APP_ONLY = 'LTAI5tStrictKeyId000002#StrictSecret0123456789abcdef02';
const KEY_ANYWHERE = 'LTAI5tStrictKeyId000003#StrictSecret0123456789abcdef03';
const KEY_WRONG_SECRET = 'LTAI5tStrictKeyId000001#StrictSecret0123456789abcdefXX';
const HANGZHOU_HOST = `${PROJECT}.cn-hangzhou.log.aliyuncs.com`;
const BEIJING_HOST = `${PROJECT}.cn-beijing.log.aliyuncs.com`;

const TOPIC_AUTHORIZATION_FAILED = 29;
const UNKNOWN_TOPIC_OR_PARTITION = 3;
const SASL_AUTHENTICATION_FAILED = 58;

let app: SandboxApp;
let ca: string;

beforeAll(async () => {
  app = await startSandboxApp({ SANDBOX_CONFIG: ACCOUNTS }, { recordsPassword: KEY_ANYWHERE });
  ca = readFileSync(app.caFile, 'utf8');
}, 90_000);

afterAll(async () => {
  await app?.stop();
});

function kafkajs(username: string, password: string, extra: { servername?: string; brokers?: string[]; resolveToLoopback?: boolean } = {}) {
  return kafkajsClient({ brokers: extra.brokers ?? [app.bootstrap], ca, username, password, ...extra });
}

function raw(username: string, password: string, servername?: string) {
  return connectAuthenticated({ port: app.sandboxPort, ca, username, password, ...(servername ? { servername } : {}) });
}

/** Distinct values per test, so a record found later can only come from that test. */
const tag = (what: string) => `${what}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function storedValues(project: string, logstore: string): Promise<string[]> {
  const { records } = await app.records(project, logstore);
  return records.map((r) => r.content ?? JSON.stringify(r.fields ?? null));
}

describe('strict mode: the right credentials work (control case)', () => {
  it('kafkajs and the raw client write to test-project-1/test-logstore-1 with a key allowed there', async () => {
    const value = tag('control');
    await produceOnce(kafkajs(PROJECT, KEY_ALL), LOGSTORE, [value]);

    const client = await raw(PROJECT, KEY_ALL);
    const metadata = await client.metadata([LOGSTORE]);
    expect(metadata.topics).toEqual([
      expect.objectContaining({ name: LOGSTORE, errorCode: 0, partitions: [expect.objectContaining({ partition: 0 }), expect.objectContaining({ partition: 1 })] }),
    ]);
    expect(await client.produceErrorCode(produceRequest(LOGSTORE, recordBatch([`${value}-raw`]), { partition: 1 }))).toBe(0);
    await client.end();

    expect(await storedValues(PROJECT, LOGSTORE)).toEqual(expect.arrayContaining([value, `${value}-raw`]));
  });
});

describe('strict mode: TopicAuthorizationException (29)', () => {
  it('wrong secret: kafkajs fails with TOPIC_AUTHORIZATION_FAILED', async () => {
    const failure = await kafkajsFailure(() => produceOnce(kafkajs(PROJECT, KEY_WRONG_SECRET), LOGSTORE, [tag('wrong-secret')]));
    expect(failure.type).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(failure.code).toBe(TOPIC_AUTHORIZATION_FAILED);
  });

  it('wrong secret: SASL succeeds, then Metadata (v0, v5, v7) and Produce (v2, v7) answer 29 and nothing is stored', async () => {
    const value = tag('wrong-secret-raw');
    // The login itself is accepted: SLS refuses at Metadata/Produce time.
    const client = await raw(PROJECT, KEY_WRONG_SECRET);
    for (const version of [0, 5, 7]) {
      const metadata = await client.metadata([LOGSTORE], version);
      expect(metadata.topics, `Metadata v${version}`).toEqual([{ errorCode: TOPIC_AUTHORIZATION_FAILED, name: LOGSTORE, isInternal: false, partitions: [] }]);
    }
    expect(await client.produceErrorCode(produceRequest(LOGSTORE, recordBatch([value])), 7)).toBe(TOPIC_AUTHORIZATION_FAILED);
    const messageSet = encodeMessageSet([{ value: Buffer.from(value) }], { magic: 1, codec: 'none' });
    expect(await client.produceErrorCode(produceRequest(LOGSTORE, messageSet), 2)).toBe(TOPIC_AUTHORIZATION_FAILED);
    // The connection stays usable after a refused topic.
    expect((await client.apiVersions(2)).errorCode).toBe(0);
    await client.end();
    expect(await storedValues(PROJECT, LOGSTORE)).not.toContain(value);
  });

  it('an AccessKey not allowed on that Logstore: 29 for kafkajs and on the wire; the same key works where it is allowed', async () => {
    const failure = await kafkajsFailure(() => produceOnce(kafkajs(PROJECT, KEY_APP_ONLY), LOGSTORE, [tag('not-allowed')]));
    expect(failure.type).toBe('TOPIC_AUTHORIZATION_FAILED');

    const client = await raw(PROJECT, KEY_APP_ONLY);
    expect((await client.metadata([LOGSTORE])).topics[0]?.errorCode).toBe(TOPIC_AUTHORIZATION_FAILED);
    expect(await client.produceErrorCode(produceRequest(LOGSTORE, recordBatch(['x'])))).toBe(TOPIC_AUTHORIZATION_FAILED);
    // Allowed by test-project-1/app_*:
    expect((await client.metadata(['app_logs'])).topics[0]).toEqual(expect.objectContaining({ errorCode: 0, partitions: expect.any(Array) }));
    expect(await client.produceErrorCode(produceRequest('app_logs', recordBatch([tag('allowed')]), { partition: 3 }))).toBe(0);
    await client.end();
  });

  it('an AccessKey not allowed on that project: 29 (authorization is checked before existence)', async () => {
    // KEY_ALL may write test-project-1/* only; test-project-2 exists, no-such-project does not: both 29.
    for (const project of ['test-project-2', 'no-such-project']) {
      const client = await raw(project, KEY_ALL);
      expect((await client.metadata(['metrics'])).topics[0]?.errorCode, project).toBe(TOPIC_AUTHORIZATION_FAILED);
      expect(await client.produceErrorCode(produceRequest('metrics', recordBatch(['x']))), project).toBe(TOPIC_AUTHORIZATION_FAILED);
      await client.end();
    }
    const failure = await kafkajsFailure(() => produceOnce(kafkajs('test-project-2', KEY_ALL), 'metrics', ['x']));
    expect(failure.type).toBe('TOPIC_AUTHORIZATION_FAILED');
  });
});

describe('strict mode: UnknownTopicOrPartitionException (3)', () => {
  it('unknown Logstore: kafkajs gives up with UNKNOWN_TOPIC_OR_PARTITION; Metadata and Produce answer 3', async () => {
    const failure = await kafkajsFailure(() => produceOnce(kafkajs(PROJECT, KEY_ALL), 'no-such-logstore', ['x']));
    expect(failure.type).toBe('UNKNOWN_TOPIC_OR_PARTITION');
    expect(failure.code).toBe(UNKNOWN_TOPIC_OR_PARTITION);

    const client = await raw(PROJECT, KEY_ALL);
    expect((await client.metadata(['no-such-logstore'])).topics).toEqual([
      { errorCode: UNKNOWN_TOPIC_OR_PARTITION, name: 'no-such-logstore', isInternal: false, partitions: [] },
    ]);
    expect(await client.produceErrorCode(produceRequest('no-such-logstore', recordBatch(['x'])))).toBe(UNKNOWN_TOPIC_OR_PARTITION);
    // A shard the Logstore does not have is also 3.
    expect(await client.produceErrorCode(produceRequest(LOGSTORE, recordBatch(['x']), { partition: 2 }))).toBe(UNKNOWN_TOPIC_OR_PARTITION);
    await client.end();
  });

  it('unknown project (with a key allowed everywhere): 3 for kafkajs and on the wire', async () => {
    const failure = await kafkajsFailure(() => produceOnce(kafkajs('no-such-project', KEY_ANYWHERE), LOGSTORE, ['x']));
    expect(failure.type).toBe('UNKNOWN_TOPIC_OR_PARTITION');

    const client = await raw('no-such-project', KEY_ANYWHERE);
    expect((await client.metadata([LOGSTORE])).topics[0]?.errorCode).toBe(UNKNOWN_TOPIC_OR_PARTITION);
    expect(await client.produceErrorCode(produceRequest(LOGSTORE, recordBatch(['x'])))).toBe(UNKNOWN_TOPIC_OR_PARTITION);
    await client.end();
  });

  it('region mismatch: SNI host test-project-1.cn-beijing.log.aliyuncs.com for a cn-hangzhou project is 3', async () => {
    // kafkajs sends the Beijing host name as SNI (ssl.servername; the certificate is checked against it).
    // Metadata then advertises that name: resolveToLoopback keeps any later dial on 127.0.0.1.
    const failure = await kafkajsFailure(() =>
      produceOnce(kafkajs(PROJECT, KEY_ALL, { servername: BEIJING_HOST, resolveToLoopback: true }), LOGSTORE, ['x']),
    );
    expect(failure.type).toBe('UNKNOWN_TOPIC_OR_PARTITION');

    const client = await raw(PROJECT, KEY_ALL, BEIJING_HOST);
    const metadata = await client.metadata([LOGSTORE]);
    expect(metadata.topics[0]?.errorCode).toBe(UNKNOWN_TOPIC_OR_PARTITION);
    expect(await client.produceErrorCode(produceRequest(LOGSTORE, recordBatch([tag('beijing')])))).toBe(UNKNOWN_TOPIC_OR_PARTITION);
    await client.end();

    // An SLS host for another project than the SASL username is refused the same way.
    const otherProject = await raw(PROJECT, KEY_ALL, 'test-project-2.cn-hangzhou.log.aliyuncs.com');
    expect((await otherProject.metadata([LOGSTORE])).topics[0]?.errorCode).toBe(UNKNOWN_TOPIC_OR_PARTITION);
    await otherProject.end();
  });

  it('the right region works: Metadata advertises the SNI host, and Produce succeeds (raw on its connection, kafkajs via that name)', async () => {
    const value = tag('hangzhou');
    const client = await raw(PROJECT, KEY_ALL, HANGZHOU_HOST);
    const metadata = await client.metadata([LOGSTORE]);
    expect(metadata.topics[0]?.errorCode).toBe(0);
    // A real client would dial this name next; its certificate covers it.
    expect(metadata.brokers).toEqual([{ nodeId: 1, host: HANGZHOU_HOST, port: app.sandboxPort, rack: null }]);
    expect(await client.produceErrorCode(produceRequest(LOGSTORE, recordBatch([value])))).toBe(0);
    await client.end();

    // The intranet name of the same region is the same region.
    const intranet = await raw(PROJECT, KEY_ALL, `${PROJECT}.cn-hangzhou-intranet.log.aliyuncs.com`);
    expect((await intranet.metadata([LOGSTORE])).topics[0]?.errorCode).toBe(0);
    await intranet.end();

    // kafkajs bootstraps from the SLS name (resolved to loopback, as an /etc/hosts entry would) and follows Metadata to it.
    await produceOnce(
      kafkajs(PROJECT, KEY_ALL, { brokers: [`${HANGZHOU_HOST}:${app.sandboxPort}`], resolveToLoopback: true }),
      LOGSTORE,
      [`${value}-kafkajs`],
    );
    expect(await storedValues(PROJECT, LOGSTORE)).toEqual(expect.arrayContaining([value, `${value}-kafkajs`]));
  });
});

describe('strict mode: a malformed password fails SASL itself', () => {
  it('kafkajs (SaslHandshake v1 + SaslAuthenticate) fails authentication with the reason', async () => {
    const producer = kafkajs(PROJECT, 'LTAI5tStrictKeyId000001').producer();
    const failure = await kafkajsFailure(() => producer.connect());
    await producer.disconnect().catch(() => undefined);
    expect(failure.names).toContain('KafkaJSSASLAuthenticationError');
    expect(failure.message).toMatch(/AccessKeyId#AccessKeySecret/);
  });

  it('SaslAuthenticate v0 after SaslHandshake v1: 58 with a message naming the problem, then the connection closes', async () => {
    const client = await RawKafkaClient.connect({ port: app.sandboxPort, ca });
    expect(await client.saslHandshake('PLAIN', 1)).toEqual({ errorCode: 0, enabledMechanisms: ['PLAIN'] });
    const auth = await client.saslAuthenticate(encodePlainToken(PROJECT, 'LTAI5tStrictKeyId000001'));
    expect(auth.errorCode).toBe(SASL_AUTHENTICATION_FAILED);
    expect(auth.errorMessage).toMatch(/no “#”/);
    expect(await client.waitClosed(8_000)).toBe(true);
  });

  it.each([
    ['no “#”', 'LTAI5tStrictKeyId000001'],
    ['nothing after the “#”', 'LTAI5tStrictKeyId000001#'],
    ['two “#”', 'LTAI5tStrictKeyId000001#a#b'],
  ])('SaslHandshake v0 then a raw token with %s: the connection closes without an answer', async (_what, password) => {
    const client = await RawKafkaClient.connect({ port: app.sandboxPort, ca });
    expect(await client.saslHandshake('PLAIN', 0)).toEqual({ errorCode: 0, enabledMechanisms: ['PLAIN'] });
    const received = client.bytesReceived;
    client.sendFrame(encodePlainToken(PROJECT, password, PROJECT));
    expect(await client.waitClosed(8_000)).toBe(true);
    expect(client.bytesReceived).toBe(received);
  });

  it('the same token wrapped in SaslAuthenticate before any handshake is refused (connection closed)', async () => {
    const client = await RawKafkaClient.connect({ port: app.sandboxPort, ca });
    client.sendRequest(ApiKey.SaslAuthenticate, 0, encodeSaslAuthenticateRequest({ authBytes: encodePlainToken(PROJECT, KEY_ALL) }, 0));
    expect(await client.waitClosed(8_000)).toBe(true);
  });
});

describe('strict mode: <logstore>.json', () => {
  it('writes to the Logstore itself with the JSON value expanded into fields', async () => {
    const marker = tag('json');
    await produceOnce(kafkajs(PROJECT, KEY_ALL), `${LOGSTORE}.json`, [
      JSON.stringify({ marker, level: 'info', latency: 12.5, nested: { a: [1, 2] } }),
      'not json at all',
    ]);
    const { records } = await app.records(PROJECT, LOGSTORE);
    const expanded = records.find((r) => r.fields?.marker === marker);
    expect(expanded?.fields).toEqual({ marker, level: 'info', latency: '12.5', nested: '{"a":[1,2]}' });
    expect(expanded?.logstore).toBe(LOGSTORE);
    expect(expanded?.content).toBeUndefined();
    // A value that is not a JSON object keeps `content`.
    expect(records.some((r) => r.content === 'not json at all')).toBe(true);

    // The .json topic is authorised and checked like its Logstore.
    const client = await raw(PROJECT, KEY_APP_ONLY);
    expect((await client.metadata([`${LOGSTORE}.json`])).topics[0]?.errorCode).toBe(TOPIC_AUTHORIZATION_FAILED);
    expect((await client.metadata(['app_logs.json'])).topics[0]?.errorCode).toBe(0);
    // Not allowed and not existing: authorization first.
    expect((await client.metadata(['no-such-logstore.json'])).topics[0]?.errorCode).toBe(TOPIC_AUTHORIZATION_FAILED);
    await client.end();
    const anywhere = await raw(PROJECT, KEY_ALL);
    expect((await anywhere.metadata(['no-such-logstore.json'])).topics[0]?.errorCode).toBe(UNKNOWN_TOPIC_OR_PARTITION);
    await anywhere.end();
  });
});

describe('strict mode: an invalid accounts file', () => {
  it('stops start-up of the app with a message naming the file, the line and the field', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'sls-sandbox-invalid-'));
    const file = path.join(FIXTURES, 'invalid-shards.yaml');
    try {
      const started = startApp({ DATA_DIR: dataDir, SANDBOX_PORT: String(await freePort()), SANDBOX_CONFIG: file });
      const failure = await started.then(
        async (running) => {
          await running.stop();
          return new Error('the app started with an invalid SANDBOX_CONFIG');
        },
        (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
      );
      expect(failure.message).toMatch(/the app server exited with 1/);
      expect(failure.message).toContain(`sandbox config ${file} line 9: projects[0].logstores[1].shards: expected a whole number 1–64`);
      expect(failure.message).toMatch(/\[sandbox\] not started/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
