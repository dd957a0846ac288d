/**
 * The records of one partition in a Produce request, both ways:
 *
 * - `inspectRecords` is what the Produce handler runs on each partition's
 *   `records` bytes before acknowledging. It applies the checks a Kafka 2.1.1
 *   broker applies (ProduceRequest.validateRecords, Log.analyzeAndValidateRecords,
 *   LogValidator with isFromClient = true): for Produce v3+ exactly one batch of
 *   magic 2; zstd only with Produce v7+ in magic 2; CRC-32C (v2) or CRC-32 (v0/v1,
 *   nested messages too); lengths that add up; lastOffsetDelta = count − 1; no
 *   control batches; every record parsed (v2 batches are decompressed to do so).
 *   One pass, no copies of records.
 * - `decodeRecords` reads stored bytes back as records (keys/values are views).
 *
 * Where we are stricter or looser than 2.1.1 (each on purpose):
 * - trailing bytes that do not form a whole entry are refused (Kafka silently
 *   drops a partial trailing batch); real producers never send them;
 * - client-sent offsets are ignored (Kafka requires baseOffset 0 and, for
 *   compressed sets, inner offsets 0..n−1); the endpoint assigns offsets itself;
 * - decompression is bounded (`maxDecompressedBytes`, default 100 MiB).
 */

import { ProtocolError } from '../primitives';
import { ErrorCode } from '../errors';
import { type Codec, DEFAULT_MAX_DECOMPRESSED_BYTES, codecFromAttributes } from './compression';
import type { DecodedRecord, RecordsSection, WalkState } from './decoded-record';
import { LOG_OVERHEAD, RECORD_OVERHEAD_V0, walkLegacyEntry } from './message-set';
import { DecompressionLimitError, RecordFormatError, corrupt } from './record-format-error';
import { walkRecordBatch } from './record-batch';

export { crc32, crc32c } from './crc';
export {
  CODEC_ID,
  CODECS,
  DEFAULT_MAX_DECOMPRESSED_BYTES,
  codecFromAttributes,
  compress,
  compressForStorage,
  decompress,
  type Codec,
  type CodecOptions,
  type RecordMagic,
} from './compression';
export type { DecodedRecord, RecordHeader, RecordsSection } from './decoded-record';
export { SECTION_MARK_STEP, decodeRecordSection, recordPositions } from './record-walk';
export { encodeMessageSet, type MessageSetOptions, type MessageToEncode } from './message-set';
export { encodeRecordBatch, type RecordBatchOptions, type RecordToEncode } from './record-batch';
export { DecompressionLimitError, INVALID_TIMESTAMP, RecordFormatError } from './record-format-error';
export { xxhash32 } from './lz4-frame';

export interface BatchSummary {
  /** Byte offset of the batch (or top-level message) in the partition's records. */
  offset: number;
  /** Its length in bytes, offset and size fields included. */
  length: number;
  recordCount: number;
  magic: 0 | 1 | 2;
  codec: Codec;
}

export interface RecordsSummary {
  /** Magic of the batches (all equal); 0 for an empty message set. */
  magic: 0 | 1 | 2;
  recordCount: number;
  /** ms; -1 when there are no timestamps (magic 0, or no records). */
  firstTimestamp: number;
  /** ms; largest record timestamp, -1 when none. */
  maxTimestamp: number;
  codec: Codec;
  batches: BatchSummary[];
  /** Bytes of records once decompressed (the records as sent, for uncompressed data). */
  recordBytes: number;
  /** One v2 batch: its records section, decompressed (a view into `data` or the inflated bytes). */
  section?: RecordsSection;
}

export interface InspectOptions {
  produceVersion: number;
  /** Bound on the records' bytes, decompressed (uncompressed records count as sent); MESSAGE_TOO_LARGE beyond. */
  maxDecompressedBytes?: number;
  /** Bound on one record; MESSAGE_TOO_LARGE beyond (default: none). */
  maxRecordBytes?: number;
}

