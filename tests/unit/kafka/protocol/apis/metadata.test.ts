/**
 * Metadata v0–v7: golden bytes hand-assembled per version from
 * apache/kafka@2.1.1 MetadataRequest.java / MetadataResponse.java, cross-checked
 * with kafkajs (v0–v6; kafkajs has no v7), round trips and hostile bodies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeMetadataRequest,
  decodeMetadataResponse,
  encodeMetadataRequest,
  encodeMetadataResponse,
  type MetadataRequest,
  type MetadataResponse,
} from '@/lib/kafka/protocol/apis/metadata';
import { ProtocolError, Reader } from '@/lib/kafka/protocol/primitives';
import { array, bool, cat, hex, int16, int32, str } from '../fixtures/golden';
import { expectDamagedBodiesRejected, expectFastRejection, expectRandomBytesSafe } from '../fixtures/hostile';
import { kafkajsDecodeResponse, kafkajsRequestBody } from '../fixtures/kafkajs';

const VERSIONS = [0, 1, 2, 3, 4, 5, 6, 7] as const;
type Version = (typeof VERSIONS)[number];

// ---------------------------------------------------------------- requests

const ONE_TOPIC = array(str('test-logstore')); // topics: ["test-logstore"]

/** Golden request bodies for topics ["test-logstore"], allow_auto_topic_creation false where it exists. */
const GOLDEN_REQUESTS: Record<Version, Buffer> = {
  0: ONE_TOPIC,
  1: ONE_TOPIC,
  2: ONE_TOPIC,
  3: ONE_TOPIC,
  4: cat(ONE_TOPIC, bool(false)), // + allow_auto_topic_creation
  5: cat(ONE_TOPIC, bool(false)),
  6: cat(ONE_TOPIC, bool(false)),
  7: cat(ONE_TOPIC, bool(false)),
};

const requestFor = (v: Version): MetadataRequest => ({ topics: ['test-logstore'], allowAutoTopicCreation: v < 4 });

