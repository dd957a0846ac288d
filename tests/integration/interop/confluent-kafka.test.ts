/**
 * confluent-kafka-python 1.7.0 on librdkafka 2.0.2 (Debian
 * `python3-confluent-kafka`) producing into the real app's sandbox, through
 * tests/integration/clients/confluent_producer.py.
 *
 * The same wire behaviour as kcat (librdkafka: ApiVersions v3 → v0,
 * SaslHandshake v1, SaslAuthenticate v0, Metadata v4, Produce v7), driven
 * through the Python API with per-message keys and headers and delivery
 * reports. Keyed records go to CRC-32(key) % shards (`consistent_random`);
 * keyless ones to a random shard, made per record with
 * sticky.partitioning.linger.ms=0. The idempotent case also exercises
 * InitProducerId and the per-shard sequence numbers librdkafka writes.
 */
import { describe, expect, it } from 'vitest';
import {
  CODECS,
  INTEROP_PROJECT,
  crc32Shard,
  describeRun,
  driverConnection,
  expectBatches,
  expectDelivered,
  expectLibrdkafkaRun,
  findPythonModules,
  logstoreFor,
  logstoreRecords,
  newRunId,
  runPythonDriver,
  sandboxProblems,
  storedBatches,
  testMessages,
  type CodecName,
  type DriverRun,
  useSandboxApp,
} from '../../support/kafka-clients';

const python = findPythonModules([{ module: 'confluent_kafka', debPackage: 'python3-confluent-kafka' }]);
const CLIENT_ID = 'interop-confluent-kafka';

describe.skipIf(!python.path)('confluent-kafka-python 1.7.0 (librdkafka 2.0.2) → sandbox', () => {
  const sandbox = useSandboxApp();

  function messages(runId: string, tag: string, codec: CodecName) {
    return testMessages({
      runId,
      label: `confluent/${tag}`,
      count: 40,
      keys: 'alternate',
      large: true,
      headers: [
        ['interop-run', runId],
        ['codec', codec],
        ['no-value', null],
        ['empty', ''],
      ],
    });
  }

  async function produce(runs: DriverRun[], properties: Record<string, string> = {}) {
    return runPythonDriver(python.path!, 'confluent_producer.py', {
      ...driverConnection(sandbox.app, CLIENT_ID),
      properties: { 'sticky.partitioning.linger.ms': '0', ...properties },
      runs,
    });
  }

  it.each(CODECS)('%s: every record once, with key, headers (null and empty values too) and shard', async (codec) => {
    const runId = newRunId(`cfk-${codec}`);
    const logstore = logstoreFor('confluent', codec, runId);
    const sent = messages(runId, codec, codec);
    const t0 = Date.now();
    const { process: proc, report } = await produce([{ topic: logstore, codec, acks: -1, messages: sent }]);
    const t1 = Date.now();
    expect(proc.code, describeRun(proc)).toBe(0);
    expect(report?.runs, describeRun(proc)).toEqual([{ topic: logstore, codec, ok: sent.length, failed: 0, errors: [] }]);
    expect(report?.librdkafka).toEqual(['2.0.2', expect.any(Number)]);
    await expectLibrdkafkaRun(sandbox.app, logstore, sent, codec, CLIENT_ID, [t0, t1]);
  });

  it('enable.idempotence: one producer id, per-shard sequence numbers, each record once', async () => {
    const runId = newRunId('cfk-idem');
    const logstore = logstoreFor('confluent-idempotent', runId);
    const sent = messages(runId, 'idempotent', 'zstd');
    // A small batch size makes several batches per shard, so sequences must continue across them.
    const { process: proc, report } = await produce([{ topic: logstore, codec: 'zstd', acks: -1, messages: sent }], {
      'enable.idempotence': 'true',
      'batch.num.messages': '5',
    });
    expect(proc.code, describeRun(proc)).toBe(0);
    expect(report?.runs, describeRun(proc)).toEqual([{ topic: logstore, codec: 'zstd', ok: sent.length, failed: 0, errors: [] }]);
    expectDelivered(await logstoreRecords(sandbox.app, INTEROP_PROJECT, logstore), sent, {
      clientId: CLIENT_ID,
      shardOfKey: (key) => crc32Shard(key, 2),
      bothShards: true,
    });
    const batches = storedBatches(sandbox.app, INTEROP_PROJECT, logstore);
    expectBatches(batches, 'zstd', { uncompressedWhenLarger: true });
    expect(batches.length).toBeGreaterThan(2);
    const ids = new Set(batches.map((b) => b.producerId));
    expect(ids.size).toBe(1);
    expect([...ids][0]! >= 0n).toBe(true);
    for (const shard of [0, 1]) {
      let next = 0;
      for (const b of batches.filter((x) => x.shard === shard)) {
        expect(b.baseSequence, `shard ${shard} base sequence`).toBe(next);
        next += b.recordCount;
      }
    }
  });

  it('the sandbox logged no protocol, TLS or SASL problems', () => {
    expect(sandboxProblems(sandbox.app.output())).toEqual([]);
  });
});
