/**
 * Record batches, magic 2 (Kafka 0.11+; apache/kafka@2.1.1 DefaultRecordBatch.java,
 * DefaultRecord.java, docs/implementation.html). Layout, byte offsets from the
 * batch start:
 *
 *   0 baseOffset i64 · 8 batchLength i32 (= size − 12) · 12 partitionLeaderEpoch i32
 *   16 magic i8 · 17 crc u32 (CRC-32C over bytes 21..end) · 21 attributes i16
 *   (bits 0–2 codec, 3 LogAppendTime, 4 transactional, 5 control) · 23 lastOffsetDelta i32
 *   27 firstTimestamp i64 · 35 maxTimestamp i64 · 43 producerId i64 · 51 producerEpoch i16
 *   53 baseSequence i32 · 57 record count i32 · 61 records (compressed as one block
 *   when the codec is not none)
 *
 * The records themselves are walked by record-walk.ts. A batch from a client also
 * hands back its records section as decompressed (`section`), so the store can keep
 * it without inflating or parsing it a second time.
 */

import { Writer } from '../primitives';
import { CODEC_ID, type Codec, codecFromAttributes, compress, decompress } from './compression';
import { crc32c } from './crc';
import type { DecodedRecord, EntrySummary, RecordHeader, WalkState } from './decoded-record';
import { INVALID_TIMESTAMP, RecordFormatError, corrupt } from './record-format-error';
import { MIN_RECORD_BYTES, SECTION_MARK_STEP, int64AsNumber, readRecords, type RecordSizes } from './record-walk';

export const RECORD_BATCH_OVERHEAD = 61;
const CRC_OFFSET = 17;
const ATTRIBUTES_OFFSET = 21;
const RECORDS_COUNT_OFFSET = 57;

const TIMESTAMP_TYPE_LOG_APPEND = 0x08;
const CONTROL = 0x20;

/**
 * Validate (and, when `state.out` is set, decode) the v2 batch in `buf[start, end)`.
 * The caller has split the entry (end = start + 12 + batchLength) and seen magic 2.
 */
export function walkRecordBatch(buf: Buffer, start: number, end: number, state: WalkState): EntrySummary & { codec: Codec } {
  const size = end - start;
  if (size < RECORD_BATCH_OVERHEAD) {
    throw corrupt(`Record batch is corrupt (the size ${size} is smaller than the minimum allowed overhead ${RECORD_BATCH_OVERHEAD})`);
  }
  if (state.fromClient || state.verifyCrc) {
    const stored = buf.readUInt32BE(start + CRC_OFFSET);
    const computed = crc32c(buf.subarray(start + ATTRIBUTES_OFFSET, end));
    if (stored !== computed) throw corrupt(`Record batch is corrupt (stored crc = ${stored}, computed crc = ${computed})`);
  }
  const attributes = buf.readInt16BE(start + ATTRIBUTES_OFFSET);
  const codec = codecFromAttributes(attributes);
  const lastOffsetDelta = buf.readInt32BE(start + 23);
  const firstTimestamp = int64AsNumber(buf, start + 27);
  const maxTimestampField = int64AsNumber(buf, start + 35);
  const producerIdHigh = buf.readInt32BE(start + 43);
  const baseSequence = buf.readInt32BE(start + 53);
  const count = buf.readInt32BE(start + RECORDS_COUNT_OFFSET);
  const logAppendTime = (attributes & TIMESTAMP_TYPE_LOG_APPEND) !== 0;
  const control = (attributes & CONTROL) !== 0;

  if (state.fromClient) {
    // LogValidator.validateBatch / validateTimestamp (isFromClient = true), apache/kafka@2.1.1.
    if (count <= 0) throw corrupt(`Invalid reported count for record batch: ${count}`);
    if (lastOffsetDelta + 1 !== count) {
      throw corrupt(`Inconsistent batch offset range (lastOffsetDelta ${lastOffsetDelta}) and count of records ${count}`);
    }
    if (producerIdHigh >= 0 && baseSequence < 0) {
      throw corrupt(`Invalid sequence number ${baseSequence} in record batch with a producer id`);
    }
    if (control) throw corrupt('Clients are not allowed to write control records');
    if (logAppendTime) {
      throw new RecordFormatError(INVALID_TIMESTAMP, 'Producer should not set timestamp type to LogAppendTime');
    }
  } else if (control) {
    // Transaction markers carry no user data; readers skip them.
    return { recordCount: 0, firstTimestamp, maxTimestamp: -1, codec };
  } else if (count < 0) {
    throw corrupt(`Invalid reported count for record batch: ${count}`);
  }

  let data = buf;
  let pos = start + RECORD_BATCH_OVERHEAD;
  let limit = end;
  if (codec !== 'none') {
    // The broker's check keeps none of the inflated bytes (the store keeps the batch as sent), so they go to the reused buffer.
    data = decompress(codec, buf.subarray(pos, end), { magic: 2, maxBytes: state.budget, scratch: state.fromClient && state.out === null });
    state.budget -= data.length;
    pos = 0;
    limit = data.length;
  }
  if (count > (limit - pos) / MIN_RECORD_BYTES) {
    throw corrupt(`Record batch declares ${count} records but holds only ${limit - pos} bytes of records`);
  }

  // Exact 64-bit forms, for the rare timestamps that a Number cannot hold.
  const exact = { first: buf.readBigInt64BE(start + 27), appendTime: logAppendTime ? buf.readBigInt64BE(start + 35) : null };
  const appendTime = logAppendTime ? maxTimestampField : null;
  // A batch from a client is walked once: its marks are taken on the way, for the store.
  const sizes: Required<RecordSizes> | undefined = state.fromClient
    ? { maxKeyBytes: -1, maxValueBytes: -1, maxHeaderBytes: 0, marks: new Uint32Array(Math.ceil(count / SECTION_MARK_STEP)) }
    : undefined;
  const maxTimestamp = readRecords(data, pos, limit, count, firstTimestamp, appendTime, state.out, exact, state.maxRecordBytes, sizes);
  const wire = buf.subarray(start + RECORD_BATCH_OVERHEAD, end);
  const section = sizes && {
    ...(codec === 'none' ? { data: data.subarray(pos, limit) } : {}),
    size: limit - pos,
    codec,
    wire,
    count,
    firstTimestamp,
    ...sizes,
  };
  return { recordCount: count, firstTimestamp, maxTimestamp, codec, section };
}

