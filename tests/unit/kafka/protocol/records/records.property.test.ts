import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ProtocolError } from '@/lib/kafka/protocol/primitives';
import {
  CODECS,
  RecordFormatError,
  crc32,
  crc32c,
  decodeRecords,
  encodeMessageSet,
  encodeRecordBatch,
  inspectRecords,
} from '@/lib/kafka/protocol/records';

import { BATCH_V2_TWO_RECORDS, MESSAGE_SET_V0_TWO_MESSAGES, MESSAGE_SET_V1_TWO_MESSAGES } from './fixtures/golden';
import { kafkajsDecodeRecordBatch } from './fixtures/kafkajs';

const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a));
const maybeBytes = (max: number) => fc.option(bytes(max), { nil: null });
/** Timestamps a producer might send: around now, the epoch, −1, and far-off 64-bit values. */
const timestamp = fc.oneof(
  fc.integer({ min: 1_500_000_000_000, max: 2_000_000_000_000 }),
  fc.constantFrom(0, -1),
  fc.bigInt({ min: -(2n ** 62n), max: 2n ** 62n }),
);

const record = fc.record({
  key: maybeBytes(40),
  value: maybeBytes(300),
  headers: fc.array(fc.record({ key: fc.string({ maxLength: 20 }), value: maybeBytes(20) }), { maxLength: 4 }),
  timestamp,
});

function isTyped(e: unknown): boolean {
  return e instanceof RecordFormatError || e instanceof ProtocolError;
}

describe('round trips (fast-check)', () => {
  it('v2: encode → inspect → decode returns the records, for every codec', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 30 }), fc.constantFrom(...CODECS), (records, codec) => {
        const batch = encodeRecordBatch(records, { codec });
        const summary = inspectRecords(batch, { produceVersion: 7 });
        expect(summary.recordCount).toBe(records.length);
        expect(summary.codec).toBe(codec);
        expect(summary.batches).toEqual([{ offset: 0, length: batch.length, recordCount: records.length, magic: 2, codec }]);
        const decoded = decodeRecords(batch, { verifyCrc: true });
        expect(decoded.length).toBe(records.length);
        decoded.forEach((d, i) => {
          const r = records[i]!;
          expect(d.offsetDelta).toBe(i);
          expect(d.timestamp).toBe(BigInt(r.timestamp));
          expect(d.key).toEqual(r.key);
          expect(d.value).toEqual(r.value);
          expect(d.headers).toEqual(r.headers.map((h) => ({ key: Buffer.from(h.key, 'utf8').toString('utf8'), value: h.value })));
        });
        const max = records.reduce((m, r) => (BigInt(r.timestamp) > m ? BigInt(r.timestamp) : m), -1n);
        // The summary holds Numbers: exact whenever the largest timestamp is below 2^53.
        if (max < 2n ** 53n && max > -(2n ** 53n)) expect(summary.maxTimestamp).toBe(Number(max));
      }),
      { numRuns: 300 },
    );
  });

  it('v2: kafkajs decodes whatever we encode (uncompressed and gzip)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ key: maybeBytes(20), value: maybeBytes(100), timestamp: fc.integer({ min: 0, max: 2 ** 40 }) }), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.constantFrom('none' as const, 'gzip' as const),
        async (records, codec) => {
          const decoded = await kafkajsDecodeRecordBatch(encodeRecordBatch(records, { codec }));
          expect(decoded.records.map((r) => r.value)).toEqual(records.map((r) => r.value));
          expect(decoded.records.map((r) => r.key)).toEqual(records.map((r) => r.key));
          expect(decoded.records.map((r) => r.timestamp)).toEqual(records.map((r) => String(r.timestamp)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('v0/v1: encode → inspect → decode returns the messages, for every legacy codec', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: maybeBytes(40), value: maybeBytes(300), timestamp: fc.integer({ min: 0, max: 2 ** 50 }) }), {
          minLength: 1,
          maxLength: 30,
        }),
        fc.constantFrom(0 as const, 1 as const),
        fc.constantFrom(...CODECS.filter((c) => c !== 'zstd')),
        (messages, magic, codec) => {
          const set = encodeMessageSet(messages, { magic, codec });
          const summary = inspectRecords(set, { produceVersion: 2 });
          expect(summary.recordCount).toBe(messages.length);
          expect(summary.magic).toBe(magic);
          const decoded = decodeRecords(set, { verifyCrc: true });
          expect(decoded.map((d) => d.key)).toEqual(messages.map((m) => m.key));
          expect(decoded.map((d) => d.value)).toEqual(messages.map((m) => m.value));
          expect(decoded.map((d) => d.timestamp)).toEqual(messages.map((m) => (magic === 1 ? BigInt(m.timestamp) : -1n)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('hostile input (fast-check)', () => {
  it('arbitrary bytes never throw anything but RecordFormatError/ProtocolError', () => {
    fc.assert(
      fc.property(bytes(300), fc.integer({ min: 0, max: 7 }), (data, produceVersion) => {
        try {
          inspectRecords(data, { produceVersion, maxDecompressedBytes: 1 << 20 });
        } catch (e) {
          expect(e).toBeInstanceOf(RecordFormatError);
        }
        try {
          decodeRecords(data, { maxDecompressedBytes: 1 << 20 });
        } catch (e) {
          expect(isTyped(e)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  const seeds = [
    BATCH_V2_TWO_RECORDS,
    MESSAGE_SET_V0_TWO_MESSAGES,
    MESSAGE_SET_V1_TWO_MESSAGES,
    ...CODECS.map((codec) => encodeRecordBatch([{ key: Buffer.from('k'), value: Buffer.alloc(100, 7), headers: [{ key: 'a', value: null }] }], { codec })),
    ...(['gzip', 'snappy', 'lz4'] as const).map((codec) => encodeMessageSet([{ value: Buffer.alloc(50, 1) }, { value: null }], { magic: 1, codec })),
  ];

  /** Put valid checksums back so that a mutation reaches the parsers behind them. */
  function fixChecksums(b: Buffer): void {
    if (b.length < 61 || b[16] !== 2) {
      if (b.length >= 17) b.writeUInt32BE(crc32(b.subarray(16, Math.min(b.length, 12 + Math.max(0, b.readInt32BE(8))))), 12);
      return;
    }
    b.writeUInt32BE(crc32c(b.subarray(21, Math.min(b.length, 12 + Math.max(0, b.readInt32BE(8))))), 17);
  }

  it('mutated valid batches (with and without fixed-up CRCs) fail only with typed errors', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (seed, edits, fix) => {
          const b = Buffer.from(seed);
          for (const [at, v] of edits) b[at % b.length] = v;
          if (fix) fixChecksums(b);
          try {
            inspectRecords(b, { produceVersion: 7, maxDecompressedBytes: 1 << 20 });
          } catch (e) {
            expect(e).toBeInstanceOf(RecordFormatError);
          }
          try {
            inspectRecords(b, { produceVersion: 2, maxDecompressedBytes: 1 << 20 });
          } catch (e) {
            expect(e).toBeInstanceOf(RecordFormatError);
          }
          try {
            decodeRecords(b, { maxDecompressedBytes: 1 << 20 });
          } catch (e) {
            expect(isTyped(e)).toBe(true);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });
});
