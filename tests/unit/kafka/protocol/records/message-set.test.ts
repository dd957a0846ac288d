import { describe, expect, it } from 'vitest';

import { ProtocolError } from '@/lib/kafka/protocol/primitives';
import {
  CODECS,
  type Codec,
  RecordFormatError,
  compress,
  crc32,
  decodeRecords,
  encodeMessageSet,
  inspectRecords,
  xxhash32,
} from '@/lib/kafka/protocol/records';

import { expectCutRefused, failure } from './fixtures/failure';
import { MESSAGE_SET_V0_TWO_MESSAGES, MESSAGE_SET_V1_TWO_MESSAGES, T0 } from './fixtures/golden';
import { kafkajsCrc32Of, kafkajsDecodeMessageSet, kafkajsGzipWrapperV1, kafkajsMessageSet } from './fixtures/kafkajs';

const TWO = [
  { key: Buffer.from('k'), value: Buffer.from('v'), timestamp: T0 },
  { key: null, value: Buffer.from('hello'), timestamp: T0 + 5 },
];

/** Build one legacy entry by hand: offset, size, crc, magic, attributes, [timestamp], key, value. */
function legacyMessage(opts: {
  magic: 0 | 1;
  attributes?: number;
  timestamp?: bigint;
  key?: Buffer | null;
  value: Buffer | null;
  offset?: bigint;
  badCrc?: boolean;
}): Buffer {
  const key = opts.key ?? null;
  const body: Buffer[] = [Buffer.from([opts.magic, opts.attributes ?? 0])];
  if (opts.magic === 1) {
    const ts = Buffer.alloc(8);
    ts.writeBigInt64BE(opts.timestamp ?? BigInt(T0));
    body.push(ts);
  }
  for (const field of [key, opts.value]) {
    const len = Buffer.alloc(4);
    len.writeInt32BE(field === null ? -1 : field.length);
    body.push(len);
    if (field) body.push(field);
  }
  const content = Buffer.concat(body);
  const head = Buffer.alloc(16);
  head.writeBigInt64BE(opts.offset ?? 0n, 0);
  head.writeInt32BE(content.length + 4, 8);
  head.writeUInt32BE((kafkajsCrc32Of(content) ^ (opts.badCrc ? 1 : 0)) >>> 0, 12);
  return Buffer.concat([head, content]);
}

function wrapper(magic: 0 | 1, codec: Codec, inner: Buffer, extra: { attributes?: number; timestamp?: bigint } = {}): Buffer {
  const id = ['none', 'gzip', 'snappy', 'lz4', 'zstd'].indexOf(codec);
  const packed = codec === 'zstd' ? compress('zstd', inner, { magic: 2 }) : compress(codec, inner, { magic });
  return legacyMessage({ magic, attributes: (extra.attributes ?? 0) | id, value: packed, timestamp: extra.timestamp, offset: 1n });
}