// ---------------------------------------------------------------- encoding

export interface RecordToEncode {
  key?: Buffer | null;
  value: Buffer | null;
  headers?: ReadonlyArray<RecordHeader>;
  /** ms since the epoch; defaults to the batch's base timestamp. */
  timestamp?: number | bigint;
}

export interface RecordBatchOptions {
  codec: Codec;
  /** firstTimestamp of the batch; defaults to the first record's timestamp, else now. */
  baseTimestamp?: number | bigint;
  /** -1 (no idempotence) unless given, as a non-idempotent Java producer writes. */
  producerId?: number | bigint;
  producerEpoch?: number;
  baseSequence?: number;
}

function sizeOfUvarint(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 0x80);
    n++;
  }
  return n;
}

function sizeOfVarint(v: number): number {
  return sizeOfUvarint(v >= 0 ? v * 2 : -v * 2 - 1);
}

function sizeOfVarlong(v: bigint): number {
  let z = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
  let n = 1;
  while (z >= 0x80n) {
    z >>= 7n;
    n++;
  }
  return n;
}

function sizeOfVarBytes(b: Uint8Array | null | undefined): number {
  return b == null ? 1 : sizeOfVarint(b.length) + b.length;
}

/**
 * One magic-2 batch, as a Java producer without idempotence writes it:
 * baseOffset 0, partitionLeaderEpoch −1, CreateTime, offsetDeltas 0..n−1.
 */
export function encodeRecordBatch(records: ReadonlyArray<RecordToEncode>, opts: RecordBatchOptions): Buffer {
  if (records.length === 0) throw new RangeError('a record batch needs at least one record');
  const first = records[0]?.timestamp;
  const base = BigInt(opts.baseTimestamp ?? first ?? Date.now());
  let maxTimestamp = -1n;

  const body = new Writer(1024);
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as RecordToEncode;
    const timestamp = r.timestamp === undefined ? base : BigInt(r.timestamp);
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
    const delta = timestamp - base;
    const headers = r.headers ?? [];
    const headerKeys = headers.map((h) => Buffer.from(h.key, 'utf8'));
    let size = 1 + sizeOfVarlong(delta) + sizeOfVarint(i) + sizeOfVarBytes(r.key) + sizeOfVarBytes(r.value);
    size += sizeOfVarint(headers.length);
    headers.forEach((h, j) => {
      size += sizeOfVarBytes(headerKeys[j]) + sizeOfVarBytes(h.value);
    });
    body.varint(size).int8(0).varlong(delta).varint(i);
    writeVarBytes(body, r.key ?? null);
    writeVarBytes(body, r.value);
    body.varint(headers.length);
    headers.forEach((h, j) => {
      writeVarBytes(body, headerKeys[j] as Buffer);
      writeVarBytes(body, h.value);
    });
  }
  const recordBytes = compress(opts.codec, body.toBuffer(), { magic: 2 });

  const w = new Writer(RECORD_BATCH_OVERHEAD + recordBytes.length);
  w.int64(0n) // baseOffset: the broker assigns offsets
    .int32(RECORD_BATCH_OVERHEAD - 12 + recordBytes.length)
    .int32(-1) // partitionLeaderEpoch: unknown to producers
    .int8(2)
    .uint32(0) // crc, patched below
    .int16(CODEC_ID[opts.codec])
    .int32(records.length - 1)
    .int64(base)
    .int64(maxTimestamp)
    .int64(BigInt(opts.producerId ?? -1))
    .int16(opts.producerEpoch ?? -1)
    .int32(opts.baseSequence ?? -1)
    .int32(records.length)
    .raw(recordBytes);
  const out = w.toBuffer();
  out.writeUInt32BE(crc32c(out.subarray(ATTRIBUTES_OFFSET)), CRC_OFFSET);
  return out;
}

function writeVarBytes(w: Writer, b: Uint8Array | null): void {
  if (b === null) w.varint(-1);
  else w.varint(b.length).raw(b);
}
