import zlib from 'node:zlib';

import fc from 'fast-check';
import { compressFrameSync, compressSync as lz4BlockCompress } from 'lz4-napi';
import { compressSync as snappyCompress } from 'snappy';
import { Compressor as ZstdCompressor } from 'zstd-napi';
import { describe, expect, it } from 'vitest';

import {
  CODECS,
  type Codec,
  DecompressionLimitError,
  RecordFormatError,
  type RecordMagic,
  codecFromAttributes,
  compress,
  compressForStorage,
  crc32,
  crc32c,
  decompress,
  xxhash32,
} from '@/lib/kafka/protocol/records';
import { ProtocolError } from '@/lib/kafka/protocol/primitives';
import { canInflateInto } from '@/lib/kafka/protocol/records/inflate-into';

import { LZ4_BROKEN_HC, LZ4_CORRECT_HC, LZ4_MAGIC_AND_DESCRIPTOR, lz4StoredFrame } from './fixtures/golden';

const MAGICS: RecordMagic[] = [0, 1, 2];

function sample(n: number): Buffer {
  // Half text (compressible), half pseudo-random (not), so both block kinds appear.
  const b = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    if (i % 1024 < 512) b[i] = 97 + (i % 7);
    else {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      b[i] = x >>> 24;
    }
  }
  return b;
}

/** Byte equality; vitest's toEqual walks big Buffers element by element. */
function expectBytes(actual: Buffer, expected: Buffer): void {
  expect(actual.length).toBe(expected.length);
  expect(Buffer.compare(actual, expected)).toBe(0);
}

function codeOf(f: () => unknown): number | string {
  try {
    f();
  } catch (e) {
    if (e instanceof RecordFormatError) return e.code;
    return `not a RecordFormatError: ${String(e)}`;
  }
  return 'no error';
}

describe('checksums', () => {
  it('match the published check values', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    expect(crc32(Buffer.alloc(0))).toBe(0);
    // RFC 3720 B.4: 32 bytes of zeros → 0x8A9136AA.
    expect(crc32c(Buffer.alloc(32))).toBe(0x8a9136aa);
  });

  it('xxhash32 matches the reference vectors', () => {
    expect(xxhash32(Buffer.alloc(0))).toBe(0x02cc5d05);
    expect(xxhash32(Buffer.from('a'))).toBe(0x550d7456);
    expect(xxhash32(Buffer.from('abc'))).toBe(0x32d153ff);
    // python-xxhash README example (39 bytes: exercises the 16-byte stripes).
    expect(xxhash32(Buffer.from('Nobody inspects the spammish repetition'))).toBe(0xe2293b2f);
    // Same bytes through a window of a bigger buffer.
    const framed = Buffer.concat([Buffer.from('xx'), Buffer.from('abc'), Buffer.from('yy')]);
    expect(xxhash32(framed, 2, 5)).toBe(0x32d153ff);
  });

  it("the correct LZ4 header checksum is what lz4 itself writes", () => {
    const frame = compressFrameSync(Buffer.from('hello'));
    expect(frame.subarray(0, 6)).toEqual(LZ4_MAGIC_AND_DESCRIPTOR);
    expect(frame[6]).toBe(LZ4_CORRECT_HC);
    expect((xxhash32(Buffer.from([0x60, 0x40])) >>> 8) & 0xff).toBe(LZ4_CORRECT_HC);
  });
});

describe('codec ids', () => {
  it('map attribute bits 0-2 and refuse 5-7 with UNSUPPORTED_COMPRESSION_TYPE', () => {
    expect(CODECS.map((_, i) => codecFromAttributes(i))).toEqual(['none', 'gzip', 'snappy', 'lz4', 'zstd']);
    expect(codecFromAttributes(0x0b)).toBe('lz4'); // higher bits are other flags
    for (const id of [5, 6, 7]) expect(codeOf(() => codecFromAttributes(id))).toBe(76);
  });
});

