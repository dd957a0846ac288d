/**
 * Starts the sandbox endpoint from the environment (DESIGN contract): the CA
 * and server certificate in DATA_DIR, the accounts (open, or strict with
 * SANDBOX_CONFIG), the SQLite store and the broker on SANDBOX_BIND:SANDBOX_PORT.
 * One instance per process, kept on globalThis so that Next.js route handlers
 * (bundled apart from instrumentation.ts) find the same one.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startBroker, type RunningBroker } from '../kafka/broker/server';
import type { BrokerLog } from '../kafka/broker/ports';
import { decodeRecords } from '../kafka/protocol/records';
import { loadAccounts, type SandboxAccounts } from './accounts';
import { ensureSandboxCertificates, type SandboxTls } from './ca';
import { exposureWarning, getRuntimeConfig, parseRuntimeConfig, type RuntimeConfig } from './config';
import { RecordStore } from './store';

export interface SandboxRuntime {
  broker: RunningBroker;
  store: RecordStore;
  accounts: SandboxAccounts;
  tls: SandboxTls;
  dataDir: string;
  publicHost: string;
  config: RuntimeConfig;
  close(): Promise<void>;
}

/** The environment variables the sandbox reads (process.env, or a test's own). */
export type SandboxEnv = Readonly<Record<string, string | undefined>>;

export class SandboxStartError extends Error {
  override name = 'SandboxStartError';
}

const GLOBAL_KEY = Symbol.for('sls-kafka-wizard.sandbox');
type GlobalWithSandbox = typeof globalThis & { [GLOBAL_KEY]?: Promise<SandboxRuntime> };

export function getSandbox(): Promise<SandboxRuntime> | undefined {
  return (globalThis as GlobalWithSandbox)[GLOBAL_KEY];
}

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

/**
 * Start the endpoint. `env` given (tests, `npm run sandbox` with its own
 * variables): parsed here; otherwise the process's one parsed config.
 */
export async function startSandbox(env?: SandboxEnv): Promise<SandboxRuntime> {
  const config = env ? parseRuntimeConfig(env) : getRuntimeConfig();
  const dataDir = path.resolve(/*turbopackIgnore: true*/ config.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { publicHost, port, bind: host } = config.sandbox;
  const log = consoleLog(config.sandbox.log);

  const accounts = loadAccounts({ SANDBOX_CONFIG: config.sandbox.configFile, SANDBOX_SHARDS: String(config.sandbox.shards) });
  const tls = await ensureSandboxCertificates(dataDir, { publicHost });
  // Default `normal`: a commit is in the WAL file (the OS has it) before the ack, which
  // survives a crash of this process, the same promise a Kafka broker makes (it acks
  // from the page cache and leaves fsync to the OS). SANDBOX_SYNC=full fsyncs every
  // commit to survive power loss too, at about half the throughput on this machine.
  const synchronous = config.sandbox.sync;
  const store = RecordStore.open({ file: path.join(/*turbopackIgnore: true*/ dataDir, 'records.sqlite'), synchronous });
  let broker: RunningBroker;
  try {
    broker = await startBroker({
      host,
      port,
      tls: { cert: tls.serverCertPem, key: tls.serverKeyPem },
      accounts,
      store,
      publicHost,
      publicPort: config.sandbox.publicPortSet ? config.sandbox.publicPort : undefined,
      log,
    });
  } catch (err) {
    store.close();
    const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
    throw new SandboxStartError(
      code === 'EADDRINUSE'
        ? `SANDBOX_PORT ${port} on ${host} is already in use; stop the other process or set SANDBOX_PORT.`
        : `the sandbox endpoint could not listen on ${host}:${port}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  console.log(
    `[sandbox] Kafka endpoint on ${host}:${broker.port} (TLS, SASL PLAIN), ${accounts.mode} mode; CA ${tls.caFile}; records in ${dataDir}`,
  );
  const warning = exposureWarning('sandbox Kafka endpoint', host, broker.port);
  if (warning) console.warn(warning);
  return {
    broker,
    store,
    accounts,
    tls,
    dataDir,
    publicHost,
    config,
    close: async () => {
      await broker.close();
      store.close();
    },
  };
}

/** Start once per process (instrumentation.ts, `npm run sandbox`). */
export function startSandboxOnce(env?: SandboxEnv): Promise<SandboxRuntime> {
  const g = globalThis as GlobalWithSandbox;
  g[GLOBAL_KEY] ??= startSandbox(env);
  return g[GLOBAL_KEY];
}

/**
 * For the app's start-up: a bad configuration (SANDBOX_CONFIG, SANDBOX_PORT,
 * DATA_DIR) stops the process with the message that names the problem.
 */
export async function startSandboxOrExit(): Promise<void> {
  try {
    await startSandboxOnce();
  } catch (err) {
    console.error(`[sandbox] not started: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

/** The store's decoder: stored batches are raw wire bytes, decoded only when read. */
export const decodeStoredBatch = (raw: Buffer) => decodeRecords(raw);
