#!/usr/bin/env node
// The app's HTTP server (`npm start` after its build check, and the tests'
// startApp): one Node HTTP server bound where the sandbox binds (SANDBOX_BIND,
// loopback by default) on PORT, with the front door (lib/http/front-door: Host
// allow list, peer-address stamping, security headers and CSP nonce) in front
// of Next.js's request handler. Settings come from lib/sandbox/config, parsed
// once; a bad value stops start-up naming the variable.
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { root } from './build-if-needed.mjs';

/** Start serving; resolves once listening. `dev`: Next's dev server (`npm run dev`). */
export async function serve({ dev = false } = {}) {
  const door = await tsImport('../lib/http/front-door.ts', import.meta.url);
  let config;
  try {
    config = door.getRuntimeConfig();
  } catch (err) {
    console.error(`[config] not started:\n${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  const { port, bind } = config.http;
  const { default: next } = await import('next');
  const app = next({ dev, dir: root, hostname: bind, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const frontDoor = door.createFrontDoor(config, { dev });
  const server = createServer((req, res) => {
    if (frontDoor(req, res)) void handle(req, res);
  });
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
  }
  await new Promise((resolve) => {
    server.once('error', (err) => {
      const why = err && err.code === 'EADDRINUSE' ? `PORT ${port} on ${bind} is already in use; stop the other process or set PORT.` : `cannot listen on ${bind}:${port}: ${err.message}`;
      console.error(`[http] not started: ${why}`);
      process.exit(1);
    });
    server.listen(port, bind, resolve);
  });
  const address = server.address();
  const shown = bind.includes(':') ? `[${bind}]` : bind;
  console.log(`[http] wizard on http://${shown}:${typeof address === 'object' && address ? address.port : port} (${dev ? 'development' : 'production'})`);
  const warning = door.exposureWarning('HTTP server', bind, port);
  if (warning) console.warn(warning);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      server.close();
      server.closeAllConnections();
      process.exit(0);
    });
  }
  return server;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  await serve({ dev: process.argv.includes('--dev') });
}