describe('Metadata request', () => {
  it.each(VERSIONS)('v%i: golden bytes, both directions', (v) => {
    expect(encodeMetadataRequest(requestFor(v), v)).toEqual(GOLDEN_REQUESTS[v]);
    expect(decodeMetadataRequest(new Reader(GOLDEN_REQUESTS[v]), v)).toEqual(requestFor(v));
  });

  it.each([0, 1, 2, 3, 4, 5, 6])('v%i: same bytes as kafkajs', async (v) => {
    const args = { topics: ['test-logstore'], allowAutoTopicCreation: false };
    const ours = encodeMetadataRequest({ topics: ['test-logstore'], allowAutoTopicCreation: v < 4 ? true : false }, v);
    expect(await kafkajsRequestBody('metadata', v, args)).toEqual(ours);
  });

  it('v0: an empty list means all topics (2.1.1 testEmptyMeansAllTopicsV0)', async () => {
    const all = int32(0);
    expect(decodeMetadataRequest(new Reader(all), 0)).toEqual({ topics: null, allowAutoTopicCreation: true });
    expect(encodeMetadataRequest({ topics: null, allowAutoTopicCreation: true }, 0)).toEqual(all);
    expect(await kafkajsRequestBody('metadata', 0, { topics: [] })).toEqual(all);
    expect(() => decodeMetadataRequest(new Reader(int32(-1)), 0)).toThrow(ProtocolError); // v0 has no null
    expect(() => encodeMetadataRequest({ topics: [], allowAutoTopicCreation: true }, 0)).toThrow(ProtocolError);
  });

  it('v1+: null means all topics, empty means none', async () => {
    expect(decodeMetadataRequest(new Reader(int32(-1)), 1)).toEqual({ topics: null, allowAutoTopicCreation: true });
    expect(decodeMetadataRequest(new Reader(int32(0)), 1)).toEqual({ topics: [], allowAutoTopicCreation: true });
    expect(encodeMetadataRequest({ topics: null, allowAutoTopicCreation: true }, 1)).toEqual(hex`ff ff ff ff`);
    expect(encodeMetadataRequest({ topics: [], allowAutoTopicCreation: true }, 1)).toEqual(hex`00 00 00 00`);
    // kafkajs cannot say "none": it writes an empty list as null (its Encoder.writeNullableArray)
    expect(await kafkajsRequestBody('metadata', 1, { topics: [] })).toEqual(hex`ff ff ff ff`);
    expect(decodeMetadataRequest(new Reader(cat(int32(-1), bool(true))), 4)).toEqual({ topics: null, allowAutoTopicCreation: true });
  });

  it('reads BOOLEAN as Java does: any non-zero byte is true', () => {
    expect(decodeMetadataRequest(new Reader(cat(int32(-1), hex`02`)), 5).allowAutoTopicCreation).toBe(true);
  });

  it('refuses allow_auto_topic_creation=false before v4, like the 2.1.1 Builder', () => {
    for (const v of [0, 1, 2, 3]) expect(() => encodeMetadataRequest({ topics: ['a'], allowAutoTopicCreation: false }, v)).toThrow(ProtocolError);
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VERSIONS),
        fc.option(fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { maxLength: 10 })),
        fc.boolean(),
        (v, topics, allow) => {
          const req: MetadataRequest = {
            topics: v === 0 && topics !== null && topics.length === 0 ? null : topics,
            allowAutoTopicCreation: v < 4 ? true : allow,
          };
          expect(decodeMetadataRequest(new Reader(encodeMetadataRequest(req, v)), v)).toEqual(req);
        },
      ),
    );
  });

  it.each(VERSIONS)('v%i: hostile requests raise ProtocolError only', (v) => {
    const decode = (r: Reader) => decodeMetadataRequest(r, v);
    expectDamagedBodiesRejected(GOLDEN_REQUESTS[v], decode);
    expectRandomBytesSafe(decode);
    expectFastRejection(cat(int32(0x7fffffff), str('a')), decode); // lying topic count
    expectFastRejection(cat(int32(1), hex`7f ff 61`), decode); // lying name length
    expect(() => decode(new Reader(cat(int32(1), str(null), bool(true))))).toThrow(ProtocolError); // null topic name
  });

  it('refuses versions we do not serve', () => {
    for (const v of [-1, 8, 9]) {
      expect(() => decodeMetadataRequest(new Reader(GOLDEN_REQUESTS[7]), v)).toThrow(ProtocolError);
      expect(() => encodeMetadataRequest(requestFor(7), v)).toThrow(ProtocolError);
    }
  });
});

// ---------------------------------------------------------------- responses

/** What the sandbox answers: itself as the only broker, one Logstore with two shards, one missing. */
const MODEL: MetadataResponse = {
  throttleTimeMs: 7,
  brokers: [{ nodeId: 0, host: 'localhost', port: 10012, rack: null }],
  clusterId: 'sls-sandbox',
  controllerId: 0,
  topics: [
    {
      errorCode: 0,
      name: 'test-logstore',
      isInternal: false,
      partitions: [0, 1].map((p) => ({ errorCode: 0, partition: p, leader: 0, leaderEpoch: 3, replicas: [0], isr: [0], offlineReplicas: [] })),
    },
    { errorCode: 3, name: 'missing', isInternal: false, partitions: [] },
  ],
};

/** The model as a version can carry it: absent fields take 2.1.1's defaults. */
function asSeenIn(resp: MetadataResponse, v: number): MetadataResponse {
  return {
    throttleTimeMs: v >= 3 ? resp.throttleTimeMs : 0,
    brokers: resp.brokers.map((b) => ({ ...b, rack: v >= 1 ? b.rack : null })),
    clusterId: v >= 2 ? resp.clusterId : null,
    controllerId: v >= 1 ? resp.controllerId : -1,
    topics: resp.topics.map((t) => ({
      ...t,
      isInternal: v >= 1 ? t.isInternal : false,
      partitions: t.partitions.map((p) => ({
        ...p,
        leaderEpoch: v >= 7 ? p.leaderEpoch : -1,
        offlineReplicas: v >= 5 ? p.offlineReplicas : [],
      })),
    })),
  };
}

