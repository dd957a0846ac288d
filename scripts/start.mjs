#!/usr/bin/env node
// `npm start`: build when there is no production build (or the sources are
// newer than it), then serve the wizard on PORT (default 3000).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const buildId = path.join(root, '.next', 'BUILD_ID');
const SOURCES = ['app', 'components', 'lib', 'public', 'next.config.js', 'package-lock.json', 'instrumentation.ts'];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), st.mtimeMs);
}

function needsBuild() {
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

if (needsBuild()) {
  console.log('[start] building the app (no build yet, or sources changed)…');
  const res = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const port = process.env.PORT || '3000';
const child = spawn(process.execPath, [nextBin, 'start', '-p', port], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
