/**
 * The API keys the endpoint serves and the version ranges a Kafka 2.1.1
 * broker advertises for them (apache/kafka@2.1.1 *Request.java schemaVersions).
 */
export const ApiKey = {
  Produce: 0,
  Metadata: 3,
  SaslHandshake: 17,
  ApiVersions: 18,
  InitProducerId: 22,
  SaslAuthenticate: 36,
} as const;

export type ApiKeyValue = (typeof ApiKey)[keyof typeof ApiKey];

export interface VersionRange {
  apiKey: number;
  min: number;
  max: number;
}

/** What ApiVersions advertises: exactly what a 2.1.1 broker serves for these APIs. */
export const SUPPORTED_VERSIONS: readonly VersionRange[] = [
  { apiKey: ApiKey.Produce, min: 0, max: 7 },
  { apiKey: ApiKey.Metadata, min: 0, max: 7 },
  { apiKey: ApiKey.SaslHandshake, min: 0, max: 1 },
  { apiKey: ApiKey.ApiVersions, min: 0, max: 2 },
  { apiKey: ApiKey.InitProducerId, min: 0, max: 1 },
  { apiKey: ApiKey.SaslAuthenticate, min: 0, max: 0 },
];

export function versionRange(apiKey: number): VersionRange | undefined {
  return SUPPORTED_VERSIONS.find((r) => r.apiKey === apiKey);
}

/**
 * What ApiVersions advertises: the whole table of a Kafka 2.1.1 broker
 * (docs/kafka-2.1.1.md#api-versions), including APIs this endpoint does not serve. Clients
 * derive features from it: librdkafka enables message format v2 only when
 * Produce v3 AND Fetch v4 are advertised, and kafka-python infers the broker
 * version from it. A request for an API that is advertised but not served
 * closes the connection, as SLS only takes producers.
 */
export const ADVERTISED_VERSIONS: readonly VersionRange[] = [
  [0, 7], [1, 10], [2, 4], [3, 7], [4, 1], [5, 0], [6, 4], [7, 1], [8, 6], [9, 5], [10, 2], [11, 3], [12, 2], [13, 2],
  [14, 2], [15, 2], [16, 2], [17, 1], [18, 2], [19, 3], [20, 3], [21, 1], [22, 1], [23, 2], [24, 1], [25, 1], [26, 1],
  [27, 0], [28, 2], [29, 1], [30, 1], [31, 1], [32, 2], [33, 1], [34, 1], [35, 1], [36, 0], [37, 1], [38, 1], [39, 1],
  [40, 1], [41, 1], [42, 1],
].map(([apiKey, max]) => ({ apiKey: apiKey!, min: 0, max: max! }));
