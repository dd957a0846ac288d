/**
 * The wire primitives: known vectors (from the protocol spec and cross-checked
 * with kafkajs's Encoder/Decoder), truncation and lying lengths, and property
 * round trips. Every failure on bad input must be a ProtocolError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProtocolError, Reader, Writer } from '@/lib/kafka/protocol/primitives';
import { hex } from './fixtures/golden';
import { onlyProtocolErrors } from './fixtures/hostile';
import { kafkajsDecoder, kafkajsEncoder } from './fixtures/kafkajs';

const reader = (b: Buffer) => new Reader(b);
const written = (f: (w: Writer) => void): Buffer => {
  const w = new Writer(1);
  f(w);
  return Buffer.from(w.toBuffer());
};

/** Zig-zag varint vectors: value → bytes (zig-zag maps n to 2n, -n to 2n-1, then LEB128). */
const VARINT_VECTORS: ReadonlyArray<readonly [number, Buffer]> = [
  [0, hex`00`],
  [-1, hex`01`],
  [1, hex`02`],
  [-2, hex`03`],
  [63, hex`7e`],
  [-64, hex`7f`],
  [64, hex`80 01`], // 128 = 0b1_0000000
  [300, hex`d8 04`], // 600 = 0x258 → 0x58|0x80, 0x04
  [2 ** 31 - 1, hex`fe ff ff ff 0f`], // zig-zag 0xfffffffe
  [-(2 ** 31), hex`ff ff ff ff 0f`], // zig-zag 0xffffffff
];

const VARLONG_VECTORS: ReadonlyArray<readonly [bigint, Buffer]> = [
  [0n, hex`00`],
  [-1n, hex`01`],
  [1n, hex`02`],
  [2n ** 31n, hex`80 80 80 80 10`], // zig-zag 2^32
  [-(2n ** 31n), hex`ff ff ff ff 0f`], // zig-zag 2^32 - 1
  [2n ** 63n - 1n, hex`fe ff ff ff ff ff ff ff ff 01`], // zig-zag 2^64 - 2
  [-(2n ** 63n), hex`ff ff ff ff ff ff ff ff ff 01`], // zig-zag 2^64 - 1
];

describe('varint (zig-zag, 32 bits)', () => {
  it.each(VARINT_VECTORS)('%d ⇄ known bytes, same as kafkajs', (value, bytes) => {
    expect(written((w) => w.varint(value))).toEqual(bytes);
    expect(kafkajsEncoder.varInt(value)).toEqual(bytes);
    const r = reader(bytes);
    expect(r.varint()).toBe(value);
    expect(r.remaining).toBe(0);
    expect(kafkajsDecoder.varInt(bytes)).toBe(value);
  });

  it('refuses values outside int32 when writing (a programming error, not wire input)', () => {
    expect(() => new Writer().varint(2 ** 31)).toThrow(RangeError);
    expect(() => new Writer().varint(-(2 ** 31) - 1)).toThrow(RangeError);
    expect(() => new Writer().varint(1.5)).toThrow(RangeError);
  });

  it('refuses +2^31 on the wire (zig-zag 2^32 overflows 32 bits)', () => {
    expect(() => reader(hex`80 80 80 80 10`).varint()).toThrow(ProtocolError);
  });

  it('refuses a varint longer than 5 bytes and a truncated one', () => {
    expect(() => reader(hex`80 80 80 80 80 00`).varint()).toThrow(ProtocolError);
    expect(() => reader(hex`80 80`).varint()).toThrow(ProtocolError);
    expect(() => reader(hex``).varint()).toThrow(ProtocolError);
  });

  it('round-trips every int32', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (v) => {
        const b = written((w) => w.varint(v));
        expect(reader(b).varint()).toBe(v);
        expect(b).toEqual(kafkajsEncoder.varInt(v));
      }),
    );
  });
});

describe('varlong (zig-zag, 64 bits)', () => {
  it.each(VARLONG_VECTORS)('%s ⇄ known bytes, same as kafkajs', (value, bytes) => {
    expect(written((w) => w.varlong(value))).toEqual(bytes);
    expect(kafkajsEncoder.varLong(value)).toEqual(bytes);
    const r = reader(bytes);
    expect(r.varlong()).toBe(value);
    expect(r.remaining).toBe(0);
    expect(kafkajsDecoder.varLong(bytes)).toBe(value);
  });

  it('refuses 11 bytes, a 10th byte that overflows 64 bits, and truncation', () => {
    expect(() => reader(hex`ff ff ff ff ff ff ff ff ff ff 01`).varlong()).toThrow(ProtocolError);
    expect(() => reader(hex`ff ff ff ff ff ff ff ff ff 02`).varlong()).toThrow(ProtocolError);
    expect(() => reader(hex`ff ff ff`).varlong()).toThrow(ProtocolError);
  });

  it('round-trips every int64', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (v) => {
        const b = written((w) => w.varlong(v));
        expect(reader(b).varlong()).toBe(v);
        expect(b).toEqual(kafkajsEncoder.varLong(v));
      }),
    );
  });
});

