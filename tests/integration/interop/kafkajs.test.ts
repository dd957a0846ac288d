/**
 * kafkajs 2.2.4 (npm, in-process) producing into the real app's sandbox over
 * TLS + SASL PLAIN, read back through GET /api/sandbox/records.
 *
 * kafkajs sends ApiVersions v2 → SaslHandshake v1 → SaslAuthenticate v0 →
 * Metadata v5 → Produce v7 (record batches v2). It ships gzip only; snappy,
 * lz4 and zstd are plug-ins registered in `CompressionCodecs`. We register
 * them over the project's native packages, each with the framing its usual
 * plug-in writes (so the sandbox sees what kafkajs users send):
 * - snappy: kafkajs-snappy writes ONE raw snappy block (tulios/kafkajs-snappy
 *   src/index.js: `snappy.compress(encoder.buffer)`); Java's snappy-java writes
 *   xerial framing, so a second case sends that through kafkajs too;
 * - lz4: kafkajs-lz4 writes a standard LZ4 frame with node-lz4's defaults
 *   (independent blocks, content checksum on; indix/kafkajs-lz4 src/index.ts);
 * - zstd: @kafkajs/zstd writes a standard zstd frame.
 * A codec object is `{ compress(encoder) → Buffer, decompress(buffer) → Buffer }`
 * where `encoder.buffer` is the uncompressed records (kafkajs gzip.js).
 */
import { readFileSync } from 'node:fs';
import {
  CompressionCodecs,
  CompressionTypes,
  Kafka,
  logLevel,
  type IHeaders,
  type Message,
  type Producer,
  type ProducerConfig,
} from 'kafkajs';
import { compressFrameSync, decompressFrameSync } from 'lz4-napi';
import { compressSync as snappyCompress, uncompressSync as snappyUncompress } from 'snappy';
import { compress as zstdCompress, decompress as zstdDecompress } from 'zstd-napi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CODECS,
  INTEROP_PASSWORD,
  INTEROP_PROJECT,
  expectDelivered,
  logstoreFor,
  murmur2Shard,
  newRunId,
  sandboxProblems,
  testMessages,
  waitForCount,
  logstoreRecords,
  expectBatches,
  storedBatches,
  type CodecName,
  type TestMessage,
} from '../../support/kafka-clients';
import { startSandboxApp, type SandboxApp } from '../../support/sandbox-app';

const CLIENT_ID = 'interop-kafkajs';
const COMPRESSION: Record<CodecName, CompressionTypes> = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
  lz4: CompressionTypes.LZ4,
  zstd: CompressionTypes.ZSTD,
};

interface KafkajsEncoder {
  buffer: Buffer;
}
type KafkajsCodec = () => {
  compress(encoder: KafkajsEncoder): Promise<Buffer>;
  decompress(buffer: Buffer): Promise<Buffer>;
};

const asBuffer = (b: string | Buffer): Buffer => (typeof b === 'string' ? Buffer.from(b, 'binary') : b);

/** As kafkajs-snappy: one raw snappy block; reading accepts raw only (the tests never consume). */
const rawSnappyCodec: KafkajsCodec = () => ({
  compress: async (encoder) => snappyCompress(encoder.buffer),
  decompress: async (buffer) => asBuffer(snappyUncompress(buffer, { asBuffer: true })),
});

/**
 * snappy-java's SnappyOutputStream (what Java producers write): the xerial
 * header `\x82SNAPPY\0`, version 1, compatible version 1, then for every
 * 32 KiB of input an int32 length and one raw snappy block.
 */
function xerialSnappy(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1])];
  for (let pos = 0; pos < data.length; pos += 32 * 1024) {
    const block = snappyCompress(data.subarray(pos, pos + 32 * 1024));
    const length = Buffer.alloc(4);
    length.writeInt32BE(block.length);
    parts.push(length, block);
  }
  return Buffer.concat(parts);
}
const xerialSnappyCodec: KafkajsCodec = () => ({
  compress: async (encoder) => xerialSnappy(encoder.buffer),
  decompress: async () => {
    throw new Error('not used: the tests only produce');
  },
});

/** As kafkajs-lz4 (node-lz4 `encode` defaults): an LZ4 frame with independent blocks and a content checksum. */
const lz4FrameCodec: KafkajsCodec = () => ({
  compress: async (encoder) => compressFrameSync(encoder.buffer, { contentChecksum: true }),
  decompress: async (buffer) => decompressFrameSync(buffer),
});