describe('round trips', () => {
  const sizes = [0, 1, 100, 70_000, 200_000];
  for (const codec of CODECS) {
    for (const magic of MAGICS) {
      if (codec === 'zstd' && magic < 2) continue;
      it(`${codec}, magic ${magic}`, () => {
        for (const n of sizes) {
          const data = sample(n);
          const packed = compress(codec, data, { magic });
          expectBytes(decompress(codec, packed, { magic }), data);
        }
      });
    }
  }

  it('zstd is refused for magic 0 and 1 (code 76), both ways', () => {
    for (const magic of [0, 1] as const) {
      expect(codeOf(() => compress('zstd', Buffer.from('x'), { magic }))).toBe(76);
      expect(codeOf(() => decompress('zstd', compress('zstd', Buffer.from('x'), { magic: 2 }), { magic }))).toBe(76);
    }
  });

  it('property: every codec round-trips arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CODECS), fc.constantFrom(...MAGICS), fc.uint8Array({ maxLength: 3000 }), (codec, magic, bytes) => {
        fc.pre(!(codec === 'zstd' && magic < 2));
        const data = Buffer.from(bytes);
        expectBytes(decompress(codec, compress(codec, data, { magic }), { magic }), data);
      }),
      { numRuns: 300 },
    );
  });
});

