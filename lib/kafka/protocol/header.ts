/**
 * Request and response framing: the request header every Kafka request starts
 * with, the response header (just the correlation id), the 4-byte size prefix,
 * and the two checks every API codec shares (served version, body fully read).
 *
 * Request header v1 (all versions a 2.1.1 broker serves):
 *   api_key INT16, api_version INT16, correlation_id INT32, client_id NULLABLE_STRING
 * Request header v2 (flexible versions, e.g. ApiVersions >= 3 from librdkafka 2.x
 * and Java >= 2.4): the same four fields, client_id still a classic INT16 string,
 * then a tagged-field section. No version we serve is flexible, so the header's
 * tagged section is never parsed here: for a version we do not serve the broker
 * only needs the first four fields to answer (docs/kafka-2.1.1.md#apiversions-response-header)
 * or close (docs/kafka-2.1.1.md#unsupported-requests-close-the-connection).
 *
 * Response header v0: correlation_id INT32. ApiVersions never uses a tagged
 * response header, not even for its flexible versions (same section), and nothing else
 * we answer is flexible, so v0 is the only response header we write or read.
 *
 * Frames here are one request or response WITHOUT the size prefix (the socket
 * layer splits the stream); the encoders add the prefix for the socket.
 */
import { ApiKey, versionRange } from './api-keys';
import { ProtocolError, Reader, Writer } from './primitives';

export type RequestHeaderVersion = 1 | 2;

export interface RequestHeader {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
  /** 2 when this API version is flexible (its header carries a tagged-field section). */
  headerVersion: RequestHeaderVersion;
  /**
   * The rest of the frame, starting right after client_id. For header v2 the
   * header's own tagged-field section is still in front of the body: only
   * unserved versions use header v2, and their bodies are never decoded.
   */
  body: Reader;
}

/** What the client chooses when it sends a request. */
export interface RequestHeaderFields {
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
}

/**
 * First flexible version per API we know of (apache/kafka 3.x
 * clients/src/main/resources/common/message/*Request.json "flexibleVersions");
 * SaslHandshake is never flexible. All are above what a 2.1.1 broker serves.
 */
const FIRST_FLEXIBLE_VERSION: Readonly<Record<number, number>> = {
  [ApiKey.Produce]: 9,
  [ApiKey.Metadata]: 9,
  [ApiKey.ApiVersions]: 3,
  [ApiKey.InitProducerId]: 2,
  [ApiKey.SaslAuthenticate]: 2,
};

/** Header version a request of this API version carries (1 for any API we do not know). */
export function requestHeaderVersion(apiKey: number, apiVersion: number): RequestHeaderVersion {
  const first = FIRST_FLEXIBLE_VERSION[apiKey];
  return first !== undefined && apiVersion >= first ? 2 : 1;
}

/** True when the endpoint serves this API at this version (docs/kafka-2.1.1.md#api-versions, api-keys.ts). */
export function isServedVersion(apiKey: number, apiVersion: number): boolean {
  const range = versionRange(apiKey);
  return range !== undefined && apiVersion >= range.min && apiVersion <= range.max;
}

/** Throw ProtocolError unless `version` is one we serve for `apiKey`; each API codec calls this first. */
export function requireServedVersion(apiKey: number, version: number, apiName: string): void {
  if (!Number.isInteger(version) || !isServedVersion(apiKey, version)) {
    throw new ProtocolError(`${apiName} version ${version} is not supported`);
  }
}

/** Throw ProtocolError when a decoder left bytes behind: a body must be consumed exactly. */
export function requireFullyRead(r: Reader, what: string): void {
  if (r.remaining !== 0) throw new ProtocolError(`${what}: ${r.remaining} unexpected trailing bytes`);
}

/** Parse one request frame (no size prefix): the header fields and a reader over the body. */
export function parseRequestHeader(frame: Buffer): RequestHeader {
  const r = new Reader(frame);
  const apiKey = r.int16();
  const apiVersion = r.int16();
  const correlationId = r.int32();
  const clientId = r.nullableString();
  return {
    apiKey,
    apiVersion,
    correlationId,
    clientId,
    headerVersion: requestHeaderVersion(apiKey, apiVersion),
    body: new Reader(frame, r.offset),
  };
}

/** Size prefix + request header (with an empty tagged section for header v2) + body. */
export function encodeRequestFrame(header: RequestHeaderFields, body: Uint8Array): Buffer {
  const w = new Writer(64 + body.length);
  w.int32(0); // size, patched below
  w.int16(header.apiKey).int16(header.apiVersion).int32(header.correlationId).nullableString(header.clientId);
  if (requestHeaderVersion(header.apiKey, header.apiVersion) === 2) w.emptyTaggedFields();
  w.raw(body);
  w.patchInt32(0, w.length - 4);
  return w.toBuffer();
}

/** Size prefix + correlation id (response header v0) + body. */
export function encodeResponseFrame(correlationId: number, body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(8 + body.length);
  out.writeInt32BE(4 + body.length, 0);
  out.writeInt32BE(correlationId, 4);
  out.set(body, 8);
  return out;
}

export interface ResponseFrame {
  correlationId: number;
  body: Reader;
}

/** Parse one response frame (no size prefix): the correlation id and a reader over the body. */
export function parseResponseFrame(frame: Buffer): ResponseFrame {
  const r = new Reader(frame);
  const correlationId = r.int32();
  return { correlationId, body: new Reader(frame, r.offset) };
}
