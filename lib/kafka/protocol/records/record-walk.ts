/**
 * The record loop of magic-2 batches (DefaultRecord.java, apache/kafka@2.1.1), apart
 * from the batch framing and the codecs so that it has no native dependencies: the
 * record store's readers (the HTTP side) use it to read the records sections it keeps.
 *
 * Record: length varint, attributes i8, timestampDelta varlong, offsetDelta varint,
 * key (varint length, −1 = null), value (same), header count varint, headers
 * (key: varint length + UTF-8, value: varint length or −1).
 *
 * This is the endpoint's hottest code (every produced record passes it before the
 * ack), so it reads varints straight from the buffer with its own bounds checks,
 * keeps timestamps as Numbers (ms fit in 2^53), and hands out key/value views
 * instead of copies.
 */

import type { DecodedRecord, RecordHeader } from './decoded-record';
import { type RecordFormatError, corrupt, recordTooLarge } from './record-format-error';

/** Smallest possible record: length, attributes, timestampDelta, offsetDelta, key, value, header count. */
export const MIN_RECORD_BYTES = 7;

const TWO_32 = 4294967296;

export function int64AsNumber(buf: Buffer, at: number): number {
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


/** A records section's marks: the byte position of every SECTION_MARK_STEP-th record (0, 128, 256, …). */
export const SECTION_MARK_STEP = 128;
const MARK_SHIFT = 7;

/** The largest parts of a section's records, gathered while walking it (what a store needs to keep it as is). */
export interface RecordSizes {
  maxKeyBytes: number;
  maxValueBytes: number;
  /** Largest sum of one record's header key and value bytes. */
  maxHeaderBytes: number;
  /**
   * When set (ceil(count / SECTION_MARK_STEP) entries), filled with the marks, relative to
   * the first record: the same numbers as recordPositions(…, SECTION_MARK_STEP), without a second pass.
   */
  marks?: Uint32Array;
}

/**
 * Walk `count` records in `data[pos, limit)`, which they must fill exactly
 * (DefaultRecord.readFrom's size check, and no bytes after the last record).
 * Returns the largest timestamp.
 */
export function readRecords(
  data: Buffer,
  start: number,
  limit: number,
  count: number,
  firstTimestamp: number,
  appendTime: number | null,
  out: DecodedRecord[] | null,
  exact: { first: bigint; appendTime: bigint | null },
  maxRecordBytes: number,
  sizes?: RecordSizes,
): number {
  if (out === null && appendTime === null) return checkRecords(data, start, limit, count, firstTimestamp, exact, maxRecordBytes, sizes);
  const c = { pos: start };
  let maxTimestamp = -1;
  const firstSafe = Number.isSafeInteger(firstTimestamp);
  const marks = sizes?.marks;
  for (let i = 0; i < count; i++) {
    if (marks !== undefined && (i & (SECTION_MARK_STEP - 1)) === 0) marks[i >>> MARK_SHIFT] = c.pos - start;
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
    const headersAt = c.pos;
    const headers: RecordHeader[] | null = out ? [] : null;
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
      if (headers) headers.push({ key: data.toString('utf8', keyStart, keyStart + headerKeyLength), value: headerValue });
    }
    if (sizes) {
      if (keyLength > sizes.maxKeyBytes) sizes.maxKeyBytes = keyLength;
      if (valueLength > sizes.maxValueBytes) sizes.maxValueBytes = valueLength;
      // The header section with its length prefixes: a bound on its keys and values.
      if (bodyEnd - headersAt > sizes.maxHeaderBytes) sizes.maxHeaderBytes = bodyEnd - headersAt;
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
      out.push({ offsetDelta: out.length, timestamp: exactTimestamp ?? BigInt(timestamp), key, value, headers: headers ?? [] });
    }
  }
  if (c.pos !== limit) throw corrupt('Record batch has bytes after its last record');
  return maxTimestamp;
}


/** Shared cursor of checkRecords' slow paths (no allocation per record). */
const slow = { pos: 0 };

