import { decompress } from '@/lib/kafka/protocol/records/compression';
import { describe, expect, it } from 'vitest';

import { ProtocolError } from '@/lib/kafka/protocol/primitives';
import {
  CODECS,
  type Codec,
  DecompressionLimitError,
  RecordFormatError,
  compress,
  crc32c,
  decodeRecordSection,
  decodeRecords,
  encodeRecordBatch,
  inspectRecords,
  recordPositions,
  SECTION_MARK_STEP,
} from '@/lib/kafka/protocol/records';

import { expectCutRefused, failure } from './fixtures/failure';
import { BATCH_V2_TWO_RECORDS, T0 } from './fixtures/golden';
import {
  KAFKAJS_GZIP,
  kafkajsCrc32cOf,
  kafkajsDecodeRecordBatch,
  kafkajsRecordBatch,
} from './fixtures/kafkajs';

const TWO_RECORDS = [
  { key: Buffer.from('k'), value: Buffer.from('v'), headers: [{ key: 'h', value: Buffer.from('x') }], timestamp: T0 },
  { key: null, value: Buffer.from('hello'), timestamp: T0 + 5 },
];

/** Recompute the CRC-32C after a deliberate edit, so deeper checks are reached. */
function withCrc(batch: Buffer): Buffer {
  const b = Buffer.from(batch);
  b.writeUInt32BE(crc32c(b.subarray(21)), 17);
  return b;
}

function edited(batch: Buffer, edit: (b: Buffer) => void): Buffer {
  const b = Buffer.from(batch);
  edit(b);
  return withCrc(b);
}

