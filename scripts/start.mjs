#!/usr/bin/env node
// `npm start`: build when there is no production build (or the sources are
// newer than it), then serve the wizard on PORT (default 3000); the sandbox
// endpoint starts inside the same process (instrumentation.ts).
import { spawn } from 'node:child_process';
import { ensureBuild, nextBin, root } from './build-if-needed.mjs';

try {
  ensureBuild();
} catch (e) {
  console.error(String(e instanceof Error ? e.message : e));
  process.exit(1);
}

const port = process.env.PORT || '3000';
const child = spawn(process.execPath, [nextBin, 'start', '-p', port], {
  cwd: root,
  stdio: 'inherit',
  env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
