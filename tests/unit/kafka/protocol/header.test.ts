/**
 * Request/response framing: golden frames hand-assembled from the header
 * schemas and cross-checked with kafkajs's frame writer, header v2 from a
 * librdkafka-style ApiVersions v3, and hostile frames.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeRequestFrame,
  encodeResponseFrame,
  isServedVersion,
  parseRequestHeader,
  parseResponseFrame,
  requestHeaderVersion,
  requireFullyRead,
  requireServedVersion,
} from '@/lib/kafka/protocol/header';
import { ProtocolError, Reader } from '@/lib/kafka/protocol/primitives';
import { cat, hex, int16, int32, str } from './fixtures/golden';
import { onlyProtocolErrors } from './fixtures/hostile';
import { kafkajsRequestFrame } from './fixtures/kafkajs';

/** ApiVersions v2 from kafkajs, correlation id 1, client id "kafkajs", empty body. */
const API_VERSIONS_V2_FRAME = hex`
  00 00 00 11                 # size = 17 bytes follow
  00 12                       # api_key 18 ApiVersions
  00 02                       # api_version 2
  00 00 00 01                 # correlation_id 1
  00 07 6b 61 66 6b 61 6a 73  # client_id "kafkajs"
`;

/** ApiVersions v3 as librdkafka 2.x sends it first: request header v2, flexible body. */
const API_VERSIONS_V3_FRAME_NO_SIZE = cat(
  int16(18), // api_key ApiVersions
  int16(3), // api_version 3 (not served by 2.1.1)
  int32(42), // correlation_id
  str('rdkafka'), // client_id: still an INT16 string in header v2
  hex`00`, // header tagged fields: none
  hex`0b`, // client_software_name COMPACT_STRING, length 10 + 1
  Buffer.from('librdkafka'),
  hex`06`, // client_software_version COMPACT_STRING, length 5 + 1
  Buffer.from('2.0.2'),
  hex`00`, // body tagged fields: none
);

describe('parseRequestHeader', () => {
  it('reads a v1 header and leaves the body', () => {
    const h = parseRequestHeader(API_VERSIONS_V2_FRAME.subarray(4));
    expect(h).toMatchObject({ apiKey: 18, apiVersion: 2, correlationId: 1, clientId: 'kafkajs', headerVersion: 1 });
    expect(h.body.remaining).toBe(0);
  });

  it('reads a null client id', () => {
    const frame = hex`00 03 00 01 7f ff ff ff ff ff  00 00 00 00`; // Metadata v1, corr max, client null, topics []
    const h = parseRequestHeader(frame);
    expect(h).toMatchObject({ apiKey: 3, apiVersion: 1, correlationId: 2 ** 31 - 1, clientId: null, headerVersion: 1 });
    expect(h.body.int32()).toBe(0);
  });

  it('reads the first four fields of an ApiVersions v3 (header v2) request, nothing more', () => {
    const h = parseRequestHeader(API_VERSIONS_V3_FRAME_NO_SIZE);
    expect(h).toMatchObject({ apiKey: 18, apiVersion: 3, correlationId: 42, clientId: 'rdkafka', headerVersion: 2 });
    expect(isServedVersion(h.apiKey, h.apiVersion)).toBe(false);
    // body starts right after client_id: the header's tagged section is not parsed
    expect(h.body.offset).toBe(2 + 2 + 4 + 2 + 7);
  });

  it('reads the four fields even when the body of an unserved version is garbage', () => {
    const frame = cat(int16(18), int16(4), int32(7), str(null), hex`ff ff ff ff ff ff`);
    expect(parseRequestHeader(frame)).toMatchObject({ apiKey: 18, apiVersion: 4, correlationId: 7, clientId: null });
  });

  it('refuses every truncation of the header with ProtocolError', () => {
    const frame = API_VERSIONS_V2_FRAME.subarray(4);
    for (let n = 0; n < frame.length; n++) {
      expect(() => parseRequestHeader(Buffer.from(frame.subarray(0, n))), `${n} bytes`).toThrow(ProtocolError);
    }
  });

  it('refuses a lying or negative client id length', () => {
    expect(() => parseRequestHeader(hex`00 12 00 00 00 00 00 01 7f ff 41`)).toThrow(ProtocolError);
    expect(() => parseRequestHeader(hex`00 12 00 00 00 00 00 01 ff fe`)).toThrow(ProtocolError);
  });

  it('never throws anything but ProtocolError on arbitrary frames', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (raw) => {
        onlyProtocolErrors(() => parseRequestHeader(Buffer.from(raw)));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('encodeRequestFrame', () => {
  it('writes the golden frame, same as kafkajs', async () => {
    const frame = encodeRequestFrame({ apiKey: 18, apiVersion: 2, correlationId: 1, clientId: 'kafkajs' }, Buffer.alloc(0));
    expect(frame).toEqual(API_VERSIONS_V2_FRAME);
    expect(await kafkajsRequestFrame('apiVersions', 2, {}, 1, 'kafkajs')).toEqual(API_VERSIONS_V2_FRAME);
  });

  it('matches kafkajs for a request with a body', async () => {
    const body = cat(int32(1), str('test-logstore')); // Metadata v1 topics ["test-logstore"]
    const ours = encodeRequestFrame({ apiKey: 3, apiVersion: 1, correlationId: 9, clientId: 'doctor' }, body);
    expect(ours).toEqual(await kafkajsRequestFrame('metadata', 1, { topics: ['test-logstore'] }, 9, 'doctor'));
  });

  it('adds an empty tagged section for header v2 (the doctor probing ApiVersions v3)', () => {
    const body = API_VERSIONS_V3_FRAME_NO_SIZE.subarray(2 + 2 + 4 + 2 + 7 + 1);
    const frame = encodeRequestFrame({ apiKey: 18, apiVersion: 3, correlationId: 42, clientId: 'rdkafka' }, body);
    expect(frame).toEqual(cat(int32(API_VERSIONS_V3_FRAME_NO_SIZE.length), API_VERSIONS_V3_FRAME_NO_SIZE));
  });

  it('round-trips through parseRequestHeader', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 3, 17, 18, 22, 36),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
        fc.option(fc.string({ unit: 'grapheme', maxLength: 30 })),
        fc.uint8Array({ maxLength: 20 }),
        (apiKey, apiVersion, correlationId, clientId, body) => {
          const frame = encodeRequestFrame({ apiKey, apiVersion, correlationId, clientId }, body);
          expect(frame.readInt32BE(0)).toBe(frame.length - 4);
          const h = parseRequestHeader(frame.subarray(4));
          expect(h).toMatchObject({ apiKey, apiVersion, correlationId, clientId });
          if (h.headerVersion === 2) expect(h.body.uint8()).toBe(0); // the empty tagged section
          expect(Buffer.from(h.body.raw(h.body.remaining))).toEqual(Buffer.from(body));
        },
      ),
    );
  });
});