describe('uvarint (unsigned, compact lengths and tags)', () => {
  it('encodes known values', () => {
    expect(written((w) => w.uvarint(0))).toEqual(hex`00`);
    expect(written((w) => w.uvarint(127))).toEqual(hex`7f`);
    expect(written((w) => w.uvarint(128))).toEqual(hex`80 01`);
    expect(written((w) => w.uvarint(0xffffffff))).toEqual(hex`ff ff ff ff 0f`);
    expect(reader(hex`ff ff ff ff 0f`).uvarint()).toBe(0xffffffff);
  });

  it('refuses 2^32 and above', () => {
    expect(() => reader(hex`80 80 80 80 10`).uvarint()).toThrow(ProtocolError);
    expect(() => new Writer().uvarint(2 ** 32)).toThrow(RangeError);
    expect(() => new Writer().uvarint(-1)).toThrow(RangeError);
  });
});

describe('fixed-width integers', () => {
  it('reads big-endian values', () => {
    const r = reader(hex`ff  80 00  7f ff ff ff  ff ff ff fe  80 00 00 00 00 00 00 00  fe`);
    expect(r.int8()).toBe(-1);
    expect(r.int16()).toBe(-32768);
    expect(r.int32()).toBe(2 ** 31 - 1);
    expect(r.uint32()).toBe(0xfffffffe);
    expect(r.int64()).toBe(-(2n ** 63n));
    expect(r.uint8()).toBe(0xfe);
    expect(r.remaining).toBe(0);
  });

  it('writes big-endian values', () => {
    const b = written((w) => w.int8(-1).int16(-32768).int32(-2).uint32(0xfffffffe).int64(2n ** 63n - 1n).uint8(0xfe));
    expect(b).toEqual(hex`ff 80 00 ff ff ff fe ff ff ff fe 7f ff ff ff ff ff ff ff fe`);
  });

  it.each([
    ['int8', (r: Reader) => r.int8(), 1],
    ['uint8', (r: Reader) => r.uint8(), 1],
    ['int16', (r: Reader) => r.int16(), 2],
    ['int32', (r: Reader) => r.int32(), 4],
    ['uint32', (r: Reader) => r.uint32(), 4],
    ['int64', (r: Reader) => r.int64(), 8],
  ] as const)('%s refuses every truncation with ProtocolError', (_name, read, size) => {
    for (let n = 0; n < size; n++) expect(() => read(reader(Buffer.alloc(n)))).toThrow(ProtocolError);
    expect(() => read(reader(Buffer.alloc(size)))).not.toThrow();
  });

  it('round-trips int16/int32/int64', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -32768, max: 32767 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        (a, b, c) => {
          const r = reader(written((w) => w.int16(a).int32(b).int64(c)));
          expect([r.int16(), r.int32(), r.int64(), r.remaining]).toEqual([a, b, c, 0]);
        },
      ),
    );
  });
});

describe('STRING / NULLABLE_STRING (INT16 length)', () => {
  it('encodes null, empty and UTF-8 as kafkajs does', () => {
    expect(written((w) => w.nullableString(null))).toEqual(hex`ff ff`);
    expect(written((w) => w.string(''))).toEqual(hex`00 00`);
    expect(written((w) => w.string('PLAIN'))).toEqual(hex`00 05 50 4c 41 49 4e`);
    // 日志 = e6 97 a5  e5 bf 97: the length counts bytes, not characters
    expect(written((w) => w.string('日志'))).toEqual(hex`00 06 e6 97 a5 e5 bf 97`);
    for (const s of [null, '', 'PLAIN', '日志']) expect(written((w) => w.nullableString(s))).toEqual(kafkajsEncoder.string(s));
  });

  it('decodes null, empty and UTF-8', () => {
    expect(reader(hex`ff ff`).nullableString()).toBeNull();
    expect(reader(hex`00 00`).string()).toBe('');
    expect(reader(hex`00 06 e6 97 a5 e5 bf 97`).string()).toBe('日志');
  });

  it('refuses null where a string is required, negative lengths other than -1, and lying lengths', () => {
    expect(() => reader(hex`ff ff`).string()).toThrow(ProtocolError);
    expect(() => reader(hex`ff fe`).nullableString()).toThrow(ProtocolError);
    expect(() => reader(hex`80 00`).nullableString()).toThrow(ProtocolError);
    expect(() => reader(hex`7f ff 41 42`).nullableString()).toThrow(ProtocolError);
  });

  it('refuses every truncation', () => {
    const b = hex`00 05 50 4c 41 49 4e`;
    for (let n = 0; n < b.length; n++) expect(() => reader(b.subarray(0, n)).string()).toThrow(ProtocolError);
  });

  it('refuses to write a string over 32767 bytes', () => {
    expect(() => new Writer().string('x'.repeat(0x8000))).toThrow(RangeError);
    expect(written((w) => w.string('x'.repeat(0x7fff))).length).toBe(2 + 0x7fff);
  });

  it('round-trips any string', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ unit: 'grapheme', maxLength: 40 })), (s) => {
        const r = reader(written((w) => w.nullableString(s)));
        expect(r.nullableString()).toBe(s);
        expect(r.remaining).toBe(0);
      }),
    );
  });
});

