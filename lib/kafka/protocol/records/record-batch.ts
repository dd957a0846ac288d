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
 * Record: length varint, attributes i8, timestampDelta varlong, offsetDelta varint,
 * key (varint length, −1 = null), value (same), header count varint, headers
 * (key: varint length + UTF-8, value: varint length or −1).
 *
 * The record loop is the endpoint's hottest code (every produced record passes it
 * before the ack), so it reads varints straight from the buffer with its own
 * bounds checks, keeps timestamps as Numbers (ms fit in 2^53), and hands out
 * key/value views instead of copies.
 */

import { Writer } from '../primitives';
import { CODEC_ID, type Codec, codecFromAttributes, compress, decompress } from './compression';
import { crc32c } from './crc';
import type { DecodedRecord, EntrySummary, RecordHeader, WalkState } from './decoded-record';
import { INVALID_TIMESTAMP, RecordFormatError, corrupt, recordTooLarge } from './record-format-error';

export const RECORD_BATCH_OVERHEAD = 61;
const CRC_OFFSET = 17;
const ATTRIBUTES_OFFSET = 21;
const RECORDS_COUNT_OFFSET = 57;

const TIMESTAMP_TYPE_LOG_APPEND = 0x08;
const CONTROL = 0x20;

/** Smallest possible record: length, attributes, timestampDelta, offsetDelta, key, value, header count. */
const MIN_RECORD_BYTES = 7;

const TWO_32 = 4294967296;

function int64AsNumber(buf: Buffer, at: number): number {
  return buf.readInt32BE(at) * TWO_32 + buf.readUInt32BE(at + 4);
}

/** Zig-zag varint (32 bits) at `c.pos`, not reading past `limit`. */
function readVarint(buf: Buffer, c: { pos: number }, limit: number): number {
  let pos = c.pos;
  if (pos >= limit) throw truncatedRecord();
  let b = buf[pos++] as number;
  let raw = b & 0x7f;
  let shift = 7;
  while (b & 0x80) {
    if (pos >= limit) throw truncatedRecord();
    b = buf[pos++] as number;
    if (shift === 28 && b > 0x0f) throw corrupt('varint is longer than 32 bits');
    raw |= (b & 0x7f) << shift;
    shift += 7;
  }
  c.pos = pos;
  return (raw >>> 1) ^ -(raw & 1);
}

/** Zig-zag varlong as a Number (exact for encodings of up to 7 bytes; see readVarlongExact). */
function readVarlong(buf: Buffer, c: { pos: number }, limit: number): number {
  let pos = c.pos;
  let raw = 0;
  let mult = 1;
  for (let i = 0; ; i++) {
    if (i === 10) throw corrupt('varlong is longer than 10 bytes');
    if (pos >= limit) throw truncatedRecord();
    const b = buf[pos++] as number;
    raw += (b & 0x7f) * mult;
    if ((b & 0x80) === 0) break;
    mult *= 128;
  }
  c.pos = pos;
  return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
}

/** The same varlong, exactly, as a BigInt (only for values beyond 2^53). */
function readVarlongExact(buf: Buffer, pos: number): bigint {
  let raw = 0n;
  for (let shift = 0n; ; shift += 7n) {
    const b = buf[pos++] as number;
    raw |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) break;
  }
  return BigInt.asIntN(64, (raw >> 1n) ^ -(raw & 1n));
}

function truncatedRecord(): RecordFormatError {
  return corrupt('Found invalid record structure: a record runs past its end');
}

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
    data = decompress(codec, buf.subarray(pos, end), { magic: 2, maxBytes: state.budget });
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
  const maxTimestamp = readRecords(data, pos, limit, count, firstTimestamp, appendTime, state.out, exact, state.maxRecordBytes);
  return { recordCount: count, firstTimestamp, maxTimestamp, codec };
}

/**
 * Walk `count` records in `data[pos, limit)`, which they must fill exactly
 * (DefaultRecord.readFrom's size check, and no bytes after the last record).
 * Returns the largest timestamp.
 */
