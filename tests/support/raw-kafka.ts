/**
 * A tiny raw Kafka client for integration tests: TLS (or plain TCP for the
 * "plaintext to the TLS port" case), one request at a time, every byte under
 * the test's control. Built on the project's own codec for the well-formed
 * requests, with `sendRaw`/`sendFrame` for everything a real client would
 * never send (lying size prefixes, truncated frames, random bytes).
 *
 * It never hides what the server did: `nextFrame` reports a frame, the
 * connection closing, or silence, so tests can assert "answered", "closed"
 * or "no response at all" (acks=0).
 */
import net from 'node:net';
import tls from 'node:tls';
import {
  decodeApiVersionsResponse,
  encodeApiVersionsRequest,
  type ApiVersionsResponse,
} from '@/lib/kafka/protocol/apis/api-versions';
import { decodeMetadataResponse, encodeMetadataRequest, type MetadataResponse } from '@/lib/kafka/protocol/apis/metadata';
import {
  decodeProduceResponse,
  encodeProduceRequest,
  type ProduceRequest,
  type ProduceResponse,
} from '@/lib/kafka/protocol/apis/produce';
import {
  decodeSaslAuthenticateResponse,
  encodeSaslAuthenticateRequest,
  type SaslAuthenticateResponse,
} from '@/lib/kafka/protocol/apis/sasl-authenticate';
import {
  decodeSaslHandshakeResponse,
  encodeSaslHandshakeRequest,
  type SaslHandshakeResponse,
} from '@/lib/kafka/protocol/apis/sasl-handshake';
import { ApiKey } from '@/lib/kafka/protocol/api-keys';
import { encodeRequestFrame, parseResponseFrame } from '@/lib/kafka/protocol/header';
import type { Reader } from '@/lib/kafka/protocol/primitives';
import { crc32c, encodeRecordBatch, type Codec } from '@/lib/kafka/protocol/records';
import { encodePlainToken } from '@/lib/kafka/broker/sasl-plain';

export interface RawConnectOptions {
  port: number;
  /** Loopback only; default 127.0.0.1. */
  host?: string;
  /** TLS SNI host name; default `localhost`. */
  servername?: string;
  /** PEM of the CA to trust; without it the certificate is not checked (raw tests probe the protocol, not PKI). */
  ca?: string | Buffer;
  clientId?: string | null;
  /** How long TCP + TLS may take; default 5 s. */
  connectTimeoutMs?: number;
}

/** What the server did next. */
export type ServerAction = { kind: 'frame'; frame: Buffer } | { kind: 'closed' } | { kind: 'timeout' };

export class RawKafkaError extends Error {
  override name = 'RawKafkaError';
}

const DEFAULT_WAIT_MS = 5_000;

export class RawKafkaClient {
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Size of the frame being collected, once its prefix is known. */
  private expected = -1;
  private readonly frames: Buffer[] = [];
  private wake: (() => void) | undefined;
  private nextCorrelationId = 1;
  /** True once the server closed (or reset) the connection. */
  closed = false;
  /** Bytes the server sent, in total (a response to acks=0 would show up here). */
  bytesReceived = 0;
  readonly clientId: string | null;

  private constructor(
    readonly socket: net.Socket,
    clientId: string | null,
  ) {
    this.clientId = clientId;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const onGone = (): void => {
      this.closed = true;
      this.poke();
    };
    socket.on('end', onGone);
    socket.on('close', onGone);
    // A reset or a TLS alert is just "the server closed it" for these tests.
    socket.on('error', onGone);
  }