describe('BYTES / NULLABLE_BYTES (INT32 length)', () => {
  it('encodes like kafkajs and decodes as a view of the frame', () => {
    expect(written((w) => w.nullableBytes(null))).toEqual(hex`ff ff ff ff`);
    expect(written((w) => w.bytes(hex`01 02 03`))).toEqual(hex`00 00 00 03 01 02 03`);
    expect(written((w) => w.bytes(hex`01 02 03`))).toEqual(kafkajsEncoder.bytes(hex`01 02 03`));
    const frame = hex`00 00 00 03 01 02 03`;
    const view = reader(frame).bytes();
    expect(view).toEqual(hex`01 02 03`);
    expect(view.buffer).toBe(frame.buffer); // no copy
    expect(reader(hex`ff ff ff ff`).nullableBytes()).toBeNull();
  });

  it('refuses null where bytes are required, negative and lying lengths — quickly', () => {
    expect(() => reader(hex`ff ff ff ff`).bytes()).toThrow(ProtocolError);
    expect(() => reader(hex`ff ff ff fe`).nullableBytes()).toThrow(ProtocolError);
    expect(() => reader(hex`80 00 00 00`).nullableBytes()).toThrow(ProtocolError);
    const started = performance.now();
    expect(() => reader(hex`7f ff ff ff 00`).bytes()).toThrow(ProtocolError);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.option(fc.uint8Array({ maxLength: 64 })), (b) => {
        const r = reader(written((w) => w.nullableBytes(b)));
        const got = r.nullableBytes();
        expect(got === null ? null : Buffer.from(got)).toEqual(b === null ? null : Buffer.from(b));
        expect(r.remaining).toBe(0);
      }),
    );
  });
});

describe('ARRAY (INT32 count)', () => {
  const int32Item = (r: Reader) => r.int32();

  it('reads null, empty and items', () => {
    expect(reader(hex`ff ff ff ff`).nullableArray(int32Item, 4)).toBeNull();
    expect(reader(hex`00 00 00 00`).array(int32Item, 4)).toEqual([]);
    expect(reader(hex`00 00 00 02  00 00 00 07  ff ff ff ff`).array(int32Item, 4)).toEqual([7, -1]);
  });

  it('writes null, empty and items', () => {
    expect(written((w) => w.nullableArray(null, (w, v: number) => w.int32(v)))).toEqual(hex`ff ff ff ff`);
    expect(written((w) => w.array([7, -1], (w, v) => w.int32(v)))).toEqual(hex`00 00 00 02 00 00 00 07 ff ff ff ff`);
  });

  it('refuses a lying count before allocating, a negative count, and null where required', () => {
    const started = performance.now();
    expect(() => reader(hex`7f ff ff ff 00 00 00 01`).array(int32Item, 4)).toThrow(/exceeds/);
    expect(() => reader(hex`00 00 00 03 00 00 00 01 00 00 00 02`).array(int32Item, 4)).toThrow(ProtocolError);
    expect(performance.now() - started).toBeLessThan(50);
    expect(() => reader(hex`ff ff ff fe`).nullableArray(int32Item)).toThrow(ProtocolError);
    expect(() => reader(hex`ff ff ff ff`).array(int32Item)).toThrow(ProtocolError);
  });

  it('refuses a count the items then do not fill', () => {
    expect(() => reader(hex`00 00 00 02 00 00 00 07`).array(int32Item, 1)).toThrow(ProtocolError);
  });
});

