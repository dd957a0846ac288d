/**
 * Limits that keep the endpoint alive under abuse: Kafka's own defaults where
 * it has them (socket.request.max.bytes 100 MiB, connections.max.idle.ms
 * 10 min, sasl.server.max.receive.size 512 KiB before authentication).
 */
export interface BrokerLimits {
  /** Largest request frame after authentication (Kafka: socket.request.max.bytes). */
  maxFrameBytes: number;
  /** Largest frame before authentication: ApiVersions, SaslHandshake and a PLAIN token are tiny. */
  maxPreAuthFrameBytes: number;
  maxConnections: number;
  /** Connections one client address may hold (Kafka: max.connections.per.ip), so one client cannot take every slot. */
  maxConnectionsPerIp: number;
  /** A connection must finish TLS + SASL within this time. */
  authTimeoutMs: number;
  /** A connection with no traffic for this long is closed. */
  idleTimeoutMs: number;
}

export const DEFAULT_LIMITS: BrokerLimits = {
  maxFrameBytes: 100 * 1024 * 1024,
  maxPreAuthFrameBytes: 512 * 1024,
  maxConnections: 200,
  maxConnectionsPerIp: 100,
  authTimeoutMs: 10_000,
  idleTimeoutMs: 10 * 60_000,
};