const zstdCodec: KafkajsCodec = () => ({
  compress: async (encoder) => zstdCompress(encoder.buffer),
  decompress: async (buffer) => zstdDecompress(buffer),
});

function registerCodecs(snappy: KafkajsCodec = rawSnappyCodec): void {
  CompressionCodecs[CompressionTypes.Snappy] = snappy;
  CompressionCodecs[CompressionTypes.LZ4] = lz4FrameCodec;
  CompressionCodecs[CompressionTypes.ZSTD] = zstdCodec;
}

/** kafkajs headers are an object: a repeated name becomes an array (sent as adjacent headers); no null values. */
function toKafkajs(m: TestMessage): Message {
  const headers: IHeaders = {};
  for (const [name, value] of m.headers) {
    if (value === null) throw new Error('kafkajs cannot send a header without a value');
    const seen = headers[name];
    headers[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return { key: m.key, value: m.value, headers };
}

describe('kafkajs → sandbox (SASL PLAIN over TLS)', () => {
  let app: SandboxApp;
  let kafka: Kafka;
  let producer: Producer;
  const extraProducers: Producer[] = [];

  async function newProducer(config: ProducerConfig = {}): Promise<Producer> {
    const p = kafka.producer({ allowAutoTopicCreation: false, ...config });
    extraProducers.push(p);
    await p.connect();
    return p;
  }

  beforeAll(async () => {
    process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
    registerCodecs();
    app = await startSandboxApp();
    kafka = new Kafka({
      clientId: CLIENT_ID,
      brokers: [app.bootstrap],
      // Host name checked against the sandbox certificate (covers localhost), trusted through its CA only.
      ssl: { ca: [readFileSync(app.caFile, 'utf8')], rejectUnauthorized: true },
      sasl: { mechanism: 'plain', username: INTEROP_PROJECT, password: INTEROP_PASSWORD },
      connectionTimeout: 5_000,
      requestTimeout: 15_000,
      retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1_000 },
      logLevel: logLevel.ERROR,
    });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
  });

  afterAll(async () => {
    for (const p of [producer, ...extraProducers]) await p?.disconnect().catch(() => {});
    await app?.stop();
  });

  function messagesFor(runId: string, codec: string, count: number, keys: 'none' | 'all' | 'alternate' = 'alternate') {
    return testMessages({
      runId,
      label: `kafkajs/${codec}`,
      count,
      keys,
      large: true,
      headers: [
        ['interop-run', runId],
        ['codec', codec],
        ['empty', ''],
        ['repeated', 'first'],
        ['repeated', 'second'],
      ],
    });
  }

  it.each(CODECS)('every record of a %s batch arrives exactly once, with key, headers and shard (acks -1)', async (codec) => {
    const runId = newRunId(`kjs-${codec}`);
    const logstore = logstoreFor('kafkajs', codec, runId);
    const sent = messagesFor(runId, codec, 40);
    const t0 = Date.now();
    const result = await producer.send({ topic: logstore, messages: sent.map(toKafkajs), acks: -1, compression: COMPRESSION[codec] });
    const t1 = Date.now();
    expect(result.every((r) => r.errorCode === 0)).toBe(true);
    expectDelivered(await logstoreRecords(app, INTEROP_PROJECT, logstore), sent, {
      clientId: CLIENT_ID,
      shardOfKey: (key) => murmur2Shard(key, 2),
      bothShards: true,
      sentBetween: [t0, t1],
    });
    const batches = storedBatches(app, INTEROP_PROJECT, logstore);
    expectBatches(batches, codec, { snappy: 'raw' });
    expect(batches.map((b) => b.producerId)).toEqual(batches.map(() => -1n));
  });

  it('snappy in xerial framing (as Java producers write it) arrives intact', async () => {
    registerCodecs(xerialSnappyCodec);
    try {
      const runId = newRunId('kjs-xerial');
      const logstore = logstoreFor('kafkajs-xerial', runId);
      const sent = messagesFor(runId, 'snappy-xerial', 25);
      await producer.send({ topic: logstore, messages: sent.map(toKafkajs), acks: -1, compression: CompressionTypes.Snappy });
      expectDelivered(await logstoreRecords(app, INTEROP_PROJECT, logstore), sent, {
        clientId: CLIENT_ID,
        shardOfKey: (key) => murmur2Shard(key, 2),
        bothShards: true,
      });
      expectBatches(storedBatches(app, INTEROP_PROJECT, logstore), 'snappy', { snappy: 'xerial' });
    } finally {
      registerCodecs();
    }
  });

  it('acks 1: acknowledged records are stored', async () => {
    const runId = newRunId('kjs-acks1');
    const logstore = logstoreFor('kafkajs-acks1', runId);
    const sent = messagesFor(runId, 'gzip-acks1', 30);
    const result = await producer.send({ topic: logstore, messages: sent.map(toKafkajs), acks: 1, compression: CompressionTypes.GZIP });
    expect(result.map((r) => r.errorCode)).toEqual(result.map(() => 0));
    expectDelivered(await logstoreRecords(app, INTEROP_PROJECT, logstore), sent, {
      clientId: CLIENT_ID,
      shardOfKey: (key) => murmur2Shard(key, 2),
      bothShards: true,
    });
  });

  it.each(['none', 'zstd'] as const)('acks 0 (%s): no response, and still every record arrives', async (codec) => {
    const runId = newRunId(`kjs-acks0-${codec}`);
    const logstore = logstoreFor('kafkajs-acks0', codec, runId);
    const sent = messagesFor(runId, `${codec}-acks0`, 30);
    // kafkajs does not wait for a response when acks is 0 (produce request: expectResponse() → false).
    const result = await producer.send({ topic: logstore, messages: sent.map(toKafkajs), acks: 0, compression: COMPRESSION[codec] });
    expect(Array.isArray(result)).toBe(true);
    // The connection must still work afterwards: the sandbox sends nothing for acks 0, so replies stay in step.
    const after = messagesFor(newRunId(`kjs-after0-${codec}`), `${codec}-after-acks0`, 3);
    const afterLogstore = logstoreFor('kafkajs-after0', codec, runId);
    await producer.send({ topic: afterLogstore, messages: after.map(toKafkajs), acks: -1, compression: COMPRESSION[codec] });
    expectDelivered(await logstoreRecords(app, INTEROP_PROJECT, afterLogstore), after, { clientId: CLIENT_ID, bothShards: false });

    const records = await waitForCount(app, INTEROP_PROJECT, logstore, sent.length, 10_000);
    expectDelivered(records, sent, { clientId: CLIENT_ID, shardOfKey: (key) => murmur2Shard(key, 2), bothShards: true });
  });

  it('idempotent producer: InitProducerId, then batches with sequence numbers, each record once', async () => {
    const idempotent = await newProducer({ idempotent: true, maxInFlightRequests: 1 });
    const runId = newRunId('kjs-idem');
    const logstore = logstoreFor('kafkajs-idempotent', runId);
    const sent = messagesFor(runId, 'lz4-idempotent', 45);
    // Three sends: the second and third carry base sequences 15/30 (per partition) under the same producer id.
    for (let i = 0; i < sent.length; i += 15) {
      const part = sent.slice(i, i + 15);
      const result = await idempotent.send({ topic: logstore, messages: part.map(toKafkajs), acks: -1, compression: CompressionTypes.LZ4 });
      expect(result.every((r) => r.errorCode === 0)).toBe(true);
    }
    expectDelivered(await logstoreRecords(app, INTEROP_PROJECT, logstore), sent, {
      clientId: CLIENT_ID,
      shardOfKey: (key) => murmur2Shard(key, 2),
      bothShards: true,
    });
    // One producer id for all batches; per shard the base sequences count the records sent before.
    const batches = storedBatches(app, INTEROP_PROJECT, logstore);
    expectBatches(batches, 'lz4');
    const ids = new Set(batches.map((b) => b.producerId));
    expect(ids.size).toBe(1);
    expect([...ids][0]! >= 0n).toBe(true);
    for (const shard of [0, 1]) {
      const onShard = batches.filter((b) => b.shard === shard);
      let next = 0;
      for (const b of onShard) {
        expect(b.baseSequence, `shard ${shard} base sequence`).toBe(next);
        next += b.recordCount;
      }
    }
  });

  it('sendBatch: two Logstores and an explicit shard in one Produce request', async () => {
    const runId = newRunId('kjs-batch');
    const first = logstoreFor('kafkajs-batch-a', runId);
    const second = logstoreFor('kafkajs-batch-b', runId);
    const sentA = messagesFor(runId, 'zstd-batch-a', 20);
    const sentB = messagesFor(runId, 'zstd-batch-b', 10, 'none');
    await producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.ZSTD,
      topicMessages: [
        { topic: first, messages: sentA.map(toKafkajs) },
        // All of B on shard 1, chosen by the client.
        { topic: second, messages: sentB.map((m) => ({ ...toKafkajs(m), partition: 1 })) },
      ],
    });
    expectDelivered(await logstoreRecords(app, INTEROP_PROJECT, first), sentA, {
      clientId: CLIENT_ID,
      shardOfKey: (key) => murmur2Shard(key, 2),
      bothShards: true,
    });
    const recordsB = await logstoreRecords(app, INTEROP_PROJECT, second);
    expectDelivered(recordsB, sentB, { clientId: CLIENT_ID, bothShards: false });
    expect(new Set(recordsB.map((r) => r.shard))).toEqual(new Set([1]));
    expectBatches(storedBatches(app, INTEROP_PROJECT, first), 'zstd');
    expectBatches(storedBatches(app, INTEROP_PROJECT, second), 'zstd');
  });

  it('JSON values are expanded into fields on <logstore>.json and with the data-parse-format header', async () => {
    const runId = newRunId('kjs-json');
    const viaTopic = logstoreFor('kafkajs-json-topic', runId);
    const viaHeader = logstoreFor('kafkajs-json-header', runId);
    const value = (i: number) =>
      JSON.stringify({ run: runId, seq: i, msg: 'grüße 日志', nested: { a: [1, 2] }, ok: true }).replace('"seq":' + i, `"seq": ${i}.50`);
    const values = Array.from({ length: 6 }, (_, i) => value(i));
    await producer.send({ topic: `${viaTopic}.json`, messages: values.map((v) => ({ value: v })), acks: -1, compression: CompressionTypes.GZIP });
    await producer.send({
      topic: viaHeader,
      messages: [
        ...values.map((v) => ({ value: v, headers: { 'data-parse-format': 'json' } })),
        // Without the header the same text stays in content.
        { value: values[0]! },
      ],
      acks: -1,
      compression: CompressionTypes.LZ4,
    });

    const expectedFields = values.map((_, i) => ({ run: runId, seq: `${i}.50`, msg: 'grüße 日志', nested: '{"a":[1,2]}', ok: 'true' }));
    const bySeq = (a: Record<string, string> | undefined, b: Record<string, string> | undefined) => Number(a?.seq) - Number(b?.seq);
    const topicRecords = await logstoreRecords(app, INTEROP_PROJECT, viaTopic);
    expect(topicRecords.map((r) => r.fields).sort(bySeq)).toEqual(expectedFields);
    expect(topicRecords.every((r) => r.logstore === viaTopic && r.content === undefined)).toBe(true);

    const headerRecords = await logstoreRecords(app, INTEROP_PROJECT, viaHeader);
    expect(headerRecords.filter((r) => r.fields).map((r) => r.fields!).sort(bySeq)).toEqual(expectedFields);
    expect(headerRecords.filter((r) => !r.fields).map((r) => r.content)).toEqual([values[0]]);
  });

  it('the sandbox logged no protocol, TLS or SASL problems', () => {
    expect(sandboxProblems(app.output())).toEqual([]);
  });

  // After the problems check above: these runs make the sandbox log refusals on purpose.
  describe('refusals a real client must understand', () => {
    function strictClient(password: string): Kafka {
      return new Kafka({
        clientId: CLIENT_ID,
        brokers: [app.bootstrap],
        ssl: { ca: [readFileSync(app.caFile, 'utf8')], rejectUnauthorized: true },
        sasl: { mechanism: 'plain', username: INTEROP_PROJECT, password },
        connectionTimeout: 5_000,
        requestTimeout: 5_000,
        retry: { retries: 0 },
        logLevel: logLevel.NOTHING,
      });
    }

    it('a password that is not AccessKeyId#AccessKeySecret fails the SASL login', async () => {
      const p = strictClient('not-an-access-key-pair').producer();
      extraProducers.push(p);
      const err: unknown = await p.connect().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).name).toBe('KafkaJSSASLAuthenticationError');
      // The sandbox's SaslAuthenticate error message reaches the user, naming the fix.
      expect((err as Error).message).toContain('AccessKeyId#AccessKeySecret');
    });

    it('a topic that is not a valid Logstore name is UNKNOWN_TOPIC_OR_PARTITION', async () => {
      const p = strictClient(INTEROP_PASSWORD).producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
      extraProducers.push(p);
      await p.connect();
      const err: unknown = await p.send({ topic: 'Not.A.Logstore', messages: [{ value: 'x' }], acks: -1 }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(Error);
      const text = `${(err as Error).message} ${String((err as { cause?: unknown }).cause ?? '')}`;
      expect(text).toMatch(/does not host this topic-partition|UNKNOWN_TOPIC_OR_PARTITION/i);
    });
  });
});
