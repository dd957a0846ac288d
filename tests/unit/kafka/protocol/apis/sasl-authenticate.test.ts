/**
 * SaslAuthenticate v0: golden bytes from the 2.1.1 schema, cross-checked with
 * kafkajs, round trips and hostile bodies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSaslAuthenticateRequest,
  decodeSaslAuthenticateResponse,
  encodeSaslAuthenticateRequest,
  encodeSaslAuthenticateResponse,
} from '@/lib/kafka/protocol/apis/sasl-authenticate';
import { ProtocolError, Reader } from '@/lib/kafka/protocol/primitives';
import { bytes, cat, hex, int16, int32, str } from '../fixtures/golden';
import { expectDamagedBodiesRejected, expectFastRejection, expectRandomBytesSafe } from '../fixtures/hostile';
import { kafkajsDecodeResponse, kafkajsEncoder, kafkajsRequestBody } from '../fixtures/kafkajs';

/** PLAIN token: authzid NUL authcid NUL password (username = project, password = AccessKeyId#AccessKeySecret). */
const TOKEN = Buffer.from('\0test-project-1\0LTAI5tExampleKeyId00001#ExampleSecret', 'utf8');

const REQUEST = cat(
  int32(TOKEN.length), // sasl_auth_bytes BYTES length
  TOKEN,
);

const RESPONSE_OK = hex`
  00 00        # error_code NONE
  ff ff        # error_message null
  00 00 00 00  # sasl_auth_bytes: empty server token for PLAIN
`;

const FAILURE_MESSAGE = 'Authentication failed: Invalid username or password';
const RESPONSE_FAILED = cat(
  int16(58), // error_code SASL_AUTHENTICATION_FAILED
  str(FAILURE_MESSAGE), // error_message
  bytes(Buffer.alloc(0)), // sasl_auth_bytes empty
);

describe('SaslAuthenticate v0 request', () => {
  it('golden bytes, same as kafkajs', async () => {
    expect(encodeSaslAuthenticateRequest({ authBytes: TOKEN }, 0)).toEqual(REQUEST);
    // kafkajs's PLAIN mechanism hands the request a token already framed with writeBytes
    expect(await kafkajsRequestBody('saslAuthenticate', 0, { authBytes: kafkajsEncoder.bytes(TOKEN) })).toEqual(REQUEST);
    const { authBytes } = decodeSaslAuthenticateRequest(new Reader(REQUEST), 0);
    expect(authBytes).toEqual(TOKEN);
    expect(authBytes.buffer).toBe(REQUEST.buffer); // a view, not a copy
  });

  it('hostile requests raise ProtocolError only', () => {
    const decode = (r: Reader) => decodeSaslAuthenticateRequest(r, 0);
    expectRandomBytesSafe(decode);
    expectDamagedBodiesRejected(REQUEST, decode);
    expectFastRejection(hex`7f ff ff ff 00`, decode); // lying length
    expect(() => decode(new Reader(hex`ff ff ff ff`))).toThrow(ProtocolError); // null BYTES
  });
});

describe('SaslAuthenticate v0 response', () => {
  it('golden bytes, decoded the same by kafkajs', async () => {
    expect(encodeSaslAuthenticateResponse({ errorCode: 0, errorMessage: null, authBytes: Buffer.alloc(0) }, 0)).toEqual(RESPONSE_OK);
    expect(encodeSaslAuthenticateResponse({ errorCode: 58, errorMessage: FAILURE_MESSAGE, authBytes: Buffer.alloc(0) }, 0)).toEqual(
      RESPONSE_FAILED,
    );
    expect(decodeSaslAuthenticateResponse(new Reader(RESPONSE_FAILED), 0)).toEqual({
      errorCode: 58,
      errorMessage: FAILURE_MESSAGE,
      authBytes: Buffer.alloc(0),
    });
    // kafkajs re-frames the token with its length, for its SASL mechanisms
    expect(await kafkajsDecodeResponse('saslAuthenticate', 0, RESPONSE_OK)).toEqual({
      errorCode: 0,
      errorMessage: null,
      authBytes: hex`00 00 00 00`,
    });
    expect(await kafkajsDecodeResponse('saslAuthenticate', 0, RESPONSE_FAILED)).toEqual({
      errorCode: 58,
      errorMessage: FAILURE_MESSAGE,
      authBytes: hex`00 00 00 00`,
    });
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 80 }),
        fc.integer({ min: -32768, max: 32767 }),
        fc.option(fc.string({ unit: 'grapheme', maxLength: 60 })),
        fc.uint8Array({ maxLength: 40 }),
        (token, errorCode, errorMessage, serverToken) => {
          const req = { authBytes: Buffer.from(token) };
          expect(decodeSaslAuthenticateRequest(new Reader(encodeSaslAuthenticateRequest(req, 0)), 0)).toEqual(req);
          const resp = { errorCode, errorMessage, authBytes: Buffer.from(serverToken) };
          expect(decodeSaslAuthenticateResponse(new Reader(encodeSaslAuthenticateResponse(resp, 0)), 0)).toEqual(resp);
        },
      ),
    );
  });

  it('hostile responses raise ProtocolError only', () => {
    const decode = (r: Reader) => decodeSaslAuthenticateResponse(r, 0);
    for (const golden of [RESPONSE_OK, RESPONSE_FAILED]) {
      expectDamagedBodiesRejected(golden, decode);
    }
    expectRandomBytesSafe(decode);
    expectFastRejection(hex`00 00 ff ff 7f ff ff ff`, decode); // lying auth_bytes length
  });
});

it('SaslAuthenticate refuses versions other than 0 (v1 added session_lifetime_ms in 2.2)', () => {
  for (const v of [-1, 1, 2]) {
    expect(() => decodeSaslAuthenticateRequest(new Reader(REQUEST), v)).toThrow(ProtocolError);
    expect(() => encodeSaslAuthenticateRequest({ authBytes: TOKEN }, v)).toThrow(ProtocolError);
    expect(() => decodeSaslAuthenticateResponse(new Reader(RESPONSE_OK), v)).toThrow(ProtocolError);
    expect(() => encodeSaslAuthenticateResponse({ errorCode: 0, errorMessage: null, authBytes: TOKEN }, v)).toThrow(ProtocolError);
  }
});
