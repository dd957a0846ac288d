/**
 * SaslHandshake v0–v1: golden bytes from the 2.1.1 schema, cross-checked with
 * kafkajs, round trips and hostile bodies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSaslHandshakeRequest,
  decodeSaslHandshakeResponse,
  encodeSaslHandshakeRequest,
  encodeSaslHandshakeResponse,
} from '@/lib/kafka/protocol/apis/sasl-handshake';
import { ProtocolError, Reader } from '@/lib/kafka/protocol/primitives';
import { cat, hex, int16, int32 } from '../fixtures/golden';
import { expectDamagedBodiesRejected, expectFastRejection, expectRandomBytesSafe } from '../fixtures/hostile';
import { kafkajsDecodeResponse, kafkajsRequestBody } from '../fixtures/kafkajs';

const VERSIONS = [0, 1] as const;

const REQUEST_PLAIN = hex`
  00 05 50 4c 41 49 4e  # mechanism STRING "PLAIN"
`;

const RESPONSE_OK = hex`
  00 00                 # error_code NONE
  00 00 00 01           # enabled_mechanisms count 1 (listed on success too: ruby-kafka checks it)
  00 05 50 4c 41 49 4e  # "PLAIN"
`;

const RESPONSE_UNSUPPORTED = hex`
  00 21                 # error_code 33 UNSUPPORTED_SASL_MECHANISM
  00 00 00 01           # enabled_mechanisms count 1
  00 05 50 4c 41 49 4e  # "PLAIN"
`;

describe.each(VERSIONS)('SaslHandshake v%i', (v) => {
  it('request: golden bytes, same as kafkajs', async () => {
    expect(encodeSaslHandshakeRequest({ mechanism: 'PLAIN' }, v)).toEqual(REQUEST_PLAIN);
    expect(await kafkajsRequestBody('saslHandshake', v, { mechanism: 'PLAIN' })).toEqual(REQUEST_PLAIN);
    expect(decodeSaslHandshakeRequest(new Reader(REQUEST_PLAIN), v)).toEqual({ mechanism: 'PLAIN' });
    const scram = await kafkajsRequestBody('saslHandshake', v, { mechanism: 'SCRAM-SHA-256' });
    expect(decodeSaslHandshakeRequest(new Reader(scram), v)).toEqual({ mechanism: 'SCRAM-SHA-256' });
  });

  it('response: golden bytes, decoded the same by kafkajs', async () => {
    expect(encodeSaslHandshakeResponse({ errorCode: 0, enabledMechanisms: ['PLAIN'] }, v)).toEqual(RESPONSE_OK);
    expect(encodeSaslHandshakeResponse({ errorCode: 33, enabledMechanisms: ['PLAIN'] }, v)).toEqual(RESPONSE_UNSUPPORTED);
    expect(decodeSaslHandshakeResponse(new Reader(RESPONSE_UNSUPPORTED), v)).toEqual({
      errorCode: 33,
      enabledMechanisms: ['PLAIN'],
    });
    expect(await kafkajsDecodeResponse('saslHandshake', v, RESPONSE_OK)).toEqual({
      errorCode: 0,
      enabledMechanisms: ['PLAIN'],
    });
    expect(await kafkajsDecodeResponse('saslHandshake', v, RESPONSE_UNSUPPORTED)).toEqual({
      errorCode: 33,
      enabledMechanisms: ['PLAIN'],
    });
  });

  it('round-trips', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 30 });
    fc.assert(
      fc.property(text, fc.integer({ min: -32768, max: 32767 }), fc.array(text, { maxLength: 8 }), (mechanism, errorCode, enabledMechanisms) => {
        expect(decodeSaslHandshakeRequest(new Reader(encodeSaslHandshakeRequest({ mechanism }, v)), v)).toEqual({ mechanism });
        const resp = { errorCode, enabledMechanisms };
        expect(decodeSaslHandshakeResponse(new Reader(encodeSaslHandshakeResponse(resp, v)), v)).toEqual(resp);
      }),
    );
  });

  it('hostile requests raise ProtocolError only', () => {
    const decode = (r: Reader) => decodeSaslHandshakeRequest(r, v);
    expectRandomBytesSafe(decode);
    expectDamagedBodiesRejected(REQUEST_PLAIN, decode);
    expect(() => decode(new Reader(hex`ff ff`))).toThrow(ProtocolError); // null mechanism
    expectFastRejection(hex`7f ff 50`, decode); // lying length
  });

  it('hostile responses raise ProtocolError only', () => {
    const decode = (r: Reader) => decodeSaslHandshakeResponse(r, v);
    expectRandomBytesSafe(decode);
    expectDamagedBodiesRejected(RESPONSE_OK, decode);
    expectFastRejection(cat(int16(0), int32(0x7fffffff), hex`00 00`), decode); // lying count
    expect(() => decode(new Reader(cat(int16(0), int32(1), hex`ff ff`)))).toThrow(ProtocolError); // null mechanism
  });
});

it('SaslHandshake refuses versions other than 0 and 1', () => {
  for (const v of [-1, 2]) {
    expect(() => decodeSaslHandshakeRequest(new Reader(REQUEST_PLAIN), v)).toThrow(ProtocolError);
    expect(() => encodeSaslHandshakeRequest({ mechanism: 'PLAIN' }, v)).toThrow(ProtocolError);
    expect(() => encodeSaslHandshakeResponse({ errorCode: 0, enabledMechanisms: [] }, v)).toThrow(ProtocolError);
    expect(() => decodeSaslHandshakeResponse(new Reader(RESPONSE_OK), v)).toThrow(ProtocolError);
  }
});
