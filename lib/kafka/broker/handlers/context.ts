/**
 * What a request handler sees of its connection, and what it may answer:
 * a response body, nothing (acks=0, or an injected silence), or "close the
 * connection" (how a 2.1.1 broker reacts to requests it will not serve).
 */
import type { BrokerControl } from '../control';
import type { BrokerLimits } from '../limits';
import type { BrokerAccounts, BrokerLog, BrokerStore } from '../ports';

export interface BrokerIdentity {
  nodeId: number;
  /** Host and port Metadata advertises when the client did not dial an SLS host name. */
  publicHost: string;
  publicPort: number;
  clusterId: string;
}

export interface ConnectionContext {
  accounts: BrokerAccounts;
  store: BrokerStore;
  control: BrokerControl;
  identity: BrokerIdentity;
  /** Escaped, truncated and budgeted: log one line per request, never per topic or partition. */
  log: BrokerLog;
  limits: BrokerLimits;
  /** Charge produce bytes to the client's address; returns Kafka's throttle_time_ms (0 within quota). */
  chargeProduce: (bytes: number) => number;
  /** The TLS SNI host name the client asked for, if any. */
  sniHost: string | undefined;
  clientId: string | null;
  /** Set once SASL succeeds. */
  principal: unknown;
  username: string | undefined;
  remote: string;
}

export type HandlerResult =
  /** `thenClose`: answer, then close the connection (failed SASL, unknown mechanism). */
  | { kind: 'respond'; body: Buffer; thenClose?: string; throttleMs?: number }
  | { kind: 'silent' }
  | { kind: 'close'; reason: string };

export const respond = (body: Buffer): HandlerResult => ({ kind: 'respond', body });
export const close = (reason: string): HandlerResult => ({ kind: 'close', reason });
export const SILENT: HandlerResult = { kind: 'silent' };