describe('gzip', () => {
  it('reads concatenated members as one stream (as GZIPInputStream does)', () => {
    const two = Buffer.concat([zlib.gzipSync(Buffer.from('ab')), zlib.gzipSync(Buffer.from('cd'))]);
    expect(decompress('gzip', two, { magic: 1 }).toString()).toBe('abcd');
  });

  /** A gzip member written by hand, with the optional header fields zlib's gzip never writes. */
  function member(data: Buffer, opts: { name?: string; comment?: string; extra?: Buffer; headerCrc?: boolean } = {}): Buffer {
    const flags = (opts.headerCrc ? 0x02 : 0) | (opts.extra ? 0x04 : 0) | (opts.name !== undefined ? 0x08 : 0) | (opts.comment !== undefined ? 0x10 : 0);
    const parts: Buffer[] = [Buffer.from([0x1f, 0x8b, 8, flags, 0, 0, 0, 0, 0, 3])];
    if (opts.extra) parts.push(Buffer.from([opts.extra.length & 0xff, opts.extra.length >> 8]), opts.extra);
    if (opts.name !== undefined) parts.push(Buffer.from(`${opts.name}\0`, 'latin1'));
    if (opts.comment !== undefined) parts.push(Buffer.from(`${opts.comment}\0`, 'latin1'));
    if (opts.headerCrc) {
      const crc = Buffer.alloc(2);
      crc.writeUInt16LE(crc32(Buffer.concat(parts)) & 0xffff);
      parts.push(crc);
    }
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc32(data), 0);
    trailer.writeUInt32LE(data.length, 4);
    return Buffer.concat([...parts, zlib.deflateRawSync(data), trailer]);
  }

  /**
   * Ours accepts exactly what zlib's gunzip accepts, with the same bytes; what it refuses is
   * CORRUPT_MESSAGE. The broker's path (`scratch`: one member inflated into a reused buffer)
   * and the general one agree on every input, down to the message.
   */
  function sameAsZlib(input: Buffer): void {
    let expected: Buffer | undefined;
    try {
      expected = zlib.gunzipSync(input);
    } catch {
      expected = undefined;
    }
    for (const scratch of [false, true]) {
      if (expected === undefined) expect(codeOf(() => decompress('gzip', input, { magic: 2, scratch }))).toBe(2);
      else expectBytes(decompress('gzip', input, { magic: 2, scratch }), expected);
    }
    const messageOf = (scratch: boolean) => {
      try {
        decompress('gzip', input, { magic: 2, scratch });
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(messageOf(true)).toBe(messageOf(false));
  }

  it('accepts and refuses exactly what zlib gunzip does (header fields, members, trailers, damage)', () => {
    const text = sample(5000);
    const inputs = [
      zlib.gzipSync(text),
      zlib.gzipSync(Buffer.alloc(0)),
      member(text, { name: 'batch.log', comment: 'from a test', extra: Buffer.from('xyzw'), headerCrc: true }),
      member(text, { headerCrc: true }),
      Buffer.concat([member(Buffer.from('ab'), { name: 'a' }), zlib.gzipSync(Buffer.from('cd'))]),
      Buffer.concat([zlib.gzipSync(text), Buffer.alloc(7)]),
      Buffer.concat([zlib.gzipSync(text), Buffer.from([0, 1, 2, 3])]),
      Buffer.concat([zlib.gzipSync(text), Buffer.from('garbage')]),
      Buffer.concat([zlib.gzipSync(text), Buffer.from([0x1f, 0x8b, 8])]),
    ];
    const damaged = (b: Buffer, at: number, xor: number) => {
      const c = Buffer.from(b);
      c[at] = (c[at] as number) ^ xor;
      return c;
    };
    const base = member(text, { name: 'n', headerCrc: true });
    inputs.push(
      damaged(base, base.length - 8, 1), // CRC-32 of the data
      damaged(base, base.length - 1, 1), // ISIZE
      damaged(base, 3, 0x20), // a reserved flag
      damaged(base, 12, 1), // the header CRC
      damaged(base, 2, 1), // the method
    );
    for (const input of inputs) sameAsZlib(input);
    // Truncations of a member with every optional field: all within the header and the trailer, some in between.
    for (let n = 0; n < base.length; n += n < 40 || n > base.length - 12 ? 1 : 97) sameAsZlib(base.subarray(0, n));
  });

  it('accepts and refuses what zlib gunzip does under random damage', () => {
    const frames = [zlib.gzipSync(sample(3000)), member(sample(2000), { name: 'x', comment: 'y', extra: Buffer.from('e'), headerCrc: true })];
    fc.assert(
      fc.property(fc.constantFrom(...frames), fc.nat(), fc.integer({ min: 0, max: 255 }), (frame, at, byte) => {
        const mutated = Buffer.from(frame);
        mutated[at % mutated.length] = byte;
        sameAsZlib(mutated);
      }),
      { numRuns: 2000 },
    );
  });

  it('the broker inflates one member into one reused buffer (each result valid until the next such call)', () => {
    expect(canInflateInto()).toBe(true); // this Node has the zlib handle shape inflate-into.ts drives
    const a = sample(300_000);
    const b = sample(200_000).reverse();
    const outA = decompress('gzip', zlib.gzipSync(a), { magic: 2, scratch: true });
    expectBytes(outA, a);
    const copyA = Buffer.from(outA);
    const outB = decompress('gzip', zlib.gzipSync(b), { magic: 2, scratch: true });
    expectBytes(outB, b);
    expect(outB.buffer).toBe(outA.buffer);
    expectBytes(copyA, a);
    // Without `scratch` every result has its own bytes.
    expect(decompress('gzip', zlib.gzipSync(a), { magic: 2 }).buffer).not.toBe(outB.buffer);
    // zstd frames that state their size share it; a member above 8 MiB gets its own buffer.
    expect(decompress('zstd', compress('zstd', a, { magic: 2 }), { magic: 2, scratch: true }).buffer).toBe(outA.buffer);
    const big = Buffer.alloc(9 * 1024 * 1024, 'log line ');
    const bigOut = decompress('gzip', zlib.gzipSync(big), { magic: 2, scratch: true, maxBytes: big.length });
    expectBytes(bigOut, big);
    expect(bigOut.buffer).not.toBe(outA.buffer);
  });

  it('refuses corrupt data with CORRUPT_MESSAGE', () => {
    const packed = zlib.gzipSync(sample(1000));
    expect(codeOf(() => decompress('gzip', packed.subarray(0, packed.length - 10), { magic: 2 }))).toBe(2);
    expect(codeOf(() => decompress('gzip', Buffer.from('not gzip at all'), { magic: 2 }))).toBe(2);
  });
});

describe('snappy', () => {
  const data = sample(150_000);

  function xerial(blocks: Buffer[]): Buffer {
    const header = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]);
    const parts: Buffer[] = [header];
    for (const b of blocks) {
      const raw = snappyCompress(b);
      const len = Buffer.alloc(4);
      len.writeInt32BE(raw.length);
      parts.push(len, raw);
    }
    return Buffer.concat(parts);
  }

  it('decodes raw snappy (librdkafka) and writes raw', () => {
    expectBytes(decompress('snappy', snappyCompress(data), { magic: 2 }), data);
    expectBytes(compress('snappy', data, { magic: 2 }), snappyCompress(data));
  });

  it('decodes xerial framing (Java, Sarama) with one or many chunks, for every magic', () => {
    // snappy-java writes 32 KiB chunks; any chunking must decode to the concatenation.
    const chunks = [data.subarray(0, 32768), data.subarray(32768, 65536), data.subarray(65536)];
    for (const magic of MAGICS) {
      expectBytes(decompress('snappy', xerial(chunks), { magic }), data);
      expectBytes(decompress('snappy', xerial([data]), { magic }), data);
    }
    expect(decompress('snappy', xerial([]), { magic: 2 })).toEqual(Buffer.alloc(0));
  });

  it('refuses bad xerial chunk lengths and corrupt blocks', () => {
    const good = xerial([data.subarray(0, 1000)]);
    const lying = Buffer.from(good);
    lying.writeInt32BE(good.length, 16);
    expect(codeOf(() => decompress('snappy', lying, { magic: 2 }))).toBe(2);
    const negative = Buffer.from(good);
    negative.writeInt32BE(-5, 16);
    expect(codeOf(() => decompress('snappy', negative, { magic: 2 }))).toBe(2);
    expect(codeOf(() => decompress('snappy', good.subarray(0, 18), { magic: 2 }))).toBe(2);
    expect(codeOf(() => decompress('snappy', Buffer.from([0x05, 0xff, 0xff]), { magic: 2 }))).toBe(2);
    expect(codeOf(() => decompress('snappy', Buffer.alloc(0), { magic: 2 }))).toBe(2);
  });
});

