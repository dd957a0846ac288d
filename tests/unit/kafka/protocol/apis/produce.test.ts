/**
 * Produce v0–v7: golden bytes hand-assembled from apache/kafka@2.1.1
 * ProduceRequest.java / ProduceResponse.java, kafkajs's binary fixtures for
 * v2–v7 (requests and responses, copied from tulios/kafkajs, see
 * fixtures/kafkajs/README.md), kafkajs's encoders/decoders for the rest,
 * round trips and hostile bodies.
 */
import { readFileSync } from 'node:fs';
import { crc32, crc32c } from '@node-rs/crc32';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeProduceRequest,
  decodeProduceResponse,
  encodeProduceRequest,
  encodeProduceResponse,
  type ProduceRequest,
  type ProduceResponse,
} from '@/lib/kafka/protocol/apis/produce';
import { ProtocolError, Reader } from '@/lib/kafka/protocol/primitives';
import { array, bufferFromJson, bytes, cat, int16, int32, int64, int8, str } from '../fixtures/golden';
import { expectDamagedBodiesRejected, expectFastRejection, expectRandomBytesSafe } from '../fixtures/hostile';
import { kafkajsDecodeResponse, kafkajsRequestBody } from '../fixtures/kafkajs';

const VERSIONS = [0, 1, 2, 3, 4, 5, 6, 7] as const;
type Version = (typeof VERSIONS)[number];

function kafkajsFixture(name: string): Buffer {
  const url = new URL(`../fixtures/kafkajs/produce/${name}.json`, import.meta.url);
  const json: unknown = JSON.parse(readFileSync(url, 'utf8'));
  return bufferFromJson(json);
}

// ------------------------------------------------------------ kafkajs fixtures

/** What kafkajs's v<N>/request.spec.js sent: topic, acks (timeout is 30000, one partition 0). */
const FIXTURE_REQUESTS: ReadonlyArray<{ v: 2 | 3 | 4 | 5 | 6 | 7; topic: string; acks: number; recordsLength: number }> = [
  { v: 2, topic: 'test-topic-9f825c3f60bb0b4db583', acks: -1, recordsLength: 267 },
  { v: 3, topic: 'test-topic-ebba68879c6f5081d8c2', acks: -1, recordsLength: 270 },
  { v: 4, topic: 'test-topic-5370ce2c813663fce3ca-99758-4d9ea731-5a23-4d5b-abbd-8390588d655d', acks: -1, recordsLength: 940 },
  { v: 5, topic: 'test-topic-1c8ace0ecfb3cb281243-706-b9f24ac1-6a1e-4458-ba5f-5fc0c51a46c7', acks: -1, recordsLength: 916 },
  { v: 6, topic: 'test-topic-390850453b1c004039ea-1417-1c32a507-edbb-481d-9d9c-e287743f4b74', acks: 1, recordsLength: 1041 },
  { v: 7, topic: 'test-topic-923030b997a626c23158-517-bdaf87ff-6ab3-4ba6-ac23-ad463d5230cd', acks: -1, recordsLength: 1041 },
];

/** Checks the copied records independently: lengths add up and every CRC verifies. */
function expectRecordsIntact(records: Buffer, v: number): void {
  if (v >= 3) {
    // record batch v2: batchLength @8 = total - 12, CRC-32C @17 over bytes 21..end (docs/kafka-2.1.1.md#record-batch-v2)
    expect(records.readInt32BE(8)).toBe(records.length - 12);
    expect(records.readInt8(16)).toBe(2);
    expect(records.readUInt32BE(17)).toBe(crc32c(records.subarray(21)));
  } else {
    // message set: [offset INT64, size INT32, crc UINT32 over magic..end] with no count (docs/kafka-2.1.1.md#message-sets)
    let at = 0;
    while (at < records.length) {
      const size = records.readInt32BE(at + 8);
      const message = records.subarray(at + 12, at + 12 + size);
      expect(message.readUInt32BE(0)).toBe(crc32(message.subarray(4)));
      at += 12 + size;
    }
    expect(at).toBe(records.length);
  }
}