export interface DecodeOptions {
  maxDecompressedBytes?: number;
  /** Check CRCs while decoding (stored bytes were checked on the way in; default false). */
  verifyCrc?: boolean;
  /** Timestamp (ms) to give magic-0 records, which carry none; default -1. */
  logAppendTime?: number | bigint;
}

interface Entry {
  start: number;
  end: number;
  magic: number;
}

/** Split the partition's bytes into entries (v2 batches or top-level legacy messages). */
function splitEntries(data: Buffer): Entry[] {
  const found: Entry[] = [];
  let pos = 0;
  while (pos < data.length) {
    if (data.length - pos < LOG_OVERHEAD) throw corrupt('Records end inside a batch header');
    const size = data.readInt32BE(pos + 8);
    // ByteBufferLogInputStream.nextBatch: anything shorter cannot even hold a magic byte.
    if (size < RECORD_OVERHEAD_V0) throw corrupt(`Record size ${size} is less than the minimum record overhead (${RECORD_OVERHEAD_V0})`);
    if (size > data.length - pos - LOG_OVERHEAD) throw corrupt(`Record batch size ${size} overruns the ${data.length - pos} bytes left`);
    found.push({ start: pos, end: pos + LOG_OVERHEAD + size, magic: data.readInt8(pos + 16) });
    pos += LOG_OVERHEAD + size;
  }
  return found;
}

function asMagic(magic: number): 0 | 1 | 2 {
  if (magic === 0 || magic === 1 || magic === 2) return magic;
  throw corrupt(`Invalid magic ${magic}`);
}

/** Attribute bits of an entry: int16 at 21 for v2, int8 at 17 for v0/v1. */
function entryCodec(data: Buffer, e: Entry): Codec {
  return codecFromAttributes(e.magic === 2 ? data.readInt16BE(e.start + 21) : data.readInt8(e.start + 17));
}

/** Turn overruns of the shared Reader/Buffer reads into the typed error. */
function typed<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RecordFormatError) throw e;
    if (e instanceof ProtocolError || e instanceof RangeError) throw corrupt(e.message);
    throw e;
  }
}

function limitOf(maxDecompressedBytes: number | undefined): number {
  const limit = maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
  if (!(limit >= 0)) throw new RangeError(`maxDecompressedBytes must be >= 0, got ${limit}`);
  return limit;
}

export function inspectRecords(data: Buffer, opts: InspectOptions): RecordsSummary {
  const limit = limitOf(opts.maxDecompressedBytes);
  return typed(() => inspect(data, opts.produceVersion, limit, opts.maxRecordBytes ?? Number.POSITIVE_INFINITY));
}