describe('golden message sets (hand-annotated, kafkajs-identical)', () => {
  it('kafkajs writes exactly the golden bytes', () => {
    expect(kafkajsMessageSet(0, TWO.map(({ key, value }) => ({ key, value }))).toString('hex')).toBe(MESSAGE_SET_V0_TWO_MESSAGES.toString('hex'));
    expect(kafkajsMessageSet(1, TWO).toString('hex')).toBe(MESSAGE_SET_V1_TWO_MESSAGES.toString('hex'));
  });

  it('the CRC fields are CRC-32 (IEEE) of magic..end', () => {
    for (const set of [MESSAGE_SET_V0_TWO_MESSAGES, MESSAGE_SET_V1_TWO_MESSAGES]) {
      const size = set.readInt32BE(8);
      expect(set.readUInt32BE(12)).toBe(crc32(set.subarray(16, 12 + size)));
      expect(set.readUInt32BE(12)).toBe(kafkajsCrc32Of(set.subarray(16, 12 + size)));
    }
  });

  it('inspect: magic 0 has no timestamps, magic 1 has them', () => {
    expect(inspectRecords(MESSAGE_SET_V0_TWO_MESSAGES, { produceVersion: 0 })).toEqual({
      magic: 0,
      recordCount: 2,
      firstTimestamp: -1,
      maxTimestamp: -1,
      codec: 'none',
      batches: [
        { offset: 0, length: 28, recordCount: 1, magic: 0, codec: 'none' },
        { offset: 28, length: 31, recordCount: 1, magic: 0, codec: 'none' },
      ],
      recordBytes: 59,
    });
    expect(inspectRecords(MESSAGE_SET_V1_TWO_MESSAGES, { produceVersion: 2 })).toMatchObject({
      magic: 1,
      recordCount: 2,
      firstTimestamp: T0,
      maxTimestamp: T0 + 5,
    });
  });

  it('decode: magic 0 timestamps are -1 unless a log-append time is given', () => {
    expect(decodeRecords(MESSAGE_SET_V0_TWO_MESSAGES)).toEqual([
      { offsetDelta: 0, timestamp: -1n, key: Buffer.from('k'), value: Buffer.from('v'), headers: [] },
      { offsetDelta: 1, timestamp: -1n, key: null, value: Buffer.from('hello'), headers: [] },
    ]);
    expect(decodeRecords(MESSAGE_SET_V0_TWO_MESSAGES, { logAppendTime: 42 }).map((r) => r.timestamp)).toEqual([42n, 42n]);
    expect(decodeRecords(MESSAGE_SET_V1_TWO_MESSAGES).map((r) => r.timestamp)).toEqual([BigInt(T0), BigInt(T0 + 5)]);
  });

  it('our encoder differs from kafkajs only in the (ignored) offsets it writes', () => {
    for (const magic of [0, 1] as const) {
      const ours = encodeMessageSet(TWO, { magic, codec: 'none' });
      const golden = magic === 0 ? MESSAGE_SET_V0_TWO_MESSAGES : MESSAGE_SET_V1_TWO_MESSAGES;
      expect(ours.readBigInt64BE(0)).toBe(0n);
      const second = 12 + ours.readInt32BE(8);
      expect(ours.readBigInt64BE(second)).toBe(1n);
      const normalised = Buffer.from(ours);
      normalised.writeBigInt64BE(-1n, 0);
      normalised.writeBigInt64BE(-1n, second);
      expect(normalised.toString('hex')).toBe(golden.toString('hex'));
    }
  });
});

describe('cross-checks with kafkajs', () => {
  const many = Array.from({ length: 20 }, (_, i) => ({
    key: i % 4 === 0 ? null : Buffer.from(`k${i}`),
    value: Buffer.from(`v${i}`.repeat(i + 1)),
    timestamp: T0 + i,
  }));

  for (const magic of [0, 1] as const) {
    for (const codec of ['none', 'gzip'] as const) {
      it(`kafkajs decodes our magic-${magic} ${codec} set`, async () => {
        const decoded = await kafkajsDecodeMessageSet(encodeMessageSet(many, { magic, codec }));
        expect(decoded.length).toBe(20);
        decoded.forEach((m, i) => {
          expect(m.magicByte).toBe(magic);
          expect(m.key).toEqual(many[i]!.key);
          expect(m.value).toEqual(many[i]!.value);
          if (magic === 1) expect(m.timestamp).toBe(String(many[i]!.timestamp));
          // The wrapper offset (last inner offset) makes the relative inner offsets absolute 0..n−1.
          expect(m.offset).toBe(String(i));
        });
      });
    }
  }

  it("we inspect and decode kafkajs's gzip wrapper (as its Produce v2 sends it)", async () => {
    const bytes = await kafkajsGzipWrapperV1(many);
    expect(inspectRecords(bytes, { produceVersion: 2 })).toMatchObject({
      magic: 1,
      recordCount: 20,
      codec: 'gzip',
      firstTimestamp: T0,
      maxTimestamp: T0 + 19,
      batches: [{ offset: 0, length: bytes.length, recordCount: 20, magic: 1, codec: 'gzip' }],
    });
    const records = decodeRecords(bytes);
    expect(records.map((r) => r.value)).toEqual(many.map((m) => m.value));
    expect(records.map((r) => r.key)).toEqual(many.map((m) => m.key));
    expect(records.map((r) => r.timestamp)).toEqual(many.map((m) => BigInt(m.timestamp)));
  });
});