describe('golden batch (hand-annotated, kafkajs-identical)', () => {
  it('kafkajs writes exactly the golden bytes for the same records', async () => {
    const bytes = await kafkajsRecordBatch(
      [
        { key: Buffer.from('k'), value: Buffer.from('v'), headers: { h: Buffer.from('x') } },
        { key: null, value: Buffer.from('hello'), timestampDelta: 5 },
      ],
      { firstTimestamp: T0, maxTimestamp: T0 + 5 },
    );
    expect(bytes.toString('hex')).toBe(BATCH_V2_TWO_RECORDS.toString('hex'));
  });

  it('its CRC field is the CRC-32C (by kafkajs’s table implementation) of bytes 21..end', () => {
    expect(BATCH_V2_TWO_RECORDS.readUInt32BE(17)).toBe(kafkajsCrc32cOf(BATCH_V2_TWO_RECORDS.subarray(21)));
    expect(crc32c(BATCH_V2_TWO_RECORDS.subarray(21))).toBe(BATCH_V2_TWO_RECORDS.readUInt32BE(17));
  });

  it('inspect summarises it', () => {
    expect(inspectRecords(BATCH_V2_TWO_RECORDS, { produceVersion: 7 })).toEqual({
      magic: 2,
      recordCount: 2,
      firstTimestamp: T0,
      maxTimestamp: T0 + 5,
      codec: 'none',
      batches: [{ offset: 0, length: 86, recordCount: 2, magic: 2, codec: 'none' }],
      recordBytes: 86,
      // The records section as the store may keep it, with its largest parts (header: two length bytes + 'h' + 'x').
      section: {
        data: BATCH_V2_TWO_RECORDS.subarray(61),
        size: 86 - 61,
        codec: 'none',
        wire: BATCH_V2_TWO_RECORDS.subarray(61),
        count: 2,
        firstTimestamp: T0,
        maxKeyBytes: 1,
        maxValueBytes: 5,
        maxHeaderBytes: 4,
        // Record 0 starts the section: the only mark of a batch under 128 records.
        marks: new Uint32Array([0]),
      },
    });
  });

  it('the marks taken while checking a batch are the ones recordPositions finds (every 128th record)', () => {
    // Values of changing lengths, so a mark in the wrong place would land mid-record.
    const records = Array.from({ length: 300 }, (_, i) => ({ value: Buffer.alloc(1 + ((i * 37) % 300), 'v') }));
    const batch = encodeRecordBatch(records, { codec: 'none', baseTimestamp: T0 });
    const section = inspectRecords(batch, { produceVersion: 7 }).section!;
    expect(section.marks).toEqual(recordPositions(section.data!, 300, SECTION_MARK_STEP));
    expect(section.marks).toHaveLength(3);
    expect(decodeRecordSection(section.data!.subarray(section.marks[2]), 300 - 256, T0)[0]?.value).toEqual(records[256]!.value);
  });

  it('a records section reads back by itself, also from a later record (recordPositions)', () => {
    const section = BATCH_V2_TWO_RECORDS.subarray(61);
    const marks = recordPositions(section, 2, 1);
    expect(marks[0]).toBe(0);
    expect(decodeRecordSection(section, 2, T0)).toEqual(decodeRecords(BATCH_V2_TWO_RECORDS));
    expect(decodeRecordSection(section.subarray(marks[1]), 1, T0)).toEqual([
      { offsetDelta: 0, timestamp: BigInt(T0 + 5), key: null, value: Buffer.from('hello'), headers: [] },
    ]);
    expect(() => decodeRecordSection(section.subarray(0, section.length - 1), 2, T0)).toThrow(RecordFormatError);
    const gz = inspectRecords(encodeRecordBatch(TWO_RECORDS, { codec: 'gzip' }), { produceVersion: 7 }).section;
    expect(gz?.codec).toBe('gzip');
    // A compressed batch's section is kept as sent: its inflated bytes were only checked, in a reused buffer.
    expect(gz?.data).toBeUndefined();
    expect(gz?.size).toBe(section.length);
    expect(decompress('gzip', gz!.wire, { magic: 2 }).toString('hex')).toBe(section.toString('hex'));
  });

  it('decode returns both records, keys and values as views of the input', () => {
    const records = decodeRecords(BATCH_V2_TWO_RECORDS);
    expect(records).toEqual([
      { offsetDelta: 0, timestamp: BigInt(T0), key: Buffer.from('k'), value: Buffer.from('v'), headers: [{ key: 'h', value: Buffer.from('x') }] },
      { offsetDelta: 1, timestamp: BigInt(T0 + 5), key: null, value: Buffer.from('hello'), headers: [] },
    ]);
    expect(records[1]?.value?.buffer).toBe(BATCH_V2_TWO_RECORDS.buffer);
  });

  it('our encoder writes the same records section and Java-producer header defaults', () => {
    const ours = encodeRecordBatch(TWO_RECORDS, { codec: 'none' });
    expect(ours.length).toBe(BATCH_V2_TWO_RECORDS.length);
    expect(ours.subarray(61).toString('hex')).toBe(BATCH_V2_TWO_RECORDS.subarray(61).toString('hex'));
    expect(ours.readInt32BE(8)).toBe(74);
    expect(ours.readInt32BE(12)).toBe(-1); // partitionLeaderEpoch: NO_PARTITION_LEADER_EPOCH
    expect(ours.readInt16BE(51)).toBe(-1); // producerEpoch: NO_PRODUCER_EPOCH
    expect(ours.readInt32BE(53)).toBe(-1); // baseSequence: NO_SEQUENCE
    // With kafkajs's header values the whole batch is byte-identical.
    const asKafkajs = edited(ours, (b) => {
      b.writeInt32BE(0, 12);
      b.writeInt16BE(0, 51);
      b.writeInt32BE(0, 53);
    });
    expect(asKafkajs.toString('hex')).toBe(BATCH_V2_TWO_RECORDS.toString('hex'));
  });
});

