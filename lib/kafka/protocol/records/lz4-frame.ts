/**
 * Kafka's LZ4 framing (apache/kafka@2.1.1 KafkaLZ4BlockOutputStream /
 * KafkaLZ4BlockInputStream): the standard LZ4 frame, version 1, independent
 * blocks only, with one historical quirk. Kafka 0.8–0.9 computed the header
 * checksum (HC) over magic+FLG+BD instead of FLG+BD; so for magic 0 Kafka still
 * writes that broken HC and skips the HC check when reading, while magic 1 and 2
 * use the correct one. We parse the frame ourselves and decode each block with
 * lz4-napi's block decoder, which lets us bound every block's output (a frame
 * cannot claim more than its block maximum) and the total (the caller's budget).
 *
 * What each magic accepts on read: magic 0 ignores the HC (as Kafka does), magic 1
 * accepts the correct or the broken HC (lenient, some pre-0.10 writers kept the
 * broken one), magic 2 requires the correct HC (as Kafka does).
 */

import { compressSync as lz4BlockCompress, uncompressSync as lz4BlockUncompress } from 'lz4-napi';

import { ErrorCode } from '../errors';
import { DecompressionLimitError, RecordFormatError, corrupt } from './record-format-error';

export const LZ4_FRAME_MAGIC = 0x184d2204;
/** FLG as Kafka writes it: version 01, block independence, no checksums, no content size. */
const KAFKA_FLG = 0x60;
/** BD as Kafka writes it: 64 KiB maximum block size. */
const KAFKA_BD = 0x40;
const KAFKA_BLOCK_SIZE = 64 * 1024;
const INCOMPRESSIBLE = 0x80000000;

const FLG_CONTENT_CHECKSUM = 0x04;
const FLG_CONTENT_SIZE = 0x08;
const FLG_BLOCK_CHECKSUM = 0x10;
const FLG_BLOCK_INDEPENDENCE = 0x20;

const P1 = 2654435761;
const P2 = 2246822519;
const P3 = 3266489917;
const P4 = 668265263;
const P5 = 374761393;

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function round(acc: number, lane: number): number {
  return Math.imul(rotl((acc + Math.imul(lane, P2)) | 0, 13), P1);
}

