/** The broker's budgets, one by one: memory pool, quotas, log escaping and budgets, limits from the environment, decode caps. */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MemoryPool, ProduceQuotas, TokenBucket } from '@/lib/kafka/broker/budgets';
import { FrameDecoder } from '@/lib/kafka/broker/framing';
import { DEFAULT_LIMITS, limitsFromEnv, resolveLimits } from '@/lib/kafka/broker/limits';
import { LogBudget, budgetedLog, safeLog, safeLogString } from '@/lib/kafka/broker/log';
import { decodeMetadataRequest } from '@/lib/kafka/protocol/apis/metadata';
import { ProtocolError, Reader, Writer } from '@/lib/kafka/protocol/primitives';
import { DecompressionLimitError, RecordFormatError, compress, encodeMessageSet, encodeRecordBatch, inspectRecords } from '@/lib/kafka/protocol/records';

const MiB = 1024 * 1024;

describe('MemoryPool (queued.max.request.bytes)', () => {
  it('reserves up to capacity, refuses beyond, and wakes waiters in order when memory frees', () => {
    const pool = new MemoryPool(100);
    expect(pool.tryReserve(60)).toBe(true);
    expect(pool.tryReserve(50)).toBe(false);
    const woken: string[] = [];
    pool.wait(() => woken.push('a'));
    pool.wait(() => woken.push('b'));
    pool.release(60);
    expect(woken).toEqual(['a', 'b']);
    expect(pool.available).toBe(100);
  });

  it('a cancelled waiter is not woken', () => {
    const pool = new MemoryPool(10);
    pool.tryReserve(10);
    let woken = false;
    const cancel = pool.wait(() => (woken = true));
    cancel();
    pool.release(10);
    expect(woken).toBe(false);
  });
});

describe('FrameDecoder reserve hook', () => {
  it('stops before a frame the budget cannot hold, keeps its prefix, and goes on once it can', () => {
    const d = new FrameDecoder(1000);
    let allow = false;
    d.reserve = () => allow;
    const frame = Buffer.concat([Buffer.from([0, 0, 0, 3]), Buffer.from('abc')]);
    expect(d.push(frame)).toEqual([]);
    expect(d.blocked).toBe(true);
    expect(d.inFrame).toBe(false);
    allow = true;
    expect(d.push(Buffer.alloc(0)).map(String)).toEqual(['abc']);
    expect(d.blocked).toBe(false);
    expect(d.started).toBe(1);
  });
});

describe('TokenBucket and ProduceQuotas (throttle_time_ms)', () => {
  it('within the burst: no throttle; beyond: the time until the balance is positive again', () => {
    let t = 0;
    const b = new TokenBucket(1000, 2000, () => t);
    expect(b.charge(2000)).toBe(0);
    expect(b.charge(500)).toBe(500);
    t = 1000; // +1000 tokens
    expect(b.charge(0)).toBe(0);
  });

  it('connections from one address share a bucket; 0 turns quotas off', () => {
    const q = new ProduceQuotas(1000);
    const a = q.attach('10.0.0.1');
    const b = q.attach('10.0.0.1');
    expect(a.charge(2000)).toBe(0);
    expect(b.charge(1000)).toBeGreaterThan(0);
    expect(q.attach('10.0.0.2').charge(2000)).toBe(0);
    const off = new ProduceQuotas(0).attach('x');
    expect(off.charge(10 ** 12)).toBe(0);
  });
});

describe('log escaping and truncation', () => {
  it('escapes control characters, ANSI escapes and bidi overrides', () => {
    expect(safeLogString('a\nb')).toBe('a\\x0ab');
    expect(safeLogString('\u001b[31mred')).toBe('\\x1b[31mred');
    expect(safeLogString('evil\u202Etxt.exe')).toBe('evil\\u{202e}txt.exe');
    expect(safeLogString('caf\u00e9 日志')).toBe('caf\u00e9 日志');
  });

  it('cuts at 128 characters with the original size', () => {
    const long = 'u'.repeat(100_000);
    const out = safeLogString(long);
    expect(out).toBe(`${'u'.repeat(128)}…(100000 bytes)`);
  });

  it('safeLog escapes every string field and leaves numbers alone', () => {
    const lines: Array<Record<string, unknown> | undefined> = [];
    safeLog((_e, f) => lines.push(f))('x', { user: 'a\u202Eb', n: 3 });
    expect(lines[0]).toEqual({ user: 'a\\u{202e}b', n: 3 });
  });

  it('budgetedLog writes a burst, drops the rest, and reports how many it dropped', () => {
    let t = 0;
    const written: Array<[string, Record<string, unknown> | undefined]> = [];
    const log = budgetedLog((e, f) => written.push([e, f]), new LogBudget(3, 1, () => t));
    for (let i = 0; i < 10; i++) log('line', { i });
    expect(written).toHaveLength(3);
    t = 1000;
    log('line', { i: 10 });
    expect(written[3]).toEqual(['line', { i: 10, suppressed: 7 }]);
    log.always('connection.closed', {});
    expect(written).toHaveLength(5);
  });
});

