#!/usr/bin/env node
// `npm start`: build when there is no production build (or the sources are
// newer than it), then serve the wizard on PORT (default 3000), bound to
// SANDBOX_BIND (default 127.0.0.1), through scripts/server.mjs; the sandbox
// endpoint starts inside the same process (instrumentation.ts).
import { ensureBuild } from './build-if-needed.mjs';

process.env.NEXT_TELEMETRY_DISABLED ??= '1';
try {
  ensureBuild();
} catch (e) {
  console.error(String(e instanceof Error ? e.message : e));
  process.exit(1);
}

const { serve } = await import('./server.mjs');
await serve();