function inspect(data: Buffer, produceVersion: number, maxBytes: number, maxRecordBytes: number): RecordsSummary {
  const found = splitEntries(data);

  // ProduceRequest.validateRecords (v3+): checked while 2.1.1 parses the request.
  if (produceVersion >= 3) {
    const first = found[0];
    const requestLevel = { requestLevel: true };
    if (first === undefined) {
      throw new RecordFormatError(ErrorCode.CORRUPT_MESSAGE, `Produce requests with version ${produceVersion} must have at least one record batch`, requestLevel);
    }
    if (first.magic !== 2) {
      throw new RecordFormatError(
        ErrorCode.CORRUPT_MESSAGE,
        `Produce requests with version ${produceVersion} are only allowed to contain record batches with magic version 2`,
        requestLevel,
      );
    }
    if (produceVersion < 7 && entryCodec(data, first) === 'zstd') {
      throw new RecordFormatError(
        ErrorCode.UNSUPPORTED_COMPRESSION_TYPE,
        `Produce requests with version ${produceVersion} are not allowed to use ZStandard compression`,
        requestLevel,
      );
    }
    if (found.length > 1) {
      throw new RecordFormatError(
        ErrorCode.CORRUPT_MESSAGE,
        `Produce requests with version ${produceVersion} are only allowed to contain exactly one record batch`,
        requestLevel,
      );
    }
  }

  if (found.length === 0) {
    // Produce v0–v2 with an empty set: 2.1.1 appends nothing and reports success.
    return { magic: 0, recordCount: 0, firstTimestamp: -1, maxTimestamp: -1, codec: 'none', batches: [], recordBytes: 0 };
  }

  const firstEntry = found[0] as Entry;
  const magic = asMagic(firstEntry.magic);
  const codecs = found.map((e) => {
    if (e.magic !== magic) throw corrupt(`Batch magic ${e.magic} is not the same as the first batch's magic byte ${magic}`);
    return entryCodec(data, e);
  });
  // LogValidator: magic 2, or any compression, means exactly one batch.
  const compressedIndex = codecs.findIndex((c) => c !== 'none');
  if (found.length > 1 && (magic === 2 || compressedIndex >= 0)) {
    throw corrupt('Compressed outer record has more than one batch');
  }
  const codec = compressedIndex >= 0 ? (codecs[compressedIndex] as Codec) : 'none';
  if (codec === 'zstd' && (magic !== 2 || produceVersion < 7)) {
    throw new RecordFormatError(
      ErrorCode.UNSUPPORTED_COMPRESSION_TYPE,
      magic !== 2 ? `zstd needs record batches of magic 2, not magic ${magic}` : `Produce v${produceVersion} may not use zstd (needs v7)`,
    );
  }

  // Uncompressed records count against the same budget as decompressed ones (a 6 MB plain batch is as big as a 6 MB inflated one).
  if (codec === 'none' && data.length > maxBytes) throw new DecompressionLimitError(maxBytes, 'uncompressed records');
  const state: WalkState = { budget: maxBytes, maxRecordBytes, fromClient: true, verifyCrc: true, out: null, logAppendTime: -1n };
  const batches: BatchSummary[] = [];
  let recordCount = 0;
  let firstTimestamp = -1;
  let maxTimestamp = -1;
  let section: RecordsSection | undefined;
  for (const e of found) {
    const s = magic === 2 ? walkRecordBatch(data, e.start, e.end, state) : walkLegacyEntry(data, e.start, e.end, state);
    if (batches.length === 0) firstTimestamp = s.firstTimestamp;
    if (s.maxTimestamp > maxTimestamp) maxTimestamp = s.maxTimestamp;
    recordCount += s.recordCount;
    if (found.length === 1) section = s.section;
    batches.push({ offset: e.start, length: e.end - e.start, recordCount: s.recordCount, magic, codec: s.codec });
  }
  return {
    magic,
    recordCount,
    firstTimestamp,
    maxTimestamp,
    codec,
    batches,
    recordBytes: codec === 'none' ? data.length : maxBytes - state.budget,
    ...(section ? { section } : {}),
  };
}

/**
 * Every record of every batch or message set in `data` (as stored by the
 * endpoint): nested compressed wrappers unwrapped, control batches skipped,
 * offsetDelta = position in `data`'s records.
 */
export function decodeRecords(data: Buffer, opts: DecodeOptions = {}): DecodedRecord[] {
  const limit = limitOf(opts.maxDecompressedBytes);
  const logAppendTime = BigInt(opts.logAppendTime ?? -1);
  return typed(() => {
    const out: DecodedRecord[] = [];
    const state: WalkState = {
      budget: limit,
      maxRecordBytes: Number.POSITIVE_INFINITY,
      fromClient: false,
      verifyCrc: opts.verifyCrc ?? false,
      out,
      logAppendTime,
    };
    for (const e of splitEntries(data)) {
      const magic = asMagic(e.magic);
      if (magic === 2) walkRecordBatch(data, e.start, e.end, state);
      else walkLegacyEntry(data, e.start, e.end, state);
    }
    return out;
  });
}