describe('cross-checks with kafkajs', () => {
  const many = Array.from({ length: 50 }, (_, i) => ({
    key: i % 3 === 0 ? null : Buffer.from(`key-${i}`),
    value: i % 7 === 0 ? null : Buffer.from(`value ${i} `.repeat(i)),
    headers: i % 2 ? [{ key: `h${i}`, value: Buffer.from(String(i)) }, { key: 'n', value: null }] : [],
    timestamp: T0 + i * 3,
  }));

  for (const codec of ['none', 'gzip'] as const) {
    it(`kafkajs decodes our ${codec} batch`, async () => {
      const decoded = await kafkajsDecodeRecordBatch(encodeRecordBatch(many, { codec }));
      expect(decoded.lastOffsetDelta).toBe(49);
      expect(decoded.firstTimestamp).toBe(String(T0));
      expect(decoded.maxTimestamp).toBe(String(T0 + 49 * 3));
      expect(decoded.producerId).toBe('-1');
      decoded.records.forEach((r, i) => {
        const m = many[i]!;
        expect(r.offset).toBe(String(i));
        expect(r.timestamp).toBe(String(m.timestamp));
        expect(r.key).toEqual(m.key);
        expect(r.value).toEqual(m.value);
        expect(Object.keys(r.headers).length).toBe(m.headers.length);
      });
    });

    it(`we inspect and decode kafkajs's ${codec} batch`, async () => {
      const bytes = await kafkajsRecordBatch(
        many.map((m, i) => ({
          key: m.key,
          value: m.value,
          timestampDelta: i * 3,
          headers: Object.fromEntries(m.headers.filter((h) => h.value !== null).map((h) => [h.key, h.value as Buffer])),
        })),
        { compression: codec === 'gzip' ? KAFKAJS_GZIP : 0, firstTimestamp: T0, maxTimestamp: T0 + 49 * 3 },
      );
      const summary = inspectRecords(bytes, { produceVersion: 3 });
      expect(summary).toMatchObject({ magic: 2, recordCount: 50, codec, firstTimestamp: T0, maxTimestamp: T0 + 147 });
      const records = decodeRecords(bytes);
      expect(records.map((r) => r.value)).toEqual(many.map((m) => m.value));
      expect(records.map((r) => r.key)).toEqual(many.map((m) => m.key));
      expect(records.map((r) => r.timestamp)).toEqual(many.map((m) => BigInt(m.timestamp)));
    });
  }
});

describe('every codec', () => {
  for (const codec of CODECS) {
    it(`${codec}: encode → inspect → decode`, () => {
      const records = Array.from({ length: 300 }, (_, i) => ({ key: Buffer.from(`k${i}`), value: Buffer.alloc(200, i), timestamp: T0 + i }));
      const batch = encodeRecordBatch(records, { codec });
      expect(batch.readInt16BE(21) & 7).toBe(['none', 'gzip', 'snappy', 'lz4', 'zstd'].indexOf(codec));
      const summary = inspectRecords(batch, { produceVersion: 7 });
      expect(summary).toMatchObject({ magic: 2, recordCount: 300, codec, firstTimestamp: T0, maxTimestamp: T0 + 299 });
      const decoded = decodeRecords(batch);
      expect(decoded.length).toBe(300);
      expect(decoded[299]).toMatchObject({ offsetDelta: 299, timestamp: BigInt(T0 + 299), key: Buffer.from('k299') });
      expect(Buffer.compare(decoded[17]!.value!, Buffer.alloc(200, 17))).toBe(0);
    });
  }

  it('decodes a Java-style snappy batch (xerial framing inside a v2 batch)', () => {
    const plain = encodeRecordBatch(TWO_RECORDS, { codec: 'none' });
    const recordsSection = plain.subarray(61);
    const raw = compress('snappy', recordsSection, { magic: 2 });
    const len = Buffer.alloc(4);
    len.writeInt32BE(raw.length);
    const xerial = Buffer.concat([Buffer.from('82534e4150505900' + '00000001' + '00000001', 'hex'), len, raw]);
    const batch = Buffer.concat([plain.subarray(0, 61), xerial]);
    batch.writeInt32BE(batch.length - 12, 8);
    batch.writeInt16BE(2, 21);
    const fixed = withCrc(batch);
    expect(inspectRecords(fixed, { produceVersion: 7 }).codec).toBe('snappy');
    expect(decodeRecords(fixed).map((r) => r.value?.toString())).toEqual(['v', 'hello']);
  });
});