describe('every codec, magic 0 and 1', () => {
  for (const magic of [0, 1] as const) {
    for (const codec of CODECS.filter((c) => c !== 'zstd')) {
      it(`magic ${magic}, ${codec}: encode → inspect → decode`, () => {
        const messages = Array.from({ length: 100 }, (_, i) => ({ key: Buffer.from(`k${i}`), value: Buffer.alloc(200, i), timestamp: T0 + 2 * i }));
        const set = encodeMessageSet(messages, { magic, codec });
        const summary = inspectRecords(set, { produceVersion: magic === 0 ? 1 : 2 });
        expect(summary).toMatchObject({
          magic,
          recordCount: 100,
          codec,
          maxTimestamp: magic === 1 ? T0 + 198 : -1,
          firstTimestamp: magic === 1 ? T0 : -1,
        });
        expect(summary.batches.length).toBe(codec === 'none' ? 100 : 1);
        const decoded = decodeRecords(set);
        expect(decoded.map((r) => r.key?.toString())).toEqual(messages.map((m) => m.key.toString()));
        expect(decoded[99]?.timestamp).toBe(magic === 1 ? BigInt(T0 + 198) : -1n);
      });
    }
  }

  it('zstd cannot be written in a message set, and is 76 when a client sends one', () => {
    expect(() => encodeMessageSet(TWO, { magic: 1, codec: 'zstd' })).toThrow(RecordFormatError);
    const set = wrapper(1, 'zstd', encodeMessageSet(TWO, { magic: 1, codec: 'none' }));
    for (const v of [0, 1, 2]) expect(failure(() => inspectRecords(set, { produceVersion: v })).code).toBe(76);
    // Produce v3+ refuses the message set itself first (magic must be 2).
    expect(failure(() => inspectRecords(set, { produceVersion: 7 })).code).toBe(2);
    expect(failure(() => decodeRecords(set)).code).toBe(76);
  });

  it('lz4 wrappers: magic 0 writes and accepts the broken HC, magic 1 accepts either', () => {
    const set0 = encodeMessageSet(TWO, { magic: 0, codec: 'lz4' });
    const value0 = set0.subarray(26); // offset 8, size 4, crc 4, magic, attrs, key −1 (4), value length (4)
    const brokenHc = (xxhash32(value0.subarray(0, 6)) >>> 8) & 0xff;
    expect(value0.readUInt32LE(0)).toBe(0x184d2204);
    expect(value0[6]).toBe(brokenHc);
    expect(decodeRecords(set0).map((r) => r.value?.toString())).toEqual(['v', 'hello']);

    // A magic-1 wrapper around an LZ4 frame with the broken HC (an old writer): accepted.
    const inner1 = encodeMessageSet(TWO, { magic: 1, codec: 'none' });
    const frame = compress('lz4', inner1, { magic: 0 });
    const set1 = legacyMessage({ magic: 1, attributes: 3, value: frame });
    expect(inspectRecords(set1, { produceVersion: 2 }).recordCount).toBe(2);
  });
});

