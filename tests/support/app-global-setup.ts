/**
 * Vitest global setup for browser tests: one production build, one server
 * with its sandbox endpoint on free ports and a fresh DATA_DIR.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startApp } from './app-server';
import build from './build-global-setup';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    sandboxPort: number;
    sandboxCaFile: string;
    dataDir: string;
  }
}

export default async function setup(project: TestProject) {
  await build();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sls-e2e-'));
  const sandboxPort = await freePort();
  const app = await startApp({ DATA_DIR: dataDir, SANDBOX_PORT: String(sandboxPort), SANDBOX_PUBLIC_HOST: 'localhost', VALIDATE_BURST: '100' });
  project.provide('appUrl', app.url);
  project.provide('sandboxPort', sandboxPort);
  project.provide('sandboxCaFile', path.join(dataDir, 'sandbox-ca.pem'));
  project.provide('dataDir', dataDir);
  return async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
