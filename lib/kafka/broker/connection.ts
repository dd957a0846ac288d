/**
 * One client connection: frames in, one request at a time, answers in order.
 * SASL state machine as SLS and Kafka 2.1.1 have it: before authentication
 * only ApiVersions and SaslHandshake (then raw tokens for v0, SaslAuthenticate
 * for v1); anything else, any unserved API or version, or a malformed frame
 * closes THIS connection only.
 *
 * Budgets (limits.ts): each frame reserves its size from the shared memory pool
 * before it is read (while the pool is spent this socket is not read); a frame
 * must arrive whole within a deadline; a client that does not read its
 * responses stops being read and is closed after a deadline; produce quotas
 * mute the connection for the throttle time; log lines are budgeted per
 * connection.
 */
import type { TLSSocket } from 'node:tls';
import { ApiKey } from '../protocol/api-keys';
import { encodeResponseFrame, isServedVersion, parseRequestHeader } from '../protocol/header';
import { ProtocolError } from '../protocol/primitives';
import { RecordFormatError } from '../protocol/records';
import type { BrokerControl } from './control';
import { FrameDecoder, FrameTooLargeError } from './framing';
import { readIntoReusedBuffer } from './reused-read-buffer';
import type { HandlerResult, BrokerIdentity, ConnectionContext } from './handlers/context';
import { handleProduce } from './handlers/00-produce';
import { handleMetadata } from './handlers/03-metadata';
import { handleSaslHandshake } from './handlers/17-sasl-handshake';
import { handleApiVersions } from './handlers/18-api-versions';
import { handleInitProducerId } from './handlers/22-init-producer-id';
import { authenticatePlain, handleSaslAuthenticate } from './handlers/36-sasl-authenticate';
import type { MemoryPool } from './budgets';
import type { BrokerLimits } from './limits';
import { LogBudget, budgetedLog } from './log';
import type { BrokerAccounts, BrokerLog, BrokerStore } from './ports';

type AuthState = 'start' | 'raw-token' | 'authenticate' | 'authenticated';

export interface ConnectionDeps {
  accounts: BrokerAccounts;
  store: BrokerStore;
  control: BrokerControl;
  identity: BrokerIdentity;
  limits: BrokerLimits;
  /** Already escaping peer strings (log.ts safeLog); this connection budgets its lines. */
  log: BrokerLog;
  pool: MemoryPool;
  /** Charge produce bytes to this client address; returns the throttle time (ms). */
  chargeProduce: (bytes: number) => number;
}

/** Why the socket is not being read (several may hold at once). */
const PAUSE_DRAIN = 1;
const PAUSE_MEMORY = 2;
const PAUSE_THROTTLE = 4;
/** Kafka caps a quota's throttle time too (the quota window); a client is never muted longer. */
const MAX_THROTTLE_MS = 10_000;
const EMPTY = Buffer.alloc(0);

/** A raw SASL token reply for handshake v0: PLAIN's server answer is empty. */
const EMPTY_TOKEN_FRAME = Buffer.alloc(4);

export class BrokerConnection {
  private state: AuthState = 'start';
  private readonly frames: FrameDecoder;
  private readonly ctx: ConnectionContext;
  private closed = false;
  private authTimer: NodeJS.Timeout | undefined;
  private frameTimer: NodeJS.Timeout | undefined;
  private drainTimer: NodeJS.Timeout | undefined;
  private paused = 0;
  /** Bytes this connection holds in the shared pool (frames reserved, not yet processed). */
  private reservedBytes = 0;
  private cancelMemoryWait: (() => void) | undefined;
  /** Bytes a reused-buffer read delivered while paused (copied), handled on resume. */
  private stash: Buffer[] = [];
  private readonly connLog: ReturnType<typeof budgetedLog>;
  /** Date.now() of the last bytes received (for reclaiming idle connections). */
  lastActivity = Date.now();

