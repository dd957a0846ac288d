/**
 * The one error type of the record codecs. Each instance carries the Kafka error
 * code a 2.1.1 broker would answer for the same bytes, so the Produce handler can
 * put it straight into the partition response.
 *
 * Kafka 2.1.1 throws InvalidRecordException (a CorruptRecordException, code 2)
 * for almost every malformed batch, UnsupportedCompressionTypeException (76) for
 * zstd where it is not allowed, and InvalidTimestampException (32) for a
 * producer-set LogAppendTime. The checks of `ProduceRequest.validateRecords`
 * (Produce v3+) run while 2.1.1 parses the request, so there the whole request
 * fails instead of one partition: `requestLevel` marks those.
 */

import { ErrorCode } from '../errors';

/** InvalidTimestampException; not (yet) in errors.ts, value from Errors.java@2.1.1. */
export const INVALID_TIMESTAMP = 32;

export class RecordFormatError extends Error {
  readonly code: number;
  /** True when 2.1.1 rejects this while parsing the Produce request (ProduceRequest.validateRecords). */
  readonly requestLevel: boolean;

  constructor(code: number, message: string, options: { requestLevel?: boolean } = {}) {
    super(message);
    this.name = 'RecordFormatError';
    this.code = code;
    this.requestLevel = options.requestLevel ?? false;
  }
}

/**
 * Decompressed data would exceed the caller's limit (a zip bomb or a batch far
 * bigger than any real producer sends). Kafka has no such limit of its own; the
 * nearest code a client understands is MESSAGE_TOO_LARGE (RecordTooLargeException).
 */
export class DecompressionLimitError extends RecordFormatError {
  readonly limit: number;

  constructor(limit: number, what: string) {
    super(ErrorCode.MESSAGE_TOO_LARGE, `${what} decompresses to more than the ${limit}-byte limit`);
    this.name = 'DecompressionLimitError';
    this.limit = limit;
  }
}

/** Shorthand for the common case: a CorruptRecordException (code 2). */
export function corrupt(message: string): RecordFormatError {
  return new RecordFormatError(ErrorCode.CORRUPT_MESSAGE, message);
}

/** A record larger than the endpoint takes (SLS: 1 MB per log entry): MESSAGE_TOO_LARGE, as 2.1.1 answers a record above message.max.bytes. */
export function recordTooLarge(size: number, limit: number): RecordFormatError {
  return new RecordFormatError(ErrorCode.MESSAGE_TOO_LARGE, `a record of ${size} bytes exceeds the ${limit}-byte limit of one log entry`);
}