  /** TLS connection to the endpoint (TCP + TLS done when this resolves). */
  static connect(opts: RawConnectOptions): Promise<RawKafkaClient> {
    const host = opts.host ?? '127.0.0.1';
    assertLoopback(host);
    return new Promise((resolve, reject) => {
      const socket = tls.connect({
        host,
        port: opts.port,
        servername: opts.servername ?? 'localhost',
        ...(opts.ca ? { ca: opts.ca } : { rejectUnauthorized: false }),
      });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new RawKafkaError(`TLS connect to ${host}:${opts.port} timed out`));
      }, opts.connectTimeoutMs ?? DEFAULT_WAIT_MS);
      socket.once('secureConnect', () => {
        clearTimeout(timer);
        socket.setNoDelay(true);
        resolve(new RawKafkaClient(socket, opts.clientId === undefined ? 'raw-kafka-test' : opts.clientId));
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  }

  /** Plain TCP to the same port: for sending bytes that are not TLS. */
  static connectPlain(opts: { port: number; host?: string }): Promise<RawKafkaClient> {
    const host = opts.host ?? '127.0.0.1';
    assertLoopback(host);
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host, port: opts.port });
      socket.once('connect', () => resolve(new RawKafkaClient(socket, null)));
      socket.once('error', reject);
    });
  }

  private onData(chunk: Buffer): void {
    this.bytesReceived += chunk.length;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    // Join chunks only once a whole frame is there: a 40 MB answer in 16 KiB TLS records is copied once, not 2,500 times.
    for (;;) {
      if (this.expected < 0) {
        if (this.buffered < 4) break;
        const size = this.take(4).readInt32BE(0);
        // Not Kafka framing (a TLS alert on the plain-TCP connection): stop parsing.
        if (size < 0) {
          this.expected = Number.POSITIVE_INFINITY;
          break;
        }
        this.expected = size;
      }
      if (this.buffered < this.expected) break;
      this.frames.push(this.take(this.expected));
      this.expected = -1;
    }
    this.poke();
  }

  /** The first `n` buffered bytes, as one Buffer. */
  private take(n: number): Buffer {
    const joined = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    const out = Buffer.from(joined.subarray(0, n));
    const rest = joined.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered -= n;
    return out;
  }

  private poke(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** Bytes exactly as given, no framing. */
  sendRaw(bytes: Uint8Array): void {
    if (!this.socket.destroyed) this.socket.write(bytes);
  }

  /** One frame: a correct size prefix in front of `payload`. */
  sendFrame(payload: Uint8Array): void {
    const prefix = Buffer.alloc(4);
    prefix.writeInt32BE(payload.length, 0);
    this.sendRaw(Buffer.concat([prefix, payload]));
  }

  /** A request frame from the project's header codec; returns its correlation id. */
  sendRequest(apiKey: number, apiVersion: number, body: Uint8Array): number {
    const correlationId = this.nextCorrelationId++;
    this.sendRaw(encodeRequestFrame({ apiKey, apiVersion, correlationId, clientId: this.clientId }, body));
    return correlationId;
  }

  /** The next frame from the server, or that it closed, or silence for `timeoutMs`. */
  async next(timeoutMs = DEFAULT_WAIT_MS): Promise<ServerAction> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const frame = this.frames.shift();
      if (frame) return { kind: 'frame', frame };
      if (this.closed) return { kind: 'closed' };
      const left = deadline - Date.now();
      if (left <= 0) return { kind: 'timeout' };
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Resolves true when the server closes the connection within `timeoutMs` (frames it sends first are dropped). */
  async waitClosed(timeoutMs = DEFAULT_WAIT_MS): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const action = await this.next(Math.max(0, deadline - Date.now()));
      if (action.kind === 'closed') return true;
      if (action.kind === 'timeout') return false;
    }
  }

  /** Send a request and return the body of its response; throws if the server closes or stays silent. */
  async request(apiKey: number, apiVersion: number, body: Uint8Array, timeoutMs = DEFAULT_WAIT_MS): Promise<Reader> {
    const correlationId = this.sendRequest(apiKey, apiVersion, body);
    return this.response(correlationId, `API ${apiKey} v${apiVersion}`, timeoutMs);
  }

  /** The response to `correlationId`, which must be the next frame. */
  async response(correlationId: number, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<Reader> {
    const action = await this.next(timeoutMs);
    if (action.kind === 'closed') throw new RawKafkaError(`${what}: the server closed the connection instead of answering`);
    if (action.kind === 'timeout') throw new RawKafkaError(`${what}: no answer within ${timeoutMs} ms`);
    const response = parseResponseFrame(action.frame);
    if (response.correlationId !== correlationId) {
      throw new RawKafkaError(`${what}: answer carries correlation id ${response.correlationId}, expected ${correlationId}`);
    }
    return response.body;
  }

  async apiVersions(version = 2): Promise<ApiVersionsResponse> {
    const r = await this.request(ApiKey.ApiVersions, version, encodeApiVersionsRequest({}, version));
    return decodeApiVersionsResponse(r, version);
  }

  async saslHandshake(mechanism: string, version: 0 | 1): Promise<SaslHandshakeResponse> {
    const r = await this.request(ApiKey.SaslHandshake, version, encodeSaslHandshakeRequest({ mechanism }, version));
    return decodeSaslHandshakeResponse(r, version);
  }

  async saslAuthenticate(token: Buffer): Promise<SaslAuthenticateResponse> {
    const r = await this.request(ApiKey.SaslAuthenticate, 0, encodeSaslAuthenticateRequest({ authBytes: token }, 0));
    return decodeSaslAuthenticateResponse(r, 0);
  }

  /**
   * SASL PLAIN. Handshake v1 sends the token in SaslAuthenticate (librdkafka,
   * Java, kafkajs); v0 sends it as a raw size-prefixed frame and reads an empty
   * raw token back (kafka-python, ruby-kafka, old Sarama).
   */
  async authenticate(username: string, password: string, handshakeVersion: 0 | 1 = 1): Promise<void> {
    const hs = await this.saslHandshake('PLAIN', handshakeVersion);
    if (hs.errorCode !== 0) throw new RawKafkaError(`SaslHandshake answered error ${hs.errorCode}`);
    if (handshakeVersion === 1) {
      const auth = await this.saslAuthenticate(encodePlainToken(username, password));
      if (auth.errorCode !== 0) throw new RawKafkaError(`SaslAuthenticate answered error ${auth.errorCode}: ${auth.errorMessage ?? ''}`);
      return;
    }
    // kafka-python puts the username in the authzid field too.
    this.sendFrame(encodePlainToken(username, password, username));
    const action = await this.next();
    if (action.kind !== 'frame') throw new RawKafkaError(`raw SASL token: server ${action.kind === 'closed' ? 'closed the connection' : 'did not answer'}`);
    if (action.frame.length !== 0) throw new RawKafkaError(`raw SASL token: expected an empty token back, got ${action.frame.length} bytes`);
  }

  async metadata(topics: string[] | null, version = 5): Promise<MetadataResponse> {
    const body = encodeMetadataRequest({ topics, allowAutoTopicCreation: true }, version);
    return decodeMetadataResponse(await this.request(ApiKey.Metadata, version, body), version);
  }

  async produce(request: ProduceRequest, version = 7): Promise<ProduceResponse> {
    const r = await this.request(ApiKey.Produce, version, encodeProduceRequest(request, version));
    return decodeProduceResponse(r, version);
  }

  /** Error code of the one partition a one-partition Produce answered. */
  async produceErrorCode(request: ProduceRequest, version = 7): Promise<number> {
    const response = await this.produce(request, version);
    const code = response.topics[0]?.partitions[0]?.errorCode;
    if (code === undefined) throw new RawKafkaError('Produce response has no partition');
    return code;
  }

  /** Close our side and wait for the socket to go. */
  async end(): Promise<void> {
    if (this.socket.destroyed) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.socket.destroy();
        resolve();
      }, 2_000);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.end();
    });
  }

  destroy(): void {
    this.socket.destroy();
  }
}

