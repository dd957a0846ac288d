/**
 * Starts the sandbox endpoint from the environment (DESIGN contract): the CA
 * and server certificate in DATA_DIR, the accounts (open, or strict with
 * SANDBOX_CONFIG), the SQLite store and the broker on SANDBOX_BIND:SANDBOX_PORT.
 *
 * The broker and the store's writer run in a worker thread (worker-client.ts):
 * decoding and storing batches never holds up the HTTP event loop. This thread
 * keeps what the HTTP side needs: the certificates, the account mode, and a
 * read-only connection to the store for GET /api/sandbox/records. Reads go
 * through that connection rather than messages to the worker, so the inbox
 * answers even while the worker is busy with a large batch, and a read costs
 * only the rows and sections it shows (bounded: see store.ts).
 *
 * One instance per process, kept on globalThis so that Next.js route handlers
 * (bundled apart from instrumentation.ts) find the same one.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadAccounts, type SandboxAccounts } from './accounts';
import { ensureSandboxCertificates, type SandboxTls } from './ca';
import { exposureWarning, getRuntimeConfig, parseRuntimeConfig, type RuntimeConfig } from './config';
import { RecordStore, type ReadQuery, type ReadResult, type ShardStats } from './store';
import { EndpointWorker, workerEntry } from './worker-client';
import { startEndpoint, type EndpointInit, type RetentionSettings, type RunningEndpoint } from './worker-endpoint';

export { consoleLog } from './worker-endpoint';
export type { ReadQuery, ReadResult, ShardStats, LogstoreStats } from './store';

/** Error injection on the running endpoint (tests, drills); each call resolves once the endpoint applied it. */
export interface SandboxControl {
  /** The next `codes.length` requests of `apiKey` answer with these error codes. */
  pushErrors(apiKey: number, codes: number[]): Promise<void>;
  /** The next `n` requests get no answer. */
  swallowNext(n: number): Promise<void>;
  /** The next `n` store appends fail (→ KafkaStorageException). */
  failStoreNext(n: number, message?: string): Promise<void>;
  /** Undo every injection. */
  reset(): Promise<void>;
}

export interface SandboxRuntime {
  broker: { host: string; port: number; control: SandboxControl };
  accounts: SandboxAccounts;
  tls: SandboxTls;
  dataDir: string;
  publicHost: string;
  retention: RetentionSettings;
  config: RuntimeConfig;
  /** Where the endpoint runs: its own worker thread (default) or this thread (tests). */
  mode: 'worker' | 'in-process';
  /** The newest records of a project / Logstore, bounded (see store.ts `read`). Synchronous and cheap. */
  readRecords(q: ReadQuery): ReadResult;
  /** Per shard: retained records and the high watermark. */
  stats(project?: string): ShardStats[];
  close(): Promise<void>;
}

export interface StartOptions {
  /** Run the broker on this thread instead of a worker (tests that need it in-process). Default false. */
  inProcess?: boolean;
  /**
   * The project directory the worker's entry is found in (default: the current
   * directory, as under `next start`); `sls-kafka sandbox` passes its own, so it
   * runs from any directory.
   */
  root?: string;
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

/** A start-up failure as one clear message: a socket error (code E…) names the address, anything else is its own message. */
function startProblem(err: unknown, host: string, port: number): SandboxStartError {
  const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : '';
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'EADDRINUSE') {
    return new SandboxStartError(`SANDBOX_PORT ${port} on ${host} is already in use; stop the other process or set SANDBOX_PORT.`);
  }
  if (/^E[A-Z]+$/.test(code)) return new SandboxStartError(`the sandbox endpoint could not listen on ${host}:${port}: ${message}`);
  return new SandboxStartError(message);
}

/** The endpoint as one mode runs it: its port, its error injection, where the HTTP side reads records, and how it stops. */
interface StartedEndpoint {
  mode: SandboxRuntime['mode'];
  port: number;
  control: SandboxControl;
  records: Pick<RecordStore, 'read' | 'stats'>;
  close(): Promise<void>;
}

/** The broker and the store on this thread. */
async function startInProcess(init: EndpointInit): Promise<StartedEndpoint> {
  let endpoint: RunningEndpoint;
  try {
    endpoint = await startEndpoint(init);
  } catch (err) {
    throw startProblem(err, init.host, init.port);
  }
  const { store, broker } = endpoint;
  return {
    mode: 'in-process',
    port: broker.port,
    control: {
      pushErrors: async (apiKey, codes) => broker.control.pushErrors(apiKey, codes),
      swallowNext: async (n) => broker.control.swallowNext(n),
      failStoreNext: async (n, message) => store.failNext(n, message),
      reset: async () => {
        broker.control.reset();
        store.failNext(0);
      },
    },
    records: store,
    close: () => endpoint.close(),
  };
}

