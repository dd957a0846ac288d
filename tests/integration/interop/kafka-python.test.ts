/**
 * kafka-python 2.0.2 (pure Python, Debian `python3-kafka`) producing into the
 * real app's sandbox, through tests/integration/clients/kafka_python_producer.py.
 *
 * kafka-python is the odd one among the clients: with an explicit api_version
 * it never sends ApiVersions; it sends SaslHandshake v0 and then the raw PLAIN
 * token (not wrapped in SaslAuthenticate), with the username repeated as the
 * authzid, then Metadata v1 and Produce v7 (2.1.0) or v4 (1.0.0). Unset
 * ("auto"), it probes with ApiVersions v0 and infers the broker version from
 * the table, so the sandbox must advertise what a 2.1.1 broker does for it to
 * pick 2.1 (and zstd, which kafka-python allows only from 2.1.0).
 * Its snappy is snappy-java's xerial framing; its lz4 is an LZ4 frame with
 * independent blocks. Keyed records go to murmur2(key) % shards, keyless ones
 * to a random shard per record.
 *
 * Older api_versions make it the one real client here that writes the old
 * message formats over SASL: 0.10.0 sends Produce v2 with message sets of
 * magic 1 (compressed ones wrapped in one message; no headers in that format),
 * 0.11.0 Produce v3 with record batches. (Below 0.10 kafka-python cannot do
 * SASL at all: brokers had no SaslHandshake before 0.10, so magic 0 is out of
 * reach of a SASL client.)
 */
import { describe, expect, it } from 'vitest';
import {
  INTEROP_PROJECT,
  expectBatches,
  expectDelivered,
  findPythonModules,
  logstoreFor,
  logstoreRecords,
  murmur2Shard,
  newRunId,
  sandboxProblems,
  runPythonDriver,
  storedBatches,
  testMessages,
  describeRun,
  driverConnection,
  type CodecName,
  useSandboxApp,
} from '../../support/kafka-clients';

const python = findPythonModules([
  { module: 'kafka', debPackage: 'python3-kafka' },
  { module: 'snappy', debPackage: 'python3-snappy' },
  { module: 'lz4.frame', debPackage: 'python3-lz4' },
  { module: 'zstandard', debPackage: 'python3-zstandard' },
]);
const CLIENT_ID = 'interop-kafka-python';

type ApiVersion = '2.1.0' | '1.0.0' | '0.11.0' | '0.10.0' | 'auto';
/** Produce version kafka-python sends for each api_version (kafka/producer/sender.py). */
const PRODUCE_VERSION: Record<ApiVersion, number> = { '2.1.0': 7, '1.0.0': 4, '0.11.0': 3, '0.10.0': 2, auto: 7 };
/** Message format: record batches from 0.11 (KIP-98), message sets of magic 1 before. */
const MAGIC: Record<ApiVersion, 1 | 2> = { '2.1.0': 2, '1.0.0': 2, '0.11.0': 2, '0.10.0': 1, auto: 2 };

const ALL = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
const NO_ZSTD = ['none', 'gzip', 'snappy', 'lz4'] as const;
/** zstd only with api_version 2.1.0 or newer (kafka-python refuses it below). */
const CASES: Array<[ApiVersion, CodecName]> = (
  [
    ['2.1.0', ALL],
    ['1.0.0', NO_ZSTD],
    ['0.11.0', NO_ZSTD],
    ['0.10.0', NO_ZSTD],
    ['auto', ALL],
  ] as const
).flatMap(([version, codecs]) => codecs.map((codec): [ApiVersion, CodecName] => [version, codec]));

describe.skipIf(!python.path)('kafka-python 2.0.2 → sandbox', () => {
  // debug: one log line per Produce request, with its version.
  const sandbox = useSandboxApp({ SANDBOX_LOG: 'debug' });

  it.each(CASES)('api_version %s, %s: every record once, with key, headers and shard', async (apiVersion, codec) => {
    const tag = `${apiVersion.replace(/\./g, '')}-${codec}`;
    const runId = newRunId(`kpy-${tag}`);
    const logstore = logstoreFor('kafka-python', tag, runId);
    const sent = testMessages({
      runId,
      label: `kafka-python/${tag}`,
      count: 30,
      keys: 'alternate',
      large: true,
      // Message sets (magic 0/1) have no headers; kafka-python's send() takes bytes values only (no null).
      headers:
        MAGIC[apiVersion] === 2
          ? [
              ['interop-run', runId],
              ['api-version', apiVersion],
              ['empty', ''],
            ]
          : [],
    });
    const logBefore = sandbox.app.output().length;
    const t0 = Date.now();
    const { process: proc, report } = await runPythonDriver(python.path!, 'kafka_python_producer.py', {
      ...driverConnection(sandbox.app, CLIENT_ID),
      apiVersion,
      runs: [{ topic: logstore, codec, acks: -1, messages: sent }],
    });
    const t1 = Date.now();
    expect(proc.code, describeRun(proc)).toBe(0);
    expect(report?.runs, describeRun(proc)).toEqual([{ topic: logstore, codec, ok: sent.length, failed: 0, errors: [] }]);
    // "auto" must infer 2.1 from the sandbox's ApiVersions table (and so allow zstd).
    expect(report?.probedApiVersion).toEqual(apiVersion === 'auto' ? [2, 1, 0] : apiVersion.split('.').map(Number));

    expectDelivered(await logstoreRecords(sandbox.app, INTEROP_PROJECT, logstore), sent, {
      clientId: CLIENT_ID,
      shardOfKey: (key) => murmur2Shard(key, 2),
      bothShards: true,
      sentBetween: [t0, t1],
    });
    // Record batches that do not shrink go uncompressed (DefaultRecordBatchBuilder); message sets are always compressed.
    expectBatches(storedBatches(sandbox.app, INTEROP_PROJECT, logstore), codec, {
      magic: MAGIC[apiVersion],
      snappy: 'xerial',
      uncompressedWhenLarger: MAGIC[apiVersion] === 2,
    });

    const produceVersions = new Set([...sandbox.app.output().slice(logBefore).matchAll(/\[sandbox\] produce .*?\bv=(\d+)/g)].map((m) => Number(m[1])));
    expect(produceVersions).toEqual(new Set([PRODUCE_VERSION[apiVersion]]));
  });

  it('the sandbox logged no protocol, TLS or SASL problems', () => {
    expect(sandboxProblems(sandbox.app.output())).toEqual([]);
  });
});
