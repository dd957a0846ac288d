/**
 * InitProducerId v0–v1: golden bytes from the 2.1.1 schema, cross-checked with
 * kafkajs, round trips and hostile bodies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeInitProducerIdRequest,
  decodeInitProducerIdResponse,
  encodeInitProducerIdRequest,
  encodeInitProducerIdResponse,
} from '@/lib/kafka/protocol/apis/init-producer-id';
import { ProtocolError, Reader } from '@/lib/kafka/protocol/primitives';
import { cat, hex, int16, int32, int64, str } from '../fixtures/golden';
import {
  expectDamagedBodiesRejected,
  expectEveryTruncationRejected,
  expectFastRejection,
  expectRandomBytesSafe,
  expectTrailingByteRejected,
} from '../fixtures/hostile';
import { kafkajsDecodeResponse, kafkajsRequestBody } from '../fixtures/kafkajs';

const VERSIONS = [0, 1] as const;

/** What an idempotent Java producer (acks=all) sends: no transactional id. */
const REQUEST_IDEMPOTENT = hex`
  ff ff        # transactional_id null
  7f ff ff ff  # transaction_timeout_ms (Java sends Integer.MAX_VALUE without transactions)
`;

const REQUEST_TRANSACTIONAL = cat(
  str('txn-1'), // transactional_id
  int32(60000), // transaction_timeout_ms
);

const RESPONSE = cat(
  int32(0), // throttle_time_ms FIRST
  int16(0), // error_code NONE
  int64(1000n), // producer_id
  int16(0), // producer_epoch
);

describe.each(VERSIONS)('InitProducerId v%i', (v) => {
  it('request: golden bytes, same as kafkajs', async () => {
    expect(encodeInitProducerIdRequest({ transactionalId: null, transactionTimeoutMs: 2 ** 31 - 1 }, v)).toEqual(REQUEST_IDEMPOTENT);
    expect(encodeInitProducerIdRequest({ transactionalId: 'txn-1', transactionTimeoutMs: 60000 }, v)).toEqual(REQUEST_TRANSACTIONAL);
    expect(await kafkajsRequestBody('initProducerId', v, { transactionalId: 'txn-1', transactionTimeout: 60000 })).toEqual(
      REQUEST_TRANSACTIONAL,
    );
    expect(await kafkajsRequestBody('initProducerId', v, { transactionalId: null, transactionTimeout: 2 ** 31 - 1 })).toEqual(
      REQUEST_IDEMPOTENT,
    );
    expect(decodeInitProducerIdRequest(new Reader(REQUEST_IDEMPOTENT), v)).toEqual({
      transactionalId: null,
      transactionTimeoutMs: 2 ** 31 - 1,
    });
  });

  it('response: golden bytes, decoded the same by kafkajs', async () => {
    const resp = { throttleTimeMs: 0, errorCode: 0, producerId: 1000n, producerEpoch: 0 };
    expect(encodeInitProducerIdResponse(resp, v)).toEqual(RESPONSE);
    expect(decodeInitProducerIdResponse(new Reader(RESPONSE), v)).toEqual(resp);
    expect(await kafkajsDecodeResponse('initProducerId', v, RESPONSE)).toMatchObject({
      errorCode: 0,
      producerId: '1000',
      producerEpoch: 0,
    });
    const big = encodeInitProducerIdResponse({ throttleTimeMs: 7, errorCode: 0, producerId: 2n ** 62n + 5n, producerEpoch: 32767 }, v);
    expect(await kafkajsDecodeResponse('initProducerId', v, big)).toMatchObject({
      producerId: (2n ** 62n + 5n).toString(),
      producerEpoch: 32767,
    });
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ unit: 'grapheme', maxLength: 40 })),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.integer({ min: -32768, max: 32767 }),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        (transactionalId, n, short, producerId) => {
          const req = { transactionalId, transactionTimeoutMs: n };
          expect(decodeInitProducerIdRequest(new Reader(encodeInitProducerIdRequest(req, v)), v)).toEqual(req);
          const resp = { throttleTimeMs: n, errorCode: short, producerId, producerEpoch: short };
          expect(decodeInitProducerIdResponse(new Reader(encodeInitProducerIdResponse(resp, v)), v)).toEqual(resp);
        },
      ),
    );
  });

  it('hostile bodies raise ProtocolError only', () => {
    const decodeReq = (r: Reader) => decodeInitProducerIdRequest(r, v);
    const decodeResp = (r: Reader) => decodeInitProducerIdResponse(r, v);
    for (const golden of [REQUEST_IDEMPOTENT, REQUEST_TRANSACTIONAL]) {
      expectDamagedBodiesRejected(golden, decodeReq);
    }
    expectEveryTruncationRejected(RESPONSE, decodeResp);
    expectTrailingByteRejected(RESPONSE, decodeResp);
    expectRandomBytesSafe(decodeReq);
    expectRandomBytesSafe(decodeResp);
    expectFastRejection(hex`7f ff 41 00 00 00 00`, decodeReq); // lying transactional_id length
  });
});

it('InitProducerId refuses versions other than 0 and 1', () => {
  for (const v of [-1, 2, 3]) {
    expect(() => decodeInitProducerIdRequest(new Reader(REQUEST_IDEMPOTENT), v)).toThrow(ProtocolError);
    expect(() => encodeInitProducerIdRequest({ transactionalId: null, transactionTimeoutMs: 0 }, v)).toThrow(ProtocolError);
    expect(() => decodeInitProducerIdResponse(new Reader(RESPONSE), v)).toThrow(ProtocolError);
    expect(() =>
      encodeInitProducerIdResponse({ throttleTimeMs: 0, errorCode: 0, producerId: 0n, producerEpoch: 0 }, v),
    ).toThrow(ProtocolError);
  }
});