/** XXH32 of `buf[start, end)` (the frame format's checksum function). */
export function xxhash32(buf: Uint8Array, start = 0, end = buf.length, seed = 0): number {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let p = start;
  let h: number;
  if (end - start >= 16) {
    let v1 = (seed + P1 + P2) | 0;
    let v2 = (seed + P2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - P1) | 0;
    const limit = end - 16;
    while (p <= limit) {
      v1 = round(v1, view.getUint32(p, true));
      v2 = round(v2, view.getUint32(p + 4, true));
      v3 = round(v3, view.getUint32(p + 8, true));
      v4 = round(v4, view.getUint32(p + 12, true));
      p += 16;
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else {
    h = (seed + P5) | 0;
  }
  h = (h + (end - start)) | 0;
  while (p + 4 <= end) {
    h = Math.imul(rotl((h + Math.imul(view.getUint32(p, true), P3)) | 0, 17), P4);
    p += 4;
  }
  while (p < end) {
    h = Math.imul(rotl((h + Math.imul(buf[p] as number, P5)) | 0, 11), P1);
    p++;
  }
  h ^= h >>> 15;
  h = Math.imul(h, P2);
  h ^= h >>> 13;
  h = Math.imul(h, P3);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The HC byte: second byte of XXH32 over the descriptor (with the magic for the broken variant). */
function headerChecksum(frame: Uint8Array, descriptorEnd: number, broken: boolean): number {
  return (xxhash32(frame, broken ? 0 : 4, descriptorEnd) >>> 8) & 0xff;
}

/**
 * Decode one Kafka LZ4 frame. `maxBytes` bounds the decompressed total;
 * trailing bytes after the end mark are ignored, as Kafka's reader does.
 */
export function decodeKafkaLz4Frame(frame: Buffer, magic: 0 | 1 | 2, maxBytes: number): Buffer {
  if (frame.length < 7) throw corrupt('lz4 frame ended prematurely');
  if (frame.readUInt32LE(0) !== LZ4_FRAME_MAGIC) throw corrupt('lz4 data is not an LZ4 frame (bad magic)');
  const flg = frame[4] as number;
  const bd = frame[5] as number;
  if (flg >>> 6 !== 1) throw unsupported(`lz4 frame version ${flg >>> 6} is unsupported`);
  // Bits 0-1: reserved in Kafka's reading of the spec (bit 0 is a dictionary id in newer LZ4).
  if ((flg & 0x03) !== 0) throw unsupported('lz4 frame uses reserved flags or a dictionary id');
  if ((flg & FLG_BLOCK_INDEPENDENCE) === 0) throw unsupported('lz4 frame with dependent blocks is unsupported');
  const blockSizeId = (bd >>> 4) & 0x07;
  if ((bd & 0x8f) !== 0 || blockSizeId < 4) throw corrupt('lz4 frame block descriptor is invalid');
  const maxBlockSize = 1 << (2 * blockSizeId + 8);

  let pos = 6;
  if (flg & FLG_CONTENT_SIZE) pos += 8;
  if (frame.length < pos + 1) throw corrupt('lz4 frame ended prematurely');
  const hc = frame[pos] as number;
  if (magic !== 0) {
    const good = hc === headerChecksum(frame, pos, false);
    const lenient = magic === 1 && hc === headerChecksum(frame, pos, true);
    if (!good && !lenient) throw corrupt('lz4 frame descriptor checksum mismatch');
  }
  pos += 1;

  const parts: Buffer[] = [];
  let total = 0;
  let scratch = Buffer.alloc(0);
  const blockChecksums = (flg & FLG_BLOCK_CHECKSUM) !== 0;
  for (;;) {
    if (frame.length < pos + 4) throw corrupt('lz4 frame ended prematurely (no end mark)');
    const word = frame.readUInt32LE(pos);
    pos += 4;
    if (word === 0) break;
    const stored = (word & INCOMPRESSIBLE) !== 0;
    const size = word & 0x7fffffff;
    if (size > maxBlockSize) throw corrupt(`lz4 block of ${size} bytes exceeds the frame's maximum ${maxBlockSize}`);
    if (frame.length < pos + size + (blockChecksums ? 4 : 0)) throw corrupt('lz4 frame ended prematurely');
    if (blockChecksums && xxhash32(frame, pos, pos + size) !== frame.readUInt32LE(pos + size)) {
      throw corrupt('lz4 block checksum mismatch');
    }
    const budget = maxBytes - total;
    let out: Buffer;
    if (stored) {
      if (size > budget) throw new DecompressionLimitError(maxBytes, 'lz4 data');
      out = frame.subarray(pos, pos + size);
    } else {
      // lz4-napi's block decoder wants a little-endian size prefix, allocates that much and
      // refuses to write beyond it. A block cannot expand more than 255-fold (each
      // length-extension byte adds at most 255), so tiny blocks get small buffers: without
      // this a frame of many 5-byte blocks would make us clear 4 MiB per block.
      const cap = Math.min(maxBlockSize, budget, size * 255 + 64);
      if (scratch.length < 4 + size) scratch = Buffer.allocUnsafe(Math.max(4 + size, 1024));
      scratch.writeUInt32LE(cap, 0);
      frame.copy(scratch, 4, pos, pos + size);
      try {
        out = lz4BlockUncompress(scratch.subarray(0, 4 + size));
      } catch (e) {
        if (cap === budget && cap < maxBlockSize && /too small/i.test(e instanceof Error ? e.message : '')) {
          throw new DecompressionLimitError(maxBytes, 'lz4 data');
        }
        throw corrupt(`lz4 block is corrupt: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    pos += size + (blockChecksums ? 4 : 0);
    total += out.length;
    parts.push(out);
  }
  // Kafka reads but does not verify the content checksum ("TODO: verify"); we do the same.
  if (flg & FLG_CONTENT_CHECKSUM) {
    if (frame.length < pos + 4) throw corrupt('lz4 frame ended prematurely (content checksum)');
  }
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, total);
}

/**
 * Encode as Kafka does: 64 KiB independent blocks, stored raw when LZ4 does not
 * shrink them, no checksums, and the broken HC for magic 0.
 */
export function encodeKafkaLz4Frame(data: Buffer, magic: 0 | 1 | 2): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.from([0x04, 0x22, 0x4d, 0x18, KAFKA_FLG, KAFKA_BD, 0]);
  header[6] = headerChecksum(header, 6, magic === 0);
  parts.push(header);
  for (let off = 0; off < data.length; off += KAFKA_BLOCK_SIZE) {
    const chunk = data.subarray(off, Math.min(off + KAFKA_BLOCK_SIZE, data.length));
    // lz4-napi prefixes the block with its uncompressed size (4 bytes LE); the frame does not.
    const block = lz4BlockCompress(chunk).subarray(4);
    const len = Buffer.allocUnsafe(4);
    if (block.length >= chunk.length) {
      len.writeUInt32LE((chunk.length | INCOMPRESSIBLE) >>> 0, 0);
      parts.push(len, chunk);
    } else {
      len.writeUInt32LE(block.length, 0);
      parts.push(len, block);
    }
  }
  parts.push(Buffer.alloc(4));
  return Buffer.concat(parts);
}

/**
 * A frame feature Kafka's reader refuses (dependent blocks, dictionaries, other
 * versions). Kafka throws a bare RuntimeException there; "unsupported
 * compression type" tells the producer's operator more than an unknown error.
 */
function unsupported(message: string): RecordFormatError {
  return new RecordFormatError(ErrorCode.UNSUPPORTED_COMPRESSION_TYPE, message);
}