describe('validation', () => {
  const inspect = (b: Buffer, produceVersion = 2) => inspectRecords(b, { produceVersion });
  const innerV1 = encodeMessageSet(TWO, { magic: 1, codec: 'none' });

  it('a bad CRC is CORRUPT_MESSAGE, at the top level and inside a wrapper', () => {
    const bad = Buffer.from(MESSAGE_SET_V1_TWO_MESSAGES);
    bad.writeUInt8(bad.readUInt8(bad.length - 1) ^ 1, bad.length - 1);
    expect(failure(() => inspect(bad)).code).toBe(2);
    const badInner = Buffer.concat([legacyMessage({ magic: 1, value: Buffer.from('a'), badCrc: true })]);
    expect(failure(() => inspect(wrapper(1, 'gzip', badInner))).message).toMatch(/crc/);
  });

  it('inner messages must have the wrapper magic and no codec of their own', () => {
    const inner0 = encodeMessageSet(TWO, { magic: 0, codec: 'none' });
    expect(failure(() => inspect(wrapper(1, 'gzip', inner0))).message).toMatch(/magic/);
    const nested = wrapper(1, 'gzip', innerV1);
    expect(failure(() => inspect(wrapper(1, 'gzip', nested))).message).toMatch(/compression attribute/);
  });

  it('a wrapper needs a value and at least one inner message', () => {
    expect(failure(() => inspect(legacyMessage({ magic: 1, attributes: 1, value: null }))).message).toMatch(/null value/);
    expect(failure(() => inspect(wrapper(1, 'gzip', Buffer.alloc(0)))).message).toMatch(/no inner records/);
  });

  it('a compressed wrapper must be alone in the set', () => {
    const w = wrapper(1, 'gzip', innerV1);
    expect(failure(() => inspect(Buffer.concat([w, w]))).code).toBe(2);
    expect(failure(() => inspect(Buffer.concat([MESSAGE_SET_V1_TWO_MESSAGES, w]))).code).toBe(2);
  });

  it('all entries must share one magic', () => {
    expect(failure(() => inspect(Buffer.concat([MESSAGE_SET_V0_TWO_MESSAGES, MESSAGE_SET_V1_TWO_MESSAGES]))).message).toMatch(/magic/);
  });

  it('LogAppendTime from a producer is INVALID_TIMESTAMP (32), plain or wrapped', () => {
    expect(failure(() => inspect(legacyMessage({ magic: 1, attributes: 0x08, value: Buffer.from('a') }))).code).toBe(32);
    expect(failure(() => inspect(wrapper(1, 'gzip', innerV1, { attributes: 0x08 }))).code).toBe(32);
  });

  it('decode applies a stored LogAppendTime wrapper timestamp to its inner messages', () => {
    const w = wrapper(1, 'gzip', innerV1, { attributes: 0x08, timestamp: 99n });
    expect(decodeRecords(w).map((r) => r.timestamp)).toEqual([99n, 99n]);
  });

  it('lengths must add up', () => {
    const tooShort = Buffer.from(MESSAGE_SET_V0_TWO_MESSAGES.subarray(0, 28));
    tooShort.writeInt32BE(13, 8);
    expect(failure(() => inspect(tooShort)).code).toBe(2);
    // Key length pointing past the message.
    const lyingKey = legacyMessage({ magic: 0, key: Buffer.from('k'), value: Buffer.from('v') });
    lyingKey.writeInt32BE(9, 18);
    lyingKey.writeUInt32BE(crc32(lyingKey.subarray(16)), 12);
    expect(failure(() => inspect(lyingKey)).code).toBe(2);
    // Value length shorter than what is left (trailing bytes inside the message).
    const lyingValue = legacyMessage({ magic: 0, value: Buffer.from('abc') });
    lyingValue.writeInt32BE(2, 22);
    lyingValue.writeUInt32BE(crc32(lyingValue.subarray(16)), 12);
    expect(failure(() => inspect(lyingValue)).code).toBe(2);
    // A negative length other than −1.
    const minusTwo = legacyMessage({ magic: 0, value: Buffer.from('abc') });
    minusTwo.writeInt32BE(-2, 18);
    minusTwo.writeUInt32BE(crc32(minusTwo.subarray(16)), 12);
    expect(failure(() => inspect(minusTwo)).code).toBe(2);
    // A magic-1 message too short for its timestamp.
    const v1short = legacyMessage({ magic: 0, value: null });
    v1short[16] = 1;
    v1short.writeUInt32BE(crc32(v1short.subarray(16)), 12);
    expect(failure(() => inspect(v1short)).code).toBe(2);
  });

  it('Produce v3+ refuses message sets', () => {
    const e = failure(() => inspect(MESSAGE_SET_V1_TWO_MESSAGES, 3));
    expect(e.code).toBe(2);
    expect(e.requestLevel).toBe(true);
  });

  it('Produce v0–v2 accept any legacy magic (2.1.1 does not tie magic to the request version)', () => {
    expect(inspect(MESSAGE_SET_V1_TWO_MESSAGES, 0).magic).toBe(1);
    expect(inspect(MESSAGE_SET_V0_TWO_MESSAGES, 2).magic).toBe(0);
  });
});

describe('truncations', () => {
  const fixtures: Array<[string, Buffer]> = [
    ['golden v0', MESSAGE_SET_V0_TWO_MESSAGES],
    ['golden v1', MESSAGE_SET_V1_TWO_MESSAGES],
    ...CODECS.filter((c) => c !== 'none' && c !== 'zstd').flatMap((c) =>
      ([0, 1] as const).map((m): [string, Buffer] => [`magic ${m} ${c}`, encodeMessageSet(TWO, { magic: m, codec: c })]),
    ),
  ];
  for (const [name, bytes] of fixtures) {
    it(`every prefix of ${name} is refused with a typed error`, () => {
      // Prefixes that end exactly on an entry boundary are whole sets; skip those.
      const boundaries = new Set<number>();
      for (let p = 0; p < bytes.length; p += 12 + bytes.readInt32BE(p + 8)) boundaries.add(p);
      for (let n = 1; n < bytes.length; n++) {
        if (boundaries.has(n)) continue;
        expectCutRefused(bytes.subarray(0, n), 2);
      }
    });

    it(`every shortened value of ${name} (size fixed up, CRC recomputed) is refused`, () => {
      if (bytes.readInt32BE(8) + 12 !== bytes.length) return; // only single-wrapper sets
      for (let n = 12 + 14; n < bytes.length; n++) {
        const cut = Buffer.from(bytes.subarray(0, n));
        cut.writeInt32BE(n - 12, 8);
        cut.writeUInt32BE(crc32(cut.subarray(16)), 12);
        expect(() => inspectRecords(cut, { produceVersion: 2 })).toThrow(RecordFormatError);
      }
    });
  }
});