const BROKER_V0 = cat(
  int32(0), // node_id
  str('localhost'), // host
  int32(10012), // port
);
const BROKER_V1 = cat(BROKER_V0, str(null)); // + rack (null)

const partitionV0 = (p: number) =>
  cat(
    int16(0), // error_code
    int32(p), // partition
    int32(0), // leader
    array(int32(0)), // replicas [0]
    array(int32(0)), // isr [0]
  );
const partitionV5 = (p: number) => cat(partitionV0(p), array()); // + offline_replicas []
const partitionV7 = (p: number) =>
  cat(
    int16(0), // error_code
    int32(p), // partition
    int32(0), // leader
    int32(3), // leader_epoch (v7)
    array(int32(0)), // replicas
    array(int32(0)), // isr
    array(), // offline_replicas
  );

const topicsV0 = array(
  cat(int16(0), str('test-logstore'), array(partitionV0(0), partitionV0(1))), // error_code, name, partitions
  cat(int16(3), str('missing'), array()), // UNKNOWN_TOPIC_OR_PARTITION, no partitions
);
const topicsV1 = array(
  cat(int16(0), str('test-logstore'), bool(false), array(partitionV0(0), partitionV0(1))), // + is_internal
  cat(int16(3), str('missing'), bool(false), array()),
);
const topicsV5 = array(
  cat(int16(0), str('test-logstore'), bool(false), array(partitionV5(0), partitionV5(1))),
  cat(int16(3), str('missing'), bool(false), array()),
);
const topicsV7 = array(
  cat(int16(0), str('test-logstore'), bool(false), array(partitionV7(0), partitionV7(1))),
  cat(int16(3), str('missing'), bool(false), array()),
);

const GOLDEN_RESPONSES: Record<Version, Buffer> = {
  // brokers, topics
  0: cat(array(BROKER_V0), topicsV0),
  // brokers (+rack), controller_id, topics (+is_internal)
  1: cat(array(BROKER_V1), int32(0), topicsV1),
  // brokers, cluster_id, controller_id, topics
  2: cat(array(BROKER_V1), str('sls-sandbox'), int32(0), topicsV1),
  // throttle_time_ms FIRST, then as v2
  3: cat(int32(7), array(BROKER_V1), str('sls-sandbox'), int32(0), topicsV1),
  4: cat(int32(7), array(BROKER_V1), str('sls-sandbox'), int32(0), topicsV1),
  // partitions + offline_replicas
  5: cat(int32(7), array(BROKER_V1), str('sls-sandbox'), int32(0), topicsV5),
  6: cat(int32(7), array(BROKER_V1), str('sls-sandbox'), int32(0), topicsV5),
  // partitions + leader_epoch
  7: cat(int32(7), array(BROKER_V1), str('sls-sandbox'), int32(0), topicsV7),
};

/** kafkajs's names for the same response, per version (it has v0–v6). */
function kafkajsView(v: number): object {
  const partitions = [0, 1].map((p) => ({
    partitionErrorCode: 0,
    partitionId: p,
    leader: 0,
    replicas: [0],
    isr: [0],
    ...(v >= 5 ? { offlineReplicas: [] } : {}),
  }));
  const topic = (errorCode: number, name: string, parts: object[]) => ({
    topicErrorCode: errorCode,
    topic: name,
    ...(v >= 1 ? { isInternal: false } : {}),
    partitionMetadata: parts,
  });
  return {
    ...(v >= 3 && v !== 6 ? { throttleTime: 7 } : {}),
    ...(v === 6 ? { clientSideThrottleTime: 7 } : {}),
    brokers: [{ nodeId: 0, host: 'localhost', port: 10012, ...(v >= 1 ? { rack: null } : {}) }],
    ...(v >= 2 ? { clusterId: 'sls-sandbox' } : {}),
    ...(v >= 1 ? { controllerId: 0 } : {}),
    topicMetadata: [topic(0, 'test-logstore', partitions), topic(3, 'missing', [])],
  };
}

