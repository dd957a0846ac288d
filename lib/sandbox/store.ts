/**
 * The sandbox's durable store of received records: one embedded SQLite database
 * (`<dataDir>/records.sqlite`, better-sqlite3).
 *
 * - A batch of small records (the common case: log lines) is kept as ONE row (table
 *   `sections`): its records section in Kafka's own record encoding, as the broker
 *   checked it, with the byte position of every 128th record. A batch the client
 *   compressed is kept exactly as it came (no work at all); an uncompressed one is
 *   compressed with zstd's fast mode (on a slow disk, writing 200 MB costs more than
 *   compressing it). Nothing is decoded or copied per record at produce time. A batch
 *   qualifies when every value is within VIEW_LIMITS.readValueMin (so no read ever has
 *   to cut one), every key within VIEW_LIMITS.keyBytes, every record's headers within
 *   SECTION_LIMITS.headerBytes, and the section within SECTION_LIMITS.bytes.
 *   A read touches a section only while it still needs records, newest batch first:
 *   it inflates that section once (within the size it had on arrival, ≤ 8 MiB) and
 *   decodes only from the mark before the oldest record it shows. So one read decodes
 *   at most `limit` + 127 records per batch and inflates at most `limit` sections,
 *   all but the oldest of them smaller than `limit` records.
 * - Any other batch (large values, legacy message sets) is kept as the inbox's view,
 *   made ONCE when it arrives: each record's offset, timestamp, key, value and headers,
 *   cut to the display budgets of records-view (VIEW_LIMITS: value ≤ 64 KiB, with its
 *   full size), one row per record, never the raw wire bytes. A read only reads rows:
 *   it never decompresses, and what it returns is bounded by VIEW_LIMITS.readBudget.
 * - Decoding at produce time is bounded too (APPEND_LIMITS): at most 32 MiB of
 *   decompressed bytes and 200,000 records per append are decoded (the broker has
 *   already inflated the batch once to validate it; this bounds the second pass), at most 16,384
 *   records (the newest) and 16 MiB of copies are kept per batch, 32 MiB per append.
 *   Records past a budget are counted per Logstore (`unviewableRecords`), not hidden.
 *   That decoder is injected (tests store hand-made blobs); sections are read with the
 *   codec's record loop (lib/kafka/protocol/records/record-walk.ts) and `decompress`.
 * - `append` takes all batches of one Produce request and commits them in one
 *   transaction: either every partition of the request is stored or none is, and the
 *   broker acknowledges only after `append` returns.
 * - Offsets are per (project, Logstore, shard), kept in their own table, so they
 *   continue across restarts and never go backwards when retention deletes old batches.
 * - Retention, per Logstore first: a Logstore keeps at most `logstoreMaxRecords`
 *   records and `logstoreMaxBytes` bytes of copies and sections as kept (oldest batches go first, its newest
 *   batch always stays). Then the whole database: while its used pages exceed the
 *   content target (80 % of `maxBytes` minus the WAL allowance), the oldest batches of
 *   the LARGEST Logstore go, so one project's flood evicts its own records before
 *   anyone else's. Every eviction is counted per Logstore (`evictedRecords`,
 *   persisted), so the inbox can say "N records evicted" instead of "No records yet".
 * - The file stays within `maxBytes` (database + WAL): pages freed by retention are
 *   reused (auto_vacuum = INCREMENTAL lets an over-large file shrink at open), the WAL
 *   is checkpointed every `walBytes / 2` and truncated by `maintain()`.
 * - Durability: WAL journal; `synchronous = FULL` fsyncs every commit (survives power
 *   loss), `normal` survives a process crash (kill -9) but not power loss.
 * - Error injection: `failNext(n)` makes the next n appends throw StoreFailure, which
 *   the broker answers as KAFKA_STORAGE_ERROR (56), like SLS's KafkaStorageException.
 * - Readers (the HTTP side) open the same file read-only (`readonly: true`): WAL lets
 *   them read a consistent snapshot while the endpoint's worker writes.
 * - Schema version 1 (raw batches, decoded on every read) is converted at open: each
 *   old batch is decoded once within the same budgets; one that no longer decodes or
 *   is over budget is kept as counts only. Version 2 (no sections) gains the sections
 *   table at open; its rows stay as they are.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOGSTORE_MAX_BYTES, DEFAULT_LOGSTORE_MAX_RECORDS, DEFAULT_MAX_BYTES, MIN_MAX_BYTES } from './retention';
import Database from 'better-sqlite3';
import type { StoredBatchInput } from '../kafka/broker/ports';
import { compressForStorage, decompress, type Codec } from '../kafka/protocol/records/compression';
import { SECTION_MARK_STEP, decodeRecordSection, recordPositions } from '../kafka/protocol/records/record-walk';
import {
  RECORD_OVERHEAD_BYTES,
  VIEW_LIMITS,
  cutBytes,
  headersFromJson,
  readValueCap,
  storedCopy,
  toRecordView,
  type DecodedRecord,
  type RecordPlacement,
  type StoredRecordCopy,
  type StoredRecordView,
} from './records-view';

export type { DecodedRecord, StoredRecordView } from './records-view';

/** What the broker hands the store per partition: its contract, defined once in the broker's ports. */
export type { StoredBatchInput } from '../kafka/broker/ports';

export interface AppendResult {
  /** Offset of the batch's first record. */
  baseOffset: number;
  /** When the store committed the batch (ms since the epoch); the same for every batch of one append. */
  logAppendTime: number;
  /** The shard's earliest retained offset after this append (Produce v5+ `log_start_offset`). */
  logStartOffset: number;
}

