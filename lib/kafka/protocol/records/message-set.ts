/**
 * Legacy message sets, magic 0 (Kafka 0.8) and magic 1 (0.10, adds a timestamp);
 * apache/kafka@2.1.1 LegacyRecord.java, AbstractLegacyRecordBatch.java,
 * docs/implementation.html. A set has no count: entries follow each other,
 *
 *   offset i64 · size i32 · crc u32 (CRC-32 from magic to the end) · magic i8
 *   attributes i8 (bits 0–2 codec, bit 3 LogAppendTime for magic 1)
 *   [timestamp i64, magic 1 only] · key (int32 length, −1 = null) · value (same)
 *
 * A compressed message ("wrapper") carries a whole nested message set, compressed,
 * as its value. The nested messages must have the wrapper's magic, no codec of
 * their own, and a valid CRC each. Magic-1 inner offsets are relative (the wrapper
 * carries the last one) but we ignore every client-sent offset: the endpoint
 * assigns offsets itself, like the broker's non-in-place path.
 */

import { Writer } from '../primitives';
import { type Codec, CODEC_ID, codecFromAttributes, compress, decompress } from './compression';
import { crc32 } from './crc';
import type { DecodedRecord, EntrySummary, WalkState } from './decoded-record';
import { INVALID_TIMESTAMP, RecordFormatError, corrupt, recordTooLarge } from './record-format-error';

/** Offset + size fields before every entry. */
export const LOG_OVERHEAD = 12;
/** crc, magic, attributes, key length, value length (LegacyRecord.RECORD_OVERHEAD_V0). */
export const RECORD_OVERHEAD_V0 = 14;
/** RECORD_OVERHEAD_V0 plus the timestamp. */
export const RECORD_OVERHEAD_V1 = 22;

const TIMESTAMP_TYPE_LOG_APPEND = 0x08;

interface LegacyMessage {
  magic: 0 | 1;
  attributes: number;
  /** Number form of the timestamp (-1 for magic 0). */
  timestamp: number;
  /** Where the timestamp sits (for the exact BigInt read), -1 for magic 0. */
  timestampAt: number;
  key: Buffer | null;
  value: Buffer | null;
}

/**
 * Parse the legacy message of the entry `buf[start, end)` (end = start + 12 + size).
 * Checks sizes, that key and value fill the message exactly, and the CRC when asked.
 */
function readLegacyMessage(buf: Buffer, start: number, end: number, verifyCrc: boolean): LegacyMessage {
  const size = end - start - LOG_OVERHEAD;
  if (size < RECORD_OVERHEAD_V0) throw corrupt(`Record size ${size} is less than the minimum record overhead (${RECORD_OVERHEAD_V0})`);
  const magic = buf.readInt8(start + 16);
  if (magic !== 0 && magic !== 1) throw corrupt(`Invalid magic ${magic} in a legacy message set`);
  if (magic === 1 && size < RECORD_OVERHEAD_V1) {
    throw corrupt(`Record size ${size} is less than the magic-1 record overhead (${RECORD_OVERHEAD_V1})`);
  }
  if (verifyCrc) {
    const stored = buf.readUInt32BE(start + 12);
    const computed = crc32(buf.subarray(start + 16, end));
    if (stored !== computed) throw corrupt(`Record is corrupt (stored crc = ${stored}, computed crc = ${computed})`);
  }
  const attributes = buf.readInt8(start + 17);
  let pos = start + 18;
  let timestamp = -1;
  let timestampAt = -1;
  if (magic === 1) {
    timestampAt = pos;
    timestamp = buf.readInt32BE(pos) * 4294967296 + buf.readUInt32BE(pos + 4);
    pos += 8;
  }
  const keyLength = buf.readInt32BE(pos);
  pos += 4;
  let key: Buffer | null = null;
  if (keyLength >= 0) {
    if (keyLength > end - pos - 4) throw corrupt(`Record key length ${keyLength} overruns the record`);
    key = buf.subarray(pos, pos + keyLength);
    pos += keyLength;
  } else if (keyLength !== -1) {
    throw corrupt(`Invalid record key length ${keyLength}`);
  }
  const valueLength = buf.readInt32BE(pos);
  pos += 4;
  let value: Buffer | null = null;
  if (valueLength >= 0) {
    if (valueLength !== end - pos) throw corrupt(`Record value length ${valueLength} does not match the record size`);
    value = buf.subarray(pos, pos + valueLength);
    pos += valueLength;
  } else if (valueLength !== -1) {
    throw corrupt(`Invalid record value length ${valueLength}`);
  }
  if (pos !== end) throw corrupt(`Record size ${size} does not match its key and value`);
  return { magic, attributes, timestamp, timestampAt, key, value };
}

/** Split `buf[start, end)` into entries; each must be complete. Returns [entryStart, entryEnd] pairs. */
function* entries(buf: Buffer, start: number, end: number): Generator<[number, number]> {
  let pos = start;
  while (pos < end) {
    if (end - pos < LOG_OVERHEAD) throw corrupt('Message set ends inside an entry header');
    const size = buf.readInt32BE(pos + 8);
    if (size < RECORD_OVERHEAD_V0) throw corrupt(`Record size ${size} is less than the minimum record overhead (${RECORD_OVERHEAD_V0})`);
    if (size > end - pos - LOG_OVERHEAD) throw corrupt(`Record size ${size} overruns the message set`);
    const next = pos + LOG_OVERHEAD + size;
    yield [pos, next];
    pos = next;
  }
}