describe('Metadata response', () => {
  it.each(VERSIONS)('v%i: golden bytes, both directions', (v) => {
    expect(encodeMetadataResponse(MODEL, v)).toEqual(GOLDEN_RESPONSES[v]);
    expect(decodeMetadataResponse(new Reader(GOLDEN_RESPONSES[v]), v)).toEqual(asSeenIn(MODEL, v));
  });

  it.each([0, 1, 2, 3, 4, 5, 6])('v%i: kafkajs decodes what we send', async (v) => {
    expect(await kafkajsDecodeResponse('metadata', v, encodeMetadataResponse(MODEL, v))).toMatchObject(kafkajsView(v));
  });

  it('v1+: carries a rack', () => {
    const withRack = { ...MODEL, brokers: [{ nodeId: 1, host: 'h', port: 1, rack: 'cn-hangzhou-h' }], topics: [] };
    expect(encodeMetadataResponse(withRack, 1)).toEqual(
      cat(array(cat(int32(1), str('h'), int32(1), str('cn-hangzhou-h'))), int32(0), array()),
    );
  });

  it('round-trips', () => {
    const int32Arb = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    const int16Arb = fc.integer({ min: -32768, max: 32767 });
    const text = fc.string({ unit: 'grapheme', maxLength: 20 });
    const partition = fc.record({
      errorCode: int16Arb,
      partition: int32Arb,
      leader: int32Arb,
      leaderEpoch: int32Arb,
      replicas: fc.array(int32Arb, { maxLength: 4 }),
      isr: fc.array(int32Arb, { maxLength: 4 }),
      offlineReplicas: fc.array(int32Arb, { maxLength: 4 }),
    });
    const model = fc.record({
      throttleTimeMs: int32Arb,
      brokers: fc.array(fc.record({ nodeId: int32Arb, host: text, port: int32Arb, rack: fc.option(text) }), { maxLength: 3 }),
      clusterId: fc.option(text),
      controllerId: int32Arb,
      topics: fc.array(
        fc.record({ errorCode: int16Arb, name: text, isInternal: fc.boolean(), partitions: fc.array(partition, { maxLength: 4 }) }),
        { maxLength: 4 },
      ),
    });
    fc.assert(
      fc.property(fc.constantFrom(...VERSIONS), model, (v, m) => {
        const resp = asSeenIn(m, v);
        expect(decodeMetadataResponse(new Reader(encodeMetadataResponse(resp, v)), v)).toEqual(resp);
      }),
    );
  });

  it.each(VERSIONS)('v%i: hostile responses raise ProtocolError only', (v) => {
    const decode = (r: Reader) => decodeMetadataResponse(r, v);
    const golden = GOLDEN_RESPONSES[v];
    expectDamagedBodiesRejected(golden, decode, 500);
    expectRandomBytesSafe(decode);
    const throttle = v >= 3 ? int32(0) : Buffer.alloc(0);
    expectFastRejection(cat(throttle, int32(0x7fffffff), BROKER_V1), decode); // lying broker count
  });

  it('refuses lying counts deep inside (v7)', () => {
    const decode = (r: Reader) => decodeMetadataResponse(r, 7);
    const head = cat(int32(0), array(BROKER_V1), str(null), int32(0));
    expectFastRejection(cat(head, int32(0x7fffffff)), decode); // topics
    expectFastRejection(cat(head, int32(1), int16(0), str('t'), bool(false), int32(0x7fffffff)), decode); // partitions
    const partitionHead = cat(int16(0), int32(0), int32(0), int32(0));
    expectFastRejection(cat(head, int32(1), int16(0), str('t'), bool(false), int32(1), partitionHead, int32(0x7fffffff)), decode); // replicas
  });

  it('refuses versions we do not serve', () => {
    for (const v of [-1, 8]) {
      expect(() => decodeMetadataResponse(new Reader(GOLDEN_RESPONSES[7]), v)).toThrow(ProtocolError);
      expect(() => encodeMetadataResponse(MODEL, v)).toThrow(ProtocolError);
    }
  });
});
