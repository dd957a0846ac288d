/**
 * ApiVersions v0–v2 and the v0-format UNSUPPORTED_VERSION reply: golden bytes
 * from the 2.1.1 schema, cross-checked with kafkajs's decoders.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_VERSIONS } from '@/lib/kafka/protocol/api-keys';
import {
  decodeApiVersionsRequest,
  decodeApiVersionsResponse,
  encodeApiVersionsRequest,
  encodeApiVersionsResponse,
  encodeUnsupportedApiVersionsResponse,
  type ApiVersionsResponse,
} from '@/lib/kafka/protocol/apis/api-versions';
import { ProtocolError, Reader } from '@/lib/kafka/protocol/primitives';
import { array, cat, hex, int16, int32 } from '../fixtures/golden';
import {
  expectDamagedBodiesRejected,
  expectFastRejection,
  expectRandomBytesSafe,
  expectTrailingByteRejected,
} from '../fixtures/hostile';
import { kafkajsDecodeResponse, kafkajsRequestBody } from '../fixtures/kafkajs';

const VERSIONS = [0, 1, 2] as const;

/** Our full advertisement, as the endpoint sends it. */
const FULL: ApiVersionsResponse = { errorCode: 0, apiVersions: SUPPORTED_VERSIONS, throttleTimeMs: 0 };

const FULL_ENTRIES = cat(
  int32(6), // api_versions count
  hex`00 00  00 00  00 07`, // Produce 0..7
  hex`00 03  00 00  00 07`, // Metadata 0..7
  hex`00 11  00 00  00 01`, // SaslHandshake 0..1
  hex`00 12  00 00  00 02`, // ApiVersions 0..2
  hex`00 16  00 00  00 01`, // InitProducerId 0..1
  hex`00 24  00 00  00 00`, // SaslAuthenticate 0..0
);

const GOLDEN_RESPONSES: Record<(typeof VERSIONS)[number], Buffer> = {
  0: cat(int16(0), FULL_ENTRIES), // error_code, api_versions
  1: cat(int16(0), FULL_ENTRIES, int32(0)), // + throttle_time_ms LAST
  2: cat(int16(0), FULL_ENTRIES, int32(0)), // same body as v1
};

const kafkajsEntries = SUPPORTED_VERSIONS.map((v) => ({ apiKey: v.apiKey, minVersion: v.min, maxVersion: v.max }));

describe('ApiVersions request', () => {
  it.each(VERSIONS)('v%i has an empty body, as kafkajs sends it', async (v) => {
    expect(encodeApiVersionsRequest({}, v)).toEqual(Buffer.alloc(0));
    expect(await kafkajsRequestBody('apiVersions', v, {})).toEqual(Buffer.alloc(0));
    expect(decodeApiVersionsRequest(new Reader(Buffer.alloc(0)), v)).toEqual({});
  });

  it('refuses trailing bytes and versions we do not serve', () => {
    expectTrailingByteRejected(Buffer.alloc(0), (r) => decodeApiVersionsRequest(r, 0));
    for (const v of [-1, 3, 4]) {
      expect(() => decodeApiVersionsRequest(new Reader(Buffer.alloc(0)), v)).toThrow(ProtocolError);
      expect(() => encodeApiVersionsRequest({}, v)).toThrow(ProtocolError);
    }
  });
});

