/**
 * ApiVersions (key 18), v0–v2: the client asks which API versions we serve,
 * we list SUPPORTED_VERSIONS. Allowed before SASL authentication.
 *
 * Per version (apache/kafka@2.1.1 ApiVersionsRequest.java / ApiVersionsResponse.java):
 *   request  v0–v2: empty body.
 *   response v0: error_code INT16, api_versions [api_key INT16, min_version INT16, max_version INT16]
 *            v1: + throttle_time_ms INT32, LAST (unlike Metadata, docs/kafka-2.1.1.md#throttle-time-position)
 *            v2: same as v1 (bumped for "respond before throttling", KIP-219)
 *
 * A newer ApiVersions request (v3 from librdkafka 2.x / Java 2.4+, v4 from Sarama)
 * is not decoded at all: the broker answers encodeUnsupportedApiVersionsResponse()
 * in v0 format with the request's correlation id, so the client retries with a
 * version we list (docs/kafka-2.1.1.md#apiversions-with-an-unknown-version). We include the {18, 0, 2} entry as Kafka 2.4+ does
 * (KIP-511); a 2.1.1 broker sent an empty list, which clients also accept.
 */
import { ApiKey, versionRange, type VersionRange } from '../api-keys';
import { ErrorCode } from '../errors';
import { requireFullyRead, requireServedVersion } from '../header';
import { Reader, Writer } from '../primitives';

/** ApiVersions requests v0–v2 carry no fields. */
export type ApiVersionsRequest = Record<string, never>;

export interface ApiVersionsResponse {
  errorCode: number;
  apiVersions: readonly VersionRange[];
  /** Not on the wire in v0 (decoded as 0, the Java default). */
  throttleTimeMs: number;
}

const NAME = 'ApiVersions';
/** api_key + min_version + max_version */
const VERSION_ENTRY_BYTES = 6;

export function decodeApiVersionsRequest(r: Reader, version: number): ApiVersionsRequest {
  requireServedVersion(ApiKey.ApiVersions, version, NAME);
  requireFullyRead(r, `${NAME} v${version} request`);
  return {};
}

export function encodeApiVersionsRequest(_req: ApiVersionsRequest, version: number): Buffer {
  requireServedVersion(ApiKey.ApiVersions, version, NAME);
  return Buffer.alloc(0);
}

export function encodeApiVersionsResponse(resp: ApiVersionsResponse, version: number): Buffer {
  requireServedVersion(ApiKey.ApiVersions, version, NAME);
  const w = new Writer(8 + resp.apiVersions.length * VERSION_ENTRY_BYTES);
  w.int16(resp.errorCode);
  w.array(resp.apiVersions, (w, v) => w.int16(v.apiKey).int16(v.min).int16(v.max));
  if (version >= 1) w.int32(resp.throttleTimeMs);
  return w.toBuffer();
}

export function decodeApiVersionsResponse(r: Reader, version: number): ApiVersionsResponse {
  requireServedVersion(ApiKey.ApiVersions, version, NAME);
  const errorCode = r.int16();
  const apiVersions = r.array((r) => ({ apiKey: r.int16(), min: r.int16(), max: r.int16() }), VERSION_ENTRY_BYTES);
  const throttleTimeMs = version >= 1 ? r.int32() : 0;
  requireFullyRead(r, `${NAME} v${version} response`);
  return { errorCode, apiVersions, throttleTimeMs };
}

/**
 * The body a 2.4+ broker sends for an ApiVersions version it does not know:
 * v0 format, error 35 UNSUPPORTED_VERSION, one entry with the ApiVersions range.
 */
export function encodeUnsupportedApiVersionsResponse(): Buffer {
  const own = versionRange(ApiKey.ApiVersions);
  const entries = own === undefined ? [] : [own];
  return encodeApiVersionsResponse({ errorCode: ErrorCode.UNSUPPORTED_VERSION, apiVersions: entries, throttleTimeMs: 0 }, 0);
}