describe('Produce-version rules (ProduceRequest.validateRecords, request level in 2.1.1)', () => {
  const zstdBatch = encodeRecordBatch(TWO_RECORDS, { codec: 'zstd' });

  it('zstd needs Produce v7: 76 below', () => {
    for (const v of [3, 4, 5, 6]) {
      const e = failure(() => inspectRecords(zstdBatch, { produceVersion: v }));
      expect(e.code).toBe(76);
      expect(e.requestLevel).toBe(true);
    }
    expect(inspectRecords(zstdBatch, { produceVersion: 7 }).codec).toBe('zstd');
  });

  it('zstd in a magic-2 batch sent with Produce v0–v2 is 76 too (not a request-level failure)', () => {
    const e = failure(() => inspectRecords(zstdBatch, { produceVersion: 2 }));
    expect(e.code).toBe(76);
    expect(e.requestLevel).toBe(false);
  });

  it('v3+ needs exactly one batch', () => {
    const two = Buffer.concat([BATCH_V2_TWO_RECORDS, BATCH_V2_TWO_RECORDS]);
    const e = failure(() => inspectRecords(two, { produceVersion: 3 }));
    expect(e.code).toBe(2);
    expect(e.requestLevel).toBe(true);
    const empty = failure(() => inspectRecords(Buffer.alloc(0), { produceVersion: 7 }));
    expect(empty.code).toBe(2);
    expect(empty.requestLevel).toBe(true);
  });

  it('v0–v2 also refuse two magic-2 batches (LogValidator), at partition level', () => {
    const e = failure(() => inspectRecords(Buffer.concat([BATCH_V2_TWO_RECORDS, BATCH_V2_TWO_RECORDS]), { produceVersion: 2 }));
    expect(e.code).toBe(2);
    expect(e.requestLevel).toBe(false);
  });

  it('v3+ needs magic 2', () => {
    const magic3 = Buffer.from(BATCH_V2_TWO_RECORDS);
    magic3[16] = 3;
    for (const bytes of [magic3]) {
      const e = failure(() => inspectRecords(bytes, { produceVersion: 5 }));
      expect(e.code).toBe(2);
      expect(e.requestLevel).toBe(true);
    }
    expect(failure(() => inspectRecords(magic3, { produceVersion: 2 })).code).toBe(2);
  });

  it('an empty set with Produce v0–v2 is accepted with no records (2.1.1 appends nothing)', () => {
    expect(inspectRecords(Buffer.alloc(0), { produceVersion: 0 })).toMatchObject({ recordCount: 0, batches: [] });
  });
});

