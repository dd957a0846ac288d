// Builds the Next.js app when there is no production build or the sources are
// newer than it. Shared by `npm start` and the test suites that start the app.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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
