/**
 * SaslAuthenticate (key 36), v0 only in 2.1.1: carries one SASL token after a
 * SaslHandshake v1. For PLAIN the client's token is `authzid NUL authcid NUL
 * password` (docs/kafka-2.1.1.md#plain-token) and our reply token is empty.
 *
 * Per version (apache/kafka@2.1.1 SaslAuthenticateRequest.java / SaslAuthenticateResponse.java):
 *   request  v0: sasl_auth_bytes BYTES
 *   response v0: error_code INT16, error_message NULLABLE_STRING, sasl_auth_bytes BYTES
 * v1 (2.2, adds session_lifetime_ms) and the flexible v2 are not served.
 * On failure the broker answers 58 SASL_AUTHENTICATION_FAILED with a message,
 * then closes the connection (docs/kafka-2.1.1.md#sasl-ordering-and-framing).
 */
import { ApiKey } from '../api-keys';
import { requireFullyRead, requireServedVersion } from '../header';
import { Reader, Writer } from '../primitives';

export interface SaslAuthenticateRequest {
  /** A view into the request frame, not a copy. */
  authBytes: Buffer;
}

export interface SaslAuthenticateResponse {
  errorCode: number;
  errorMessage: string | null;
  authBytes: Buffer;
}

const NAME = 'SaslAuthenticate';

export function decodeSaslAuthenticateRequest(r: Reader, version: number): SaslAuthenticateRequest {
  requireServedVersion(ApiKey.SaslAuthenticate, version, NAME);
  const authBytes = r.bytes();
  requireFullyRead(r, `${NAME} v${version} request`);
  return { authBytes };
}

export function encodeSaslAuthenticateRequest(req: SaslAuthenticateRequest, version: number): Buffer {
  requireServedVersion(ApiKey.SaslAuthenticate, version, NAME);
  return new Writer(4 + req.authBytes.length).bytes(req.authBytes).toBuffer();
}

export function encodeSaslAuthenticateResponse(resp: SaslAuthenticateResponse, version: number): Buffer {
  requireServedVersion(ApiKey.SaslAuthenticate, version, NAME);
  return new Writer(64 + resp.authBytes.length)
    .int16(resp.errorCode)
    .nullableString(resp.errorMessage)
    .bytes(resp.authBytes)
    .toBuffer();
}

export function decodeSaslAuthenticateResponse(r: Reader, version: number): SaslAuthenticateResponse {
  requireServedVersion(ApiKey.SaslAuthenticate, version, NAME);
  const errorCode = r.int16();
  const errorMessage = r.nullableString();
  const authBytes = r.bytes();
  requireFullyRead(r, `${NAME} v${version} response`);
  return { errorCode, errorMessage, authBytes };
}