  constructor(
    private readonly socket: TLSSocket,
    private readonly deps: ConnectionDeps,
    private readonly onClose: () => void,
    /** Called once when the endpoint starts closing this connection. */
    private readonly onClosing: () => void = () => {},
  ) {
    this.frames = new FrameDecoder(deps.limits.maxPreAuthFrameBytes);
    this.frames.reserve = (size) => {
      if (!deps.pool.tryReserve(size)) return false;
      this.reservedBytes += size;
      return true;
    };
    this.connLog = budgetedLog(deps.log, new LogBudget(deps.limits.logLinesPerConnectionBurst, deps.limits.logLinesPerConnectionPerSec));
    const servername = (socket as TLSSocket & { servername?: string | false }).servername;
    this.ctx = {
      accounts: deps.accounts,
      store: deps.store,
      control: deps.control,
      identity: deps.identity,
      log: this.connLog,
      limits: deps.limits,
      chargeProduce: deps.chargeProduce,
      sniHost: typeof servername === 'string' && servername ? servername : undefined,
      clientId: null,
      principal: undefined,
      username: undefined,
      remote: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`,
    };
    this.authTimer = setTimeout(() => this.close('authentication deadline passed'), deps.limits.authTimeoutMs);
    this.authTimer.unref();
    socket.setTimeout(deps.limits.idleTimeoutMs, () => this.close('idle timeout'));
    // Bytes already buffered by the stream (before the switch below) arrive as 'data'.
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    readIntoReusedBuffer(socket, (chunk) => {
      // After a pause the TLS layer still delivers what it had already decrypted (at most one
      // socket read, 64 KiB): kept for the resume, not handled while paused.
      if (this.paused !== 0) this.stash.push(Buffer.from(chunk));
      else this.onData(chunk, true);
      return true;
    });
    socket.on('drain', () => {
      clearTimeout(this.drainTimer);
      this.drainTimer = undefined;
      this.unpause(PAUSE_DRAIN);
    });
    socket.on('error', (err) => this.close(`socket error: ${err.message}`));
    socket.on('close', () => this.finish());
  }

  get isAuthenticated(): boolean {
    return this.state === 'authenticated' && !this.closed;
  }

  /** `transient`: `chunk` is the socket's reused read buffer, valid during this call only. */
  private onData(chunk: Buffer, transient = false): void {
    if (this.closed) return; // a closed connection's bytes are dropped, not buffered until the socket is destroyed
    this.lastActivity = Date.now();
    let frames: Buffer[];
    try {
      frames = this.frames.push(chunk, transient);
    } catch (err) {
      if (err instanceof FrameTooLargeError) return this.close(err.message);
      throw err;
    }
    for (const frame of frames) {
      if (this.closed) return;
      this.process(frame);
      // Handlers are synchronous and copy what they keep (the store binds its blobs), so the frame's buffer can be reused.
      this.frames.release(frame);
      if (this.closed) return; // close() gave back every reservation, this frame's too
      this.reservedBytes -= frame.length;
      this.deps.pool.release(frame.length);
    }
    if (this.closed) return;
    // Back-pressure: a client that does not read its responses stops being read, and is closed after a deadline.
    if (this.socket.writableNeedDrain && (this.paused & PAUSE_DRAIN) === 0) {
      this.pause(PAUSE_DRAIN);
      this.drainTimer ??= setTimeout(
        () => this.close(`responses not read within ${this.deps.limits.responseDrainTimeoutMs} ms`),
        this.deps.limits.responseDrainTimeoutMs,
      );
    }
    if (this.frames.blocked) this.waitForMemory();
    else if (this.frames.inFrame) this.armFrameTimer();
  }

  /** The shared request memory is spent: stop reading until a frame elsewhere is done. */
  private waitForMemory(): void {
    this.pause(PAUSE_MEMORY);
    if (this.cancelMemoryWait) return;
    this.cancelMemoryWait = this.deps.pool.wait(() => {
      this.cancelMemoryWait = undefined;
      if (this.closed) return;
      this.onData(EMPTY); // retries the reservation; waits again if it still does not fit
      if (!this.frames.blocked) this.unpause(PAUSE_MEMORY);
    });
  }

  /** A frame that started must be complete within frameTimeoutMs (a client cannot park a half-sent frame). */
  private armFrameTimer(): void {
    if (this.frameTimer) return;
    const seq = this.frames.started;
    this.frameTimer = setTimeout(() => {
      this.frameTimer = undefined;
      if (this.closed || !this.frames.inFrame) return;
      if (this.frames.started === seq) return this.close(`request frame not completed within ${this.deps.limits.frameTimeoutMs} ms`);
      this.armFrameTimer();
    }, this.deps.limits.frameTimeoutMs);
    this.frameTimer.unref();
  }

  private pause(reason: number): void {
    this.paused |= reason;
    this.socket.pause();
  }

  private unpause(reason: number): void {
    this.paused &= ~reason;
    while (this.paused === 0 && !this.closed && this.stash.length > 0) this.onData(this.stash.shift()!);
    if (this.paused === 0 && !this.closed) this.socket.resume();
  }

  private process(frame: Buffer): void {
    try {
      if (this.state === 'raw-token') return this.rawToken(frame);
      const header = parseRequestHeader(frame);
      this.ctx.clientId = header.clientId;
      const result = this.dispatch(header.apiKey, header.apiVersion, header.body);
      if (result.kind === 'respond') {
        this.socket.write(encodeResponseFrame(header.correlationId, result.body));
        if (result.thenClose) this.close(result.thenClose);
        else if (result.throttleMs) this.throttle(result.throttleMs);
      } else if (result.kind === 'close') {
        this.close(result.reason);
      }
    } catch (err) {
      if (err instanceof ProtocolError || err instanceof RecordFormatError) return this.close(`malformed request: ${err.message}`);
      this.connLog.always('connection.internal_error', { remote: this.ctx.remote, error: err instanceof Error ? err.message : String(err) });
      this.close('internal error');
    }
  }

  /** Kafka's quota behaviour (KIP-219): the answer goes out at once, then the connection is muted for the throttle time. */
  private throttle(ms: number): void {
    this.pause(PAUSE_THROTTLE);
    setTimeout(() => this.unpause(PAUSE_THROTTLE), Math.min(ms, MAX_THROTTLE_MS)).unref();
  }

  private dispatch(apiKey: number, version: number, body: ProtocolReader): HandlerResult {
    const authenticated = this.state === 'authenticated';
    if (apiKey === ApiKey.ApiVersions) return handleApiVersions(this.ctx, version, body);
    if (!isServedVersion(apiKey, version)) return { kind: 'close', reason: `unsupported API ${apiKey} v${version}` };
    if (!authenticated) {
      if (apiKey === ApiKey.SaslHandshake && this.state === 'start') {
        const outcome = handleSaslHandshake(this.ctx, version, body);
        if (outcome.next === 'close') return { kind: 'respond', body: outcome.body, thenClose: 'unsupported SASL mechanism' };
        this.state = outcome.next;
        return { kind: 'respond', body: outcome.body };
      }
      if (apiKey === ApiKey.SaslAuthenticate && this.state === 'authenticate') {
        const { body: response, outcome } = handleSaslAuthenticate(this.ctx, version, body);
        if (!outcome.ok) {
          this.connLog('sasl.failed', { remote: this.ctx.remote, reason: outcome.message });
          return { kind: 'respond', body: response, thenClose: 'authentication failed' };
        }
        this.authenticated(outcome.principal, outcome.username);
        return { kind: 'respond', body: response };
      }
      return { kind: 'close', reason: `API ${apiKey} before SASL authentication (IllegalSaslState)` };
    }
    switch (apiKey) {
      case ApiKey.Produce:
        return handleProduce(this.ctx, version, body);
      case ApiKey.Metadata:
        return handleMetadata(this.ctx, version, body);
      case ApiKey.InitProducerId:
        return handleInitProducerId(this.ctx, version, body);
      default:
        return { kind: 'close', reason: `API ${apiKey} after authentication (IllegalSaslState)` };
    }
  }

  /** After SaslHandshake v0 the client sends its PLAIN token with no Kafka header. */
  private rawToken(token: Buffer): void {
    const outcome = authenticatePlain(this.ctx, token);
    if (!outcome.ok) {
      this.connLog('sasl.failed', { remote: this.ctx.remote, reason: outcome.message });
      return this.close('authentication failed');
    }
    this.authenticated(outcome.principal, outcome.username);
    this.socket.write(EMPTY_TOKEN_FRAME);
  }

  private authenticated(principal: unknown, username: string): void {
    this.state = 'authenticated';
    this.ctx.principal = principal;
    this.ctx.username = username;
    this.frames.limit = this.deps.limits.maxFrameBytes;
    clearTimeout(this.authTimer);
    this.connLog('sasl.ok', { remote: this.ctx.remote, user: username, sni: this.ctx.sniHost });
  }

  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.onClosing();
    this.releaseBudgets();
    this.connLog.always('connection.closed', { remote: this.ctx.remote, user: this.ctx.username, reason });
    // Stop reading (and decrypting) whatever the peer still sends.
    this.socket.pause();
    this.socket.end();
    // A peer that never reads must not keep the socket: destroy after a grace period.
    setTimeout(() => this.socket.destroy(), 1_000).unref();
  }

  private releaseBudgets(): void {
    this.frames.clear();
    this.stash = [];
    clearTimeout(this.frameTimer);
    clearTimeout(this.drainTimer);
    this.cancelMemoryWait?.();
    this.cancelMemoryWait = undefined;
    const held = this.reservedBytes;
    this.reservedBytes = 0;
    if (held > 0) this.deps.pool.release(held);
  }

  private finish(): void {
    clearTimeout(this.authTimer);
    this.closed = true;
    this.releaseBudgets();
    this.onClose();
  }
}

type ProtocolReader = Parameters<typeof handleApiVersions>[2];
