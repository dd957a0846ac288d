import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  VIEW_LIMITS,
  bytesAsText,
  cutBytes,
  readValueCap,
  storedCopy,
  jsonObjectFields,
  toRecordView,
  type DecodedRecord,
  type RecordPlacement,
} from '@/lib/sandbox/records-view';
import type { DecodedRecord as CodecRecord } from '@/lib/kafka/protocol/records/decoded-record';

const RECEIVED = Date.UTC(2024, 4, 1, 12, 0, 0, 250);
const placement: RecordPlacement = {
  project: 'test-project-1',
  logstore: 'app_logs',
  shard: 1,
  offset: 42,
  receivedAt: RECEIVED,
  clientId: 'filebeat',
  expandJson: false,
};

const utf8 = (s: string) => Buffer.from(s, 'utf8');

function record(value: Uint8Array | null, extra: Partial<DecodedRecord> = {}): DecodedRecord {
  return { timestamp: Date.UTC(2022, 10, 5, 3, 18, 32, 999), key: null, value, headers: [], ...extra };
}

describe('toRecordView', () => {
  it('shows a plain value as SLS content, with where and when', () => {
    const view = toRecordView(placement, record(utf8('hello 世界'), { key: utf8('content') }));
    expect(view).toEqual({
      project: 'test-project-1',
      logstore: 'app_logs',
      shard: 1,
      offset: 42,
      timestamp: 1667618312999,
      timestampFrom: 'record',
      time: '2022-11-05T03:18:32.999Z',
      __time__: 1667618312,
      receivedAt: RECEIVED,
      key: 'content',
      keyEncoding: 'utf8',
      headers: [],
      clientId: 'filebeat',
      size: 12,
      truncated: false,
      content: 'hello 世界',
      contentEncoding: 'utf8',
    });
  });

  it('shows bytes that are not UTF-8 as base64, and nulls as null', () => {
    const bin = Uint8Array.from([0xff, 0xfe, 0x00, 0x80]);
    const view = toRecordView(placement, record(bin, { key: Uint8Array.from([0xc3, 0x28]) }));
    expect(view).toMatchObject({ key: 'wyg=', keyEncoding: 'base64', content: '//4AgA==', contentEncoding: 'base64' });
    expect(toRecordView(placement, record(null))).toMatchObject({ key: null, content: null, contentEncoding: 'utf8' });
    // Overlong encodings and lone surrogates are not valid UTF-8 either.
    expect(bytesAsText(Uint8Array.from([0xc0, 0xaf])).encoding).toBe('base64');
    expect(bytesAsText(Uint8Array.from([0xed, 0xa0, 0x80])).encoding).toBe('base64');
    expect(bytesAsText(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf8' });
  });

  it('reads a Uint8Array view without looking outside it', () => {
    const backing = utf8('XXhelloYY');
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 2, 5);
    expect(toRecordView(placement, record(view)).content).toBe('hello');
  });

  it('maps headers, base64 for binary header values', () => {
    const view = toRecordView(
      placement,
      record(utf8('x'), {
        headers: [
          { key: 'trace', value: utf8('abc') },
          { key: 'bin', value: Uint8Array.from([0xff]) },
          { key: 'empty', value: null },
        ],
      }),
    );
    expect(view.headers).toEqual([
      { key: 'trace', value: 'abc', encoding: 'utf8' },
      { key: 'bin', value: '/w==', encoding: 'base64' },
      { key: 'empty', value: null, encoding: 'utf8' },
    ]);
  });

  it('accepts the codec’s records as they are (bigint timestamps)', () => {
    // Compile-time contract: the codec's record type fits this module's input.
    const fromCodec: (r: CodecRecord) => DecodedRecord = (r) => r;
    const codecRecord: CodecRecord = { offsetDelta: 0, timestamp: 1667618312999n, key: null, value: utf8('x'), headers: [] };
    expect(toRecordView(placement, fromCodec(codecRecord))).toMatchObject({ timestamp: 1667618312999, __time__: 1667618312, timestampFrom: 'record' });
    expect(toRecordView(placement, { ...codecRecord, timestamp: 2n ** 63n - 1n })).toMatchObject({ timestamp: RECEIVED, timestampFrom: 'received' });
    expect(toRecordView(placement, { ...codecRecord, timestamp: -1n })).toMatchObject({ timestamp: RECEIVED, timestampFrom: 'received' });
  });

  it('uses the receive time when the record has no usable timestamp', () => {
    for (const timestamp of [-1, -5, Number.NaN, 9e15, Number.POSITIVE_INFINITY]) {
      const view = toRecordView(placement, record(utf8('x'), { timestamp }));
      expect(view, String(timestamp)).toMatchObject({
        timestamp: RECEIVED,
        timestampFrom: 'received',
        time: '2024-05-01T12:00:00.250Z',
        __time__: Math.floor(RECEIVED / 1000),
      });
    }
    expect(toRecordView(placement, record(utf8('x'), { timestamp: 0 }))).toMatchObject({ timestamp: 0, timestampFrom: 'record', __time__: 0 });
  });

  describe('on a .json topic', () => {
    const json = { ...placement, expandJson: true };

    it('expands a JSON object into text fields, as SLS stores them', () => {
      const value = utf8(
        '{ "message": "GET /index.html 200", "status": 200, "ratio": 1.50, "id": 12345678901234567890, "ok": true,\n' +
          '  "none": null, "tags": [ "a", "b c" ], "host": { "name" : "web-1", "ip": "10.0.0.1" }, "esc": "tab\\tquote\\"" }',
      );
      const view = toRecordView(json, record(value));
      expect(view.content).toBeUndefined();
      expect(view.fields).toEqual({
        message: 'GET /index.html 200',
        status: '200',
        ratio: '1.50',
        id: '12345678901234567890',
        ok: 'true',
        none: 'null',
        tags: '["a","b c"]',
        host: '{"name":"web-1","ip":"10.0.0.1"}',
        esc: 'tab\tquote"',
      });
      expect('contentEncoding' in view).toBe(false);
    });

    it('keeps content for values that are not a JSON object', () => {
      for (const text of ['[1,2]', '"a string"', '42', 'null', 'not json', '{"a":1', '{"a":1}x', '']) {
        const view = toRecordView(json, record(utf8(text)));
        expect(view, text).toMatchObject({ content: text, contentEncoding: 'utf8' });
        expect(view.fields, text).toBeUndefined();
      }
      expect(toRecordView(json, record(null))).toMatchObject({ content: null });
      expect(toRecordView(json, record(Uint8Array.from([0x7b, 0xff, 0x7d])))).toMatchObject({ contentEncoding: 'base64' });
    });

    it('handles hostile keys and shapes safely', () => {
      const view = toRecordView(json, record(utf8('{"__proto__": {"polluted": 1}, "a": 1, "a": 2, "\\u0041": "x", "": "empty"}')));
      expect(view.fields).toEqual(Object.fromEntries([['__proto__', '{"polluted":1}'], ['a', '2'], ['A', 'x'], ['', 'empty']]));
      expect(Object.getPrototypeOf(view.fields)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(jsonObjectFields('{}')).toEqual({});
      expect(jsonObjectFields(' \n{ } \n')).toEqual({});
    });

    it('survives deeply nested values without exhausting the stack', () => {
      const depth = 200_000;
      const text = `{"deep": ${'['.repeat(depth)}${']'.repeat(depth)}, "after": "ok"}`;
      const fields = jsonObjectFields(text);
      expect(fields?.after).toBe('ok');
      expect(fields?.deep).toHaveLength(2 * depth);
    });
  });

  it('expands JSON on any topic when the record says data-parse-format: json', () => {
    const value = utf8('{"level":"info"}');
    expect(toRecordView(placement, record(value, { headers: [{ key: 'data-parse-format', value: utf8('json') }] })).fields).toEqual({
      level: 'info',
    });
    expect(toRecordView(placement, record(value, { headers: [{ key: 'data-parse-format', value: utf8('csv') }] })).content).toBe(
      '{"level":"info"}',
    );
    expect(toRecordView(placement, record(value, { headers: [{ key: 'Data-Parse-Format', value: utf8('json') }] })).content).toBe(
      '{"level":"info"}',
    );
  });

  it('expanded fields equal the JSON text of each top-level value, however the object is formatted (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.constantFrom(0, 1, 2, '\t'), (obj, indent) => {
        const text = JSON.stringify(obj, null, indent);
        const fields = jsonObjectFields(text);
        if (!fields) return false;
        const expected = Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
        expect(fields).toEqual(expected);
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary bytes, timestamps and headers (property)', () => {
    const bytes = fc.option(fc.uint8Array({ maxLength: 64 }), { nil: null });
    fc.assert(
      fc.property(
        bytes,
        bytes,
        fc.oneof(fc.double(), fc.integer(), fc.constant(-1)),
        fc.array(fc.record({ key: fc.string(), value: bytes }), { maxLength: 3 }),
        fc.boolean(),
        (key, value, timestamp, headers, expandJson) => {
          const view = toRecordView({ ...placement, expandJson }, { key, value, timestamp, headers });
          return Number.isInteger(view.__time__) && !Number.isNaN(Date.parse(view.time));
        },
      ),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const view = toRecordView({ ...placement, expandJson: true }, record(utf8(text)));
        return view.fields !== undefined || view.content === text;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('stored copies (display budgets)', () => {
  it('cuts at a UTF-8 character boundary, never inside a character', () => {
    const text = Buffer.from('aé€😀', 'utf8'); // 1 + 2 + 3 + 4 bytes
    for (let max = 0; max <= text.length; max++) {
      const cut = cutBytes(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(max - cut.length).toBeLessThanOrEqual(3);
      expect(Buffer.from(cut.toString('utf8'), 'utf8').equals(cut)).toBe(true);
    }
  });

  it('keeps the full sizes and bounds the copy of a record with a huge value, key and many headers', () => {
    const huge = Buffer.alloc(5 * 1024 * 1024, 0x61);
    const copy = storedCopy(
      { timestamp: 5n, key: Buffer.alloc(10_000, 0x6b), value: huge, headers: Array.from({ length: 1000 }, (_, i) => ({ key: `h${i}`, value: Buffer.alloc(100) })) },
      3,
    );
    expect(copy.valueSize).toBe(huge.length);
    expect(copy.value?.length).toBe(VIEW_LIMITS.valueBytes);
    expect(copy.keySize).toBe(10_000);
    expect(copy.key?.length).toBe(VIEW_LIMITS.keyBytes);
    expect(copy.headers.length).toBeLessThanOrEqual(VIEW_LIMITS.headerBytes);
    expect(copy.headerCount).toBe(1000);
    expect(copy.offsetDelta).toBe(3);
    expect(copy.bytes).toBeLessThan(VIEW_LIMITS.valueBytes + VIEW_LIMITS.keyBytes + VIEW_LIMITS.headerBytes + 100);
    // The copy does not keep the decoded buffer alive.
    expect(copy.value?.buffer).not.toBe(huge.buffer);
  });

  it('shows a cut JSON value as content marked truncated, not as fields', () => {
    const view = toRecordView({ ...placement, expandJson: true }, record(utf8('{"a":"bc')), { valueSize: 20, truncated: true });
    expect(view).toMatchObject({ content: '{"a":"bc', size: 20, truncated: true });
    expect(view.fields).toBeUndefined();
  });

  it('gives each read a per-value cap between 1 KiB and 64 KiB from the 4 MiB read budget', () => {
    expect(readValueCap(1)).toBe(64 * 1024);
    expect(readValueCap(100)).toBe(Math.floor((4 * 1024 * 1024) / 100));
    expect(readValueCap(1000)).toBe(Math.floor((4 * 1024 * 1024) / 1000));
    expect(readValueCap(100_000)).toBe(1024);
  });
});
