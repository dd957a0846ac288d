/**
 * What the broker needs from the outside, as narrow interfaces: the SLS
 * account model (who may write where) and the durable store. The sandbox
 * (lib/sandbox) provides both; tests can provide fakes.
 */
import type { RecordsSection } from '../protocol/records';

export type LoginResult<P> = { ok: true; principal: P } | { ok: false; message: string };

export type TopicResolution =
  | { ok: true; project: string; logstore: string; shards: number; expandJson: boolean }
  | { ok: false; errorCode: 29 | 3; reason: string };

export interface BrokerAccounts<P = unknown> {
  checkLogin(username: string, password: string): LoginResult<P>;
  resolveTopic(principal: P, topic: string, sniHost: string | undefined): TopicResolution;
}

export interface StoredBatchInput {
  project: string;
  logstore: string;
  shard: number;
  magic: 0 | 1 | 2;
  recordCount: number;
  firstTimestamp: number;
  maxTimestamp: number;
  codec: string;
  /** The partition's records exactly as received. */
  raw: Buffer;
  /**
   * One magic-2 batch: its records section as the broker decompressed and checked it,
   * with its largest key, value and headers, so the store can keep the records without
   * inflating or parsing them again. A view, valid during `append` only.
   */
  // The store takes the codec by name, and sections from other paths may come without marks.
  section?: Omit<RecordsSection, 'codec' | 'marks'> & { codec: string; marks?: Uint32Array };
  clientId: string | null;
  expandJson: boolean;
}

export interface BrokerStore {
  /** One transaction: every batch is stored, or none (and it throws). */
  append(batches: StoredBatchInput[]): Array<{ baseOffset: number; logAppendTime: number }>;
}

/** One line per event, never a secret (the broker only logs names, sizes and codes). */
export type BrokerLog = (event: string, fields?: Record<string, string | number | boolean | null | undefined>) => void;
