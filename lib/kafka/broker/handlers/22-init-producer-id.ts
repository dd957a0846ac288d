/**
 * InitProducerId (key 22), v0–v1. Idempotent producers (Java ≥ 3.0 with
 * acks=all, librdkafka with enable.idempotence) must get a producer id even
 * though SLS's samples turn idempotence off. Transactions are not supported:
 * a transactional id gets TRANSACTIONAL_ID_AUTHORIZATION_FAILED (53).
 */
import { ApiKey } from '../../protocol/api-keys';
import { decodeInitProducerIdRequest, encodeInitProducerIdResponse } from '../../protocol/apis/init-producer-id';
import { ErrorCode } from '../../protocol/errors';
import type { Reader } from '../../protocol/primitives';
import { respond, type ConnectionContext, type HandlerResult } from './context';

export const TRANSACTIONAL_ID_AUTHORIZATION_FAILED = 53;

let nextProducerId = BigInt(Date.now()) * 1000n;

export function handleInitProducerId(ctx: ConnectionContext, version: number, body: Reader): HandlerResult {
  const request = decodeInitProducerIdRequest(body, version);
  const injected = ctx.control.takeError(ApiKey.InitProducerId);
  const errorCode = injected ?? (request.transactionalId !== null ? TRANSACTIONAL_ID_AUTHORIZATION_FAILED : ErrorCode.NONE);
  const ok = errorCode === ErrorCode.NONE;
  return respond(
    encodeInitProducerIdResponse(
      { throttleTimeMs: 0, errorCode, producerId: ok ? nextProducerId++ : -1n, producerEpoch: ok ? 0 : -1 },
      version,
    ),
  );
}
