/**
 * The messages between the HTTP side (worker-client.ts) and the endpoint worker
 * (worker-main.ts): start-up, error injection and shutdown. Records never cross
 * it: the HTTP side reads them through its own read-only SQLite connection.
 */
import type { ShardStats } from './store';

export type WorkerRequest =
  | { id: number; op: 'pushErrors'; apiKey: number; codes: number[] }
  | { id: number; op: 'swallowNext'; n: number }
  | { id: number; op: 'reset' }
  | { id: number; op: 'failStoreNext'; n: number; message?: string }
  | { id: number; op: 'stats'; project?: string }
  | { id: number; op: 'close' };

export type WorkerEvent =
  | { type: 'ready'; port: number }
  | { type: 'failed'; message: string; code?: string }
  | { type: 'reply'; id: number; ok: true; stats?: ShardStats[] }
  | { type: 'reply'; id: number; ok: false; message: string };
