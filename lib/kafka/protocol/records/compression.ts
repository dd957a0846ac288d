/**
 * The five codecs of Kafka's attribute bits 0–2, in both directions, with every
 * decompression bounded by a byte budget so a small hostile batch cannot make us
 * allocate gigabytes (default 100 MiB, `DecompressionLimitError` beyond it).
 *
 * Framing per codec (apache/kafka@2.1.1 CompressionType.java; docs/kafka-2.1.1.md#compression):
 * - gzip: a standard gzip stream (concatenated members accepted, as GZIPInputStream does).
 * - snappy: Java producers write snappy-java's xerial framing (`\x82SNAPPY\0`, two
 *   int32 versions, then [int32 length][raw block]…) for every magic; librdkafka
 *   writes one raw snappy block. We read both (sniffing the magic, as librdkafka
 *   does) and write raw.
 * - lz4: Kafka's LZ4 frame, with the magic-0 header-checksum quirk (lz4-frame.ts).
 * - zstd: standard zstd frames, only in magic 2 batches (Kafka 2.1 added zstd
 *   together with Produce v7; older formats cannot carry it: code 76).
 */

import zlib from 'node:zlib';

import { compressSync as snappyCompress, uncompressSync as snappyUncompress } from 'snappy';
import { compress as zstdCompress } from 'zstd-napi';
import * as zstd from 'zstd-napi/binding';

import { ErrorCode } from '../errors';
import { crc32 } from './crc';
import { InflateError, inflateRawInto } from './inflate-into';
import { decodeKafkaLz4Frame, encodeKafkaLz4Frame } from './lz4-frame';
import { DecompressionLimitError, RecordFormatError, corrupt } from './record-format-error';

export type Codec = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';

/** The codec's number in the attributes' low three bits. */
export const CODEC_ID: Readonly<Record<Codec, number>> = { none: 0, gzip: 1, snappy: 2, lz4: 3, zstd: 4 };

