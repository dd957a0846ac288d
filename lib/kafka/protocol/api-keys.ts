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