function readRecords(
  data: Buffer,
  start: number,
  limit: number,
  count: number,
  firstTimestamp: number,
  appendTime: number | null,
  out: DecodedRecord[] | null,
  exact: { first: bigint; appendTime: bigint | null },
  maxRecordBytes: number,
): number {
  const c = { pos: start };
  let maxTimestamp = -1;
  const firstSafe = Number.isSafeInteger(firstTimestamp);
  for (let i = 0; i < count; i++) {
    const bodySize = readVarint(data, c, limit);
    const bodyStart = c.pos;
    const bodyEnd = bodyStart + bodySize;
    if (bodySize < 0 || bodyEnd > limit) throw corrupt(`Invalid record size ${bodySize}`);
    if (bodySize > maxRecordBytes) throw recordTooLarge(bodySize, maxRecordBytes);
    if (c.pos >= bodyEnd) throw truncatedRecord();
    c.pos++; // record attributes: unused in 2.1.1
    const deltaAt = c.pos;
    const timestampDelta = readVarlong(data, c, bodyEnd);
    // Up to 7 varint bytes (49 bits) the Number is exact; longer ones may have rounded.
    const deltaExact = c.pos - deltaAt <= 7;
    readVarint(data, c, bodyEnd); // offsetDelta: the endpoint assigns offsets itself

    const keyLength = readVarint(data, c, bodyEnd);
    let key: Buffer | null = null;
    if (keyLength >= 0) {
      if (keyLength > bodyEnd - c.pos) throw truncatedRecord();
      if (out) key = data.subarray(c.pos, c.pos + keyLength);
      c.pos += keyLength;
    } else if (keyLength !== -1) {
      throw corrupt(`Invalid record key length ${keyLength}`);
    }

    const valueLength = readVarint(data, c, bodyEnd);
    let value: Buffer | null = null;
    if (valueLength >= 0) {
      if (valueLength > bodyEnd - c.pos) throw truncatedRecord();
      if (out) value = data.subarray(c.pos, c.pos + valueLength);
      c.pos += valueLength;
    } else if (valueLength !== -1) {
      throw corrupt(`Invalid record value length ${valueLength}`);
    }

    const headerCount = readVarint(data, c, bodyEnd);
    if (headerCount < 0) throw corrupt('Found invalid number of record headers');
    if (headerCount * 2 > bodyEnd - c.pos) throw truncatedRecord();
    const headers: RecordHeader[] = [];
    for (let h = 0; h < headerCount; h++) {
      const headerKeyLength = readVarint(data, c, bodyEnd);
      if (headerKeyLength < 0) throw corrupt('Invalid negative header key size');
      if (headerKeyLength > bodyEnd - c.pos) throw truncatedRecord();
      const keyStart = c.pos;
      c.pos += headerKeyLength;
      const headerValueLength = readVarint(data, c, bodyEnd);
      let headerValue: Buffer | null = null;
      if (headerValueLength >= 0) {
        if (headerValueLength > bodyEnd - c.pos) throw truncatedRecord();
        if (out) headerValue = data.subarray(c.pos, c.pos + headerValueLength);
        c.pos += headerValueLength;
      } else if (headerValueLength !== -1) {
        throw corrupt(`Invalid header value length ${headerValueLength}`);
      }
      if (out) headers.push({ key: data.toString('utf8', keyStart, keyStart + headerKeyLength), value: headerValue });
    }
    if (c.pos !== bodyEnd) {
      throw corrupt(`Invalid record size: expected to read ${bodySize} bytes in record payload, but instead read ${c.pos - bodyStart}`);
    }

    let timestamp = appendTime ?? firstTimestamp + timestampDelta;
    let exactTimestamp: bigint | null = exact.appendTime;
    if (appendTime === null && !(deltaExact && firstSafe && Number.isSafeInteger(timestamp))) {
      // Beyond 2^53 a Number sum rounds; redo it in 64-bit two's complement as Kafka's long math does.
      exactTimestamp = BigInt.asIntN(64, exact.first + readVarlongExact(data, deltaAt));
      timestamp = Number(exactTimestamp);
    }
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
    if (out) {
      out.push({ offsetDelta: out.length, timestamp: exactTimestamp ?? BigInt(timestamp), key, value, headers });
    }
  }
  if (c.pos !== limit) throw corrupt('Record batch has bytes after its last record');
  return maxTimestamp;
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
