/**
 * kcat 1.7.1 on librdkafka 2.0.2 (Debian `kcat`) producing into the real
 * app's sandbox over TLS + SASL PLAIN, read back through the records API.
 *
 * librdkafka sends ApiVersions v3 (a 2.1.1 broker answers UNSUPPORTED_VERSION
 * with its table) → ApiVersions v0 → SaslHandshake v1 → SaslAuthenticate v0 →
 * Metadata v4 → Produce v7, and checks the server certificate's host name
 * (ssl.endpoint.identification.algorithm=https is the 2.0 default).
 *
 * Partitioning (librdkafka's default `consistent_random`): a keyed record goes
 * to CRC-32(key) % shards; a keyless one to a random shard, but "sticky" for
 * sticky.partitioning.linger.ms (10 ms) — a burst from stdin would land on one
 * shard, so these runs set it to 0 to get a random shard per record.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ensureSandboxCertificates } from '@/lib/sandbox/ca';
import {
  CODECS,
  INTEROP_PROJECT,
  crc32Shard,
  describeRun,
  expectDelivered,
  expectLibrdkafkaRun,
  logstoreFor,
  logstoreRecords,
  newRunId,
  privateTempDir,
  sandboxProblems,
  runKcat,
  testMessages,
  waitForCount,
  type CodecName,
  useSandboxApp,
} from '../../support/kafka-clients';
import { findTool } from '../../support/tools';

const kcat = findTool('kcat', 'kcat');
const CLIENT_ID = 'interop-kcat';
const RANDOM_PER_RECORD = { 'sticky.partitioning.linger.ms': '0' };

describe.skipIf(!kcat.path)('kcat (librdkafka 2.0.2) → sandbox', () => {
  const sandbox = useSandboxApp();

  async function produce(codec: CodecName, tag: string, opts: { count: number; keys: 'none' | 'all' | 'alternate'; properties?: Record<string, string> }) {
    const runId = newRunId(`kcat-${tag}`);
    const logstore = logstoreFor('kcat', tag, runId);
    const sent = testMessages({
      runId,
      label: `kcat/${tag}`,
      count: opts.count,
      keys: opts.keys,
      large: true,
      headers: [
        ['interop-run', runId],
        ['codec', codec],
        ['empty', ''],
        ['no-value', null],
        ['equals', 'a=b'],
        ['repeated', '1'],
        ['repeated', '2'],
      ],
    });
    const t0 = Date.now();
    const result = await runKcat({
      kcat: kcat.path!,
      app: sandbox.app,
      topic: logstore,
      codec,
      clientId: CLIENT_ID,
      messages: sent,
      properties: { ...RANDOM_PER_RECORD, ...opts.properties },
      timeoutMs: 30_000,
    });
    return { runId, logstore, sent, result, t0, t1: Date.now() };
  }

  it.each(CODECS)('%s: every line arrives once with its key (-K:), the -H headers, on the CRC-32 shard', async (codec) => {
    const { logstore, sent, result, t0, t1 } = await produce(codec, codec, { count: 40, keys: 'alternate' });
    expect(result.code, describeRun(result)).toBe(0);
    expect({ delivered: result.delivered, failed: result.failed }, describeRun(result)).toEqual({ delivered: sent.length, failed: 0 });
    await expectLibrdkafkaRun(sandbox.app, logstore, sent, codec, CLIENT_ID, [t0, t1]);
  });

  it('no key at all: records spread over both shards', async () => {
    const { logstore, sent, result } = await produce('lz4', 'nokey', { count: 40, keys: 'none' });
    expect(result.delivered, describeRun(result)).toBe(sent.length);
    const records = await logstoreRecords(sandbox.app, INTEROP_PROJECT, logstore);
    expectDelivered(records, sent, { clientId: CLIENT_ID, bothShards: true });
    expect(records.every((r) => r.key === null)).toBe(true);
  });

  it('acks 1: every record acknowledged and stored', async () => {
    const { logstore, sent, result } = await produce('gzip', 'acks1', { count: 30, keys: 'all', properties: { acks: '1' } });
    expect(result.delivered, describeRun(result)).toBe(sent.length);
    expectDelivered(await logstoreRecords(sandbox.app, INTEROP_PROJECT, logstore), sent, {
      clientId: CLIENT_ID,
      shardOfKey: (key) => crc32Shard(key, 2),
      bothShards: true,
    });
  });

  it('acks 0: no responses, every record still arrives', async () => {
    const { logstore, sent, result } = await produce('zstd', 'acks0', { count: 30, keys: 'alternate', properties: { acks: '0' } });
    // With acks 0 librdkafka reports each message delivered once written to the socket.
    expect(result.delivered, describeRun(result)).toBe(sent.length);
    const records = await waitForCount(sandbox.app, INTEROP_PROJECT, logstore, sent.length, 10_000);
    expectDelivered(records, sent, { clientId: CLIENT_ID, shardOfKey: (key) => crc32Shard(key, 2), bothShards: true });
  });

  it('the sandbox logged no protocol, TLS or SASL problems', () => {
    expect(sandboxProblems(sandbox.app.output())).toEqual([]);
  });

  // After the problems check above: this run makes the sandbox log a failed handshake on purpose.
  it('a CA that did not sign the sandbox certificate: kcat refuses the server, nothing is stored', async () => {
    const dir = privateTempDir('kcat-other-ca-');
    try {
      // Another sandbox CA (same code, fresh key): valid PEM, wrong issuer.
      const other = await ensureSandboxCertificates(dir, { publicHost: 'localhost' });
      const runId = newRunId('kcat-badca');
      const logstore = logstoreFor('kcat-badca', runId);
      const sent = testMessages({ runId, label: 'kcat/bad-ca', count: 3, keys: 'none' });
      const result = await runKcat({
        kcat: kcat.path!,
        app: { ...sandbox.app, caFile: other.caFile },
        topic: logstore,
        codec: 'none',
        clientId: CLIENT_ID,
        messages: sent,
        properties: { 'message.timeout.ms': '3000' },
        timeoutMs: 20_000,
      });
      expect(result.delivered, describeRun(result)).toBe(0);
      expect(result.stderr).toMatch(/certificate verify failed/i);
      expect((await sandbox.app.records(INTEROP_PROJECT, logstore)).records).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Known bug (reported to the lead, lib/kafka/broker/server.ts 'tlsClientError'): by the time
  // Node emits tlsClientError the TLS socket has lost its handle, so remoteAddress is undefined
  // and the line reads `remote=?:?` — exactly when a user needs to know which agent has the wrong CA.
  it('the failed handshake above is logged with the client address', () => {
    const lines = sandbox.app.output().split('\n').filter((l) => l.startsWith('[sandbox] tls.failed'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/ remote=127\.0\.0\.1:\d+ /);
  });
});
