/**
 * The broker's check of a records section (readRecords without output: inline
 * one-byte varints) against the decoding walk (readRecords with output): on valid and
 * damaged sections alike they accept the same, refuse with the same message, and
 * report the same largest timestamp, key, value, header section and marks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeRecordBatch } from '@/lib/kafka/protocol/records';
import type { DecodedRecord } from '@/lib/kafka/protocol/records';
import { SECTION_MARK_STEP, readRecords, type RecordSizes } from '@/lib/kafka/protocol/records/record-walk';

const T0 = 1_700_000_000_000;

type Outcome = { ok: true; max: number; sizes: RecordSizes } | { ok: false; message: string };

function walk(section: Buffer, count: number, firstTimestamp: number, decode: boolean, maxRecordBytes: number): Outcome {
  const sizes: RecordSizes = { maxKeyBytes: -1, maxValueBytes: -1, maxHeaderBytes: 0, marks: new Uint32Array(Math.ceil(count / SECTION_MARK_STEP)) };
  const out: DecodedRecord[] | null = decode ? [] : null;
  const first = BigInt.asIntN(64, BigInt(firstTimestamp));
  try {
    const max = readRecords(section, 0, section.length, count, firstTimestamp, null, out, { first, appendTime: null }, maxRecordBytes, sizes);
    return { ok: true, max, sizes };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

const record = fc.record({
  key: fc.option(fc.uint8Array({ maxLength: 200 }), { nil: null }),
  value: fc.option(fc.uint8Array({ maxLength: 9000 }), { nil: null }),
  headers: fc.array(fc.record({ key: fc.string({ maxLength: 20 }), value: fc.option(fc.uint8Array({ maxLength: 40 }), { nil: null }) }), { maxLength: 3 }),
  // Deltas of one byte and of many (negative too), and some far past 2^53 from the base.
  delta: fc.oneof(fc.integer({ min: -60, max: 60 }), fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.constant(2 ** 60)),
});

describe('the broker check agrees with the decoding walk', () => {
  it('on valid sections and on every kind of damage', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 300 }),
        fc.oneof(fc.constant(T0), fc.constant(2 ** 62)),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
        fc.integer({ min: -2, max: 2 }),
        fc.oneof(fc.constant(1_048_576), fc.integer({ min: 5, max: 9000 })),
        (records, base, damage, countSkew, maxRecordBytes) => {
          const batch = encodeRecordBatch(
            records.map((r) => ({
              key: r.key && Buffer.from(r.key),
              value: r.value && Buffer.from(r.value),
              headers: r.headers.map((h) => ({ key: h.key, value: h.value && Buffer.from(h.value) })),
              timestamp: BigInt(base) + BigInt(r.delta),
            })),
            { codec: 'none', baseTimestamp: BigInt(base) },
          );
          const section = Buffer.from(batch.subarray(61));
          for (const [at, byte] of damage) section[at % section.length] = byte;
          const count = Math.max(0, records.length + countSkew);
          const check = walk(section, count, base, false, maxRecordBytes);
          const decode = walk(section, count, base, true, maxRecordBytes);
          expect(check).toEqual(decode);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('reads varints of every width at the record, key and value lengths', () => {
    // Values of 0..2^14+ bytes cross the one-, two- and three-byte varint widths of both lengths.
    const sizes = [0, 1, 63, 64, 8191, 8192, 16_400];
    const batch = encodeRecordBatch(
      sizes.map((n, i) => ({ key: i % 2 ? Buffer.alloc(n % 300, 'k') : null, value: Buffer.alloc(n, 'v') })),
      { codec: 'none', baseTimestamp: T0 },
    );
    const section = batch.subarray(61);
    const check = walk(section, sizes.length, T0, false, 1_048_576);
    expect(check).toEqual(walk(section, sizes.length, T0, true, 1_048_576));
    expect(check.ok && check.sizes.maxValueBytes).toBe(16_400);
  });
});