describe.each(FIXTURE_REQUESTS)('Produce v$v request, kafkajs fixture', ({ v, topic, acks, recordsLength }) => {
  const fixture = kafkajsFixture(`v${v}_request`);
  const records = fixture.subarray(fixture.length - recordsLength);

  it('is exactly the 2.1.1 layout around an intact record set', () => {
    expectRecordsIntact(records, v);
    const golden = cat(
      v >= 3 ? str(null) : Buffer.alloc(0), // transactional_id (v3+): null
      int16(acks), // acks
      int32(30000), // timeout
      array(
        cat(
          str(topic), // topic
          array(
            cat(
              int32(0), // partition
              bytes(records), // record_set (NULLABLE_BYTES)
            ),
          ),
        ),
      ),
    );
    expect(golden).toEqual(fixture);
  });

  it('decodes to the expected request with records as a view, and re-encodes byte for byte', () => {
    const req = decodeProduceRequest(new Reader(fixture), v);
    expect(req).toEqual({ transactionalId: null, acks, timeoutMs: 30000, topics: [{ name: topic, partitions: [{ partition: 0, records }] }] });
    const got = req.topics[0]?.partitions[0]?.records;
    expect(got?.buffer).toBe(fixture.buffer); // not copied
    expect(encodeProduceRequest(req, v)).toEqual(fixture);
  });

  it('every truncation, a trailing byte and single-byte corruptions raise ProtocolError only', () => {
    const decode = (r: Reader) => decodeProduceRequest(r, v);
    expectDamagedBodiesRejected(fixture, decode);
  });
});

describe.each([2, 3, 4, 5, 6, 7] as const)('Produce v%i response, kafkajs fixture', (v) => {
  const fixture = kafkajsFixture(`v${v}_response`);
  const topic = FIXTURE_REQUESTS.find((f) => f.v === v)?.topic ?? '';
  // kafkajs's v2 fixture answers a different topic and base offset 3
  const name = v === 2 ? 'test-topic-919fb44e912ac0dc2693' : topic;
  const expected: ProduceResponse = {
    topics: [
      {
        name,
        partitions: [{ partition: 0, errorCode: 0, baseOffset: v === 2 ? 3n : 0n, logAppendTime: -1n, logStartOffset: v >= 5 ? 0n : -1n }],
      },
    ],
    throttleTimeMs: 0,
  };

  it('matches the hand-assembled 2.1.1 layout', () => {
    const golden = cat(
      array(
        cat(
          str(name), // topic
          array(
            cat(
              int32(0), // partition
              int16(0), // error_code
              int64(v === 2 ? 3n : 0n), // base_offset
              int64(-1n), // log_append_time (v2+): CreateTime
              v >= 5 ? int64(0n) : Buffer.alloc(0), // log_start_offset (v5+)
            ),
          ),
        ),
      ),
      int32(0), // throttle_time_ms LAST
    );
    expect(golden).toEqual(fixture);
  });

  it('decodes and re-encodes byte for byte', () => {
    expect(decodeProduceResponse(new Reader(fixture), v)).toEqual(expected);
    expect(encodeProduceResponse(expected, v)).toEqual(fixture);
  });

  it('hostile variants raise ProtocolError only', () => {
    const decode = (r: Reader) => decodeProduceResponse(r, v);
    expectDamagedBodiesRejected(fixture, decode);
  });
});

// ------------------------------------------------------------ v0 / v1 requests (message set magic 0)

/** One magic-0 message, hand-assembled: crc, magic, attributes, key, value (docs/kafka-2.1.1.md#message-sets). */
function messageV0(key: string, value: string): Buffer {
  const content = cat(int8(0) /* magic 0 */, int8(0) /* attributes: no compression */, bytes(Buffer.from(key)), bytes(Buffer.from(value)));
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(content));
  return cat(crc, content);
}

describe.each([0, 1] as const)('Produce v%i request (message set v0)', (v) => {
  const message = messageV0('key-0', 'value-0');
  const records = cat(int64(0n) /* offset */, int32(message.length) /* message size */, message);
  const GOLDEN = cat(
    int16(-1), // acks: all in-sync replicas
    int32(30000), // timeout
    array(cat(str('test-logstore'), array(cat(int32(0) /* partition */, bytes(records))))),
  );
  const REQUEST: ProduceRequest = {
    transactionalId: null,
    acks: -1,
    timeoutMs: 30000,
    topics: [{ name: 'test-logstore', partitions: [{ partition: 0, records }] }],
  };

  it('golden bytes, same as kafkajs', async () => {
    expect(encodeProduceRequest(REQUEST, v)).toEqual(GOLDEN);
    expect(decodeProduceRequest(new Reader(GOLDEN), v)).toEqual(REQUEST);
    const kafkajs = await kafkajsRequestBody('produce', v, {
      acks: -1,
      timeout: 30000,
      topicData: [{ topic: 'test-logstore', partitions: [{ partition: 0, messages: [{ key: 'key-0', value: 'value-0' }] }] }],
    });
    expect(kafkajs).toEqual(GOLDEN);
  });

  it('hostile variants raise ProtocolError only', () => {
    const decode = (r: Reader) => decodeProduceRequest(r, v);
    expectDamagedBodiesRejected(GOLDEN, decode);
  });
});

// ------------------------------------------------------------ more requests