/**
 * readRecords for the broker's check (nothing decoded, CreateTime): the same checks,
 * errors and results, with the usual one-byte varints read inline. It runs for every
 * record produced, before the ack.
 */
function checkRecords(
  data: Buffer,
  start: number,
  limit: number,
  count: number,
  firstTimestamp: number,
  exact: { first: bigint },
  maxRecordBytes: number,
  sizes: RecordSizes | undefined,
): number {
  let pos = start;
  let maxTimestamp = -1;
  const firstSafe = Number.isSafeInteger(firstTimestamp);
  const marks = sizes?.marks;
  let maxKey = sizes ? sizes.maxKeyBytes : 0;
  let maxValue = sizes ? sizes.maxValueBytes : 0;
  let maxHeader = sizes ? sizes.maxHeaderBytes : 0;
  for (let i = 0; i < count; i++) {
    if (marks !== undefined && (i & (SECTION_MARK_STEP - 1)) === 0) marks[i >>> MARK_SHIFT] = pos - start;
    // Record length: one or two varint bytes for records under 8 KiB.
    let bodySize: number;
    let b = pos < limit ? (data[pos] as number) : 0x80;
    if (b < 0x80) {
      bodySize = (b >>> 1) ^ -(b & 1);
      pos += 1;
    } else if (pos + 1 < limit && (data[pos + 1] as number) < 0x80) {
      const raw = (b & 0x7f) | ((data[pos + 1] as number) << 7);
      bodySize = (raw >>> 1) ^ -(raw & 1);
      pos += 2;
    } else {
      slow.pos = pos;
      bodySize = readVarint(data, slow, limit);
      pos = slow.pos;
    }
    const bodyStart = pos;
    const bodyEnd = bodyStart + bodySize;
    if (bodySize < 0 || bodyEnd > limit) throw corrupt(`Invalid record size ${bodySize}`);
    if (bodySize > maxRecordBytes) throw recordTooLarge(bodySize, maxRecordBytes);
    if (pos >= bodyEnd) throw truncatedRecord();
    pos++; // record attributes: unused in 2.1.1
    const deltaAt = pos;
    let timestampDelta: number;
    b = pos < bodyEnd ? (data[pos] as number) : 0x80;
    if (b < 0x80) {
      timestampDelta = b % 2 === 0 ? b / 2 : -(b + 1) / 2;
      pos += 1;
    } else {
      slow.pos = pos;
      timestampDelta = readVarlong(data, slow, bodyEnd);
      pos = slow.pos;
    }
    const deltaExact = pos - deltaAt <= 7;
    // offsetDelta (the endpoint assigns offsets itself), then the key length.
    b = pos < bodyEnd ? (data[pos] as number) : 0x80;
    if (b < 0x80) pos += 1;
    else {
      slow.pos = pos;
      readVarint(data, slow, bodyEnd);
      pos = slow.pos;
    }
    let keyLength: number;
    b = pos < bodyEnd ? (data[pos] as number) : 0x80;
    if (b < 0x80) {
      keyLength = (b >>> 1) ^ -(b & 1);
      pos += 1;
    } else {
      slow.pos = pos;
      keyLength = readVarint(data, slow, bodyEnd);
      pos = slow.pos;
    }
    if (keyLength >= 0) {
      if (keyLength > bodyEnd - pos) throw truncatedRecord();
      pos += keyLength;
    } else if (keyLength !== -1) {
      throw corrupt(`Invalid record key length ${keyLength}`);
    }
    let valueLength: number;
    b = pos < bodyEnd ? (data[pos] as number) : 0x80;
    if (b < 0x80) {
      valueLength = (b >>> 1) ^ -(b & 1);
      pos += 1;
    } else if (pos + 1 < bodyEnd && (data[pos + 1] as number) < 0x80) {
      const raw = (b & 0x7f) | ((data[pos + 1] as number) << 7);
      valueLength = (raw >>> 1) ^ -(raw & 1);
      pos += 2;
    } else {
      slow.pos = pos;
      valueLength = readVarint(data, slow, bodyEnd);
      pos = slow.pos;
    }
    if (valueLength >= 0) {
      if (valueLength > bodyEnd - pos) throw truncatedRecord();
      pos += valueLength;
    } else if (valueLength !== -1) {
      throw corrupt(`Invalid record value length ${valueLength}`);
    }
    let headerCount: number;
    b = pos < bodyEnd ? (data[pos] as number) : 0x80;
    if (b < 0x80) {
      headerCount = (b >>> 1) ^ -(b & 1);
      pos += 1;
    } else {
      slow.pos = pos;
      headerCount = readVarint(data, slow, bodyEnd);
      pos = slow.pos;
    }
    if (headerCount < 0) throw corrupt('Found invalid number of record headers');
    if (headerCount * 2 > bodyEnd - pos) throw truncatedRecord();
    const headersAt = pos;
    if (headerCount > 0) {
      slow.pos = pos;
      for (let h = 0; h < headerCount; h++) {
        const headerKeyLength = readVarint(data, slow, bodyEnd);
        if (headerKeyLength < 0) throw corrupt('Invalid negative header key size');
        if (headerKeyLength > bodyEnd - slow.pos) throw truncatedRecord();
        slow.pos += headerKeyLength;
        const headerValueLength = readVarint(data, slow, bodyEnd);
        if (headerValueLength >= 0) {
          if (headerValueLength > bodyEnd - slow.pos) throw truncatedRecord();
          slow.pos += headerValueLength;
        } else if (headerValueLength !== -1) {
          throw corrupt(`Invalid header value length ${headerValueLength}`);
        }
      }
      pos = slow.pos;
    }
    if (keyLength > maxKey) maxKey = keyLength;
    if (valueLength > maxValue) maxValue = valueLength;
    if (bodyEnd - headersAt > maxHeader) maxHeader = bodyEnd - headersAt;
    if (pos !== bodyEnd) {
      throw corrupt(`Invalid record size: expected to read ${bodySize} bytes in record payload, but instead read ${pos - bodyStart}`);
    }
    let timestamp = firstTimestamp + timestampDelta;
    if (!(deltaExact && firstSafe && Number.isSafeInteger(timestamp))) {
      timestamp = Number(BigInt.asIntN(64, exact.first + readVarlongExact(data, deltaAt)));
    }
    if (timestamp > maxTimestamp) maxTimestamp = timestamp;
  }
  if (sizes) {
    sizes.maxKeyBytes = maxKey;
    sizes.maxValueBytes = maxValue;
    sizes.maxHeaderBytes = maxHeader;
  }
  if (pos !== limit) throw corrupt('Record batch has bytes after its last record');
  return maxTimestamp;
}

/**
 * The `count` records of a records section kept by the store (already validated when
 * it arrived): `data` holds exactly those records, from the first to the last byte.
 * offsetDelta counts from 0 at the section's first record.
 */
export function decodeRecordSection(data: Buffer, count: number, firstTimestamp: number): DecodedRecord[] {
  const out: DecodedRecord[] = [];
  const first = Number.isSafeInteger(firstTimestamp) ? BigInt(firstTimestamp) : 0n;
  readRecords(data, 0, data.length, count, firstTimestamp, null, out, { first, appendTime: null }, Number.POSITIVE_INFINITY);
  return out;
}

/**
 * Byte positions of records 0, step, 2·step, … of a records section (record lengths
 * only, nothing else parsed), so a reader can start at a late record.
 */
export function recordPositions(data: Buffer, count: number, step: number): Uint32Array {
  const marks = new Uint32Array(Math.ceil(count / step));
  const c = { pos: 0 };
  for (let i = 0; i < count; i++) {
    if (i % step === 0) marks[i / step] = c.pos;
    const size = readVarint(data, c, data.length);
    if (size < 0 || size > data.length - c.pos) throw corrupt(`Invalid record size ${size}`);
    c.pos += size;
  }
  return marks;
}
