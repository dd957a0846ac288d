/**
 * Every budget that keeps the endpoint alive under abuse, with its default and
 * (where an operator may want another value) its environment variable.
 * Kafka's own settings where it has one (socket.request.max.bytes,
 * queued.max.request.bytes, max.connections(.per.ip), connections.max.idle.ms,
 * sasl.server.max.receive.size, client quotas); SLS's write limits (5 MB per
 * log group, 1 MB per log entry; docs/sls-limits.md) where a Kafka broker has none.
 */

const KiB = 1024;
const MiB = 1024 * KiB;

export interface BrokerLimits {
  /** Largest request frame after authentication (Kafka: socket.request.max.bytes); a bigger one closes the connection. */
  maxFrameBytes: number;
  /** Largest frame before authentication: ApiVersions, SaslHandshake and a PLAIN token are tiny. */
  maxPreAuthFrameBytes: number;
  /**
   * Bytes of request frames all connections may hold at once (Kafka: queued.max.request.bytes).
   * A frame reserves its declared size when its size prefix arrives; while the budget is spent,
   * the endpoint stops reading from connections that want more.
   */
  maxQueuedRequestBytes: number;
  /** Records (decompressed) one Produce request may carry: SLS's 5 MB log group. Beyond: MESSAGE_TOO_LARGE. */
  maxRequestRecordBytes: number;
  /** One record (key, value and headers): SLS's 1 MB log entry. Beyond: MESSAGE_TOO_LARGE. */
  maxRecordBytes: number;
  /** Distinct topics one Metadata request may name (duplicates collapse first); beyond, the connection is closed. */
  maxMetadataTopics: number;
  maxConnections: number;
  /** Connections one client address may hold (Kafka: max.connections.per.ip), counted from the TCP accept. */
  maxConnectionsPerIp: number;
  /** TCP accept to the end of the TLS handshake. */
  tlsHandshakeTimeoutMs: number;
  /** A connection must finish TLS + SASL within this time. */
  authTimeoutMs: number;
  /** A connection with no traffic for this long is closed. */
  idleTimeoutMs: number;
  /** When every slot is taken, an authenticated connection idle this long may be closed for a newcomer (oldest idle first). */
  reclaimIdleAfterMs: number;
  /** A response the client has not read within this time (the socket does not drain) closes the connection. */
  responseDrainTimeoutMs: number;
  /** A request frame must arrive whole within this time of its first byte. */
  frameTimeoutMs: number;
  /** Produce bytes per second per client address (token bucket, burst = 2 s); above it, Kafka's throttle_time_ms. 0 = off. */
  produceBytesPerSecPerIp: number;
  /** Log lines one connection may write: a burst, then this many per second; the rest are counted, not written. */
  logLinesPerConnectionBurst: number;
  logLinesPerConnectionPerSec: number;
}

export const DEFAULT_LIMITS: BrokerLimits = {
  // The SLS log group (5 MB) plus room for Kafka framing and several partitions.
  maxFrameBytes: 8 * MiB,
  maxPreAuthFrameBytes: 64 * KiB,
  maxQueuedRequestBytes: 64 * MiB,
  maxRequestRecordBytes: 5 * 1000 * 1000,
  maxRecordBytes: 1 * MiB,
  // SLS: at most 200 Logstores per project; each may also be asked for as `<logstore>.json`.
  maxMetadataTopics: 1_000,
  maxConnections: 200,
  maxConnectionsPerIp: 100,
  tlsHandshakeTimeoutMs: 10_000,
  authTimeoutMs: 10_000,
  idleTimeoutMs: 10 * 60_000,
  reclaimIdleAfterMs: 10_000,
  responseDrainTimeoutMs: 30_000,
  frameTimeoutMs: 60_000,
  // Far above what one agent sends (SLS: 5–10 MB/s per shard), so the kcat benchmark is never throttled.
  produceBytesPerSecPerIp: 256 * MiB,
  logLinesPerConnectionBurst: 20,
  logLinesPerConnectionPerSec: 2,
};

/** Environment variables for the limits an operator may tune (README: sandbox section). */
export const LIMIT_ENV: Readonly<Partial<Record<keyof BrokerLimits, string>>> = {
  maxFrameBytes: 'SANDBOX_MAX_REQUEST_BYTES',
  maxQueuedRequestBytes: 'SANDBOX_QUEUED_REQUEST_BYTES',
  maxRequestRecordBytes: 'SANDBOX_MAX_REQUEST_RECORD_BYTES',
  maxRecordBytes: 'SANDBOX_MAX_RECORD_BYTES',
  maxConnections: 'SANDBOX_MAX_CONNECTIONS',
  maxConnectionsPerIp: 'SANDBOX_MAX_CONNECTIONS_PER_IP',
  tlsHandshakeTimeoutMs: 'SANDBOX_TLS_HANDSHAKE_TIMEOUT_MS',
  reclaimIdleAfterMs: 'SANDBOX_RECLAIM_IDLE_AFTER_MS',
  responseDrainTimeoutMs: 'SANDBOX_RESPONSE_DRAIN_TIMEOUT_MS',
  frameTimeoutMs: 'SANDBOX_FRAME_TIMEOUT_MS',
  produceBytesPerSecPerIp: 'SANDBOX_PRODUCE_BYTES_PER_SEC',
};

export class BrokerLimitsError extends Error {
  override name = 'BrokerLimitsError';
}

/** The limits set in the environment (unset ones keep their defaults); a bad value names its variable. */
export function limitsFromEnv(env: Readonly<Record<string, string | undefined>>): Partial<BrokerLimits> {
  const out: Partial<BrokerLimits> = {};
  for (const [key, name] of Object.entries(LIMIT_ENV) as Array<[keyof BrokerLimits, string]>) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const n = Number(raw);
    const zeroOk = key === 'produceBytesPerSecPerIp';
    if (!Number.isSafeInteger(n) || n < (zeroOk ? 0 : 1)) {
      throw new BrokerLimitsError(`${name}: “${raw}” is not a whole number ${zeroOk ? '≥ 0' : '≥ 1'} (default ${DEFAULT_LIMITS[key]}).`);
    }
    out[key] = n;
  }
  return out;
}

/** Defaults, overridden; checks that the budgets fit together. */
export function resolveLimits(partial: Partial<BrokerLimits> = {}): BrokerLimits {
  const limits = { ...DEFAULT_LIMITS, ...partial };
  if (limits.maxQueuedRequestBytes < limits.maxFrameBytes) {
    // One frame must always fit, or a connection could wait for memory forever.
    limits.maxQueuedRequestBytes = limits.maxFrameBytes;
  }
  return limits;
}
