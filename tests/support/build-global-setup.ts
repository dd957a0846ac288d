/**
 * Vitest global setup for suites that start the app: build it once when the
 * sources are newer than the build. A lock directory keeps two projects'
 * setups from running `next build` in the same folder at the same time.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app-server';

const LOCK = path.resolve(__dirname, '../../.next-build.lock');

async function withLock<T>(fn: () => T): Promise<T> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than 10 minutes is left over from a killed run.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for another test run to finish building');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export default async function setup(): Promise<void> {
  await withLock(() => buildApp());
}