describe('compact (flexible-version) forms and tagged fields', () => {
  it('COMPACT_NULLABLE_STRING: length + 1, 0 for null', () => {
    expect(written((w) => w.compactNullableString(null))).toEqual(hex`00`);
    expect(written((w) => w.compactNullableString(''))).toEqual(hex`01`);
    expect(written((w) => w.compactNullableString('librdkafka'))).toEqual(
      Buffer.concat([hex`0b`, Buffer.from('librdkafka')]),
    );
    expect(reader(hex`00`).compactNullableString()).toBeNull();
    expect(reader(hex`01`).compactNullableString()).toBe('');
    expect(reader(Buffer.concat([hex`0b`, Buffer.from('librdkafka')])).compactNullableString()).toBe('librdkafka');
    expect(() => reader(hex`0b 41`).compactNullableString()).toThrow(ProtocolError);
  });

  it('COMPACT_BYTES and COMPACT_ARRAY', () => {
    expect(reader(hex`00`).compactBytes()).toBeNull();
    expect(reader(hex`03 aa bb`).compactBytes()).toEqual(hex`aa bb`);
    expect(reader(hex`00`).compactArray((r) => r.int8())).toBeNull();
    expect(reader(hex`03 05 06`).compactArray((r) => r.int8())).toEqual([5, 6]);
    expect(written((w) => w.compactArray([5, 6], (w, v) => w.int8(v)))).toEqual(hex`03 05 06`);
    expect(written((w) => w.compactArray(null, (w, v: number) => w.int8(v)))).toEqual(hex`00`);
    expect(() => reader(hex`ff ff ff ff 0f`).compactArray((r) => r.int8())).toThrow(/exceeds/);
  });

  it('skips a tagged-field section and refuses a truncated one', () => {
    const r = reader(hex`02  00 02 aa bb  05 00  ee`); // 2 fields: tag 0 (2 bytes), tag 5 (0 bytes)
    r.skipTaggedFields();
    expect(r.int8()).toBe(-18);
    expect(written((w) => w.emptyTaggedFields())).toEqual(hex`00`);
    expect(() => reader(hex`01 00 05 aa`).skipTaggedFields()).toThrow(ProtocolError);
  });
});

describe('Reader window and Writer growth', () => {
  it('refuses a window outside the buffer', () => {
    expect(() => new Reader(Buffer.alloc(4), 5)).toThrow(ProtocolError);
    expect(() => new Reader(Buffer.alloc(4), 0, 5)).toThrow(ProtocolError);
    expect(() => new Reader(Buffer.alloc(4), 3, 2)).toThrow(ProtocolError);
    expect(() => new Reader(Buffer.alloc(4), -1)).toThrow(ProtocolError);
  });

  it('does not read past its end even when the buffer goes on', () => {
    const r = new Reader(hex`00 01 02 03`, 1, 3);
    expect(r.int16()).toBe(0x0102);
    expect(() => r.int8()).toThrow(ProtocolError);
  });

  it('grows past its initial size and back-patches', () => {
    const w = new Writer(1);
    w.int32(0);
    for (let i = 0; i < 1000; i++) w.int8(i % 100);
    w.patchInt32(0, w.length - 4).patchUint32(4, 0xdeadbeef);
    const b = w.toBuffer();
    expect(b.length).toBe(1004);
    expect(b.readInt32BE(0)).toBe(1000);
    expect(b.readUInt32BE(4)).toBe(0xdeadbeef);
    expect(b[1003]).toBe(999 % 100);
  });
});

describe('arbitrary bytes', () => {
  const ops: ReadonlyArray<(r: Reader) => unknown> = [
    (r) => r.int8(),
    (r) => r.int16(),
    (r) => r.int32(),
    (r) => r.uint32(),
    (r) => r.int64(),
    (r) => r.varint(),
    (r) => r.varlong(),
    (r) => r.uvarint(),
    (r) => r.nullableString(),
    (r) => r.string(),
    (r) => r.nullableBytes(),
    (r) => r.bytes(),
    (r) => r.compactNullableString(),
    (r) => r.compactBytes(),
    (r) => r.nullableArray((r) => r.string(), 2),
    (r) => r.array((r) => r.int64(), 8),
    (r) => r.compactArray((r) => r.varint()),
    (r) => r.skipTaggedFields(),
  ];

  it('never throw anything but ProtocolError, whatever sequence of reads', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.array(fc.nat({ max: ops.length - 1 }), { minLength: 1, maxLength: 12 }),
        (raw, picks) => {
          const r = reader(Buffer.from(raw));
          onlyProtocolErrors(() => {
            for (const i of picks) ops[i]?.(r);
          });
          expect(r.offset).toBeLessThanOrEqual(raw.length);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
