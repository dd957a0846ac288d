/**
 * The mini ingest endpoint: a TLS listener speaking the Kafka protocol the way
 * SLS's Kafka endpoint does. Wires connections to the account model and the
 * store; limits keep it alive under abuse (limits.ts: connection slots counted
 * from the TCP accept and reclaimed from stalled handshakes and idle
 * connections, frame sizes, a shared request-memory budget, produce quotas,
 * TLS/authentication/idle deadlines, escaped and budgeted logs).
 */
import tls from 'node:tls';
import type { AddressInfo, Socket } from 'node:net';
import { BrokerControl } from './control';
import { BrokerConnection } from './connection';
import type { BrokerIdentity } from './handlers/context';
import { MemoryPool, ProduceQuotas } from './budgets';
import { resolveLimits, type BrokerLimits } from './limits';
import { LogBudget, budgetedLog, safeLog } from './log';
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

/** A TLS handshake this old may be cut off when a newcomer needs its slot (real handshakes take milliseconds). */
const STALLED_HANDSHAKE_MS = 2_000;

export interface RunningBroker {
  host: string;
  port: number;
  control: BrokerControl;
  connections(): number;
  /** Bytes of request frames reserved right now (the shared budget in use). */
  queuedRequestBytes(): number;
  close(): Promise<void>;
}

export async function startBroker(options: BrokerOptions): Promise<RunningBroker> {
  const limits: BrokerLimits = resolveLimits(options.limits);
  // Every peer-chosen string in every line is escaped and truncated, whoever logs it.
  const log: BrokerLog = safeLog(options.log ?? (() => {}));
  const control = new BrokerControl();
  const open = new Set<BrokerConnection>();
  const identity: BrokerIdentity = { nodeId: 1, publicHost: options.publicHost, publicPort: options.publicPort ?? options.port, clusterId: 'sls-kafka-sandbox' };
  const pool = new MemoryPool(limits.maxQueuedRequestBytes);
  const quotas = new ProduceQuotas(limits.produceBytesPerSecPerIp);
  // Refusals are counted and reported at most once a second: a flood of connections is one line, not thousands.
  const refusals = new Map<string, number>();
  let refusalTimer: NodeJS.Timeout | undefined;
  const refuseLog = (reason: string) => {
    const seen = refusals.get(reason);
    if (seen === undefined) {
      // The first refusal of a kind is logged at once; repeats within the second are counted.
      refusals.set(reason, 0);
      log('connection.refused', { reason });
    } else {
      refusals.set(reason, seen + 1);
    }
    refusalTimer ??= setTimeout(() => {
      refusalTimer = undefined;
      for (const [r, n] of refusals) if (n > 0) log('connection.refused', { reason: r, count: n });
      refusals.clear();
    }, 1_000);
    refusalTimer.unref();
  };

  // Failed handshakes (wrong CA, scanners) share one line budget.
  const tlsLog = budgetedLog(log, new LogBudget(limits.logLinesPerConnectionBurst, limits.logLinesPerConnectionPerSec));

  const server = tls.createServer({
    cert: options.tls.cert,
    key: options.tls.key,
    minVersion: 'TLSv1.2',
    // TLS must also complete within the authentication deadline.
    handshakeTimeout: Math.min(limits.tlsHandshakeTimeoutMs, limits.authTimeoutMs),
  });

  // Slots are counted from the TCP accept, not from TLS completion: a socket that never
  // finishes TLS holds one too. Raw sockets still in the TLS handshake, oldest first.
  let slotsUsed = 0;
  const perIp = new Map<string, number>();
  const handshaking = new Map<Socket, number>();
  const refused = new WeakSet<object>();
  const remotes = new WeakMap<object, string>();

  /** Make room for a newcomer: a handshake stalled for 2 s, else the connection idle longest (if idle long enough). */
  const reclaimSlot = (): boolean => {
    const now = Date.now();
    for (const [raw, since] of handshaking) {
      if (now - since < STALLED_HANDSHAKE_MS) break;
      handshaking.delete(raw);
      log('connection.reclaimed', { remote: remotes.get(raw), reason: 'TLS handshake stalled while every slot was taken' });
      raw.destroy();
      return true;
    }
    let oldest: BrokerConnection | undefined;
    for (const conn of open) {
      if (conn.isAuthenticated && now - conn.lastActivity >= limits.reclaimIdleAfterMs && (!oldest || conn.lastActivity < oldest.lastActivity)) oldest = conn;
    }
    if (!oldest) return false;
    oldest.close('idle connection reclaimed: every connection slot was taken');
    return true;
  };

  // Runs before the TLS layer wraps the socket, so a refused connection costs no TLS work.
  server.prependListener('connection', (raw: Socket) => {
    const ip = raw.remoteAddress ?? '?';
    remotes.set(raw, `${ip}:${raw.remotePort ?? '?'}`);
    const fromIp = perIp.get(ip) ?? 0;
    let reason: string | undefined;
    if (fromIp >= limits.maxConnectionsPerIp) reason = `connection limit reached: more than ${limits.maxConnectionsPerIp} connections from this address`;
    else if (slotsUsed >= limits.maxConnections && !reclaimSlot()) reason = `connection limit reached: all ${limits.maxConnections} connection slots are taken`;
    if (reason) {
      refused.add(raw);
      refuseLog(reason);
      // A reset right after the TCP accept, before any TLS byte: the doctor tells this apart from a CA problem.
      raw.resetAndDestroy();
      return;
    }
    slotsUsed++;
    perIp.set(ip, fromIp + 1);
    handshaking.set(raw, Date.now());
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      slotsUsed--;
      handshaking.delete(raw);
      const left = (perIp.get(ip) ?? 1) - 1;
      if (left <= 0) perIp.delete(ip);
      else perIp.set(ip, left);
    };
    slotRelease.set(raw, release);
    raw.once('close', release);
  });
  const slotRelease = new WeakMap<object, () => void>();

  server.on('tlsClientError', (err, socket) => {
    // `_parent` is the raw socket under a server-side TLSSocket (a long-standing Node internal).
    const parent = (socket as unknown as { _parent?: object })._parent;
    if (parent && refused.has(parent)) return;
    const remote =
      socket.remoteAddress !== undefined ? `${socket.remoteAddress}:${socket.remotePort ?? '?'}` : (parent && remotes.get(parent)) ?? '?:?';
    tlsLog('tls.failed', { remote, reason: err.message });
    socket.destroy();
  });
  server.on('secureConnection', (socket) => {
    const parent = (socket as unknown as { _parent?: Socket })._parent;
    if (parent) handshaking.delete(parent);
    // A closing connection no longer holds a slot (nor its client's allowance).
    const release = (parent && slotRelease.get(parent)) ?? (() => {});
    const quota = quotas.attach(socket.remoteAddress ?? '?');
    socket.setNoDelay(true);
    const conn = new BrokerConnection(
      socket,
      { accounts: options.accounts, store: options.store, control, identity, limits, log, pool, chargeProduce: quota.charge },
      () => {
        release();
        quota.release();
        open.delete(conn);
      },
      () => {
        release();
        quota.release();
      },
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
    queuedRequestBytes: () => pool.reserved,
    close: () =>
      new Promise<void>((resolve) => {
        for (const conn of open) conn.close('endpoint shutting down');
        server.close(() => resolve());
      }),
  };
}