const CODEC_BY_ID: readonly Codec[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

export const CODECS: readonly Codec[] = CODEC_BY_ID;

export type RecordMagic = 0 | 1 | 2;

export const DEFAULT_MAX_DECOMPRESSED_BYTES = 100 * 1024 * 1024;

export interface CodecOptions {
  magic: RecordMagic;
  /** Upper bound on the decompressed size (default 100 MiB). */
  maxBytes?: number;
  /**
   * The result may be a VIEW into one reused buffer, valid only until the next `scratch`
   * call (gzip members and zstd frames that state their size, up to 8 MiB). For callers
   * that only check the bytes and keep none of them: the broker's check of each batch.
   */
  scratch?: boolean;
}

/** Largest output kept in the reused decompression buffer (above it, a fresh buffer). */
const SCRATCH_MAX_BYTES = 8 * 1024 * 1024;
let scratch: Buffer | undefined;

/** The reused buffer, at least `size` bytes (grown in MiB steps, never past SCRATCH_MAX_BYTES + 1). */
function scratchBuffer(size: number): Buffer {
  if (scratch === undefined || scratch.length < size) {
    scratch = Buffer.allocUnsafeSlow(Math.min(SCRATCH_MAX_BYTES + 1, Math.ceil(size / 0x100000) * 0x100000));
  }
  return scratch.subarray(0, size);
}

/** The codec named by attribute bits 0–2; ids 5–7 do not exist in Kafka 2.1.1. */
export function codecFromAttributes(attributes: number): Codec {
  const codec = CODEC_BY_ID[attributes & 0x07];
  if (codec === undefined) {
    throw new RecordFormatError(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, `unknown compression codec id ${attributes & 0x07}`);
  }
  return codec;
}

function refuseZstdBelowMagic2(codec: Codec, magic: RecordMagic): void {
  if (codec === 'zstd' && magic < 2) {
    throw new RecordFormatError(
      ErrorCode.UNSUPPORTED_COMPRESSION_TYPE,
      `zstd compression needs record batches of magic 2, not message sets of magic ${magic}`,
    );
  }
}

export function decompress(codec: Codec, data: Buffer, opts: CodecOptions): Buffer {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  if (!(maxBytes >= 0)) throw new RangeError(`maxBytes must be >= 0, got ${maxBytes}`);
  refuseZstdBelowMagic2(codec, opts.magic);
  switch (codec) {
    case 'none':
      if (data.length > maxBytes) throw new DecompressionLimitError(maxBytes, 'uncompressed data');
      return data;
    case 'gzip':
      return (opts.scratch && gunzipIntoScratch(data, maxBytes)) || gunzip(data, maxBytes);
    case 'snappy':
      return unsnappy(data, maxBytes);
    case 'lz4':
      return decodeKafkaLz4Frame(data, opts.magic, maxBytes);
    case 'zstd':
      return unzstd(data, maxBytes, opts.scratch === true);
  }
}

export function compress(codec: Codec, data: Buffer, opts: { magic: RecordMagic }): Buffer {
  refuseZstdBelowMagic2(codec, opts.magic);
  switch (codec) {
    case 'none':
      return data;
    case 'gzip':
      return zlib.gzipSync(data);
    case 'snappy':
      return snappyCompress(data);
    case 'lz4':
      return encodeKafkaLz4Frame(data, opts.magic);
    case 'zstd':
      return zstdCompress(data);
  }
}

/** Level of compressForStorage: zstd's fast mode. */
const STORAGE_LEVEL = -3;
/** Inputs up to this size are compressed into the reused scratch buffer (the store's sections are ≤ 8 MiB). */
const STORAGE_SCRATCH_MAX_INPUT = 8 * 1024 * 1024;
let storageCctx: zstd.CCtx | undefined;
let storageScratch: Buffer | undefined;

/**
 * Fast compression for data kept at rest (the sandbox store's records sections):
 * zstd's fast mode (level −3: about 3x the speed of level 1 on log lines, at a
 * ratio still near 4:1 on JSON logs), read back with `decompress('zstd', …)`.
 *
 * The result is a VIEW into one reused scratch buffer, valid until the next call:
 * the caller must consume or copy it first (the store binds it to SQLite, which
 * copies). A fresh multi-megabyte output buffer per batch was most of the
 * endpoint's external-memory churn, and with it most of its full garbage
 * collections. Inputs above 8 MiB get their own buffer.
 */
export function compressForStorage(data: Buffer): Buffer {
  if (storageCctx === undefined) {
    storageCctx = new zstd.CCtx();
    storageCctx.setParameter(zstd.CParameter.compressionLevel, STORAGE_LEVEL);
  }
  const bound = zstd.compressBound(data.length);
  let dest: Buffer;
  if (data.length > STORAGE_SCRATCH_MAX_INPUT) {
    dest = Buffer.allocUnsafe(bound);
  } else {
    if (storageScratch === undefined || storageScratch.length < bound) {
      storageScratch = Buffer.allocUnsafeSlow(Math.max(bound, Math.min(zstd.compressBound(STORAGE_SCRATCH_MAX_INPUT), 2 * bound)));
    }
    dest = storageScratch;
  }
  return dest.subarray(0, storageCctx.compress2(dest, data));
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Bounds of zlib's output chunk: each chunk is one allocation and one native call. */
const GZIP_CHUNK_MIN = 64 * 1024;
const GZIP_CHUNK_MAX = 8 * 1024 * 1024;

/** RFC 1952 member header: ID1 ID2 CM FLG MTIME(4) XFL OS, then the optional fields FLG names. */
const GZIP_FIXED_HEADER = 10;
const GZIP_TRAILER = 8;
const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const FRESERVED = 0xe0;

function gzipCorrupt(why: string): RecordFormatError {
  return corrupt(`gzip data is corrupt: ${why}`);
}

/** Where the deflate data of the gzip member at `at` starts; the header is checked as zlib checks it. */
function gzipBodyStart(data: Buffer, at: number): number {
  const end = (pos: number) => {
    if (pos > data.length) throw gzipCorrupt('unexpected end of file');
    return pos;
  };
  end(at + GZIP_FIXED_HEADER);
  if (data[at] !== 0x1f || data[at + 1] !== 0x8b) throw gzipCorrupt('incorrect header check');
  if (data[at + 2] !== 8) throw gzipCorrupt('unknown compression method');
  const flags = data[at + 3] as number;
  if (flags & FRESERVED) throw gzipCorrupt('unknown header flags set');
  let pos = at + GZIP_FIXED_HEADER;
  if (flags & FEXTRA) pos = end(end(pos + 2) + data.readUInt16LE(pos));
  for (const flag of [FNAME, FCOMMENT]) {
    if ((flags & flag) === 0) continue;
    const zero = data.indexOf(0, pos);
    if (zero < 0) throw gzipCorrupt('unexpected end of file');
    pos = zero + 1;
  }
  if (flags & FHCRC) {
    end(pos + 2);
    if ((crc32(data.subarray(at, pos)) & 0xffff) !== data.readUInt16LE(pos)) throw gzipCorrupt('header crc mismatch');
    pos += 2;
  }
  return pos;
}

/**
 * The common case, one gzip member whose trailer states its size, inflated into the
 * reused buffer; null for anything else (more members, trailing bytes, a size that
 * does not match, over 8 MiB, or a Node without inflate-into), which `gunzip` then
 * reads: the same checks, in the same order, with the same messages.
 */
function gunzipIntoScratch(data: Buffer, maxBytes: number): Buffer | null {
  if (data.length < GZIP_FIXED_HEADER + GZIP_TRAILER) return null;
  const isize = data.readUInt32LE(data.length - 4);
  if (isize > maxBytes || isize >= SCRATCH_MAX_BYTES) return null;
  const bodyAt = gzipBodyStart(data, 0);
  // One spare byte: a member that fills the buffer was larger than its stated size.
  const out = scratchBuffer(isize + 1);
  let res;
  try {
    res = inflateRawInto(data, bodyAt, out);
  } catch (e) {
    if (e instanceof InflateError) throw gzipCorrupt(e.message);
    throw e;
  }
  if (res === null || !res.complete) return null;
  const trailerAt = bodyAt + res.consumed;
  if (trailerAt + GZIP_TRAILER !== data.length) return null;
  const member = out.subarray(0, res.written);
  if (crc32(member) !== data.readUInt32LE(trailerAt)) throw gzipCorrupt('incorrect data check');
  if (member.length !== isize) throw gzipCorrupt('incorrect length check');
  return member;
}

/**
 * gzip as zlib's gunzip reads it (members one after another; trailing zero bytes,
 * and whatever follows them, ignored; anything else must be another member), but
 * with the members' CRC-32 checked by the native PCLMUL implementation instead of
 * zlib's table one, which cost more than the inflate itself on log batches.
 */
function gunzip(data: Buffer, maxBytes: number): Buffer {
  const parts: Buffer[] = [];
  let total = 0;
  let at = 0;
  // The gzip trailer states the (last member's) size mod 2^32: a hint for one output chunk
  // instead of zlib's default 16 KiB ones, never a bound (maxOutputLength is).
  const isize = data.length >= 18 ? data.readUInt32LE(data.length - 4) : 0;
  do {
    const bodyAt = gzipBodyStart(data, at);
    const budget = maxBytes - total;
    const chunkSize = Math.max(GZIP_CHUNK_MIN, Math.min(isize + 1, budget + 1, GZIP_CHUNK_MAX));
    let out: Buffer;
    let consumed: number;
    try {
      // maxOutputLength must be >= 1; an exact bound is re-checked below. `info` adds the
      // engine, whose bytesWritten is the input the deflate data took (the trailer follows it).
      const res = zlib.inflateRawSync(data.subarray(bodyAt), { maxOutputLength: Math.max(1, budget), chunkSize, info: true } as zlib.ZlibOptions) as unknown as {
        buffer: Buffer;
        engine: { bytesWritten: number };
      };
      out = res.buffer;
      consumed = res.engine.bytesWritten;
    } catch (e) {
      if (e instanceof RangeError || (e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new DecompressionLimitError(maxBytes, 'gzip data');
      }
      throw gzipCorrupt(message(e));
    }
    if (out.length > budget) throw new DecompressionLimitError(maxBytes, 'gzip data');
    const trailerAt = bodyAt + consumed;
    if (data.length - trailerAt < GZIP_TRAILER) throw gzipCorrupt('unexpected end of file');
    if (crc32(out) !== data.readUInt32LE(trailerAt)) throw gzipCorrupt('incorrect data check');
    if (out.length % 2 ** 32 !== data.readUInt32LE(trailerAt + 4)) throw gzipCorrupt('incorrect length check');
    parts.push(out);
    total += out.length;
    at = trailerAt + GZIP_TRAILER;
  } while (at < data.length && data[at] !== 0);
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, total);
}

const XERIAL_MAGIC = Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]);
const XERIAL_HEADER_LENGTH = 16;

