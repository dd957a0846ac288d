/**
 * Starts the endpoint worker thread (worker-main.ts) and talks to it. The HTTP
 * server (Next.js) and the broker then have separate event loops: a batch that
 * takes seconds to inflate cannot delay /api/validate or the wizard.
 *
 * Loading: the worker's entry is TypeScript in the source tree, run through tsx's
 * CommonJS hook (tsx is a runtime dependency). The same code path works under
 * `next start` (whose bundles do not contain the worker) and `npm run sandbox`
 * (tsx), because the entry is found on disk, from the project directory, not
 * through the bundler. A worker that dies (a heap limit, a bug) is restarted on
 * the same port, at most MAX_RESTARTS times per minute; acknowledged records are
 * already in SQLite.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EndpointInit } from './worker-endpoint';
import type { WorkerEvent, WorkerRequest } from './worker-protocol';
import type { ShardStats } from './store';

/** The worker's own V8 heap limit: a runaway there ends the worker (restarted), not the app. */
const WORKER_HEAP_MB = 1024;
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

type Pending = { resolve: (ev: WorkerEvent & { type: 'reply' }) => void; reject: (err: Error) => void };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class WorkerStartError extends Error {
  override name = 'WorkerStartError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Where the worker entry is: the project directory the server runs from. */
export function workerEntry(root: string = process.cwd()): string {
  const entry = path.join(/*turbopackIgnore: true*/ root, 'lib', 'sandbox', 'worker-main.ts');
  if (!existsSync(entry)) {
    throw new WorkerStartError(`the sandbox worker ${entry} is missing; start the server from the project directory (where package.json is).`);
  }
  return entry;
}

/** CommonJS bootstrap run as the worker: register tsx's hook, then load the entry. */
function bootstrap(entry: string): string {
  const root = path.resolve(path.dirname(entry), '..', '..');
  return `require(require.resolve('tsx/cjs/api', { paths: [${JSON.stringify(root)}] })).register();\nrequire(${JSON.stringify(entry)});`;
}

export class EndpointWorker {
  private worker!: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private closing = false;
  private restarts: number[] = [];

  private constructor(
    private readonly entry: string,
    private init: EndpointInit,
    readonly port: number,
  ) {}

  /** Start the worker and wait until its broker listens (or say why it could not). */
  static async start(init: EndpointInit, entry: string = workerEntry()): Promise<EndpointWorker> {
    const { worker, port } = await EndpointWorker.spawn(entry, init);
    const ew = new EndpointWorker(entry, { ...init, port }, port);
    ew.attach(worker);
    return ew;
  }

  private static spawn(entry: string, init: EndpointInit): Promise<{ worker: Worker; port: number }> {
    const worker = new Worker(bootstrap(entry), {
      eval: true,
      workerData: init,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      // The worker's console goes through this thread's stdout, like the rest of the log.
      stdout: false,
      stderr: false,
    });
    return new Promise((resolve, reject) => {
      const onMessage = (ev: WorkerEvent) => {
        if (ev.type === 'ready') {
          cleanup();
          resolve({ worker, port: ev.port });
        } else if (ev.type === 'failed') {
          cleanup();
          void worker.terminate();
          reject(new WorkerStartError(ev.message, ev.code));
        }
      };
      const onError = (err: Error) => {
        cleanup();
        reject(new WorkerStartError(`the sandbox worker failed to start: ${err.message}`));
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new WorkerStartError(`the sandbox worker exited (code ${code}) before its endpoint listened`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }

  private attach(worker: Worker): void {
    this.worker = worker;
    worker.on('message', (ev: WorkerEvent) => {
      if (ev.type !== 'reply') return;
      const p = this.pending.get(ev.id);
      if (!p) return;
      this.pending.delete(ev.id);
      p.resolve(ev);
    });
    worker.on('error', (err) => console.error(`[sandbox] endpoint worker error: ${err.message}`));
    worker.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`the sandbox worker exited (code ${code})`));
      this.pending.clear();
      if (this.closing) return;
      void this.restart(code);
    });
  }

  private async restart(code: number): Promise<void> {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    if (this.restarts.length >= MAX_RESTARTS) {
      console.error(`[sandbox] endpoint worker exited (code ${code}) ${MAX_RESTARTS} times within a minute; not restarting it.`);
      return;
    }
    this.restarts.push(now);
    console.error(`[sandbox] endpoint worker exited (code ${code}); restarting it on port ${this.port}`);
    try {
      const { worker } = await EndpointWorker.spawn(this.entry, this.init);
      if (this.closing) {
        void worker.terminate();
        return;
      }
      this.attach(worker);
    } catch (err) {
      console.error(`[sandbox] endpoint worker could not restart: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private call(req: DistributiveOmit<WorkerRequest, 'id'>): Promise<WorkerEvent & { type: 'reply' }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: (ev) => (ev.ok ? resolve(ev) : reject(new Error(ev.message))),
        reject,
      });
      this.worker.postMessage({ ...req, id } as WorkerRequest);
    });
  }

  async pushErrors(apiKey: number, codes: number[]): Promise<void> {
    await this.call({ op: 'pushErrors', apiKey, codes });
  }
  async swallowNext(n: number): Promise<void> {
    await this.call({ op: 'swallowNext', n });
  }
  async reset(): Promise<void> {
    await this.call({ op: 'reset' });
  }
  async failStoreNext(n: number, message?: string): Promise<void> {
    await this.call({ op: 'failStoreNext', n, message });
  }
  async stats(project?: string): Promise<ShardStats[]> {
    const ev = await this.call({ op: 'stats', project });
    return ev.ok ? (ev.stats ?? []) : [];
  }

  /** Close the broker and the store in the worker, then end it. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    try {
      await this.call({ op: 'close' });
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000).unref())]);
    await this.worker.terminate();
  }
}