function assertLoopback(host: string): void {
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) throw new RawKafkaError(`raw test client only dials loopback, not ${host}`);
}

/** An authenticated connection (SaslHandshake v1 + SaslAuthenticate). */
export async function connectAuthenticated(
  opts: RawConnectOptions & { username: string; password: string; handshakeVersion?: 0 | 1 },
): Promise<RawKafkaClient> {
  const client = await RawKafkaClient.connect(opts);
  try {
    await client.authenticate(opts.username, opts.password, opts.handshakeVersion ?? 1);
  } catch (err) {
    client.destroy();
    throw err;
  }
  return client;
}

/** A one-topic, one-partition Produce request. */
export function produceRequest(
  topic: string,
  records: Buffer | null,
  opts: { partition?: number; acks?: number; timeoutMs?: number; transactionalId?: string | null } = {},
): ProduceRequest {
  return {
    transactionalId: opts.transactionalId ?? null,
    acks: opts.acks ?? -1,
    timeoutMs: opts.timeoutMs ?? 5_000,
    topics: [{ name: topic, partitions: [{ partition: opts.partition ?? 0, records }] }],
  };
}

/** A magic-2 record batch of these string values. */
export function recordBatch(values: string[], codec: Codec = 'none'): Buffer {
  return encodeRecordBatch(
    values.map((v) => ({ value: Buffer.from(v) })),
    { codec },
  );
}

/**
 * A magic-2 record batch around an arbitrary (already compressed) records
 * payload, with a correct CRC-32C: for batches no producer would write, such
 * as a decompression bomb. Layout: docs/kafka-2.1.1.md#record-batch-v2.
 */
export function recordBatchAround(payload: Buffer, opts: { codecId: number; recordCount: number; timestamp?: number }): Buffer {
  const header = 61;
  const out = Buffer.alloc(header + payload.length);
  const ts = BigInt(opts.timestamp ?? Date.now());
  out.writeBigInt64BE(0n, 0);
  out.writeInt32BE(header - 12 + payload.length, 8);
  out.writeInt32BE(-1, 12);
  out.writeInt8(2, 16);
  out.writeInt16BE(opts.codecId, 21);
  out.writeInt32BE(opts.recordCount - 1, 23);
  out.writeBigInt64BE(ts, 27);
  out.writeBigInt64BE(ts, 35);
  out.writeBigInt64BE(-1n, 43);
  out.writeInt16BE(-1, 51);
  out.writeInt32BE(-1, 53);
  out.writeInt32BE(opts.recordCount, 57);
  payload.copy(out, header);
  out.writeUInt32BE(crc32c(out.subarray(21)), 17);
  return out;
}