function exactTimestamp(buf: Buffer, m: LegacyMessage, fallback: bigint): bigint {
  return m.timestampAt < 0 ? fallback : buf.readBigInt64BE(m.timestampAt);
}

/**
 * Validate (and, with `state.out`, decode) one top-level legacy entry
 * `buf[start, end)`, unwrapping a compressed wrapper. The caller has seen magic 0/1.
 */
export function walkLegacyEntry(buf: Buffer, start: number, end: number, state: WalkState): EntrySummary & { codec: Codec } {
  const verify = state.fromClient || state.verifyCrc;
  const wrapper = readLegacyMessage(buf, start, end, verify);
  const codec = codecFromAttributes(wrapper.attributes);
  const wrapperAppendTime = wrapper.magic === 1 && (wrapper.attributes & TIMESTAMP_TYPE_LOG_APPEND) !== 0;
  if (state.fromClient && wrapperAppendTime) {
    throw new RecordFormatError(INVALID_TIMESTAMP, 'Producer should not set timestamp type to LogAppendTime');
  }
  const out = state.out;

  if (codec === 'none') {
    if (end - start - LOG_OVERHEAD > state.maxRecordBytes) throw recordTooLarge(end - start - LOG_OVERHEAD, state.maxRecordBytes);
    if (out) {
      out.push({
        offsetDelta: out.length,
        timestamp: exactTimestamp(buf, wrapper, state.logAppendTime),
        key: wrapper.key,
        value: wrapper.value,
        headers: [],
      });
    }
    return { recordCount: 1, firstTimestamp: wrapper.timestamp, maxTimestamp: wrapper.timestamp, codec };
  }

  if (wrapper.value === null) throw corrupt(`Found invalid compressed record set with null value (magic = ${wrapper.magic})`);
  const inner = decompress(codec, wrapper.value, { magic: wrapper.magic, maxBytes: state.budget });
  state.budget -= inner.length;

  let recordCount = 0;
  let firstTimestamp = -1;
  let maxTimestamp = -1;
  for (const [innerStart, innerEnd] of entries(inner, 0, inner.length)) {
    // Kafka checks the inner CRCs of compressed sets (LogValidator.validateRecord → ensureValid).
    if (innerEnd - innerStart - LOG_OVERHEAD > state.maxRecordBytes) throw recordTooLarge(innerEnd - innerStart - LOG_OVERHEAD, state.maxRecordBytes);
    const m = readLegacyMessage(inner, innerStart, innerEnd, verify);
    if (m.magic !== wrapper.magic) throw corrupt(`Inner record magic ${m.magic} does not match outer magic ${wrapper.magic}`);
    if ((m.attributes & 0x07) !== 0) throw corrupt('Compressed outer record should not have an inner record with a compression attribute set');
    const timestamp = wrapperAppendTime ? wrapper.timestamp : m.timestamp;
    if (recordCount === 0) firstTimestamp = timestamp;
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
    recordCount++;
    if (out) {
      const exact = wrapperAppendTime ? exactTimestamp(buf, wrapper, state.logAppendTime) : exactTimestamp(inner, m, state.logAppendTime);
      out.push({ offsetDelta: out.length, timestamp: exact, key: m.key, value: m.value, headers: [] });
    }
  }
  if (recordCount === 0) throw corrupt('Found invalid compressed record set with no inner records');
  return { recordCount, firstTimestamp, maxTimestamp, codec };
}

// ---------------------------------------------------------------- encoding

export interface MessageToEncode {
  key?: Buffer | null;
  value: Buffer | null;
  /** ms since the epoch (magic 1 only); defaults to now. */
  timestamp?: number | bigint;
}

export interface MessageSetOptions {
  magic: 0 | 1;
  codec: Codec;
}

function writeMessage(
  w: Writer,
  offset: bigint,
  magic: 0 | 1,
  attributes: number,
  timestamp: bigint,
  key: Uint8Array | null,
  value: Uint8Array | null,
): void {
  const sizeAt = w.length + 8;
  w.int64(offset).int32(0).uint32(0).int8(magic).int8(attributes);
  if (magic === 1) w.int64(timestamp);
  w.nullableBytes(key).nullableBytes(value);
  const end = w.length;
  w.patchInt32(sizeAt, end - sizeAt - 4);
  // The view is read before any further write, so a buffer growth cannot make it stale.
  w.patchUint32(sizeAt + 4, crc32(w.toBuffer().subarray(sizeAt + 8, end)));
}

/**
 * A message set as the Java producer writes it: offsets 0..n−1; when compressed,
 * one wrapper holding the inner set, whose offset is the last inner offset and
 * (magic 1) whose timestamp is the largest inner timestamp.
 */
export function encodeMessageSet(messages: ReadonlyArray<MessageToEncode>, opts: MessageSetOptions): Buffer {
  const now = BigInt(Date.now());
  const inner = new Writer(256);
  let maxTimestamp = -1n;
  messages.forEach((m, i) => {
    const timestamp = opts.magic === 1 ? (m.timestamp === undefined ? now : BigInt(m.timestamp)) : -1n;
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
    writeMessage(inner, BigInt(i), opts.magic, 0, timestamp, m.key ?? null, m.value);
  });
  if (opts.codec === 'none') return inner.toBuffer();
  if (messages.length === 0) throw new RangeError('a compressed message set needs at least one message');
  const compressed = compress(opts.codec, inner.toBuffer(), { magic: opts.magic });
  const w = new Writer(compressed.length + 64);
  writeMessage(w, BigInt(messages.length - 1), opts.magic, CODEC_ID[opts.codec], maxTimestamp, null, compressed);
  return w.toBuffer();
}
