/**
 * SaslHandshake (key 17), v0–v1: the client names a SASL mechanism; we answer
 * with an error code and the mechanisms we enable (only PLAIN for SLS).
 *
 * Per version (apache/kafka@2.1.1 SaslHandshakeRequest.java / SaslHandshakeResponse.java):
 *   request  v0–v1: mechanism STRING
 *   response v0–v1: error_code INT16, enabled_mechanisms [STRING]
 * The bodies are identical; the version decides what follows
 * (docs/kafka-2.1.1.md#sasl-ordering-and-framing): after v0
 * the tokens travel as raw size-prefixed frames without a Kafka header, after v1
 * inside SaslAuthenticate requests. Never flexible.
 *
 * The broker should list the enabled mechanisms on success too: ruby-kafka
 * (Fluentd) checks that PLAIN is in the list before it sends its token.
 */
import { ApiKey } from '../api-keys';
import { requireFullyRead, requireServedVersion } from '../header';
import { Reader, Writer } from '../primitives';

export interface SaslHandshakeRequest {
  mechanism: string;
}

export interface SaslHandshakeResponse {
  errorCode: number;
  enabledMechanisms: readonly string[];
}

const NAME = 'SaslHandshake';
/** An empty STRING is its 2-byte length. */
const MIN_STRING_BYTES = 2;

export function decodeSaslHandshakeRequest(r: Reader, version: number): SaslHandshakeRequest {
  requireServedVersion(ApiKey.SaslHandshake, version, NAME);
  const mechanism = r.string();
  requireFullyRead(r, `${NAME} v${version} request`);
  return { mechanism };
}

export function encodeSaslHandshakeRequest(req: SaslHandshakeRequest, version: number): Buffer {
  requireServedVersion(ApiKey.SaslHandshake, version, NAME);
  return new Writer(32).string(req.mechanism).toBuffer();
}

export function encodeSaslHandshakeResponse(resp: SaslHandshakeResponse, version: number): Buffer {
  requireServedVersion(ApiKey.SaslHandshake, version, NAME);
  return new Writer(32)
    .int16(resp.errorCode)
    .array(resp.enabledMechanisms, (w, m) => w.string(m))
    .toBuffer();
}

export function decodeSaslHandshakeResponse(r: Reader, version: number): SaslHandshakeResponse {
  requireServedVersion(ApiKey.SaslHandshake, version, NAME);
  const errorCode = r.int16();
  const enabledMechanisms = r.array((r) => r.string(), MIN_STRING_BYTES);
  requireFullyRead(r, `${NAME} v${version} response`);
  return { errorCode, enabledMechanisms };
}