describe('lz4 (Kafka framing)', () => {
  const brokenHc = LZ4_BROKEN_HC;

  it("the broken HC is XXH32 over magic+FLG+BD, the value in Kafka's own magic-0 test", () => {
    expect((xxhash32(LZ4_MAGIC_AND_DESCRIPTOR) >>> 8) & 0xff).toBe(LZ4_BROKEN_HC);
    expect(brokenHc).not.toBe(LZ4_CORRECT_HC);
  });

  it('encode writes the broken HC for magic 0 (Kafka 0.8/0.9) and the correct one for magic 1/2', () => {
    expect(compress('lz4', Buffer.from('hello'), { magic: 0 })[6]).toBe(brokenHc);
    expect(compress('lz4', Buffer.from('hello'), { magic: 1 })[6]).toBe(LZ4_CORRECT_HC);
    expect(compress('lz4', Buffer.from('hello'), { magic: 2 })[6]).toBe(LZ4_CORRECT_HC);
    // Kafka's descriptor: FLG 0x60, BD 0x40, no content size, end mark 0.
    const frame = compress('lz4', Buffer.from('hello'), { magic: 2 });
    expect(frame.subarray(0, 6)).toEqual(LZ4_MAGIC_AND_DESCRIPTOR);
    expect(frame.subarray(frame.length - 4)).toEqual(Buffer.alloc(4));
  });

  it('magic 0 accepts the broken HC (and, like Kafka, any HC)', () => {
    expect(decompress('lz4', lz4StoredFrame(brokenHc), { magic: 0 }).toString()).toBe('hello');
    expect(decompress('lz4', lz4StoredFrame(LZ4_CORRECT_HC), { magic: 0 }).toString()).toBe('hello');
    expect(decompress('lz4', lz4StoredFrame(0x00), { magic: 0 }).toString()).toBe('hello');
  });

  it('magic 1 accepts both the correct and the broken HC, nothing else', () => {
    expect(decompress('lz4', lz4StoredFrame(brokenHc), { magic: 1 }).toString()).toBe('hello');
    expect(decompress('lz4', lz4StoredFrame(LZ4_CORRECT_HC), { magic: 1 }).toString()).toBe('hello');
    const other = [0x00, 0xff, 0x13].find((b) => b !== brokenHc && b !== LZ4_CORRECT_HC) as number;
    expect(codeOf(() => decompress('lz4', lz4StoredFrame(other), { magic: 1 }))).toBe(2);
  });

  it('magic 2 requires the correct HC', () => {
    expect(decompress('lz4', lz4StoredFrame(LZ4_CORRECT_HC), { magic: 2 }).toString()).toBe('hello');
    expect(codeOf(() => decompress('lz4', lz4StoredFrame(brokenHc), { magic: 2 }))).toBe(2);
  });

  it('decodes standard frames from an independent encoder (lz4_flex), with and without checksums', () => {
    const data = sample(300_000);
    expectBytes(decompress('lz4', compressFrameSync(data), { magic: 2 }), data);
    const checked = compressFrameSync(data, { blockChecksums: true, contentChecksum: true });
    expect(checked[4]! & 0x14).toBe(0x14);
    expectBytes(decompress('lz4', checked, { magic: 1 }), data);
  });

  it('refuses a block whose checksum does not match', () => {
    const checked = Buffer.from(compressFrameSync(Buffer.from('hello hello hello'), { blockChecksums: true }));
    checked.writeUInt8(checked.readUInt8(checked.length - 5) ^ 0xff, checked.length - 5); // last byte of the block checksum, before the end mark
    expect(codeOf(() => decompress('lz4', checked, { magic: 2 }))).toBe(2);
  });

  it('handles a frame that states its content size', () => {
    // FLG 0x68: independent blocks + content size; 8-byte size, then HC over FLG BD size.
    const header = Buffer.concat([Buffer.from([0x04, 0x22, 0x4d, 0x18, 0x68, 0x40]), Buffer.from([5, 0, 0, 0, 0, 0, 0, 0])]);
    const hc = (xxhash32(header, 4) >>> 8) & 0xff;
    const frame = Buffer.concat([header, Buffer.from([hc]), lz4StoredFrame(0).subarray(7)]);
    expect(decompress('lz4', frame, { magic: 2 }).toString()).toBe('hello');
  });

  function withFlg(flg: number, bd = 0x40): Buffer {
    const header = Buffer.from([0x04, 0x22, 0x4d, 0x18, flg, bd]);
    const hc = (xxhash32(header, 4) >>> 8) & 0xff;
    return Buffer.concat([header, Buffer.from([hc]), lz4StoredFrame(0).subarray(7)]);
  }

  it('refuses dependent blocks, dictionaries and other versions with UNSUPPORTED_COMPRESSION_TYPE', () => {
    expect(codeOf(() => decompress('lz4', withFlg(0x40), { magic: 2 }))).toBe(76); // dependent blocks
    expect(codeOf(() => decompress('lz4', withFlg(0x61), { magic: 2 }))).toBe(76); // dictionary id
    expect(codeOf(() => decompress('lz4', withFlg(0xa0), { magic: 2 }))).toBe(76); // version 2
    expect(codeOf(() => decompress('lz4', withFlg(0x60, 0x30), { magic: 2 }))).toBe(2); // block size id 3
    expect(codeOf(() => decompress('lz4', withFlg(0x60, 0x41), { magic: 2 }))).toBe(2); // reserved BD bits
  });

  it('refuses a bad magic, a missing end mark, an oversized or corrupt block', () => {
    const good = lz4StoredFrame(LZ4_CORRECT_HC);
    const badMagic = Buffer.from(good);
    badMagic[0] = 0x05;
    expect(codeOf(() => decompress('lz4', badMagic, { magic: 2 }))).toBe(2);
    expect(codeOf(() => decompress('lz4', good.subarray(0, good.length - 4), { magic: 2 }))).toBe(2);
    const big = Buffer.from(good);
    big.writeUInt32LE(0x80010001, 7); // stored block of 65537 bytes > 64 KiB maximum
    expect(codeOf(() => decompress('lz4', big, { magic: 2 }))).toBe(2);
    const garbage = Buffer.concat([good.subarray(0, 7), Buffer.from([4, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0])]);
    expect(codeOf(() => decompress('lz4', garbage, { magic: 2 }))).toBe(2);
  });

  it('many tiny blocks in a 4 MiB-block frame cost little (no 4 MiB buffer per block)', () => {
    const block = lz4BlockCompress(Buffer.from('abcabcabcabc')).subarray(4);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(block.length);
    const header = Buffer.from([0x04, 0x22, 0x4d, 0x18, 0x60, 0x70, 0]);
    header[6] = (xxhash32(header, 4, 6) >>> 8) & 0xff;
    const blocks = 50_000;
    const frame = Buffer.concat([header, ...Array.from({ length: blocks }, () => Buffer.concat([size, block])), Buffer.alloc(4)]);
    const started = performance.now();
    expect(decompress('lz4', frame, { magic: 2 }).length).toBe(12 * blocks);
    // Clearing 4 MiB per block took about 2 s here; bounded buffers take a few tens of ms.
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('ignores bytes after the end mark, as Kafka does', () => {
    const frame = Buffer.concat([lz4StoredFrame(LZ4_CORRECT_HC), Buffer.from('junk')]);
    expect(decompress('lz4', frame, { magic: 2 }).toString()).toBe('hello');
  });
});

describe('zstd', () => {
  it('decodes frames with and without a declared content size, and several frames', () => {
    const data = sample(400_000);
    const noSize = new ZstdCompressor();
    noSize.setParameters({ contentSizeFlag: false });
    const streamed = noSize.compress(data);
    expectBytes(decompress('zstd', streamed, { magic: 2 }), data);
    const two = Buffer.concat([compress('zstd', data.subarray(0, 1000), { magic: 2 }), streamed]);
    expectBytes(decompress('zstd', two, { magic: 2 }), Buffer.concat([data.subarray(0, 1000), data]));
  });

  it('refuses corrupt, truncated and empty data with CORRUPT_MESSAGE', () => {
    const packed = compress('zstd', sample(10_000), { magic: 2 });
    expect(codeOf(() => decompress('zstd', packed.subarray(0, packed.length - 3), { magic: 2 }))).toBe(2);
    expect(codeOf(() => decompress('zstd', Buffer.from('definitely not zstd'), { magic: 2 }))).toBe(2);
    expect(codeOf(() => decompress('zstd', Buffer.alloc(0), { magic: 2 }))).toBe(2);
  });
});

describe('compressForStorage (the store\'s kept sections)', () => {
  it('reads back with decompress, each result valid until the next call (one scratch buffer)', () => {
    const a = sample(300_000);
    const b = sample(200_000).reverse();
    const packedA = compressForStorage(a);
    expectBytes(decompress('zstd', packedA, { magic: 2 }), a);
    const copyA = Buffer.from(packedA);
    const packedB = compressForStorage(b);
    expectBytes(decompress('zstd', packedB, { magic: 2 }), b);
    // Both views share the scratch buffer: B overwrote A's bytes, which is why callers bind at once.
    expect(packedB.buffer).toBe(packedA.buffer);
    expectBytes(decompress('zstd', copyA, { magic: 2 }), a);
  });

  it('gives an input above 8 MiB its own buffer', () => {
    const small = compressForStorage(sample(1000));
    const big = Buffer.alloc(9 * 1024 * 1024, 'log line ');
    const packed = compressForStorage(big);
    expect(packed.buffer).not.toBe(small.buffer);
    expectBytes(decompress('zstd', packed, { magic: 2, maxBytes: big.length }), big);
  });
});

describe('decompression bombs', () => {
  const zeros = Buffer.alloc(8 * 1024 * 1024);
  const limit = 1024 * 1024;

  const bombs: Array<[Codec, RecordMagic, Buffer]> = [
    ['gzip', 2, zlib.gzipSync(zeros)],
    ['snappy', 2, snappyCompress(zeros)],
    ['lz4', 2, compress('lz4', zeros, { magic: 2 })],
    ['lz4', 0, compress('lz4', zeros, { magic: 0 })],
    ['zstd', 2, compress('zstd', zeros, { magic: 2 })],
    ['none', 1, zeros],
  ];
  for (const [codec, magic, bomb] of bombs) {
    it(`${codec} (magic ${magic}): ${bomb.length} bytes expanding to 8 MiB are refused above a 1 MiB limit`, () => {
      let caught: unknown;
      try {
        decompress(codec, bomb, { magic, maxBytes: limit });
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DecompressionLimitError);
      expect((caught as DecompressionLimitError).code).toBe(10);
      // Exactly at the limit is allowed.
      expect(decompress(codec, bomb, { magic, maxBytes: zeros.length }).length).toBe(zeros.length);
      // The broker's reused-buffer path keeps the same limit.
      expect(() => decompress(codec, bomb, { magic, maxBytes: limit, scratch: true })).toThrow(DecompressionLimitError);
    });
  }

  it('zstd without a declared size (streaming path) is cut off at the limit', () => {
    const noSize = new ZstdCompressor();
    noSize.setParameters({ contentSizeFlag: false });
    expect(() => decompress('zstd', noSize.compress(zeros), { magic: 2, maxBytes: limit })).toThrow(DecompressionLimitError);
  });

  it('xerial snappy chunks count against one shared limit', () => {
    const header = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 0, 0, 0, 1, 0, 0, 0, 1]);
    const block = snappyCompress(Buffer.alloc(600 * 1024));
    const len = Buffer.alloc(4);
    len.writeInt32BE(block.length);
    const framed = Buffer.concat([header, len, block, len, block]);
    expect(() => decompress('snappy', framed, { magic: 2, maxBytes: limit })).toThrow(DecompressionLimitError);
  });

  it('a header that claims gigabytes is refused before any allocation, at the default 100 MiB limit', () => {
    // raw snappy preamble: uvarint 0xffffffff
    expect(() => decompress('snappy', Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00]), { magic: 2 })).toThrow(
      DecompressionLimitError,
    );
    // zstd frame declaring a 4 GiB content size: FHD 0x80 (4-byte FCS), window byte 0x58,
    // FCS 0xffffffff, then one empty raw last block (01 00 00).
    const zstdHeader = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x80, 0x58, 0xff, 0xff, 0xff, 0xff, 0x01, 0x00, 0x00]);
    expect(() => decompress('zstd', zstdHeader, { magic: 2 })).toThrow(DecompressionLimitError);
  });

  it('an lz4 block cannot expand beyond the frame block maximum', () => {
    // A compressed block of 64 KiB + 1 zero bytes inside a 64 KiB-block frame.
    const block = lz4BlockCompress(Buffer.alloc(65537)).subarray(4);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(block.length);
    const frame = Buffer.concat([LZ4_MAGIC_AND_DESCRIPTOR, Buffer.from([LZ4_CORRECT_HC]), size, block, Buffer.alloc(4)]);
    expect(codeOf(() => decompress('lz4', frame, { magic: 2 }))).toBe(2);
  });
});