describe('batch validation (Log.analyzeAndValidateRecords, LogValidator.validateBatch)', () => {
  const inspect = (b: Buffer) => inspectRecords(b, { produceVersion: 7 });

  it('a bad CRC is CORRUPT_MESSAGE', () => {
    const b = Buffer.from(BATCH_V2_TWO_RECORDS);
    b.writeUInt8(b.readUInt8(b.length - 2) ^ 1, b.length - 2);
    expect(failure(() => inspect(b)).code).toBe(2);
    const crcOnly = Buffer.from(BATCH_V2_TWO_RECORDS);
    crcOnly.writeUInt32BE(crcOnly.readUInt32BE(17) ^ 0x80000000, 17);
    expect(failure(() => inspect(crcOnly)).message).toMatch(/crc/);
  });

  it('the partition leader epoch is outside the CRC', () => {
    const b = Buffer.from(BATCH_V2_TWO_RECORDS);
    b.writeInt32BE(12345, 12);
    expect(inspect(b).recordCount).toBe(2);
  });

  it('a control batch from a client is refused', () => {
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => b.writeInt16BE(0x20, 21)))).code).toBe(2);
  });

  it('lastOffsetDelta must be count − 1 and count > 0', () => {
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => b.writeInt32BE(0, 23)))).code).toBe(2);
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => b.writeInt32BE(2, 23)))).code).toBe(2);
    const zero = edited(BATCH_V2_TWO_RECORDS, (b) => {
      b.writeInt32BE(-1, 23);
      b.writeInt32BE(0, 57);
    });
    expect(failure(() => inspect(zero)).message).toMatch(/count/);
  });

  it('count and records must agree exactly', () => {
    // count 3, lastOffsetDelta 2, but only two records.
    const more = edited(BATCH_V2_TWO_RECORDS, (b) => {
      b.writeInt32BE(2, 23);
      b.writeInt32BE(3, 57);
    });
    expect(failure(() => inspect(more)).code).toBe(2);
    // count 1: the second record is left over.
    const fewer = edited(BATCH_V2_TWO_RECORDS, (b) => {
      b.writeInt32BE(0, 23);
      b.writeInt32BE(1, 57);
    });
    expect(failure(() => inspect(fewer)).message).toMatch(/after its last record/);
  });

  it('a producer id without a sequence is refused', () => {
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => {
      b.writeBigInt64BE(7n, 43);
      b.writeInt32BE(-1, 53);
    }))).code).toBe(2);
    const idempotent = encodeRecordBatch(TWO_RECORDS, { codec: 'none', producerId: 7, producerEpoch: 0, baseSequence: 0 });
    expect(inspect(idempotent).recordCount).toBe(2);
  });

  it('LogAppendTime from a producer is INVALID_TIMESTAMP (32)', () => {
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => b.writeInt16BE(0x08, 21)))).code).toBe(32);
  });

  it('codec ids 5–7 are UNSUPPORTED_COMPRESSION_TYPE', () => {
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => b.writeInt16BE(5, 21)))).code).toBe(76);
  });

  it('a batch shorter than the 61-byte header, or one that overruns, is corrupt', () => {
    const short = Buffer.from(BATCH_V2_TWO_RECORDS.subarray(0, 40));
    short.writeInt32BE(28, 8);
    expect(failure(() => inspect(short)).code).toBe(2);
    const long = Buffer.from(BATCH_V2_TWO_RECORDS);
    long.writeInt32BE(75, 8);
    expect(failure(() => inspect(long)).code).toBe(2);
  });

  it('bytes after the batch are refused', () => {
    expect(failure(() => inspect(Buffer.concat([BATCH_V2_TWO_RECORDS, Buffer.from([0, 0, 0])]))).code).toBe(2);
  });
});

describe('record validation (DefaultRecord.readFrom)', () => {
  const inspect = (b: Buffer) => inspectRecords(b, { produceVersion: 7 });
  // Record 0 starts at 61: length 61, attributes 62, tsDelta 63, offsetDelta 64, key len 65, "k" 66,
  // value len 67, "v" 68, header count 69, header key len 70, "h" 71, header value len 72, "x" 73.

  it('a record length that disagrees with its fields is refused', () => {
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => (b[61] = 0x16)))).code).toBe(2); // 11 instead of 12
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => (b[61] = 0x7e)))).code).toBe(2); // 63: overruns
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => (b[61] = 0x01)))).code).toBe(2); // negative
  });

  it('a record with bytes after its last header is refused (size must match what was read)', () => {
    // Record 0 claims 13 bytes and carries one padding byte after its header.
    const b = Buffer.concat([BATCH_V2_TWO_RECORDS.subarray(0, 74), Buffer.from([0xee]), BATCH_V2_TWO_RECORDS.subarray(74)]);
    b[61] = 0x1a;
    b.writeInt32BE(b.length - 12, 8);
    expect(failure(() => inspect(withCrc(b))).message).toMatch(/Invalid record size: expected to read 13 bytes/);
  });

  it('key, value and header lengths must fit and be >= -1', () => {
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => (b[65] = 0x20)))).code).toBe(2); // key 16 bytes
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => (b[65] = 0x03)))).code).toBe(2); // key −2
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => (b[67] = 0x03)))).code).toBe(2); // value −2
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => (b[69] = 0x01)))).message).toMatch(/headers/); // −1 headers
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => (b[69] = 0x04)))).code).toBe(2); // 2 headers
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => (b[70] = 0x01)))).message).toMatch(/header key/);
    expect(failure(() => inspect(edited(BATCH_V2_TWO_RECORDS, (b) => (b[72] = 0x03)))).code).toBe(2);
  });

  it('a varint longer than 5 bytes is refused', () => {
    // Make record 0's length varint run on: 0x98 0x80 0x80 0x80 0x80 ...
    const b = edited(BATCH_V2_TWO_RECORDS, (x) => x.fill(0x80, 62, 67).writeUInt8(0x98, 61));
    expect(failure(() => inspect(b)).code).toBe(2);
  });

  it('a compressed batch whose records are corrupt is refused after decompression', () => {
    const plain = encodeRecordBatch(TWO_RECORDS, { codec: 'none' });
    const section = Buffer.from(plain.subarray(61));
    section[0] = 0x16; // record 0 length 11
    const gz = compress('gzip', section, { magic: 2 });
    const batch = Buffer.concat([plain.subarray(0, 61), gz]);
    batch.writeInt32BE(batch.length - 12, 8);
    batch.writeInt16BE(1, 21);
    expect(failure(() => inspect(withCrc(batch))).code).toBe(2);
  });
});