describe('response frames', () => {
  it('writes size + correlation id + body (response header v0)', () => {
    const frame = encodeResponseFrame(42, hex`00 23 00 00 00 00`);
    expect(frame).toEqual(hex`
      00 00 00 0a        # size = 10
      00 00 00 2a        # correlation_id 42
      00 23 00 00 00 00  # body
    `);
  });

  it('parses a frame without its size prefix', () => {
    const { correlationId, body } = parseResponseFrame(hex`ff ff ff fe 00 23`);
    expect(correlationId).toBe(-2);
    expect(body.int16()).toBe(35);
    expect(body.remaining).toBe(0);
  });

  it('refuses a frame shorter than its header', () => {
    for (let n = 0; n < 4; n++) expect(() => parseResponseFrame(Buffer.alloc(n))).toThrow(ProtocolError);
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.uint8Array({ maxLength: 40 }), (id, body) => {
        const frame = encodeResponseFrame(id, body);
        expect(frame.readInt32BE(0)).toBe(frame.length - 4);
        const parsed = parseResponseFrame(frame.subarray(4));
        expect(parsed.correlationId).toBe(id);
        expect(Buffer.from(parsed.body.raw(parsed.body.remaining))).toEqual(Buffer.from(body));
      }),
    );
  });
});

describe('versions', () => {
  it('knows which header version a request uses', () => {
    expect(requestHeaderVersion(18, 2)).toBe(1);
    expect(requestHeaderVersion(18, 3)).toBe(2);
    expect(requestHeaderVersion(0, 8)).toBe(1);
    expect(requestHeaderVersion(0, 9)).toBe(2);
    expect(requestHeaderVersion(3, 9)).toBe(2);
    expect(requestHeaderVersion(22, 2)).toBe(2);
    expect(requestHeaderVersion(36, 2)).toBe(2);
    expect(requestHeaderVersion(17, 99)).toBe(1); // SaslHandshake is never flexible
    expect(requestHeaderVersion(1, 12)).toBe(1); // an API we do not know
  });

  it('serves exactly the 2.1.1 ranges of our six APIs', () => {
    const served = (key: number) => [...Array(12).keys()].filter((v) => isServedVersion(key, v));
    expect(served(0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(served(3)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(served(17)).toEqual([0, 1]);
    expect(served(18)).toEqual([0, 1, 2]);
    expect(served(22)).toEqual([0, 1]);
    expect(served(36)).toEqual([0]);
    expect(served(1)).toEqual([]);
  });

  it('requireServedVersion throws ProtocolError for anything else', () => {
    expect(() => requireServedVersion(18, 2, 'ApiVersions')).not.toThrow();
    for (const v of [-1, 3, 1.5, Number.NaN]) expect(() => requireServedVersion(18, v, 'ApiVersions')).toThrow(ProtocolError);
  });

  it('requireFullyRead refuses leftovers', () => {
    const r = new Reader(hex`00 01`);
    expect(() => requireFullyRead(r, 'x')).toThrow(/2 unexpected trailing bytes/);
    r.int16();
    expect(() => requireFullyRead(r, 'x')).not.toThrow();
  });
});