describe('hostile input', () => {
  it('arbitrary bytes never throw anything but RecordFormatError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CODECS), fc.constantFrom(...MAGICS), fc.uint8Array({ maxLength: 200 }), (codec, magic, bytes) => {
        try {
          decompress(codec, Buffer.from(bytes), { magic, maxBytes: 1 << 20 });
        } catch (e) {
          expect(e instanceof RecordFormatError || e instanceof ProtocolError).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('mutated valid frames never throw anything but RecordFormatError', () => {
    const frames: Array<[Codec, RecordMagic, Buffer]> = CODECS.flatMap((codec) =>
      MAGICS.filter((m) => !(codec === 'zstd' && m < 2)).map((m): [Codec, RecordMagic, Buffer] => [codec, m, compress(codec, sample(3000), { magic: m })]),
    );
    fc.assert(
      fc.property(fc.constantFrom(...frames), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.nat(), ([codec, magic, frame], at, byte, cut) => {
        const mutated = Buffer.from(frame);
        if (mutated.length > 0) mutated[at % mutated.length] = byte;
        for (const input of [mutated, frame.subarray(0, cut % (frame.length + 1))]) {
          try {
            decompress(codec, input, { magic, maxBytes: 1 << 20 });
          } catch (e) {
            expect(e).toBeInstanceOf(RecordFormatError);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});