describe('ApiVersions response', () => {
  it.each(VERSIONS)('v%i: our advertisement matches the golden bytes', (v) => {
    expect(encodeApiVersionsResponse(FULL, v)).toEqual(GOLDEN_RESPONSES[v]);
    expect(decodeApiVersionsResponse(new Reader(GOLDEN_RESPONSES[v]), v)).toEqual(FULL);
  });

  it('puts throttle_time_ms last from v1', () => {
    const body = encodeApiVersionsResponse({ errorCode: 0, apiVersions: [{ apiKey: 0, min: 0, max: 7 }], throttleTimeMs: 100 }, 1);
    expect(body).toEqual(hex`
      00 00              # error_code NONE
      00 00 00 01        # api_versions count 1
      00 00 00 00 00 07  # Produce 0..7
      00 00 00 64        # throttle_time_ms 100
    `);
  });

  it('kafkajs decodes what we send (v0, v1, v2)', async () => {
    expect(await kafkajsDecodeResponse('apiVersions', 0, GOLDEN_RESPONSES[0])).toEqual({ errorCode: 0, apiVersions: kafkajsEntries });
    const withThrottle = encodeApiVersionsResponse({ ...FULL, throttleTimeMs: 250 }, 1);
    expect(await kafkajsDecodeResponse('apiVersions', 1, withThrottle)).toEqual({
      errorCode: 0,
      apiVersions: kafkajsEntries,
      throttleTime: 250,
    });
    // kafkajs reads a v2 throttle as "already applied by the broker" (KIP-219)
    expect(await kafkajsDecodeResponse('apiVersions', 2, encodeApiVersionsResponse({ ...FULL, throttleTimeMs: 250 }, 2))).toMatchObject({
      errorCode: 0,
      apiVersions: kafkajsEntries,
      clientSideThrottleTime: 250,
    });
  });

  it('round-trips any response', () => {
    const entry = fc.record({
      apiKey: fc.integer({ min: -32768, max: 32767 }),
      min: fc.integer({ min: -32768, max: 32767 }),
      max: fc.integer({ min: -32768, max: 32767 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...VERSIONS),
        fc.integer({ min: -32768, max: 32767 }),
        fc.array(entry, { maxLength: 50 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        (v, errorCode, apiVersions, throttle) => {
          const resp = { errorCode, apiVersions, throttleTimeMs: v === 0 ? 0 : throttle };
          expect(decodeApiVersionsResponse(new Reader(encodeApiVersionsResponse(resp, v)), v)).toEqual(resp);
        },
      ),
    );
  });

  it.each(VERSIONS)('v%i: hostile bodies raise ProtocolError only', (v) => {
    const decode = (r: Reader) => decodeApiVersionsResponse(r, v);
    expectRandomBytesSafe(decode);
    expectDamagedBodiesRejected(GOLDEN_RESPONSES[v], decode);
    expectFastRejection(cat(int16(0), int32(0x7fffffff), hex`00 00 00 00 00 07`), decode); // lying count
    expectFastRejection(cat(int16(0), int32(-2)), decode); // negative count
  });

  it('refuses versions we do not serve (the doctor decodes a v3 reply as v0)', () => {
    expect(() => decodeApiVersionsResponse(new Reader(GOLDEN_RESPONSES[0]), 3)).toThrow(ProtocolError);
    expect(() => encodeApiVersionsResponse(FULL, 3)).toThrow(ProtocolError);
  });
});

describe('reply to an ApiVersions version we do not serve', () => {
  const GOLDEN = hex`
    00 23              # error_code 35 UNSUPPORTED_VERSION
    00 00 00 01        # api_versions count 1 (2.4+ behaviour, KIP-511)
    00 12 00 00 00 02  # ApiVersions 0..2
  `;

  it('is the v0-format body with error 35 and the {18, 0, 2} entry', () => {
    expect(encodeUnsupportedApiVersionsResponse()).toEqual(GOLDEN);
    expect(GOLDEN).toEqual(cat(int16(35), array(cat(int16(18), int16(0), int16(2)))));
    expect(decodeApiVersionsResponse(new Reader(GOLDEN), 0)).toEqual({
      errorCode: 35,
      apiVersions: [{ apiKey: 18, min: 0, max: 2 }],
      throttleTimeMs: 0,
    });
  });

  it('is recognised by kafkajs as UNSUPPORTED_VERSION', async () => {
    await expect(kafkajsDecodeResponse('apiVersions', 0, GOLDEN)).rejects.toMatchObject({ type: 'UNSUPPORTED_VERSION' });
  });
});
