/**
 * Starts the real app (`next start`, whose instrumentation starts the sandbox
 * endpoint) on free ports with a fresh DATA_DIR, for tests that produce with
 * real clients and read the records back through /api/sandbox/records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startApp } from './app-server';

export interface SandboxApp {
  url: string;
  /** host:port of the sandbox Kafka endpoint. */
  bootstrap: string;
  sandboxPort: number;
  dataDir: string;
  /** The sandbox CA certificate file clients must trust. */
  caFile: string;
  output: () => string;
  records: (project: string, logstore?: string, limit?: number) => Promise<SandboxRecordsResponse>;
  stop: () => Promise<void>;
}

export interface SandboxRecord {
  project: string;
  logstore: string;
  shard: number;
  offset: number;
  timestamp: number;
  __time__: number;
  key: string | null;
  keyEncoding: string;
  content?: string | null;
  contentEncoding?: string;
  fields?: Record<string, string>;
  headers: Array<{ key: string; value: string | null; encoding: string }>;
  clientId: string | null;
  /** Full value size in bytes; `truncated` when the record shows less (display budgets), with the whole value's `sha256`. */
  size?: number | null;
  truncated?: boolean;
  sha256?: string;
}

export interface SandboxRecordsResponse {
  records: SandboxRecord[];
  shards: Array<{ logstore: string; shard: number; records: number }>;
}

export async function startSandboxApp(env: Record<string, string> = {}): Promise<SandboxApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sls-sandbox-'));
  const sandboxPort = await freePort();
  const app = await startApp({ DATA_DIR: dataDir, SANDBOX_PORT: String(sandboxPort), SANDBOX_PUBLIC_HOST: 'localhost', ...env });
  return {
    url: app.url,
    bootstrap: `localhost:${sandboxPort}`,
    sandboxPort,
    dataDir,
    caFile: path.join(dataDir, 'sandbox-ca.pem'),
    output: app.output,
    records: async (project, logstore, limit = 1000) => {
      const q = new URLSearchParams({ project, limit: String(limit), ...(logstore ? { logstore } : {}) });
      const res = await fetch(`${app.url}/api/sandbox/records?${q}`);
      if (!res.ok) throw new Error(`GET /api/sandbox/records: ${res.status} ${await res.text()}`);
      return (await res.json()) as SandboxRecordsResponse;
    },
    stop: async () => {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