export interface ShardStats {
  project: string;
  logstore: string;
  shard: number;
  /** Records in the retained batches. */
  records: number;
  /** Bytes the retained records' copies take. */
  bytes: number;
  /** Offset the next record will get. */
  highWatermark: number;
}

export interface LogstoreStats {
  project: string;
  logstore: string;
  /** Records retained (acknowledged and not evicted). */
  records: number;
  /** Bytes the retained copies take. */
  bytes: number;
  /** Records retention removed, since the Logstore's first record. */
  evictedRecords: number;
  /** Retained records the store could not keep a copy of (over a decode or display budget, or undecodable). */
  unviewableRecords: number;
}

/**
 * Decodes one stored batch at produce time. `maxBytes` is the decompression budget the
 * decoder must enforce (throwing when a batch would inflate past it).
 */
export type BatchDecoder = (raw: Buffer, magic: 0 | 1 | 2, budget: { maxBytes: number; logAppendTime: number }) => DecodedRecord[];

export interface ReadQuery {
  project: string;
  logstore?: string;
  /** Most records to return (not batches). */
  limit: number;
}

export interface ReadResult {
  /** Newest first, at most `limit`; values cut to `valueCap` bytes (each view says its full `size`). */
  records: StoredRecordView[];
  /** Per shard of the project (or of the one Logstore). */
  shards: ShardStats[];
  /** Per Logstore of the project (or the one Logstore): retained, evicted and unviewable counts. */
  logstores: LogstoreStats[];
  /** Records evicted by retention from the asked Logstore (or the whole project). */
  evicted: number;
  /** Most value bytes shown per record in this response. */
  valueCap: number;
}

export interface RecordStoreOptions {
  /** Database file, or ':memory:'. */
  file: string;
  /** Most bytes the database file and its WAL take together; default 512 MiB. */
  maxBytes?: number;
  /** Most bytes of record copies one Logstore keeps; default 64 MiB. */
  logstoreMaxBytes?: number;
  /** Most records one Logstore keeps; default 100,000. */
  logstoreMaxRecords?: number;
  /** `full` (default): survive power loss; `normal`: survive a process crash only, faster. */
  synchronous?: 'full' | 'normal';
  /** The clock for log-append times; tests pin it. */
  now?: () => number;
  /** Produce-time decoder; without one the store keeps counts and offsets only (records are unviewable). */
  decode?: BatchDecoder;
  /** A reader's connection (the HTTP side): no schema changes, no writes. */
  readonly?: boolean;
}

export { DEFAULT_LOGSTORE_MAX_BYTES, DEFAULT_LOGSTORE_MAX_RECORDS, DEFAULT_MAX_BYTES, MIN_MAX_BYTES } from './retention';

/** Produce-time budgets (see the module header). */
export const APPEND_LIMITS = {
  decodeBytes: 32 * 1024 * 1024,
  decodeRecords: 200_000,
  batchRecords: 16_384,
  batchBytes: 16 * 1024 * 1024,
  appendBytes: 32 * 1024 * 1024,
} as const;

/** Which batches are kept as one records section (see the module header). */
export const SECTION_LIMITS = {
  /** Most bytes of one section (the broker's request budget, 5 MB by default, is below it). */
  bytes: 8 * 1024 * 1024,
  /** Most bytes of one record's header section (length prefixes included). */
  headerBytes: 1024,
} as const;

const SCHEMA_VERSION = 3;
const PAGE_SIZE = 4096;
/** How long a second writer waits for the first one's transaction before failing. */
const BUSY_TIMEOUT_MS = 5_000;
/** A reader runs on the HTTP event loop: it must not wait long (WAL readers rarely wait at all). */
const READER_BUSY_TIMEOUT_MS = 1_000;
/** Batch rows one read looks at, at most (batches whose records were all unviewable are skipped). */
const READ_MAX_BATCHES = 5_000;
/**
 * The first bytes of each batch as received are kept (`head`): the batch header and the
 * start of the compressed data, so one can still tell which codec and framing a client
 * used (the interop tests do) without keeping the batch.
 */
const BATCH_HEAD_BYTES = 128;
/** Bytes a batch row costs beyond its records (its integers, texts and head). */
const BATCH_OVERHEAD_BYTES = 96 + BATCH_HEAD_BYTES;