function isXerial(data: Buffer): boolean {
  return data.length >= XERIAL_HEADER_LENGTH && data.compare(XERIAL_MAGIC, 0, 8, 0, 8) === 0;
}

function unsnappy(data: Buffer, maxBytes: number): Buffer {
  if (!isXerial(data)) return snappyBlock(data, maxBytes);
  const parts: Buffer[] = [];
  let total = 0;
  let pos = XERIAL_HEADER_LENGTH;
  while (pos < data.length) {
    if (data.length - pos < 4) throw corrupt('xerial snappy chunk length is truncated');
    const len = data.readInt32BE(pos);
    pos += 4;
    if (len < 0 || len > data.length - pos) throw corrupt(`xerial snappy chunk length ${len} overruns the data`);
    const out = snappyBlock(data.subarray(pos, pos + len), maxBytes - total);
    pos += len;
    total += out.length;
    parts.push(out);
  }
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, total);
}

/** One raw snappy block; its uvarint preamble states the output size, checked before decoding. */
function snappyBlock(block: Buffer, maxBytes: number): Buffer {
  let declared = 0;
  let i = 0;
  for (let shift = 0; ; shift += 7) {
    if (i >= block.length || i >= 5) throw corrupt('snappy data has no valid length preamble');
    const b = block[i++] as number;
    declared += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) break;
  }
  if (declared > maxBytes) throw new DecompressionLimitError(maxBytes, 'snappy data');
  let out: string | Buffer;
  try {
    out = snappyUncompress(block, { asBuffer: true });
  } catch (e) {
    throw corrupt(`snappy data is corrupt: ${message(e)}`);
  }
  if (!Buffer.isBuffer(out) || out.length !== declared) throw corrupt('snappy data does not match its length preamble');
  return out;
}

