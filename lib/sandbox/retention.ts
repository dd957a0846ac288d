/**
 * How much the record store keeps: the bounds retention enforces, as plain
 * data so the environment parser (config.ts) can name them without loading
 * the store and its SQLite binding.
 */
export interface RetentionSettings {
  /** Database file + WAL, bytes. */
  maxBytes: number;
  logstoreMaxBytes: number;
  logstoreMaxRecords: number;
}

export const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;
export const DEFAULT_LOGSTORE_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_LOGSTORE_MAX_RECORDS = 100_000;
/** Smallest `maxBytes`: room for the schema, one append's growth and a WAL. */
export const MIN_MAX_BYTES = 8 * 1024 * 1024;
/** Smallest per-Logstore byte bound. */
export const MIN_LOGSTORE_MAX_BYTES = 64 * 1024;
