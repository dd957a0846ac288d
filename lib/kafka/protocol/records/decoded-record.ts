/**
 * Shapes shared by the v0/v1 message-set codec and the v2 record-batch codec:
 * the record as the store reads it back, and the running state of one pass over
 * a partition's `records` bytes (decompression budget, where decoded records go).
 */

import type { Codec } from './compression';

export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

export interface DecodedRecord {
  /** Position of the record in the decoded bytes (0, 1, 2…): the offset the endpoint assigns is base + this. */
  offsetDelta: number;
  /** Milliseconds since the epoch; -1 when the format has none (magic 0) and no log-append time is known. */
  timestamp: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

/**
 * A v2 batch's records as they are once decompressed (Kafka's record encoding, a
 * view: valid while the request's bytes are), with the largest parts of its records.
 */
export interface RecordsSection {
  /**
   * The records, for an uncompressed batch only (a view into the request). A compressed
   * batch's inflated records were checked in a reused buffer and are gone: what can be
   * kept of it is `wire`, as the client compressed it.
   */
  data?: Buffer;
  /** Bytes of the records, decompressed. */
  size: number;
  /** The batch's codec, and its records section as received (compressed unless the codec is none). */
  codec: Codec;
  wire: Buffer;
  count: number;
  /** The batch's firstTimestamp (ms), the base of the records' timestamp deltas. */
  firstTimestamp: number;
  /** -1 when every key is null. */
  maxKeyBytes: number;
  /** -1 when every value is null. */
  maxValueBytes: number;
  /** Largest header section of one record, length prefixes included (0 without headers). */
  maxHeaderBytes: number;
  /** Byte position of every SECTION_MARK_STEP-th record in `data` (record-walk.ts), taken during the check. */
  marks: Uint32Array;
}

/** What one batch (v2) or one top-level message (v0/v1, with its nested set) holds. */
export interface EntrySummary {
  recordCount: number;
  /** v2 batches checked as from a client: the records section (see RecordsSection). */
  section?: RecordsSection;
  /** -1 when the format has no timestamps (magic 0). */
  firstTimestamp: number;
  /** Largest record timestamp, -1 when none. */
  maxTimestamp: number;
}

export interface WalkState {
  /** Decompressed bytes still allowed in this pass. */
  budget: number;
  /** Largest record (v2: the record body; v0/v1: the message) allowed; larger ones are MESSAGE_TOO_LARGE. */
  readonly maxRecordBytes: number;
  /** Apply the producer-side checks (Log/LogValidator with isFromClient = true) and verify every CRC. */
  readonly fromClient: boolean;
  /** Verify CRCs even when not `fromClient`. */
  readonly verifyCrc: boolean;
  /** Where decoded records go; null when only validating. */
  readonly out: DecodedRecord[] | null;
  /** Timestamp for magic-0 records (they carry none); -1n when unknown. */
  readonly logAppendTime: bigint;
}