/**
 * A window above 16 MiB is refused for frames that do not state their size
 * (the streaming decoder would allocate the whole window up front); producers at
 * the default level use 2 MiB windows. Frames that state their size are decoded
 * in one shot into exactly that many bytes and need no window buffer.
 */
const ZSTD_STREAM_WINDOW_LOG_MAX = 24;
const ZSTD_STREAM_CHUNK = 128 * 1024;
let zstdOneShot: zstd.DCtx | undefined;
let zstdStream: zstd.DCtx | undefined;

function unzstd(data: Buffer, maxBytes: number, useScratch = false): Buffer {
  const parts: Buffer[] = [];
  let total = 0;
  let rest = data;
  try {
    if (rest.length === 0) throw corrupt('zstd data is empty');
    while (rest.length > 0) {
      const frameLength = zstd.findFrameCompressedSize(rest);
      const frame = rest.subarray(0, frameLength);
      rest = rest.subarray(frameLength);
      const budget = maxBytes - total;
      const declared = zstd.getFrameContentSize(frame);
      let out: Buffer;
      if (declared !== null) {
        if (declared > budget) throw new DecompressionLimitError(maxBytes, 'zstd data');
        // A lone frame may go to the reused buffer; a frame among several is joined, so it needs its own.
        out = useScratch && parts.length === 0 && rest.length === 0 && declared <= SCRATCH_MAX_BYTES ? scratchBuffer(declared) : Buffer.allocUnsafe(declared);
        zstdOneShot ??= new zstd.DCtx();
        const n = zstdOneShot.decompress(out, frame);
        if (n !== declared) throw corrupt('zstd frame does not match its declared size');
      } else {
        out = zstdStreamFrame(frame, budget, maxBytes);
      }
      total += out.length;
      parts.push(out);
    }
  } catch (e) {
    if (e instanceof RecordFormatError) throw e;
    throw corrupt(`zstd data is corrupt: ${message(e)}`);
  }
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, total);
}

function zstdStreamFrame(frame: Buffer, budget: number, maxBytes: number): Buffer {
  if (zstdStream === undefined) {
    zstdStream = new zstd.DCtx();
    zstdStream.setParameter(zstd.DParameter.windowLogMax, ZSTD_STREAM_WINDOW_LOG_MAX);
  }
  const dctx = zstdStream;
  dctx.reset(zstd.ResetDirective.sessionOnly);
  const chunks: Buffer[] = [];
  let produced = 0;
  let src = frame;
  for (;;) {
    const dst = Buffer.allocUnsafe(Math.min(ZSTD_STREAM_CHUNK, budget - produced + 1));
    const [ret, written, consumed] = dctx.decompressStream(dst, src);
    src = src.subarray(consumed);
    if (written > 0) {
      produced += written;
      if (produced > budget) throw new DecompressionLimitError(maxBytes, 'zstd data');
      chunks.push(dst.subarray(0, written));
    }
    if (ret === 0) break;
    if (src.length === 0 && written < dst.length) throw corrupt('zstd frame is truncated');
    if (written === 0 && consumed === 0) throw corrupt('zstd decoder made no progress');
  }
  if (src.length !== 0) throw corrupt('zstd frame has trailing bytes');
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, produced);
}
