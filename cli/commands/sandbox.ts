/**
 * `sls-kafka sandbox`: the sandbox Kafka endpoint alone (lib/sandbox/runtime,
 * its broker and store in their worker thread) with a small HTTP server for
 * CI pipelines: GET /healthz, GET /api/sandbox/records (the route's own
 * handler, lib/http/records-route, with the same access rules) and
 * GET /api/sandbox/ca, behind the same front door as the app (Host allow list,
 * peer stamping). Flags over the environment variables `npm start` reads.
 * SIGTERM or SIGINT: stop answering HTTP, close the broker (every acknowledged
 * record is already committed to SQLite) and the store, exit 0.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createFrontDoor } from '../../lib/http/front-door';
import { GET as recordsGet } from '../../lib/http/records-route';
import { exposureWarning, parseRuntimeConfig } from '../../lib/sandbox/config';
import { startSandboxOnce, type SandboxRuntime } from '../../lib/sandbox/runtime';
import { CliError, EXIT, errorMessage } from '../errors';
import type { Io } from '../io';

export interface SandboxFlags {
  config?: string;
  port?: string;
  httpPort?: string;
  bind?: string;
  data?: string;
}

/** Bounded shutdown: a stuck close must not keep a CI job waiting forever. */
const SHUTDOWN_MS = 15_000;

function json(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/** A node:http request as the Web Request the route handler takes (GET only: no body). */
function webRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`), { method: 'GET', headers });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

export async function sandboxCommand(io: Io, root: string, flags: SandboxFlags): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...io.env };
  if (flags.config !== undefined) env.SANDBOX_CONFIG = flags.config;
  if (flags.port !== undefined) env.SANDBOX_PORT = flags.port;
  if (flags.httpPort !== undefined) env.PORT = flags.httpPort;
  if (flags.bind !== undefined) env.SANDBOX_BIND = flags.bind;
  if (flags.data !== undefined) env.DATA_DIR = flags.data;
  let config;
  try {
    config = parseRuntimeConfig(env);
  } catch (err) {
    throw new CliError(`settings (flags and environment):\n${errorMessage(err)}`);
  }

  let sandbox: SandboxRuntime;
  try {
    sandbox = await startSandboxOnce(env, { root });
  } catch (err) {
    throw new CliError(`sandbox not started: ${errorMessage(err)}`, EXIT.environment);
  }

  let stopping = false;
  const door = createFrontDoor(config);
  const server = createServer((req, res) => {
    if (!door(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: { code: 'method_not_allowed', message: 'Only GET is served here.' } });
    if (url.pathname === '/healthz') {
      // 503 once shutdown began, so a load balancer or a CI wait loop stops sending.
      return json(res, stopping ? 503 : 200, {
        ok: !stopping,
        kafka: `${sandbox.broker.host}:${sandbox.broker.port}`,
        mode: sandbox.accounts.mode,
        publicHost: sandbox.publicHost,
      });
    }
    if (url.pathname === '/api/sandbox/ca') {
      res.setHeader('content-type', 'application/x-pem-file');
      res.setHeader('cache-control', 'no-store');
      return void res.end(sandbox.tls.caCertPem);
    }
    if (url.pathname === '/api/sandbox/records') {
      return void recordsGet(webRequest(req)).then(
        (response) => send(res, response),
        () => json(res, 500, { error: { code: 'internal', message: 'Something went wrong; try again.' } }),
      );
    }
    json(res, 404, { error: { code: 'not_found', message: 'Served here: GET /healthz, /api/sandbox/records, /api/sandbox/ca.' } });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.http.port, config.http.bind, () => resolve());
    });
  } catch (err) {
    await sandbox.close();
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'EADDRINUSE'
        ? `--http-port ${config.http.port} on ${config.http.bind} is already in use; choose another with --http-port (or PORT).`
        : `cannot listen on ${config.http.bind}:${config.http.port}: ${errorMessage(err)}`,
      EXIT.environment,
    );
  }
  const address = server.address();
  const httpPort = typeof address === 'object' && address ? address.port : config.http.port;
  const httpHost = config.http.bind.includes(':') ? `[${config.http.bind}]` : config.http.bind;
  io.out(`[sls-kafka] sandbox ready: Kafka ${sandbox.broker.host}:${sandbox.broker.port}, HTTP http://${httpHost}:${httpPort} (/healthz, /api/sandbox/records, /api/sandbox/ca)`);
  const warning = exposureWarning('HTTP server', config.http.bind, httpPort);
  if (warning) io.err(warning);

  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      io.out(`[sls-kafka] ${signal}: stopping`);
      const timer = setTimeout(() => {
        io.err(`[sls-kafka] shutdown took longer than ${SHUTDOWN_MS / 1000} s; exiting.`);
        resolve(EXIT.environment);
      }, SHUTDOWN_MS);
      timer.unref();
      server.close();
      server.closeIdleConnections();
      sandbox
        .close()
        .then(
          () => {
            io.out('[sls-kafka] sandbox stopped; records stored.');
            return EXIT.ok;
          },
          (err: unknown) => {
            io.err(`[sls-kafka] sandbox close failed: ${errorMessage(err)}`);
            return EXIT.environment;
          },
        )
        .then((code) => {
          clearTimeout(timer);
          resolve(code);
        });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
