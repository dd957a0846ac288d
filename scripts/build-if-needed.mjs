// Builds the Next.js app when there is no production build or the sources are
// newer than it. Shared by `npm start`, the test suites that start the app and
// the browser benches (those two under a lock: ensureBuildLocked).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const buildId = path.join(root, '.next', 'BUILD_ID');
const SOURCES = ['app', 'components', 'lib', 'public', 'next.config.js', 'package-lock.json', 'instrumentation.ts', 'tsconfig.json'];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), st.mtimeMs);
}

export function needsBuild() {
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

/** Build when needed; `quiet` captures the output and only shows it on failure. */
export function ensureBuild({ quiet = false } = {}) {
  if (!needsBuild()) return false;
  if (!quiet) console.log('[build] building the app (no build yet, or sources changed)…');
  const res = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    throw new Error(`next build failed (exit ${res.status})${quiet ? `:\n${res.stdout}\n${res.stderr}` : ''}`);
  }
  return true;
}

const LOCK = path.join(root, '.next-build.lock');
const LOCK_STALE_MS = 10 * 60_000;

/**
 * ensureBuild under a lock directory, so two test projects or benches never
 * run `next build` in the same folder at once. Waits up to 10 minutes for the
 * other build; a lock older than that is left over from a killed run.
 */
export async function ensureBuildLocked({ quiet = false } = {}) {
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for another build of this folder to finish');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return ensureBuild({ quiet });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
