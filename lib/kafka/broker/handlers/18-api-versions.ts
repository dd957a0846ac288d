/**
 * ApiVersions (key 18), v0–v2: a Kafka 2.1.1 broker's whole table (clients
 * derive features from it; see ADVERTISED_VERSIONS). A newer version (v3 from librdkafka
 * 2.x and Java 3.x, v4 from new Sarama) is not parsed: it gets the v0-format
 * UNSUPPORTED_VERSION answer with our own range, and the client retries lower
 * (docs/kafka-2.1.1.md#apiversions-with-an-unknown-version, #apiversions-response-header). v1+ adds throttle_time_ms at the end.
 */
import { ADVERTISED_VERSIONS } from '../../protocol/api-keys';
import { decodeApiVersionsRequest, encodeApiVersionsResponse, encodeUnsupportedApiVersionsResponse } from '../../protocol/apis/api-versions';
import { ErrorCode } from '../../protocol/errors';
import { isServedVersion } from '../../protocol/header';
import { ApiKey } from '../../protocol/api-keys';
import type { Reader } from '../../protocol/primitives';
import { respond, type ConnectionContext, type HandlerResult } from './context';

export function handleApiVersions(ctx: ConnectionContext, version: number, body: Reader): HandlerResult {
  if (!isServedVersion(ApiKey.ApiVersions, version)) return respond(encodeUnsupportedApiVersionsResponse());
  decodeApiVersionsRequest(body, version);
  const injected = ctx.control.takeError(ApiKey.ApiVersions);
  return respond(
    encodeApiVersionsResponse({ errorCode: injected ?? ErrorCode.NONE, apiVersions: ADVERTISED_VERSIONS, throttleTimeMs: 0 }, version),
  );
}