describe('limits from the environment', () => {
  it('reads the variables it documents and names a bad one', () => {
    expect(limitsFromEnv({ SANDBOX_MAX_REQUEST_BYTES: '1048576', SANDBOX_PRODUCE_BYTES_PER_SEC: '0' })).toEqual({
      maxFrameBytes: 1048576,
      produceBytesPerSecPerIp: 0,
    });
    expect(() => limitsFromEnv({ SANDBOX_MAX_CONNECTIONS: 'lots' })).toThrow(/SANDBOX_MAX_CONNECTIONS: “lots” is not a whole number/);
    expect(() => limitsFromEnv({ SANDBOX_MAX_CONNECTIONS: '0' })).toThrow(/SANDBOX_MAX_CONNECTIONS/);
  });

  it('the shared request memory always holds at least one whole frame', () => {
    expect(resolveLimits({ maxFrameBytes: 10 * MiB, maxQueuedRequestBytes: MiB }).maxQueuedRequestBytes).toBe(10 * MiB);
    expect(DEFAULT_LIMITS.maxFrameBytes).toBeLessThan(100 * MiB);
  });
});

describe('Metadata request caps', () => {
  function request(names: string[]): Reader {
    return new Reader(new Writer(64).nullableArray(names, (w, t) => w.string(t)).uint8(1).toBuffer());
  }

  it('collapses duplicates: one name a million times is one topic', () => {
    const names = Array.from({ length: 5000 }, () => 'logs');
    expect(decodeMetadataRequest(request(names), 7, { maxTopics: 1000 }).topics).toEqual(['logs']);
  });

  it('refuses more distinct topics than allowed, and a huge count before reading any name', () => {
    expect(() => decodeMetadataRequest(request(Array.from({ length: 11 }, (_, i) => `t${i}`)), 7, { maxTopics: 10 })).toThrow(ProtocolError);
    const lying = new Writer(16).int32(20_000_000).toBuffer();
    expect(() => decodeMetadataRequest(new Reader(lying), 7, { maxTopics: 1000 })).toThrow(/20000000 topics/);
  });
});

describe('record budgets (SLS: 1 MB per entry, 5 MB per log group)', () => {
  it('a record above maxRecordBytes is MESSAGE_TOO_LARGE (10), v2 and legacy', () => {
    const big = Buffer.alloc(2000, 0x61);
    for (const records of [
      encodeRecordBatch([{ value: big }], { codec: 'none' }),
      encodeRecordBatch([{ value: big }], { codec: 'gzip' }),
      encodeMessageSet([{ value: big }], { magic: 1, codec: 'none' }),
      encodeMessageSet([{ value: big }], { magic: 1, codec: 'snappy' }),
    ]) {
      const version = records[16] === 2 ? 7 : 2;
      const err = catchError(() => inspectRecords(records, { produceVersion: version, maxRecordBytes: 1000 }));
      expect(err).toBeInstanceOf(RecordFormatError);
      expect((err as RecordFormatError).code).toBe(10);
      expect(inspectRecords(records, { produceVersion: version, maxRecordBytes: 4000 }).recordCount).toBe(1);
    }
  });

  it('uncompressed records count against the request budget too, and recordBytes reports decompressed size', () => {
    const plain = encodeRecordBatch([{ value: Buffer.alloc(5000) }], { codec: 'none' });
    expect(() => inspectRecords(plain, { produceVersion: 7, maxDecompressedBytes: 4000 })).toThrow(DecompressionLimitError);
    const zipped = encodeRecordBatch([{ value: Buffer.alloc(5000) }], { codec: 'zstd' });
    const s = inspectRecords(zipped, { produceVersion: 7, maxDecompressedBytes: 8000 });
    expect(s.recordBytes).toBeGreaterThan(5000);
    expect(zipped.length).toBeLessThan(s.recordBytes);
  });

  it('every codec stops at the budget: a bomb is refused without inflating it (bounded time)', () => {
    const zeros = Buffer.alloc(16 * MiB);
    for (const codec of ['gzip', 'snappy', 'lz4', 'zstd'] as const) {
      const bomb = encodeRecordBatch([{ value: zeros }], { codec });
      const t0 = performance.now();
      expect(() => inspectRecords(bomb, { produceVersion: 7, maxDecompressedBytes: 5 * 1000 * 1000 })).toThrow(DecompressionLimitError);
      // Decoding 16 MiB takes far longer than stopping at 5 MB (snappy/zstd refuse on the declared size at once).
      expect(performance.now() - t0, codec).toBeLessThan(2_000);
    }
    // zlib's own output cap: gunzip of the bomb never allocates its 16 MiB.
    expect(() => zlib.gunzipSync(compress('gzip', zeros, { magic: 2 }), { maxOutputLength: MiB })).toThrow(RangeError);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
}