describe('Produce request', () => {
  it('v3+: carries a transactional id first', () => {
    const golden = cat(
      str('txn-1'), // transactional_id
      int16(1), // acks
      int32(1000), // timeout
      array(cat(str('t'), array(cat(int32(2), bytes(null))))), // one partition, null record_set
    );
    const req: ProduceRequest = { transactionalId: 'txn-1', acks: 1, timeoutMs: 1000, topics: [{ name: 't', partitions: [{ partition: 2, records: null }] }] };
    for (const v of [3, 4, 5, 6, 7]) {
      expect(encodeProduceRequest(req, v)).toEqual(golden);
      expect(decodeProduceRequest(new Reader(golden), v)).toEqual(req);
    }
  });

  it('v0–v2: refuses to encode a transactional id they cannot carry', () => {
    const req: ProduceRequest = { transactionalId: 'txn-1', acks: 1, timeoutMs: 1000, topics: [] };
    for (const v of [0, 1, 2]) expect(() => encodeProduceRequest(req, v)).toThrow(ProtocolError);
  });

  it('acks=0 and several topics and partitions', () => {
    const golden = cat(
      int16(0), // acks 0: the broker sends no response (docs/kafka-2.1.1.md#produce-with-acks-0)
      int32(0),
      array(cat(str('a'), array(cat(int32(0), bytes(Buffer.of(1))), cat(int32(1), bytes(Buffer.alloc(0))))), cat(str('b'), array())),
    );
    expect(decodeProduceRequest(new Reader(golden), 2)).toEqual({
      transactionalId: null,
      acks: 0,
      timeoutMs: 0,
      topics: [
        { name: 'a', partitions: [{ partition: 0, records: Buffer.of(1) }, { partition: 1, records: Buffer.alloc(0) }] },
        { name: 'b', partitions: [] },
      ],
    });
  });

  it('round-trips every version', () => {
    const partition = fc.record({
      partition: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      records: fc.option(fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b))),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...VERSIONS),
        fc.option(fc.string({ unit: 'grapheme', maxLength: 20 })),
        fc.integer({ min: -32768, max: 32767 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.array(fc.record({ name: fc.string({ unit: 'grapheme', maxLength: 20 }), partitions: fc.array(partition, { maxLength: 4 }) }), { maxLength: 4 }),
        (v, transactionalId, acks, timeoutMs, topics) => {
          const req: ProduceRequest = { transactionalId: v >= 3 ? transactionalId : null, acks, timeoutMs, topics };
          expect(decodeProduceRequest(new Reader(encodeProduceRequest(req, v)), v)).toEqual(req);
        },
      ),
    );
  });

  it.each(VERSIONS)('v%i: random bytes and lying counts/lengths raise ProtocolError quickly', (v) => {
    const decode = (r: Reader) => decodeProduceRequest(r, v);
    expectRandomBytesSafe(decode);
    const head = cat(v >= 3 ? str(null) : Buffer.alloc(0), int16(-1), int32(30000));
    expectFastRejection(cat(head, int32(0x7fffffff), str('t')), decode); // topic count
    expectFastRejection(cat(head, int32(1), str('t'), int32(0x7fffffff), int32(0)), decode); // partition count
    expectFastRejection(cat(head, int32(1), str('t'), int32(1), int32(0), int32(0x7fffffff), int8(0)), decode); // records length
    expectFastRejection(cat(head, int32(1), str('t'), int32(1), int32(0), int32(-2)), decode); // negative records length
    expectFastRejection(cat(head, int32(1), str(null), int32(0)), decode); // null topic name
  });

  it('refuses versions we do not serve', () => {
    const body = cat(str(null), int16(1), int32(0), array());
    for (const v of [-1, 8, 9]) {
      expect(() => decodeProduceRequest(new Reader(body), v)).toThrow(ProtocolError);
      expect(() => encodeProduceRequest({ transactionalId: null, acks: 1, timeoutMs: 0, topics: [] }, v)).toThrow(ProtocolError);
    }
  });
});

// ------------------------------------------------------------ responses per version

const RESPONSE: ProduceResponse = {
  topics: [{ name: 'test-logstore', partitions: [{ partition: 1, errorCode: 0, baseOffset: 5n, logAppendTime: 1700000000000n, logStartOffset: 2n }] }],
  throttleTimeMs: 9,
};

/** The response as each version carries it (absent fields take 2.1.1's defaults). */
function asSeenIn(resp: ProduceResponse, v: number): ProduceResponse {
  return {
    topics: resp.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => ({
        ...p,
        logAppendTime: v >= 2 ? p.logAppendTime : -1n,
        logStartOffset: v >= 5 ? p.logStartOffset : -1n,
      })),
    })),
    throttleTimeMs: v >= 1 ? resp.throttleTimeMs : 0,
  };
}

