/**
 * SaslAuthenticate (key 36), v0 (the only version 2.1.1 serves), and the raw
 * token exchange that follows SaslHandshake v0. The PLAIN token carries the
 * project and `AccessKeyId#AccessKeySecret`; the account model decides. On
 * failure: error 58 with a message in v0 (then close), or just close for raw
 * tokens, as a 2.1.1 broker does.
 */
import { decodeSaslAuthenticateRequest, encodeSaslAuthenticateResponse } from '../../protocol/apis/sasl-authenticate';
import { ErrorCode } from '../../protocol/errors';
import type { Reader } from '../../protocol/primitives';
import { parsePlainToken } from '../sasl-plain';
import type { ConnectionContext } from './context';

export type AuthOutcome = { ok: true; principal: unknown; username: string } | { ok: false; message: string };

/**
 * The username is the SLS project (at most 63 characters; docs/sls.md#naming), so a
 * longer one can never log in; refusing it here keeps a huge name out of every
 * per-topic check and log line that would follow.
 */
export const MAX_USERNAME_BYTES = 256;

export function authenticatePlain(ctx: ConnectionContext, token: Buffer): AuthOutcome {
  const parsed = parsePlainToken(token);
  if ('error' in parsed) return { ok: false, message: parsed.error };
  const size = Buffer.byteLength(parsed.username, 'utf8');
  if (size > MAX_USERNAME_BYTES) {
    return { ok: false, message: `Authentication failed: the username (the SLS project) has ${size} bytes; at most ${MAX_USERNAME_BYTES} are accepted` };
  }
  const login = ctx.accounts.checkLogin(parsed.username, parsed.password);
  if (!login.ok) return { ok: false, message: login.message };
  return { ok: true, principal: login.principal, username: parsed.username };
}

export function handleSaslAuthenticate(
  ctx: ConnectionContext,
  version: number,
  body: Reader,
): { body: Buffer; outcome: AuthOutcome } {
  const { authBytes } = decodeSaslAuthenticateRequest(body, version);
  const injected = ctx.control.takeError(36);
  const outcome: AuthOutcome = injected !== undefined ? { ok: false, message: 'injected authentication failure' } : authenticatePlain(ctx, authBytes);
  const response = outcome.ok
    ? { errorCode: ErrorCode.NONE, errorMessage: null, authBytes: Buffer.alloc(0) }
    : { errorCode: injected ?? ErrorCode.SASL_AUTHENTICATION_FAILED, errorMessage: outcome.message, authBytes: Buffer.alloc(0) };
  return { body: encodeSaslAuthenticateResponse(response, version), outcome };
}
