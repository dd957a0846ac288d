/**
 * The mini ingest endpoint: a TLS listener speaking the Kafka protocol the way
 * SLS's Kafka endpoint does. Wires connections to the account model and the
 * store; limits keep it alive under abuse (connections, frame sizes, TLS and
 * authentication deadlines, idle connections).
 */
import tls from 'node:tls';
import type { AddressInfo, Socket } from 'node:net';
import { BrokerControl } from './control';
import { BrokerConnection } from './connection';
import type { BrokerIdentity } from './handlers/context';
import { DEFAULT_LIMITS, type BrokerLimits } from './limits';
import type { BrokerAccounts, BrokerLog, BrokerStore } from './ports';

export interface BrokerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  tls: { cert: string; key: string };
  accounts: BrokerAccounts;
  store: BrokerStore;
  /** What Metadata advertises when the client did not dial an SLS host name; the port defaults to the bound one. */
  publicHost: string;
  publicPort?: number;
  limits?: Partial<BrokerLimits>;
  log?: BrokerLog;
}

export interface RunningBroker {
  host: string;
  port: number;
  control: BrokerControl;
  connections(): number;
  close(): Promise<void>;
}

export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const limits: BrokerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log: BrokerLog = options.log ?? (() => {});
  const control = new BrokerControl();
  const open = new Set<BrokerConnection>();
  const identity: BrokerIdentity = { nodeId: 1, publicHost: options.publicHost, publicPort: options.publicPort ?? options.port, clusterId: 'sls-kafka-sandbox' };

  const server = tls.createServer({
    cert: options.tls.cert,
    key: options.tls.key,
    minVersion: 'TLSv1.2',
    // TLS must complete within the authentication deadline too.
    handshakeTimeout: limits.authTimeoutMs,
  });
  server.maxConnections = limits.maxConnections;
  // A TLS socket whose handshake failed no longer knows its peer: remember each raw
  // connection's address, so the log can name the agent with the wrong CA.
  const remotes = new WeakMap<object, string>();
  server.on('connection', (raw: Socket) => remotes.set(raw, `${raw.remoteAddress ?? '?'}:${raw.remotePort ?? '?'}`));
  server.on('tlsClientError', (err, socket) => {
    // `_parent` is the raw socket under a server-side TLSSocket (a long-standing Node internal).
    const parent = (socket as unknown as { _parent?: object })._parent;
    const remote =
      socket.remoteAddress !== undefined ? `${socket.remoteAddress}:${socket.remotePort ?? '?'}` : (parent && remotes.get(parent)) ?? '?:?';
    log('tls.failed', { remote, reason: err.message });
    socket.destroy();
  });
  // Connections per client address, counted until the endpoint starts closing one
  // (a closing connection no longer holds a slot of its client's allowance).
  const perIp = new Map<string, number>();
  server.on('secureConnection', (socket) => {
    const ip = socket.remoteAddress ?? '?';
    const count = (perIp.get(ip) ?? 0) + 1;
    if (count > limits.maxConnectionsPerIp) {
      log('connection.refused', { remote: ip, reason: `more than ${limits.maxConnectionsPerIp} connections from this address` });
      socket.destroy();
      return;
    }
    perIp.set(ip, count);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (perIp.get(ip) ?? 1) - 1;
      if (left <= 0) perIp.delete(ip);
      else perIp.set(ip, left);
    };
    socket.setNoDelay(true);
    const conn = new BrokerConnection(
      socket,
      { accounts: options.accounts, store: options.store, control, identity, limits, log },
      () => {
        release();
        open.delete(conn);
      },
      release,
    );
    open.add(conn);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  if (options.publicPort === undefined) identity.publicPort = address.port;
  server.on('error', (err) => log('server.error', { error: err.message }));
  log('broker.listening', { host: options.host, port: address.port });

  return {
    host: options.host,
    port: address.port,
    control,
    connections: () => open.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const conn of open) conn.close('endpoint shutting down');
        server.close(() => resolve());
      }),
  };
}