/** The store could not take or read batches; the broker answers KAFKA_STORAGE_ERROR (56). */
export class StoreFailure extends Error {
  override name = 'StoreFailure';
  /** True when failNext() caused it, so logs can tell a drill from a real fault. */
  readonly injected: boolean;
  constructor(message: string, opts: { injected?: boolean; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.injected = opts.injected ?? false;
  }
}

const SCHEMA = `
CREATE TABLE logstores (
  id INTEGER PRIMARY KEY,
  project TEXT NOT NULL CHECK (length(project) > 0),
  logstore TEXT NOT NULL CHECK (length(logstore) > 0),
  batches INTEGER NOT NULL DEFAULT 0,
  records INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0,
  evicted_records INTEGER NOT NULL DEFAULT 0,
  evicted_batches INTEGER NOT NULL DEFAULT 0,
  unviewable_records INTEGER NOT NULL DEFAULT 0,
  UNIQUE (project, logstore)
);
CREATE INDEX logstores_by_bytes ON logstores (bytes);
CREATE TABLE shards (
  ls INTEGER NOT NULL,
  shard INTEGER NOT NULL CHECK (typeof(shard) = 'integer' AND shard >= 0),
  next_offset INTEGER NOT NULL,
  records INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (ls, shard)
) WITHOUT ROWID;
CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  ls INTEGER NOT NULL,
  project TEXT NOT NULL,
  shard INTEGER NOT NULL,
  base_offset INTEGER NOT NULL,
  record_count INTEGER NOT NULL CHECK (typeof(record_count) = 'integer' AND record_count > 0),
  magic INTEGER NOT NULL CHECK (magic IN (0, 1, 2)),
  codec TEXT NOT NULL,
  log_append_time INTEGER NOT NULL,
  client_id TEXT,
  expand_json INTEGER NOT NULL CHECK (expand_json IN (0, 1)),
  raw_bytes INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  first_row INTEGER,
  last_row INTEGER,
  unviewable INTEGER NOT NULL,
  head BLOB NOT NULL,
  sectioned INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX batches_by_logstore ON batches (ls, id);
CREATE INDEX batches_by_project ON batches (project, id);
CREATE INDEX batches_by_shard ON batches (ls, shard, base_offset);
CREATE TABLE sections (
  batch INTEGER PRIMARY KEY,
  first_ts INTEGER NOT NULL,
  codec TEXT NOT NULL,
  size INTEGER NOT NULL,
  marks BLOB NOT NULL,
  data BLOB NOT NULL
);
CREATE TABLE records (
  id INTEGER PRIMARY KEY,
  delta INTEGER NOT NULL,
  ts INTEGER NOT NULL,
  key BLOB,
  key_size INTEGER,
  value BLOB,
  value_size INTEGER,
  value_sha256 TEXT,
  headers TEXT NOT NULL,
  header_count INTEGER NOT NULL
);
`;

interface BatchRow {
  id: number;
  logstore: string;
  shard: number;
  base_offset: number;
  log_append_time: number;
  client_id: string | null;
  expand_json: number;
  record_count: number;
  first_row: number | null;
  last_row: number | null;
  sectioned: number;
}

interface RecordRow {
  delta: number;
  ts: number;
  key: Buffer | null;
  key_size: number | null;
  value: Buffer | null;
  value_size: number | null;
  value_sha256: string | null;
  headers: string;
  header_count: number;
}

interface PreparedBatch {
  b: StoredBatchInput;
  copies: StoredRecordCopy[];
  /** The batch kept as one records section instead of copies (its kept form is made when it is inserted). */
  section?: { source: NonNullable<StoredBatchInput['section']>; marks: Buffer };
  /** Bytes of the copies (a section's are counted when it is inserted). */
  bytes: number;
}

interface EvictableBatch {
  id: number;
  shard: number;
  record_count: number;
  bytes: number;
  first_row: number | null;
  last_row: number | null;
  unviewable: number;
  sectioned: number;
}

/**
 * How a section is kept: a compressed batch as the client compressed it (no work at
 * all); an uncompressed one compressed for storage (fewer bytes to write, which is
 * what an ingest costs on a slow disk), unless that does not make it smaller.
 * The compressed form is a view into compressForStorage's scratch buffer: it must be
 * bound (SQLite copies it) before the next section is compressed.
 */
function keptForm(section: NonNullable<StoredBatchInput['section']>): { codec: Codec; data: Buffer } {
  if (section.codec !== 'none' || section.data === undefined) return { codec: section.codec as Codec, data: section.wire };
  const packed = compressForStorage(section.data);
  return packed.length < section.data.length ? { codec: 'zstd', data: packed } : { codec: 'none', data: section.data };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function positiveLimit(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`RecordStore ${name} must be a whole number ≥ ${min}, got ${value}`);
  return value;
}

export class RecordStore {
  private failures = 0;
  private failMessage = '';
  private closed = false;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly logstoreIds = new Map<string, number>();
  /** Logstore ids first looked up in the running append (forgotten if it rolls back). */
  private uncommittedIds: string[] = [];
  private pageSize = 0;
  private readonly appendTx: Database.Transaction<(batches: PreparedBatch[], now: number) => AppendResult[]>;
  /** Bytes of pages the database may use (80 % of maxBytes, less the WAL's allowance). */
  private readonly contentTarget: number;

  private constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly maxBytes: number,
    private readonly walBytes: number,
    private readonly logstoreMaxBytes: number,
    private readonly logstoreMaxRecords: number,
    private readonly now: () => number,
    private readonly decode: BatchDecoder | undefined,
    readonly readonly: boolean,
  ) {
    this.contentTarget = Math.floor(maxBytes * 0.8) - walBytes;
    this.appendTx = db.transaction((batches: PreparedBatch[], at: number) => this.appendInTransaction(batches, at));
  }