describe('decodeRecords details', () => {
  it('skips control batches and uses the batch maxTimestamp under LogAppendTime', () => {
    const control = edited(BATCH_V2_TWO_RECORDS, (b) => b.writeInt16BE(0x30, 21));
    const appendTime = edited(BATCH_V2_TWO_RECORDS, (b) => {
      b.writeInt16BE(0x08, 21);
      b.writeBigInt64BE(BigInt(T0 + 1000), 35);
    });
    const records = decodeRecords(Buffer.concat([control, appendTime, BATCH_V2_TWO_RECORDS]));
    expect(records.map((r) => r.timestamp)).toEqual([T0 + 1000, T0 + 1000, T0, T0 + 5].map(BigInt));
    expect(records.map((r) => r.offsetDelta)).toEqual([0, 1, 2, 3]);
  });

  it('keeps 64-bit timestamps exact beyond 2^53', () => {
    const huge = 2n ** 62n + 1n;
    const b = encodeRecordBatch([{ value: Buffer.from('a'), timestamp: huge }, { value: Buffer.from('b'), timestamp: huge + 2n }], { codec: 'none' });
    expect(decodeRecords(b).map((r) => r.timestamp)).toEqual([huge, huge + 2n]);
  });

  it('only checks CRCs when asked', () => {
    const b = Buffer.from(BATCH_V2_TWO_RECORDS);
    b.writeUInt32BE(0, 17);
    expect(decodeRecords(b).length).toBe(2);
    expect(() => decodeRecords(b, { verifyCrc: true })).toThrow(RecordFormatError);
  });

  it('bounds decompression by maxDecompressedBytes', () => {
    const big = encodeRecordBatch([{ value: Buffer.alloc(2_000_000) }], { codec: 'lz4' });
    expect(() => decodeRecords(big, { maxDecompressedBytes: 1_000_000 })).toThrow(DecompressionLimitError);
    expect(() => inspectRecords(big, { produceVersion: 7, maxDecompressedBytes: 1_000_000 })).toThrow(DecompressionLimitError);
    expect(inspectRecords(big, { produceVersion: 7 }).recordCount).toBe(1);
  });
});

describe('truncations', () => {
  const fixtures: Array<[string, Buffer]> = [
    ['golden', BATCH_V2_TWO_RECORDS],
    ...CODECS.map((c: Codec): [string, Buffer] => [c, encodeRecordBatch(TWO_RECORDS, { codec: c })]),
  ];
  for (const [name, bytes] of fixtures) {
    it(`every prefix of the ${name} batch is refused with a typed error`, () => {
      for (let n = 1; n < bytes.length; n++) {
        expectCutRefused(bytes.subarray(0, n), 7);
      }
    });

    it(`every prefix of the ${name} batch with its length field fixed up is refused`, () => {
      // Harder case: the batch length agrees with the cut, so only deeper checks can notice.
      for (let n = 61; n < bytes.length; n++) {
        const cut = Buffer.from(bytes.subarray(0, n));
        cut.writeInt32BE(n - 12, 8);
        expect(() => inspectRecords(withCrc(cut), { produceVersion: 7 })).toThrow(RecordFormatError);
      }
    });
  }
});
