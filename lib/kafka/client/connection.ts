/**
 * The doctor's transport: one TCP or TLS socket, Kafka frames out, responses
 * matched by correlation id, a timeout on every request, and raw SASL token
 * frames for handshake v0. Built on the project's codec, like the broker.
 */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { FrameDecoder } from '../broker/framing';
import { encodeRequestFrame, parseResponseFrame } from '../protocol/header';
import type { Reader } from '../protocol/primitives';

export class ClientTimeoutError extends Error {
  override name = 'ClientTimeoutError';
}

export class ConnectionClosedError extends Error {
  override name = 'ConnectionClosedError';
}

/** Largest response the doctor accepts (Metadata for one topic, Produce acks): tiny. */
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

interface Pending {
  resolve: (body: Reader) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export class KafkaClientConnection {
  private readonly frames = new FrameDecoder(MAX_RESPONSE_BYTES);
  private readonly pending = new Map<number, Pending>();
  private nextCorrelationId = 1;
  private closedError: Error | undefined;

  constructor(
    private readonly socket: Socket | TLSSocket,
    private readonly clientId: string,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new ConnectionClosedError('the server closed the connection')));
  }

  private onData(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.frames.push(chunk);
    } catch (err) {
      return this.fail(err instanceof Error ? err : new Error(String(err)));
    }
    for (const frame of frames) {
      const response = parseResponseFrame(frame);
      const waiter = this.pending.get(response.correlationId);
      if (!waiter) continue; // an answer to a request we gave up on
      this.pending.delete(response.correlationId);
      clearTimeout(waiter.timer);
      waiter.resolve(response.body);
    }
  }

  private fail(err: Error): void {
    this.closedError ??= err;
    for (const [id, waiter] of this.pending) {
      clearTimeout(waiter.timer);
      this.pending.delete(id);
      waiter.reject(err);
    }
  }

  /** Send one request; resolves with the response body, or rejects on timeout or close. */
  request(apiKey: number, apiVersion: number, body: Buffer, timeoutMs: number): Promise<Reader> {
    if (this.closedError) return Promise.reject(this.closedError);
    const correlationId = this.nextCorrelationId++;
    return new Promise<Reader>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        reject(new ClientTimeoutError(`no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(correlationId, { resolve, reject, timer });
      this.socket.write(encodeRequestFrame({ apiKey, apiVersion, correlationId, clientId: this.clientId }, body));
    });
  }

  /** A request the server does not answer (Produce with acks=0). */
  send(apiKey: number, apiVersion: number, body: Buffer): void {
    this.socket.write(encodeRequestFrame({ apiKey, apiVersion, correlationId: this.nextCorrelationId++, clientId: this.clientId }, body));
  }

  close(): void {
    this.fail(new ConnectionClosedError('closed by the client'));
    this.socket.destroy();
  }
}
