/**
 * InitProducerId (key 22), v0–v1: an idempotent (acks=all Java) or
 * transactional producer asks for a producer id and epoch before its first
 * sequenced batch (docs/kafka-2.1.1.md#idempotence). We serve idempotence, not transactions.
 *
 * Per version (apache/kafka@2.1.1 InitProducerIdRequest.java / InitProducerIdResponse.java):
 *   request  v0–v1: transactional_id NULLABLE_STRING, transaction_timeout_ms INT32
 *   response v0–v1: throttle_time_ms INT32 (FIRST), error_code INT16,
 *                   producer_id INT64, producer_epoch INT16
 * v1 only signals "respond before throttling" (KIP-219); the flexible v2+ is not served.
 */
import { ApiKey } from '../api-keys';
import { requireFullyRead, requireServedVersion } from '../header';
import { Reader, Writer } from '../primitives';

export interface InitProducerIdRequest {
  /** null for an idempotent producer without transactions. */
  transactionalId: string | null;
  transactionTimeoutMs: number;
}

export interface InitProducerIdResponse {
  throttleTimeMs: number;
  errorCode: number;
  producerId: bigint;
  producerEpoch: number;
}

const NAME = 'InitProducerId';

export function decodeInitProducerIdRequest(r: Reader, version: number): InitProducerIdRequest {
  requireServedVersion(ApiKey.InitProducerId, version, NAME);
  const transactionalId = r.nullableString();
  const transactionTimeoutMs = r.int32();
  requireFullyRead(r, `${NAME} v${version} request`);
  return { transactionalId, transactionTimeoutMs };
}

export function encodeInitProducerIdRequest(req: InitProducerIdRequest, version: number): Buffer {
  requireServedVersion(ApiKey.InitProducerId, version, NAME);
  return new Writer(32).nullableString(req.transactionalId).int32(req.transactionTimeoutMs).toBuffer();
}

export function encodeInitProducerIdResponse(resp: InitProducerIdResponse, version: number): Buffer {
  requireServedVersion(ApiKey.InitProducerId, version, NAME);
  return new Writer(16)
    .int32(resp.throttleTimeMs)
    .int16(resp.errorCode)
    .int64(resp.producerId)
    .int16(resp.producerEpoch)
    .toBuffer();
}

export function decodeInitProducerIdResponse(r: Reader, version: number): InitProducerIdResponse {
  requireServedVersion(ApiKey.InitProducerId, version, NAME);
  const throttleTimeMs = r.int32();
  const errorCode = r.int16();
  const producerId = r.int64();
  const producerEpoch = r.int16();
  requireFullyRead(r, `${NAME} v${version} response`);
  return { throttleTimeMs, errorCode, producerId, producerEpoch };
}
