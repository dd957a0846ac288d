/**
 * One client connection: frames in, one request at a time, answers in order.
 * SASL state machine as SLS and Kafka 2.1.1 have it: before authentication
 * only ApiVersions and SaslHandshake (then raw tokens for v0, SaslAuthenticate
 * for v1); anything else, any unserved API or version, or a malformed frame
 * closes THIS connection only.
 */
import type { TLSSocket } from 'node:tls';
import { ApiKey } from '../protocol/api-keys';
import { encodeResponseFrame, isServedVersion, parseRequestHeader } from '../protocol/header';
import { ProtocolError } from '../protocol/primitives';
import { RecordFormatError } from '../protocol/records';
import type { BrokerControl } from './control';
import { FrameDecoder, FrameTooLargeError } from './framing';
import type { HandlerResult, BrokerIdentity, ConnectionContext } from './handlers/context';
import { handleProduce } from './handlers/00-produce';
import { handleMetadata } from './handlers/03-metadata';
import { handleSaslHandshake } from './handlers/17-sasl-handshake';
import { handleApiVersions } from './handlers/18-api-versions';
import { handleInitProducerId } from './handlers/22-init-producer-id';
import { authenticatePlain, handleSaslAuthenticate } from './handlers/36-sasl-authenticate';
import type { BrokerLimits } from './limits';
import type { BrokerAccounts, BrokerLog, BrokerStore } from './ports';

type AuthState = 'start' | 'raw-token' | 'authenticate' | 'authenticated';

export interface ConnectionDeps {
  accounts: BrokerAccounts;
  store: BrokerStore;
  control: BrokerControl;
  identity: BrokerIdentity;
  limits: BrokerLimits;
  log: BrokerLog;
}

/** A raw SASL token reply for handshake v0: PLAIN's server answer is empty. */
const EMPTY_TOKEN_FRAME = Buffer.alloc(4);

export class BrokerConnection {
  private state: AuthState = 'start';
  private readonly frames: FrameDecoder;
  private readonly ctx: ConnectionContext;
  private closed = false;
  private authTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: TLSSocket,
    private readonly deps: ConnectionDeps,
    private readonly onClose: () => void,
    /** Called once when the endpoint starts closing this connection. */
    private readonly onClosing: () => void = () => {},
  ) {
    this.frames = new FrameDecoder(deps.limits.maxPreAuthFrameBytes);
    const servername = (socket as TLSSocket & { servername?: string | false }).servername;
    this.ctx = {
      accounts: deps.accounts,
      store: deps.store,
      control: deps.control,
      identity: deps.identity,
      log: deps.log,
      sniHost: typeof servername === 'string' && servername ? servername : undefined,
      clientId: null,
      principal: undefined,
      username: undefined,
      remote: `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'}`,
    };
    this.authTimer = setTimeout(() => this.close('authentication deadline passed'), deps.limits.authTimeoutMs);
    this.authTimer.unref();
    socket.setTimeout(deps.limits.idleTimeoutMs, () => this.close('idle timeout'));
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => socket.resume());
    socket.on('error', (err) => this.close(`socket error: ${err.message}`));
    socket.on('close', () => this.finish());
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return; // a closed connection's bytes are dropped, not buffered until the socket is destroyed
    let frames: Buffer[];
    try {
      frames = this.frames.push(chunk);
    } catch (err) {
      if (err instanceof FrameTooLargeError) return this.close(err.message);
      throw err;
    }
    for (const frame of frames) {
      if (this.closed) return;
      this.process(frame);
    }
    // Back-pressure: a client that does not read its responses stops being read.
    if (this.socket.writableNeedDrain) this.socket.pause();
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
      } else if (result.kind === 'close') {
        this.close(result.reason);
      }
    } catch (err) {
      if (err instanceof ProtocolError || err instanceof RecordFormatError) return this.close(`malformed request: ${err.message}`);
      this.deps.log('connection.internal_error', { remote: this.ctx.remote, error: err instanceof Error ? err.message : String(err) });
      this.close('internal error');
    }
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
          this.deps.log('sasl.failed', { remote: this.ctx.remote, reason: outcome.message });
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
      this.deps.log('sasl.failed', { remote: this.ctx.remote, reason: outcome.message });
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
    this.deps.log('sasl.ok', { remote: this.ctx.remote, user: username, sni: this.ctx.sniHost });
  }

  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.onClosing();
    this.deps.log('connection.closed', { remote: this.ctx.remote, user: this.ctx.username, reason });
    // Stop reading (and decrypting) whatever the peer still sends.
    this.socket.pause();
    this.socket.end();
    // A peer that never reads must not keep the socket: destroy after a grace period.
    setTimeout(() => this.socket.destroy(), 1_000).unref();
  }

  private finish(): void {
    clearTimeout(this.authTimer);
    this.closed = true;
    this.onClose();
  }
}

type ProtocolReader = Parameters<typeof handleApiVersions>[2];
