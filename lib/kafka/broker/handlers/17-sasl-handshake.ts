/**
 * SaslHandshake (key 17), v0 and v1. Only PLAIN is enabled, as on SLS; the
 * enabled list is sent on success too (ruby-kafka checks it). v0: the client
 * then sends raw length-prefixed tokens with no Kafka header; v1: the tokens
 * travel in SaslAuthenticate. An unknown mechanism gets error 33 and the
 * connection is closed after the answer (docs/kafka-2.1.1.md#sasl-ordering-and-framing).
 */
import { decodeSaslHandshakeRequest, encodeSaslHandshakeResponse } from '../../protocol/apis/sasl-handshake';
import { ErrorCode } from '../../protocol/errors';
import type { Reader } from '../../protocol/primitives';
import type { ConnectionContext } from './context';

export const ENABLED_MECHANISMS = ['PLAIN'] as const;

export interface HandshakeOutcome {
  body: Buffer;
  /** What the connection expects next; `close` after answering an unsupported mechanism. */
  next: 'raw-token' | 'authenticate' | 'close';
}

export function handleSaslHandshake(ctx: ConnectionContext, version: number, body: Reader): HandshakeOutcome {
  const { mechanism } = decodeSaslHandshakeRequest(body, version);
  const supported = mechanism === 'PLAIN';
  if (!supported) ctx.log('sasl.mechanism_rejected', { remote: ctx.remote, mechanism });
  return {
    body: encodeSaslHandshakeResponse(
      { errorCode: supported ? ErrorCode.NONE : ErrorCode.UNSUPPORTED_SASL_MECHANISM, enabledMechanisms: ENABLED_MECHANISMS },
      version,
    ),
    next: !supported ? 'close' : version === 0 ? 'raw-token' : 'authenticate',
  };
}