/** The broker and the store's writer in a worker thread; records read here through a read-only connection. */
async function startInWorker(init: EndpointInit, root: string | undefined): Promise<StartedEndpoint> {
  let worker: EndpointWorker;
  try {
    worker = await EndpointWorker.start(init, workerEntry(root));
  } catch (err) {
    throw startProblem(err, init.host, init.port);
  }
  let reader: RecordStore;
  try {
    reader = RecordStore.open({ file: init.storeFile, readonly: true, ...init.retention });
  } catch (err) {
    await worker.close();
    throw new SandboxStartError(err instanceof Error ? err.message : String(err));
  }
  return {
    mode: 'worker',
    port: worker.port,
    control: {
      pushErrors: (apiKey, codes) => worker.pushErrors(apiKey, codes),
      swallowNext: (n) => worker.swallowNext(n),
      failStoreNext: (n, message) => worker.failStoreNext(n, message),
      reset: () => worker.reset(),
    },
    records: reader,
    close: async () => {
      await worker.close();
      reader.close();
    },
  };
}

/**
 * Start the endpoint. `env` given (tests, `npm run sandbox` with its own
 * variables): parsed here; otherwise the process's one parsed config.
 */
export async function startSandbox(env?: SandboxEnv, opts: StartOptions = {}): Promise<SandboxRuntime> {
  let config: RuntimeConfig;
  try {
    config = env ? parseRuntimeConfig(env) : getRuntimeConfig();
  } catch (err) {
    throw new SandboxStartError(err instanceof Error ? err.message : String(err));
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ config.dataDir);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { publicHost, port, bind: host, retention } = config.sandbox;
  // Default `normal`: a commit is in the WAL file (the OS has it) before the ack, which
  // survives a crash of this process, the same promise a Kafka broker makes (it acks
  // from the page cache and leaves fsync to the OS). SANDBOX_SYNC=full fsyncs every
  // commit to survive power loss too, at about half the throughput on this machine.
  const synchronous = config.sandbox.sync;
  const accountsEnv = { SANDBOX_CONFIG: config.sandbox.configFile, SANDBOX_SHARDS: String(config.sandbox.shards) };

  // Checked here too (the worker loads them again), so a bad SANDBOX_CONFIG stops start-up with its message.
  const accounts = loadAccounts(accountsEnv);
  const tls = await ensureSandboxCertificates(dataDir, { publicHost });
  const storeFile = path.join(/*turbopackIgnore: true*/ dataDir, 'records.sqlite');
  const init: EndpointInit = {
    env: accountsEnv,
    storeFile,
    host,
    port,
    publicHost,
    publicPort: config.sandbox.publicPortSet ? config.sandbox.publicPort : undefined,
    tls: { cert: tls.serverCertPem, key: tls.serverKeyPem },
    synchronous,
    retention,
    limits: config.sandbox.limits,
    logLevel: config.sandbox.log,
  };

  // SANDBOX_WORKER=off: the broker on the HTTP thread (a fallback; the wizard then shares its event loop).
  const started = (opts.inProcess ?? !config.sandbox.worker) ? await startInProcess(init) : await startInWorker(init, opts.root);
  const { records } = started;
  const runtime: SandboxRuntime = {
    broker: { host, port: started.port, control: started.control },
    accounts,
    tls,
    dataDir,
    publicHost,
    retention,
    config,
    mode: started.mode,
    readRecords: (q) => records.read(q),
    stats: (project) => records.stats(project),
    close: started.close,
  };
  console.log(
    `[sandbox] Kafka endpoint on ${host}:${runtime.broker.port} (TLS, SASL PLAIN), ${accounts.mode} mode; CA ${tls.caFile}; records in ${dataDir}`,
  );
  const warning = exposureWarning('sandbox Kafka endpoint', host, runtime.broker.port);
  if (warning) console.warn(warning);
  return runtime;
}

/** Start once per process (instrumentation.ts, `npm run sandbox`). */
export function startSandboxOnce(env?: SandboxEnv, opts: StartOptions = {}): Promise<SandboxRuntime> {
  const g = globalThis as GlobalWithSandbox;
  g[GLOBAL_KEY] ??= startSandbox(env, opts);
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