  static open(opts: RecordStoreOptions): RecordStore {
    const maxBytes = positiveLimit('maxBytes', opts.maxBytes, DEFAULT_MAX_BYTES, MIN_MAX_BYTES);
    const logstoreMaxBytes = positiveLimit('logstoreMaxBytes', opts.logstoreMaxBytes, DEFAULT_LOGSTORE_MAX_BYTES);
    const logstoreMaxRecords = positiveLimit('logstoreMaxRecords', opts.logstoreMaxRecords, DEFAULT_LOGSTORE_MAX_RECORDS);
    // The WAL's allowance: a tenth of the bound, at most 64 MiB; checkpoints run at half of it.
    const walBytes = Math.min(64 * 1024 * 1024, Math.floor(maxBytes / 10));
    const inMemory = opts.file === ':memory:';
    const readonly = opts.readonly === true;
    let db: Database.Database | undefined;
    let store: RecordStore | undefined;
    try {
      if (readonly) {
        db = new Database(opts.file, { readonly: true, fileMustExist: true, timeout: READER_BUSY_TIMEOUT_MS });
        const version = Number(db.pragma('user_version', { simple: true }));
        if (version !== SCHEMA_VERSION) throw new Error(`it has schema version ${version}, this reader needs version ${SCHEMA_VERSION}`);
      } else {
        if (!inMemory) mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true });
        db = new Database(opts.file, { timeout: BUSY_TIMEOUT_MS });
        // Both only take effect on a new file (an old one gets them from VACUUM after conversion).
        db.pragma(`page_size = ${PAGE_SIZE}`);
        db.pragma('auto_vacuum = INCREMENTAL');
        db.pragma('journal_mode = WAL');
        const pageSize = Number(db.pragma('page_size', { simple: true }));
        db.pragma(`wal_autocheckpoint = ${Math.max(100, Math.floor(walBytes / 2 / pageSize))}`);
        db.pragma(`journal_size_limit = ${Math.floor(walBytes / 2)}`);
        db.pragma(`synchronous = ${opts.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`);
      }
      store = new RecordStore(
        db,
        opts.file,
        maxBytes,
        walBytes,
        logstoreMaxBytes,
        logstoreMaxRecords,
        opts.now ?? Date.now,
        opts.decode,
        readonly,
      );
      if (!readonly) store.migrate();
    } catch (err) {
      db?.close();
      throw new StoreFailure(
        `cannot open the sandbox record store ${opts.file}: ${messageOf(err)}${inMemory ? '' : '. Move the file away to start with an empty store.'}`,
        { cause: err },
      );
    }
    return store;
  }

  /**
   * Store the batches of one Produce request in one transaction and return each
   * batch's base offset, in input order. Throws StoreFailure and stores nothing on any error.
   */
  append(batches: StoredBatchInput[]): AppendResult[] {
    if (this.failures > 0) {
      this.failures--;
      throw new StoreFailure(this.failMessage, { injected: true });
    }
    if (batches.length === 0) return [];
    if (this.readonly) throw new StoreFailure('this record store connection is read-only');
    try {
      const at = this.now();
      // Decode outside the transaction: the write lock is held only for the inserts.
      this.uncommittedIds = [];
      return this.appendTx.immediate(this.prepare(batches, at), at);
    } catch (err) {
      for (const key of this.uncommittedIds) this.logstoreIds.delete(key);
      if (err instanceof StoreFailure) throw err;
      throw new StoreFailure(`could not store the batches: ${messageOf(err)}`, { cause: err });
    }
  }

  /** Offset the next record of this shard will get (0 for a shard never written). */
  highWatermark(project: string, logstore: string, shard: number): number {
    const row = this.stmt('nextOffsetByName').get(project, logstore, shard) as { next_offset: number } | undefined;
    return row?.next_offset ?? 0;
  }

  /**
   * The newest records of a project (optionally one Logstore), newest first: rows only,
   * nothing decoded. At most `limit` records and VIEW_LIMITS.readBudget bytes of values.
   */
  read(q: ReadQuery): ReadResult {
    if (!Number.isSafeInteger(q.limit) || q.limit < 0) throw new RangeError(`limit must be a whole number ≥ 0, got ${q.limit}`);
    const valueCap = readValueCap(q.limit);
    const logstores = this.logstoreStats(q.project, q.logstore);
    const result: ReadResult = {
      records: [],
      shards: this.stats(q.project).filter((s) => q.logstore === undefined || s.logstore === q.logstore),
      logstores,
      evicted: logstores.reduce((n, l) => n + l.evictedRecords, 0),
      valueCap,
    };
    if (q.limit === 0 || (q.logstore !== undefined && logstores.length === 0)) return result;
    const batches = (
      q.logstore === undefined
        ? this.stmt('viewBatchesByProject').all(q.project, READ_MAX_BATCHES)
        : this.stmt('viewBatchesByLogstore').all(q.project, q.logstore, READ_MAX_BATCHES)
    ) as BatchRow[];
    const out = result.records;
    for (const batch of batches) {
      const placement = (offset: number): RecordPlacement => ({
        project: q.project,
        logstore: batch.logstore,
        shard: batch.shard,
        offset,
        receivedAt: batch.log_append_time,
        clientId: batch.client_id,
        expandJson: batch.expand_json === 1,
      });
      if (batch.sectioned === 1) {
        this.readSection(batch, q.limit - out.length, placement, out);
        if (out.length >= q.limit) break;
        continue;
      }
      // One byte past the cap, so cutBytes sees whether a character straddles the cut.
      const rows = this.stmt('recordsOfBatch').all(valueCap + 1, batch.first_row, batch.last_row, q.limit - out.length) as RecordRow[];
      for (const row of rows) {
        let value = row.value;
        const valueSize = row.value_size;
        // The cut may split a character; move back to its start as the stored copy does.
        if (value !== null && value.length > valueCap) value = cutBytes(value, valueCap);
        const key = row.key;
        const record: DecodedRecord = { timestamp: row.ts, key, value, headers: headersFromJson(row.headers) };
        const truncated =
          (value !== null && valueSize !== null && valueSize > value.length) ||
          (key !== null && row.key_size !== null && row.key_size > key.length) ||
          record.headers.length < row.header_count;
        out.push(toRecordView(placement(batch.base_offset + row.delta), record, { valueSize, truncated, valueSha256: row.value_sha256 }));
      }
      if (out.length >= q.limit) break;
    }
    return result;
  }

  /**
   * The newest `want` records of a batch kept as a section, newest first: only the part
   * of the section from the mark before the first of them is fetched and decoded. Its
   * values are within readValueMin, so none is cut.
   */
  private readSection(batch: BatchRow, want: number, placement: (offset: number) => RecordPlacement, out: StoredRecordView[]): void {
    const row = this.stmt('sectionMarks').get(batch.id) as { first_ts: number; codec: Codec; size: number; marks: Buffer } | undefined;
    if (!row || want <= 0) return;
    const count = batch.record_count;
    const mark = Math.floor(Math.max(0, count - want) / SECTION_MARK_STEP);
    const start = mark * 4 + 4 <= row.marks.length ? row.marks.readUInt32LE(mark * 4) : 0;
    const from = start === 0 ? 0 : mark * SECTION_MARK_STEP;
    let records: DecodedRecord[];
    try {
      let tail: Buffer;
      if (row.codec === 'none') {
        // Only the bytes from the mark on leave SQLite.
        tail = (this.stmt('sectionFrom').get(start + 1, batch.id) as { data: Buffer }).data;
      } else {
        // Inflated within the size it had when it arrived (≤ SECTION_LIMITS.bytes), once per read.
        const data = (this.stmt('sectionFrom').get(1, batch.id) as { data: Buffer }).data;
        tail = decompress(row.codec, data, { magic: 2, maxBytes: row.size }).subarray(start);
      }
      records = decodeRecordSection(tail, count - from, row.first_ts);
    } catch {
      return; // checked when it arrived; a damaged row shows nothing rather than failing the read
    }
    const first = Math.max(0, records.length - want);
    for (let i = records.length - 1; i >= first; i--) out.push(toRecordView(placement(batch.base_offset + from + i), records[i] as DecodedRecord));
  }

  /** Per shard: retained records and bytes, and the high watermark. */
  stats(project?: string): ShardStats[] {
    const rows = (project === undefined ? this.stmt('statsAll').all() : this.stmt('statsProject').all(project)) as Array<{
      project: string;
      logstore: string;
      shard: number;
      records: number;
      bytes: number;
      next_offset: number;
    }>;
    return rows.map((r) => ({
      project: r.project,
      logstore: r.logstore,
      shard: r.shard,
      records: r.records,
      bytes: r.bytes,
      highWatermark: r.next_offset,
    }));
  }

  /** Per Logstore of a project (or one Logstore): retained, evicted and unviewable counts. */
  logstoreStats(project: string, logstore?: string): LogstoreStats[] {
    const rows = (
      logstore === undefined ? this.stmt('logstoresOfProject').all(project) : this.stmt('logstoreByName').all(project, logstore)
    ) as Array<{ project: string; logstore: string; records: number; bytes: number; evicted_records: number; unviewable_records: number }>;
    return rows.map((r) => ({
      project: r.project,
      logstore: r.logstore,
      records: r.records,
      bytes: r.bytes,
      evictedRecords: r.evicted_records,
      unviewableRecords: r.unviewable_records,
    }));
  }

  /** Bytes the database file and its WAL take on disk now (0 in memory). */
  fileBytes(): { db: number; wal: number } {
    if (this.file === ':memory:') return { db: 0, wal: 0 };
    const size = (f: string) => {
      try {
        return statSync(f).size;
      } catch {
        return 0;
      }
    };
    return { db: size(this.file), wal: size(`${this.file}-wal`) };
  }

  /**
   * Housekeeping the endpoint runs every few seconds: truncate the WAL once it is past
   * half its allowance (a checkpoint cannot finish while a reader holds an old snapshot;
   * the next call tries again).
   */
  maintain(): void {
    if (this.closed || this.readonly || this.file === ':memory:') return;
    if (this.fileBytes().wal > this.walBytes / 2) this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Error injection: the next `n` appends throw StoreFailure (→ KafkaStorageException); 0 cancels. */
  failNext(n: number, message = 'injected storage failure (failNext)'): void {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`failNext needs a whole number ≥ 0, got ${n}`);
    this.failures = n;
    this.failMessage = message;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  // -------------------------------------------------------------------------

  private stmt(name: keyof typeof SQL): Database.Statement {
    let s = this.statements.get(name);
    if (!s) {
      s = this.db.prepare(SQL[name]);
      this.statements.set(name, s);
    }
    return s;
  }

  /** Create the schema, or convert a version-1 file; then bring the file within its bound. */
  private migrate(): void {
    const db = this.db;
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version === SCHEMA_VERSION) {
      this.shrinkIfOver();
      return;
    }
    if (version !== 0 && version !== 1 && version !== 2) throw new Error(`it has schema version ${version}, this build understands version ${SCHEMA_VERSION}`);
    let converted = false;
    const run = db.transaction(() => {
      // Re-read inside the write lock: another process may have migrated meanwhile.
      const now = Number(db.pragma('user_version', { simple: true }));
      if (now === SCHEMA_VERSION) return;
      if (now === 1) {
        this.convertVersion1();
        converted = true;
      } else if (now === 2) {
        db.exec(`
          ALTER TABLE batches ADD COLUMN sectioned INTEGER NOT NULL DEFAULT 0;
          CREATE TABLE sections (batch INTEGER PRIMARY KEY, first_ts INTEGER NOT NULL, codec TEXT NOT NULL, size INTEGER NOT NULL,
            marks BLOB NOT NULL, data BLOB NOT NULL);
        `);
      } else db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    });
    run.immediate();
    if (converted) {
      // Give the space of the raw batches back and apply page size and auto_vacuum.
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    this.shrinkIfOver();
  }

  /** Version 1 kept raw batches and decoded them on every read: decode each once, within the budgets. */
  private convertVersion1(): void {
    const db = this.db;
    db.exec(`
      ALTER TABLE batches RENAME TO v1_batches;
      ALTER TABLE shards RENAME TO v1_shards;
      DROP INDEX IF EXISTS batches_by_shard;
      DROP INDEX IF EXISTS batches_by_project;
      DROP INDEX IF EXISTS batches_by_logstore;
      DROP TABLE IF EXISTS totals;
    `);
    db.exec(SCHEMA);
    db.exec(`
      INSERT INTO logstores (project, logstore) SELECT DISTINCT project, logstore FROM v1_shards;
      INSERT INTO shards (ls, shard, next_offset)
        SELECT l.id, s.shard, s.next_offset FROM v1_shards s JOIN logstores l ON l.project = s.project AND l.logstore = s.logstore;
    `);
    const page = db.prepare(
      `SELECT id, project, logstore, shard, base_offset, record_count, magic, first_timestamp, max_timestamp, log_append_time,
        codec, client_id, expand_json, raw FROM v1_batches WHERE id > ? ORDER BY id LIMIT 64`,
    );
    let after = 0;
    for (;;) {
      const rows = page.all(after) as Array<{
        id: number;
        project: string;
        logstore: string;
        shard: number;
        base_offset: number;
        record_count: number;
        magic: 0 | 1 | 2;
        first_timestamp: number;
        max_timestamp: number;
        log_append_time: number;
        codec: string;
        client_id: string | null;
        expand_json: number;
        raw: Buffer;
      }>;
      if (rows.length === 0) break;
      for (const r of rows) {
        after = r.id;
        const b: StoredBatchInput = {
          project: r.project,
          logstore: r.logstore,
          shard: r.shard,
          magic: r.magic,
          recordCount: r.record_count,
          firstTimestamp: r.first_timestamp,
          maxTimestamp: r.max_timestamp,
          codec: r.codec,
          raw: r.raw,
          clientId: r.client_id,
          expandJson: r.expand_json === 1,
        };
        const [prepared] = this.prepare([b], r.log_append_time);
        if (prepared) this.insertBatch(prepared, r.log_append_time, r.base_offset);
      }
    }
    db.exec('DROP TABLE v1_batches; DROP TABLE v1_shards;');
    this.applyRetention(new Set(this.allLogstoreIds()));
  }

  /** The Logstore's row id, created on first use; known ids are cached (rows are never deleted). */
  private logstoreId(project: string, logstore: string): number {
    const key = `${project}\u0000${logstore}`;
    let id = this.logstoreIds.get(key);
    if (id === undefined) {
      this.stmt('ensureLogstore').run(project, logstore);
      id = (this.stmt('logstoreId').get(project, logstore) as { id: number }).id;
      // Cached only once committed: a rolled-back append may have created the row.
      this.uncommittedIds.push(key);
      this.logstoreIds.set(key, id);
    }
    return id;
  }

  private allLogstoreIds(): number[] {
    return (this.db.prepare('SELECT id FROM logstores').all() as Array<{ id: number }>).map((r) => r.id);
  }

  /** A file over its bound (a lowered SANDBOX_MAX_BYTES, a converted file): evict, then give pages back. */
  private shrinkIfOver(): void {
    if (this.file === ':memory:') return;
    const { db: dbBytes } = this.fileBytes();
    if (dbBytes <= this.contentTarget) return;
    this.db.transaction(() => this.applyRetention(new Set(this.allLogstoreIds()))).immediate();
    this.db.pragma('incremental_vacuum');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Bounded copies of each batch's records (the decode happens here, once, before the transaction). */
  private prepare(batches: StoredBatchInput[], at: number): PreparedBatch[] {
    let decodeLeft: number = APPEND_LIMITS.decodeBytes;
    let recordsLeft: number = APPEND_LIMITS.decodeRecords;
    const batchBudget = Math.min(APPEND_LIMITS.batchBytes, Math.floor(APPEND_LIMITS.appendBytes / batches.length));
    return batches.map((b) => {
      if (!Buffer.isBuffer(b.raw)) throw new TypeError(`the records of ${b.project}/${b.logstore} shard ${b.shard} are not bytes`);
      const section = b.section;
      // An uncompressed section is kept from its records (keptForm compresses them); a compressed
      // one is kept as sent, and needs its marks, or its records to find them.
      const keepable =
        section !== undefined && (section.codec === 'none' ? section.data !== undefined : section.marks !== undefined || section.data !== undefined);
      if (
        section !== undefined &&
        keepable &&
        section.count === b.recordCount &&
        section.size <= SECTION_LIMITS.bytes &&
        section.maxValueBytes <= VIEW_LIMITS.readValueMin &&
        section.maxKeyBytes <= VIEW_LIMITS.keyBytes &&
        section.maxHeaderBytes <= SECTION_LIMITS.headerBytes
      ) {
        // The broker took the marks while it checked the batch; a section from elsewhere (tests) is walked here.
        const positions = section.marks ?? recordPositions(section.data!, section.count, SECTION_MARK_STEP);
        const marks = Buffer.from(positions.buffer, positions.byteOffset, positions.byteLength);
        return { b, copies: [], section: { source: section, marks }, bytes: BATCH_OVERHEAD_BYTES };
      }
      let copies: StoredRecordCopy[] = [];
      if (this.decode && b.recordCount <= recordsLeft && decodeLeft > 0) {
        recordsLeft -= b.recordCount;
        let decoded: DecodedRecord[] = [];
        try {
          decoded = this.decode(b.raw, b.magic, { maxBytes: decodeLeft, logAppendTime: at });
        } catch {
          // Over the decode budget, or (an older file) bytes this codec no longer reads:
          // the batch keeps its offsets and counts, its records are counted as unviewable.
          decoded = [];
        }
        // A legacy message set has no decompressed-size field: charge what its values took.
        for (const r of decoded) decodeLeft -= (r.value?.byteLength ?? 0) + (r.key?.byteLength ?? 0);
        const keep = decoded.slice(Math.max(0, decoded.length - APPEND_LIMITS.batchRecords));
        const perRecord = Math.max(
          64,
          Math.min(VIEW_LIMITS.valueBytes, Math.floor(batchBudget / Math.max(1, keep.length)) - RECORD_OVERHEAD_BYTES),
        );
        const offset = decoded.length - keep.length;
        copies = keep
          .map((r, i) => storedCopy(r, offset + i, perRecord))
          // A record placed past the batch's count (a decoder quirk) has no offset of its own.
          .filter((c) => c.offsetDelta < b.recordCount);
      }
      const bytes = BATCH_OVERHEAD_BYTES + copies.reduce((n, c) => n + c.bytes, 0);
      return { b, copies, bytes };
    });
  }

  private appendInTransaction(batches: PreparedBatch[], now: number): AppendResult[] {
    const placed = batches.map((p) => ({ p, ...this.insertBatch(p, now) }));
    this.applyRetention(new Set(placed.map((x) => x.ls)));
    return placed.map(({ baseOffset, ls, p }) => {
      const start = this.stmt('logStart').get(ls, p.b.shard) as { start: number | null };
      return { baseOffset, logAppendTime: now, logStartOffset: start.start ?? baseOffset };
    });
  }

  private insertBatch(p: PreparedBatch, now: number, baseOffsetOverride?: number): { baseOffset: number; ls: number } {
    const { b, copies } = p;
    // Compressed here, right before it is bound: the kept form is a view into a reused buffer.
    const kept = p.section && keptForm(p.section.source);
    const bytes = p.bytes + (kept && p.section ? kept.data.length + p.section.marks.length : 0);
    const ls = this.logstoreId(b.project, b.logstore);
    const row = this.stmt('nextOffset').get(ls, b.shard) as { next_offset: number } | undefined;
    const baseOffset = baseOffsetOverride ?? row?.next_offset ?? 0;
    let firstRow: number | null = null;
    let lastRow: number | null = null;
    const insertRecord = this.stmt('insertRecord');
    for (const c of copies) {
      const id = Number(
        insertRecord.run(c.offsetDelta, c.timestamp, c.key, c.keySize, c.value, c.valueSize, c.valueSha256, c.headers, c.headerCount).lastInsertRowid,
      );
      firstRow ??= id;
      lastRow = id;
    }
    const unviewable = p.section ? 0 : b.recordCount - copies.length;
    const inserted = this.stmt('insertBatch').run(
      ls,
      b.project,
      b.shard,
      baseOffset,
      b.recordCount,
      b.magic,
      b.codec,
      now,
      b.clientId,
      b.expandJson ? 1 : 0,
      b.raw.length,
      bytes,
      firstRow,
      lastRow,
      unviewable,
      Buffer.from(b.raw.subarray(0, BATCH_HEAD_BYTES)),
      p.section ? 1 : 0,
    );
    // better-sqlite3 copies a bound blob, so the section (a view into the request) may go after this call.
    if (p.section && kept) {
      const { source, marks } = p.section;
      this.stmt('insertSection').run(inserted.lastInsertRowid, source.firstTimestamp, kept.codec, source.size, marks, kept.data);
    }
    this.stmt('upsertShard').run(ls, b.shard, Math.max(row?.next_offset ?? 0, baseOffset + b.recordCount), b.recordCount, bytes);
    this.stmt('addToLogstore').run(1, b.recordCount, bytes, unviewable, ls);
    return { baseOffset, ls };
  }

  /** Per-Logstore bounds for the Logstores just written, then the database's own bound. */
  private applyRetention(touched: Set<number>): void {
    for (const ls of touched) {
      const s = this.stmt('logstoreCounts').get(ls) as { batches: number; records: number; bytes: number } | undefined;
      if (!s || (s.records <= this.logstoreMaxRecords && s.bytes <= this.logstoreMaxBytes)) continue;
      this.evictOldest(ls, s, (left) => left.records <= this.logstoreMaxRecords && left.bytes <= this.logstoreMaxBytes);
    }
    if (this.file === ':memory:') return;
    // The database's bound, measured in pages actually used (rows, indexes, overhead).
    for (let round = 0; round < 8; round++) {
      const excess = this.usedBytes() - this.contentTarget;
      if (excess <= 0) return;
      let freed = 0;
      // The largest Logstore gives first, until it is no longer the largest.
      while (freed < excess) {
        const [largest, second] = this.stmt('largestLogstores').all() as Array<{ id: number; batches: number; records: number; bytes: number }>;
        if (!largest) return;
        const goal = Math.min(excess - freed, Math.max(largest.bytes - (second?.bytes ?? 0), 64 * 1024));
        const before = largest.bytes;
        const left = this.evictOldest(largest.id, largest, (l) => before - l.bytes >= goal);
        if (left.bytes === before) return; // only its newest batch is left, and it stays
        freed += before - left.bytes;
      }
    }
  }

  private usedBytes(): number {
    // A prepared statement (once per append): db.pragma() would compile its statement on every call.
    const { used } = this.stmt('usedPages').get() as { used: number };
    this.pageSize ||= Number(this.db.pragma('page_size', { simple: true }));
    return used * this.pageSize;
  }

  /** Evict the Logstore's oldest batches until `enough` holds, never its newest batch; returns what is left. */
  private evictOldest(
    ls: number,
    counts: { batches: number; records: number; bytes: number },
    enough: (left: { records: number; bytes: number }) => boolean,
  ): { records: number; bytes: number } {
    const left = { batches: counts.batches, records: counts.records, bytes: counts.bytes };
    const victims: EvictableBatch[] = [];
    for (const v of this.stmt('oldestOfLogstore').iterate(ls) as IterableIterator<EvictableBatch>) {
      if (enough(left) || left.batches <= 1) break;
      victims.push(v);
      left.batches--;
      left.records -= v.record_count;
      left.bytes -= v.bytes;
    }
    if (victims.length === 0) return left;
    const shards = new Map<number, { records: number; bytes: number }>();
    for (const v of victims) {
      if (v.first_row !== null && v.last_row !== null) this.stmt('deleteRecords').run(v.first_row, v.last_row);
      if (v.sectioned === 1) this.stmt('deleteSection').run(v.id);
      this.stmt('deleteBatch').run(v.id);
      const s = shards.get(v.shard) ?? { records: 0, bytes: 0 };
      s.records += v.record_count;
      s.bytes += v.bytes;
      shards.set(v.shard, s);
    }
    for (const [shard, s] of shards) this.stmt('subtractFromShard').run(s.records, s.bytes, ls, shard);
    const records = counts.records - left.records;
    const unviewable = victims.reduce((n, v) => n + v.unviewable, 0);
    this.stmt('evictFromLogstore').run(victims.length, records, counts.bytes - left.bytes, records, victims.length, unviewable, ls);
    return left;
  }
}

const SQL = {
  ensureLogstore: 'INSERT INTO logstores (project, logstore) VALUES (?, ?) ON CONFLICT (project, logstore) DO NOTHING',
  logstoreId: 'SELECT id FROM logstores WHERE project = ? AND logstore = ?',
  nextOffset: 'SELECT next_offset FROM shards WHERE ls = ? AND shard = ?',
  nextOffsetByName: `SELECT s.next_offset FROM shards s JOIN logstores l ON l.id = s.ls
    WHERE l.project = ? AND l.logstore = ? AND s.shard = ?`,
  upsertShard: `INSERT INTO shards (ls, shard, next_offset, records, bytes) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (ls, shard) DO UPDATE SET next_offset = excluded.next_offset,
      records = records + excluded.records, bytes = bytes + excluded.bytes`,
  insertRecord: `INSERT INTO records (delta, ts, key, key_size, value, value_size, value_sha256, headers, header_count)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertBatch: `INSERT INTO batches (ls, project, shard, base_offset, record_count, magic, codec, log_append_time, client_id,
    expand_json, raw_bytes, bytes, first_row, last_row, unviewable, head, sectioned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertSection: 'INSERT INTO sections (batch, first_ts, codec, size, marks, data) VALUES (?, ?, ?, ?, ?, ?)',
  deleteSection: 'DELETE FROM sections WHERE batch = ?',
  sectionMarks: 'SELECT first_ts, codec, size, marks FROM sections WHERE batch = ?',
  sectionFrom: 'SELECT substr(data, ?) AS data FROM sections WHERE batch = ?',
  addToLogstore: `UPDATE logstores SET batches = batches + ?, records = records + ?, bytes = bytes + ?,
    unviewable_records = unviewable_records + ? WHERE id = ?`,
  logstoreCounts: 'SELECT batches, records, bytes FROM logstores WHERE id = ?',
  largestLogstores: 'SELECT id, batches, records, bytes FROM logstores WHERE batches > 1 ORDER BY bytes DESC LIMIT 2',
  oldestOfLogstore: 'SELECT id, shard, record_count, bytes, first_row, last_row, unviewable, sectioned FROM batches WHERE ls = ? ORDER BY id',
  deleteRecords: 'DELETE FROM records WHERE id BETWEEN ? AND ?',
  deleteBatch: 'DELETE FROM batches WHERE id = ?',
  subtractFromShard: 'UPDATE shards SET records = records - ?, bytes = bytes - ? WHERE ls = ? AND shard = ?',
  evictFromLogstore: `UPDATE logstores SET batches = batches - ?, records = records - ?, bytes = bytes - ?,
    evicted_records = evicted_records + ?, evicted_batches = evicted_batches + ?,
    unviewable_records = unviewable_records - ? WHERE id = ?`,
  logStart: 'SELECT min(base_offset) AS start FROM batches WHERE ls = ? AND shard = ?',
  usedPages: 'SELECT (SELECT page_count FROM pragma_page_count()) - (SELECT freelist_count FROM pragma_freelist_count()) AS used',
  viewBatchesByProject: `SELECT b.id, l.logstore, b.shard, b.base_offset, b.log_append_time, b.client_id, b.expand_json, b.record_count,
      b.first_row, b.last_row, b.sectioned
    FROM batches b JOIN logstores l ON l.id = b.ls WHERE b.project = ? AND (b.first_row IS NOT NULL OR b.sectioned = 1) ORDER BY b.id DESC LIMIT ?`,
  viewBatchesByLogstore: `SELECT b.id, l.logstore, b.shard, b.base_offset, b.log_append_time, b.client_id, b.expand_json, b.record_count,
      b.first_row, b.last_row, b.sectioned
    FROM batches b JOIN logstores l ON l.id = b.ls WHERE l.project = ? AND l.logstore = ? AND (b.first_row IS NOT NULL OR b.sectioned = 1)
    ORDER BY b.id DESC LIMIT ?`,
  recordsOfBatch: `SELECT delta, ts, key, key_size, substr(value, 1, ?) AS value, value_size, value_sha256, headers, header_count
    FROM records WHERE id BETWEEN ? AND ? ORDER BY id DESC LIMIT ?`,
  statsAll: `SELECT l.project, l.logstore, s.shard, s.next_offset, s.records, s.bytes
    FROM shards s JOIN logstores l ON l.id = s.ls ORDER BY l.project, l.logstore, s.shard`,
  statsProject: `SELECT l.project, l.logstore, s.shard, s.next_offset, s.records, s.bytes
    FROM shards s JOIN logstores l ON l.id = s.ls WHERE l.project = ? ORDER BY l.logstore, s.shard`,
  logstoresOfProject: `SELECT project, logstore, records, bytes, evicted_records, unviewable_records
    FROM logstores WHERE project = ? ORDER BY logstore`,
  logstoreByName: `SELECT project, logstore, records, bytes, evicted_records, unviewable_records
    FROM logstores WHERE project = ? AND logstore = ?`,
} as const;