const partitionHead = cat(int32(1) /* partition */, int16(0) /* error_code */, int64(5n) /* base_offset */);
const GOLDEN_RESPONSES: Record<Version, Buffer> = {
  0: array(cat(str('test-logstore'), array(partitionHead))),
  1: cat(array(cat(str('test-logstore'), array(partitionHead))), int32(9)), // + throttle_time_ms LAST
  2: cat(array(cat(str('test-logstore'), array(cat(partitionHead, int64(1700000000000n))))), int32(9)), // + log_append_time
  3: cat(array(cat(str('test-logstore'), array(cat(partitionHead, int64(1700000000000n))))), int32(9)),
  4: cat(array(cat(str('test-logstore'), array(cat(partitionHead, int64(1700000000000n))))), int32(9)),
  5: cat(array(cat(str('test-logstore'), array(cat(partitionHead, int64(1700000000000n), int64(2n))))), int32(9)), // + log_start_offset
  6: cat(array(cat(str('test-logstore'), array(cat(partitionHead, int64(1700000000000n), int64(2n))))), int32(9)),
  7: cat(array(cat(str('test-logstore'), array(cat(partitionHead, int64(1700000000000n), int64(2n))))), int32(9)),
};

describe('Produce response', () => {
  it.each(VERSIONS)('v%i: golden bytes, both directions', (v) => {
    expect(encodeProduceResponse(RESPONSE, v)).toEqual(GOLDEN_RESPONSES[v]);
    expect(decodeProduceResponse(new Reader(GOLDEN_RESPONSES[v]), v)).toEqual(asSeenIn(RESPONSE, v));
  });

  it.each(VERSIONS)('v%i: kafkajs decodes what we send', async (v) => {
    const decoded = await kafkajsDecodeResponse('produce', v, encodeProduceResponse(RESPONSE, v));
    const partition = {
      partition: 1,
      errorCode: 0,
      // kafkajs's own field names differ by version
      ...(v <= 1 ? { offset: '5' } : v === 2 ? { offset: '5', timestamp: '1700000000000' } : { baseOffset: '5', logAppendTime: '1700000000000' }),
      ...(v >= 5 ? { logStartOffset: '2' } : {}),
    };
    expect(decoded).toMatchObject({ topics: [{ topicName: 'test-logstore', partitions: [partition] }] });
    if (v >= 1) expect(decoded).toMatchObject(v === 6 || v === 7 ? { clientSideThrottleTime: 9 } : { throttleTime: 9 });
  });

  it('turns KAFKA_STORAGE_ERROR into NOT_LEADER_FOR_PARTITION for v0–v3, as 2.1.1 does', () => {
    const storage: ProduceResponse = {
      topics: [{ name: 't', partitions: [{ partition: 0, errorCode: 56, baseOffset: -1n, logAppendTime: -1n, logStartOffset: -1n }] }],
      throttleTimeMs: 0,
    };
    const errorOf = (v: number) => decodeProduceResponse(new Reader(encodeProduceResponse(storage, v)), v).topics[0]?.partitions[0]?.errorCode;
    for (const v of [0, 1, 2, 3]) expect(errorOf(v)).toBe(6);
    for (const v of [4, 5, 6, 7]) expect(errorOf(v)).toBe(56);
  });

  it('round-trips every version', () => {
    const int64Arb = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
    const partition = fc.record({
      partition: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
      errorCode: fc.integer({ min: -32768, max: 32767 }).filter((e) => e !== 56),
      baseOffset: int64Arb,
      logAppendTime: int64Arb,
      logStartOffset: int64Arb,
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...VERSIONS),
        fc.array(fc.record({ name: fc.string({ unit: 'grapheme', maxLength: 20 }), partitions: fc.array(partition, { maxLength: 4 }) }), { maxLength: 4 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        (v, topics, throttleTimeMs) => {
          const resp = asSeenIn({ topics, throttleTimeMs }, v);
          expect(decodeProduceResponse(new Reader(encodeProduceResponse(resp, v)), v)).toEqual(resp);
        },
      ),
    );
  });

  it.each(VERSIONS)('v%i: hostile responses raise ProtocolError only', (v) => {
    const decode = (r: Reader) => decodeProduceResponse(r, v);
    expectDamagedBodiesRejected(GOLDEN_RESPONSES[v], decode);
    expectRandomBytesSafe(decode);
    expectFastRejection(cat(int32(0x7fffffff), str('t'), int32(0)), decode); // topic count
    expectFastRejection(cat(int32(1), str('t'), int32(0x7fffffff), partitionHead), decode); // partition count
  });

  it('refuses versions we do not serve', () => {
    for (const v of [-1, 8]) {
      expect(() => decodeProduceResponse(new Reader(GOLDEN_RESPONSES[7]), v)).toThrow(ProtocolError);
      expect(() => encodeProduceResponse(RESPONSE, v)).toThrow(ProtocolError);
    }
  });
});
