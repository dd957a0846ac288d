/**
 * The sandbox's ingest side as one unit: the accounts, the SQLite record store
 * (the writer) and the Kafka broker on SANDBOX_BIND:SANDBOX_PORT. It runs in the
 * endpoint worker thread (worker-main.ts), so that inflating and storing batches
 * never holds up the HTTP event loop; tests may also run it in their own thread.
 * Everything it needs arrives as plain data (EndpointInit), so it can cross a
 * thread boundary.
 */
import { limitsFromEnv } from '../kafka/broker/limits';
import { startBroker, type RunningBroker } from '../kafka/broker/server';
import type { BrokerLog } from '../kafka/broker/ports';
import { decodeRecords } from '../kafka/protocol/records';
import { loadAccounts, type SandboxAccounts } from './accounts';
import { RecordStore, type BatchDecoder } from './store';

export interface RetentionSettings {
  /** Database file + WAL, bytes. */
  maxBytes: number;
  logstoreMaxBytes: number;
  logstoreMaxRecords: number;
}

export interface EndpointInit {
  /** The sandbox environment (SANDBOX_CONFIG, SANDBOX_SHARDS, …) as plain strings. */
  env: Record<string, string | undefined>;
  storeFile: string;
  host: string;
  port: number;
  publicHost: string;
  publicPort?: number;
  tls: { cert: string; key: string };
  synchronous: 'full' | 'normal';
  retention: RetentionSettings;
  logLevel?: string;
}

export interface RunningEndpoint {
  broker: RunningBroker;
  store: RecordStore;
  accounts: SandboxAccounts;
  close(): Promise<void>;
}

/** How often the writer truncates its WAL when it is past half its allowance. */
const MAINTAIN_EVERY_MS = 5_000;

/** The store's produce-time decoder: the codec, with the store's decompression budget. */
export const decodeForStore: BatchDecoder = (raw, _magic, budget) =>
  decodeRecords(raw, { maxDecompressedBytes: budget.maxBytes, logAppendTime: budget.logAppendTime });

/** One log line per event; values are names, sizes and codes, never secrets. */
export function consoleLog(level: string | undefined): BrokerLog {
  if (level === 'quiet') return () => {};
  const chatty = level === 'debug';
  return (event, fields = {}) => {
    if (!chatty && (event === 'produce' || event === 'sasl.ok' || event === 'connection.closed')) return;
    const parts = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${typeof v === 'string' && /\s/.test(v) ? JSON.stringify(v) : String(v)}`);
    console.log(`[sandbox] ${event} ${parts.join(' ')}`.trimEnd());
  };
}

export async function startEndpoint(init: EndpointInit): Promise<RunningEndpoint> {
  const accounts = loadAccounts(init.env);
  const store = RecordStore.open({ file: init.storeFile, synchronous: init.synchronous, decode: decodeForStore, ...init.retention });
  let broker: RunningBroker;
  try {
    broker = await startBroker({
      host: init.host,
      port: init.port,
      tls: init.tls,
      accounts,
      store,
      publicHost: init.publicHost,
      publicPort: init.publicPort,
      log: consoleLog(init.logLevel),
      // Checked on the HTTP thread before the worker starts (runtime.ts), so this cannot throw there.
      limits: limitsFromEnv(init.env),
    });
  } catch (err) {
    store.close();
    throw err;
  }
  const timer = setInterval(() => {
    try {
      store.maintain();
    } catch {
      // a checkpoint that cannot run now (a reader holds a snapshot) runs next time
    }
  }, MAINTAIN_EVERY_MS);
  timer.unref();
  return {
    broker,
    store,
    accounts,
    close: async () => {
      clearInterval(timer);
      await broker.close();
      store.close();
    },
  };
}
