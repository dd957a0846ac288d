import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeRecordBatch, inspectRecords } from '@/lib/kafka/protocol/records';
import { decodeForStore } from '@/lib/sandbox/worker-endpoint';
import {
  DEFAULT_LOGSTORE_MAX_BYTES,
  DEFAULT_LOGSTORE_MAX_RECORDS,
  DEFAULT_MAX_BYTES,
  RecordStore,
  StoreFailure,
  type DecodedRecord,
  type StoredBatchInput,
} from '@/lib/sandbox/store';

/**
 * Batches in these tests are hand-made blobs: the JSON text of the record values.
 * The store must hand back exactly the bytes it was given, so the decoder also checks
 * every blob against what the test appended.
 */
const appended = new Set<string>();

function blob(values: string[]): Buffer {
  const raw = Buffer.from(JSON.stringify(values.map((v) => ({ v }))));
  appended.add(raw.toString('hex'));
  return raw;
}

function decode(raw: Buffer, magic: 0 | 1 | 2): DecodedRecord[] {
  if (!appended.has(raw.toString('hex'))) throw new Error(`the store returned bytes it was never given (magic ${magic})`);
  const items = JSON.parse(raw.toString('utf8')) as Array<{ v: string }>;
  return items.map((item, i) => ({ timestamp: 1_700_000_000_000 + i, key: null, value: Buffer.from(item.v), headers: [] }));
}

function batch(over: Partial<StoredBatchInput> & { values?: string[] } = {}): StoredBatchInput {
  const { values = ['a'], ...rest } = over;
  return {
    project: 'test-project-1',
    logstore: 'logs',
    shard: 0,
    magic: 2,
    recordCount: values.length,
    firstTimestamp: 1_700_000_000_000,
    maxTimestamp: 1_700_000_000_000,
    codec: 'none',
    raw: blob(values),
    clientId: 'test-client',
    expandJson: false,
    ...rest,
  };
}

const dirs: string[] = [];
const stores: RecordStore[] = [];

function tempFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-store-'));
  dirs.push(dir);
  return path.join(dir, 'data', 'records.sqlite');
}

function open(opts: Parameters<typeof RecordStore.open>[0]): RecordStore {
  const s = RecordStore.open({ decode, ...opts });
  stores.push(s);
  return s;
}

afterEach(() => {
  while (stores.length) stores.pop()?.close();
  while (dirs.length) rmSync(dirs.pop() ?? '', { recursive: true, force: true });
});

const newest = (s: RecordStore, q: { logstore?: string; limit: number; project?: string }) =>
  s.read({ project: q.project ?? 'test-project-1', logstore: q.logstore, limit: q.limit }).records;
const contents = (s: RecordStore, q: { logstore?: string; limit: number; project?: string }) => newest(s, q).map((r) => r.content);

describe('RecordStore offsets', () => {
  it('numbers records per shard and continues after close and reopen', () => {
    const file = tempFile();
    const s1 = open({ file });
    expect(s1.append([batch({ values: ['a', 'b', 'c'] }), batch({ shard: 1, values: ['x', 'y'] })]).map((r) => r.baseOffset)).toEqual([0, 0]);
    expect(s1.append([batch({ values: ['d'] })])[0]?.baseOffset).toBe(3);
    expect(s1.append([batch({ logstore: 'other', values: ['o'] }), batch({ project: 'test-project-2', values: ['p'] })]).map((r) => r.baseOffset)).toEqual([
      0, 0,
    ]);
    expect(s1.highWatermark('test-project-1', 'logs', 0)).toBe(4);
    expect(s1.highWatermark('test-project-1', 'logs', 1)).toBe(2);
    expect(s1.highWatermark('test-project-1', 'logs', 7)).toBe(0);
    s1.close();

    const s2 = open({ file });
    expect(s2.highWatermark('test-project-1', 'logs', 0)).toBe(4);
    expect(s2.append([batch({ values: ['e', 'f'] }), batch({ shard: 1, values: ['z'] })]).map((r) => r.baseOffset)).toEqual([4, 2]);
    expect(contents(s2, { logstore: 'logs', limit: 100 })).toEqual(['z', 'f', 'e', 'd', 'y', 'x', 'c', 'b', 'a']);
  });

  it('gives each record of a batch its own offset, newest first', () => {
    const s = open({ file: tempFile() });
    s.append([batch({ values: ['a', 'b', 'c'] })]);
    s.append([batch({ values: ['d', 'e'] })]);
    expect(newest(s, { limit: 10 }).map((r) => [r.offset, r.content])).toEqual([
      [4, 'e'],
      [3, 'd'],
      [2, 'c'],
      [1, 'b'],
      [0, 'a'],
    ]);
  });

  it('stamps every batch of one append with the same log-append time and reports the log start', () => {
    let now = 1_000;
    const s = open({ file: tempFile(), now: () => now });
    expect(s.append([batch(), batch({ shard: 1 })])).toEqual([
      { baseOffset: 0, logAppendTime: 1_000, logStartOffset: 0 },
      { baseOffset: 0, logAppendTime: 1_000, logStartOffset: 0 },
    ]);
    now = 2_000;
    expect(s.append([batch()])).toEqual([{ baseOffset: 1, logAppendTime: 2_000, logStartOffset: 0 }]);
    expect(newest(s, { limit: 1 })[0]).toMatchObject({ receivedAt: 2_000, clientId: 'test-client', shard: 0 });
  });

  it('keeps offsets consecutive per shard for any sequence of appends (property)', () => {
    const s = open({ file: ':memory:' });
    const model = new Map<number, number>();
    fc.assert(
      fc.property(fc.array(fc.record({ shard: fc.integer({ min: 0, max: 3 }), n: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 5 }), (req) => {
        const results = s.append(req.map(({ shard, n }) => batch({ shard, values: Array.from({ length: n }, (_, i) => `v${i}`) })));
        req.forEach(({ shard, n }, i) => {
          const expected = model.get(shard) ?? 0;
          expect(results[i]?.baseOffset).toBe(expected);
          model.set(shard, expected + n);
        });
        for (const [shard, next] of model) expect(s.highWatermark('test-project-1', 'logs', shard)).toBe(next);
      }),
      { numRuns: 100 },
    );
  });
});

describe('RecordStore transactions', () => {
  it('stores all batches of an append or none (a bad batch in the middle rolls back the others)', () => {
    const s = open({ file: tempFile() });
    s.append([batch({ values: ['before'] })]);
    const statsBefore = s.stats();
    const poison: StoredBatchInput[] = [
      { ...batch({ values: ['x'] }), recordCount: 0 },
      { ...batch({ values: ['x'] }), shard: -1 },
      { ...batch({ values: ['x'] }), magic: 3 as unknown as 2 },
      { ...batch({ values: ['x'] }), raw: 'not bytes' as unknown as Buffer },
      { ...batch({ values: ['x'] }), recordCount: 1.5 },
    ];
    for (const bad of poison) {
      let caught: unknown;
      try {
        s.append([batch({ shard: 0, values: ['lost-1'] }), batch({ shard: 1, values: ['lost-2'] }), bad, batch({ shard: 2, values: ['lost-3'] })]);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(StoreFailure);
      expect((caught as StoreFailure).injected).toBe(false);
      expect((caught as StoreFailure).message).toMatch(/^could not store the batches: /);
    }
    expect(s.stats()).toEqual(statsBefore);
    expect(s.highWatermark('test-project-1', 'logs', 1)).toBe(0);
    expect(contents(s, { limit: 10 })).toEqual(['before']);
    expect(s.append([batch({ values: ['after'] })])[0]?.baseOffset).toBe(1);
  });

  it('a Logstore first written by an append that rolled back is created afresh by the next one', () => {
    const s = open({ file: tempFile() });
    s.append([batch({ logstore: 'other', values: ['o'] })]);
    expect(() => s.append([batch({ logstore: 'fresh', values: ['lost'] }), { ...batch(), recordCount: 0 }])).toThrow(StoreFailure);
    expect(s.stats().map((r) => r.logstore)).toEqual(['other']);
    s.append([batch({ logstore: 'other2', values: ['o2'] })]); // may reuse the rolled-back row id
    expect(s.append([batch({ logstore: 'fresh', values: ['kept'] })])[0]?.baseOffset).toBe(0);
    expect(contents(s, { logstore: 'fresh', limit: 10 })).toEqual(['kept']);
    expect(contents(s, { logstore: 'other2', limit: 10 })).toEqual(['o2']);
  });

  it('injects failures with failNext, then recovers', () => {
    const s = open({ file: tempFile() });
    s.failNext(2, 'disk on fire (drill)');
    for (let i = 0; i < 2; i++) {
      expect(() => s.append([batch()])).toThrow(StoreFailure);
    }
    expect(s.append([batch()])[0]?.baseOffset).toBe(0);

    s.failNext(1);
    try {
      s.append([batch()]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(StoreFailure);
      expect(err).toMatchObject({ injected: true, message: 'injected storage failure (failNext)' });
    }
    s.failNext(3);
    s.failNext(0);
    expect(s.append([batch()])[0]?.baseOffset).toBe(1);
    expect(() => s.failNext(-1)).toThrow(RangeError);
    expect(() => s.failNext(1.5)).toThrow(RangeError);
  });

  it('reports a closed store as a storage failure', () => {
    const s = RecordStore.open({ file: tempFile() });
    s.close();
    s.close();
    expect(() => s.append([batch()])).toThrow(StoreFailure);
  });
});

describe('RecordStore retention', () => {
  it('keeps the newest batches of a Logstore by count, offsets still monotonic, evictions counted', () => {
    const s = open({ file: tempFile(), logstoreMaxRecords: 5 });
    for (let i = 0; i < 8; i++) s.append([batch({ values: [`m${i}`] })]);
    expect(contents(s, { limit: 100 })).toEqual(['m7', 'm6', 'm5', 'm4', 'm3']);
    expect(s.stats()).toEqual([{ project: 'test-project-1', logstore: 'logs', shard: 0, records: 5, bytes: expect.any(Number), highWatermark: 8 }]);
    expect(s.append([batch({ values: ['m8'] })])).toEqual([{ baseOffset: 8, logAppendTime: expect.any(Number), logStartOffset: 4 }]);
    expect(newest(s, { limit: 1 })[0]?.offset).toBe(8);
    const read = s.read({ project: 'test-project-1', logstore: 'logs', limit: 10 });
    expect(read.evicted).toBe(4);
    expect(read.logstores).toEqual([
      { project: 'test-project-1', logstore: 'logs', records: 5, bytes: expect.any(Number), evictedRecords: 4, unviewableRecords: 0 },
    ]);
  });

  it('keeps the newest batches of a Logstore by bytes, and always its newest one', () => {
    const file = tempFile();
    const s = open({ file, logstoreMaxBytes: 1800 });
    const long = 'x'.repeat(290);
    for (let i = 0; i < 5; i++) s.append([batch({ values: [`${i}${long}`] })]);
    const kept = newest(s, { limit: 100 });
    expect(kept.map((r) => r.offset)).toEqual([4, 3, 2]);
    expect(s.stats()[0]?.bytes).toBeLessThanOrEqual(1800);

    s.append([batch({ values: ['big'.repeat(1000)] })]);
    expect(newest(s, { limit: 100 }).map((r) => r.offset)).toEqual([5]);
    s.append([batch({ values: ['small'] })]);
    expect(newest(s, { limit: 100 }).map((r) => r.offset)).toEqual([6]);
    expect(s.highWatermark('test-project-1', 'logs', 0)).toBe(7);
    s.close();
    // The counts survive a restart, so retention keeps applying the same bounds.
    const again = open({ file, logstoreMaxBytes: 1800 });
    again.append([batch({ values: [long] })]);
    expect(newest(again, { limit: 100 }).map((r) => r.offset)).toEqual([7, 6]);
    expect(again.read({ project: 'test-project-1', limit: 1 }).evicted).toBe(6);
  });

  it('a flood in one Logstore evicts only from that Logstore', () => {
    const s = open({ file: tempFile(), logstoreMaxRecords: 3 });
    s.append([batch({ logstore: 'quiet', values: ['q0'] })]);
    for (let i = 0; i < 20; i++) s.append([batch({ logstore: 'flood', values: [`f${i}`] })]);
    expect(contents(s, { logstore: 'quiet', limit: 10 })).toEqual(['q0']);
    expect(contents(s, { logstore: 'flood', limit: 10 })).toEqual(['f19', 'f18', 'f17']);
    expect(s.read({ project: 'test-project-1', logstore: 'quiet', limit: 1 }).evicted).toBe(0);
    expect(s.read({ project: 'test-project-1', logstore: 'flood', limit: 1 }).evicted).toBe(17);
  });

  it('keeps the file and its WAL within maxBytes, evicting from the largest Logstore first', () => {
    const file = tempFile();
    const maxBytes = 8 * 1024 * 1024;
    const s = open({ file, maxBytes, logstoreMaxBytes: 64 * 1024 * 1024 });
    s.append([batch({ project: 'small-project', logstore: 'kept', values: ['acknowledged'] })]);
    const value = 'v'.repeat(60 * 1024);
    for (let i = 0; i < 400; i++) {
      s.append([batch({ project: 'flood-project', logstore: `flood-${i % 3}`, values: [`${i}-${value}`] })]);
      if (i % 50 === 0) s.maintain();
      const { db, wal } = s.fileBytes();
      expect(db + wal).toBeLessThanOrEqual(maxBytes);
    }
    expect(contents(s, { project: 'small-project', limit: 10 })).toEqual(['acknowledged']);
    expect(s.read({ project: 'small-project', limit: 1 }).evicted).toBe(0);
    const flood = s.read({ project: 'flood-project', limit: 1 });
    expect(flood.evicted).toBeGreaterThan(250);
    expect(flood.evicted + flood.logstores.reduce((n, l) => n + l.records, 0)).toBe(400);
    // Evenly flooded Logstores are evicted evenly: none of them is emptied for the others.
    for (const l of flood.logstores) expect(l.records).toBeGreaterThan(5);
  });

  it('uses the documented defaults', () => {
    expect(DEFAULT_MAX_BYTES).toBe(512 * 1024 * 1024);
    expect(DEFAULT_LOGSTORE_MAX_BYTES).toBe(64 * 1024 * 1024);
    expect(DEFAULT_LOGSTORE_MAX_RECORDS).toBe(100_000);
    expect(() => RecordStore.open({ file: ':memory:', logstoreMaxRecords: 0 })).toThrow(RangeError);
    expect(() => RecordStore.open({ file: ':memory:', maxBytes: 1024 })).toThrow(RangeError);
  });
});

describe('RecordStore read budgets', () => {
  it('cuts values at a character boundary to the stored budget and shows the full size', () => {
    const s = open({ file: tempFile() });
    const big = 'é'.repeat(100 * 1024); // 200 KiB of two-byte characters
    s.append([batch({ values: [big, 'short'] })]);
    const [short, cut] = s.read({ project: 'test-project-1', limit: 2 }).records;
    expect(short).toMatchObject({ content: 'short', size: 5, truncated: false });
    expect(cut?.size).toBe(Buffer.byteLength(big));
    expect(cut?.truncated).toBe(true);
    expect(cut).toMatchObject({ contentEncoding: 'utf8' });
    expect(cut?.content?.length).toBe(32 * 1024); // 64 KiB of two-byte characters
  });

  it('shows less of each value the more records a read asks for, within the read budget', () => {
    const s = open({ file: tempFile() });
    const value = 'z'.repeat(60 * 1024);
    for (let i = 0; i < 10; i++) s.append([batch({ values: Array.from({ length: 20 }, () => value) })]);
    const few = s.read({ project: 'test-project-1', limit: 10 });
    expect(few.valueCap).toBe(64 * 1024);
    expect(few.records.every((r) => r.content?.length === 60 * 1024 && !r.truncated)).toBe(true);
    const many = s.read({ project: 'test-project-1', limit: 1000 });
    expect(many.records).toHaveLength(200);
    expect(many.valueCap).toBe(Math.floor((4 * 1024 * 1024) / 1000));
    expect(many.records.every((r) => r.content?.length === many.valueCap && r.truncated && r.size === 60 * 1024)).toBe(true);
    expect(JSON.stringify(many).length).toBeLessThan(5 * 1024 * 1024);
  });

  it('cuts a shown value at a character boundary, so a cut multi-byte value stays UTF-8', () => {
    const s = open({ file: tempFile() });
    // 4-byte characters; the cap for limit 1000 (4,194 bytes) falls inside one of them.
    const value = '😀'.repeat(4 * 1024);
    s.append([batch({ values: [value] })]);
    const read = s.read({ project: 'test-project-1', limit: 1000 });
    expect(read.valueCap % 4).not.toBe(0);
    const [r] = read.records;
    expect(r).toMatchObject({ contentEncoding: 'utf8', truncated: true, size: Buffer.byteLength(value) });
    expect(value.startsWith(r!.content!)).toBe(true);
    expect(Buffer.byteLength(r!.content!)).toBe(read.valueCap - (read.valueCap % 4));
  });

  it('keeps a batch the decoder cannot read (or that is over the decode budget) as offsets and counts', () => {
    const s = open({ file: tempFile() });
    s.append([batch({ values: ['good-1'] })]);
    s.append([{ ...batch({ values: ['x'] }), raw: Buffer.from('not a batch') }]);
    s.append([batch({ values: ['good-2'] })]);
    const read = s.read({ project: 'test-project-1', limit: 10 });
    expect(read.records.map((r) => [r.offset, r.content])).toEqual([
      [2, 'good-2'],
      [0, 'good-1'],
    ]);
    expect(read.logstores[0]).toMatchObject({ records: 3, unviewableRecords: 1 });
  });

  it('keeps only the newest records of a batch past the per-batch record budget', () => {
    const s = open({ file: tempFile() });
    const n = 16_384 + 100;
    s.append([batch({ values: Array.from({ length: n }, (_, i) => `r${i}`) })]);
    const read = s.read({ project: 'test-project-1', limit: 1 });
    expect(read.records.map((r) => [r.offset, r.content])).toEqual([[n - 1, `r${n - 1}`]]);
    expect(read.logstores[0]).toMatchObject({ records: n, unviewableRecords: 100 });
  });
});

describe('RecordStore reads', () => {
  it('returns the newest records across batches, limit counted in records, filtered by project and Logstore', () => {
    const s = open({ file: tempFile() });
    s.append([batch({ values: ['a1', 'a2'] }), batch({ logstore: 'other', values: ['o1'] })]);
    s.append([batch({ shard: 1, values: ['b1', 'b2', 'b3'] })]);
    s.append([batch({ project: 'test-project-2', values: ['elsewhere'] })]);
    expect(contents(s, { limit: 100 })).toEqual(['b3', 'b2', 'b1', 'o1', 'a2', 'a1']);
    expect(contents(s, { limit: 4 })).toEqual(['b3', 'b2', 'b1', 'o1']);
    expect(contents(s, { limit: 2 })).toEqual(['b3', 'b2']);
    expect(contents(s, { logstore: 'logs', limit: 4 })).toEqual(['b3', 'b2', 'b1', 'a2']);
    expect(contents(s, { logstore: 'other', limit: 4 })).toEqual(['o1']);
    expect(contents(s, { logstore: 'none', limit: 4 })).toEqual([]);
    expect(contents(s, { project: 'test-project-2', limit: 4 })).toEqual(['elsewhere']);
    expect(contents(s, { limit: 0 })).toEqual([]);
    expect(() => contents(s, { limit: -1 })).toThrow(RangeError);
    const views = newest(s, { limit: 100 });
    expect(views.map((v) => `${v.logstore}/${v.shard}@${v.offset}`)).toEqual(['logs/1@2', 'logs/1@1', 'logs/1@0', 'other/0@0', 'logs/0@1', 'logs/0@0']);
  });

  it('places records by the decoder’s offsetDelta when it gives one', () => {
    const s = open({ file: tempFile() });
    s.append([batch({ values: ['skip'] })]);
    s.append([batch({ values: ['a', 'b', 'c'] })]);
    const withDeltas = (raw: Buffer, magic: 0 | 1 | 2) => decode(raw, magic).map((r, i) => ({ ...r, offsetDelta: i * 10, timestamp: BigInt(r.timestamp) }));
    const t = open({ file: tempFile(), decode: withDeltas });
    t.append([batch({ values: ['skip'] })]);
    t.append([batch({ values: ['a', 'b', 'c', ...Array.from({ length: 18 }, (_, i) => `pad${i}`)] })]);
    expect(
      newest(t, { limit: 21 })
        .filter((r) => ['a', 'b', 'c'].includes(String(r.content)))
        .map((r) => [r.offset, r.content]),
    ).toEqual([
      [21, 'c'],
      [11, 'b'],
      [1, 'a'],
    ]);
  });

  it('expands JSON values of batches that came in on a .json topic', () => {
    const s = open({ file: tempFile() });
    s.append([batch({ values: ['{"level":"warn","code":7}'], expandJson: true }), batch({ values: ['{"level":"info"}'] })]);
    const [plain, expanded] = newest(s, { limit: 2 });
    expect(plain).toMatchObject({ content: '{"level":"info"}' });
    expect(expanded).toMatchObject({ fields: { level: 'warn', code: '7' } });
  });

  it('reports per-shard statistics for one project or all', () => {
    const s = open({ file: tempFile() });
    s.append([batch({ values: ['a', 'b'] }), batch({ shard: 1, values: ['c'] }), batch({ project: 'test-project-2', values: ['d'] })]);
    expect(s.stats('test-project-1')).toEqual([
      { project: 'test-project-1', logstore: 'logs', shard: 0, records: 2, bytes: expect.any(Number), highWatermark: 2 },
      { project: 'test-project-1', logstore: 'logs', shard: 1, records: 1, bytes: expect.any(Number), highWatermark: 1 },
    ]);
    expect(s.stats().map((r) => r.project)).toEqual(['test-project-1', 'test-project-1', 'test-project-2']);
    expect(s.stats('nobody')).toEqual([]);
  });

  it('lets a second connection read a consistent snapshot while another process appends', async () => {
    const file = tempFile();
    open({ file }).close(); // the schema, so the read-only connection can open
    const reader = open({ file, readonly: true });
    const appends = 1000;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '../unit/sandbox/fixtures/store/writer.ts'), file, String(appends)], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let running = true;
    void exited.then(() => (running = false));

    let reads = 0;
    let sawPartialProgress = false;
    let last = 0;
    while (running) {
      const stats = reader.stats('race');
      if (stats.length === 2) {
        const [s0, s1] = stats;
        expect(s0?.records).toBe(s1?.records);
        expect(s0?.highWatermark).toBe(s1?.highWatermark);
        const n = s0?.records ?? 0;
        expect(n).toBeGreaterThanOrEqual(last);
        if (n > 0 && n < appends) sawPartialProgress = true;
        last = n;
        const latest = newest(reader, { project: 'race', limit: 2 });
        // A later snapshot than the stats above, but still whole appends: both newest
        // records come from the same append, at least as new as the one counted.
        const [a, b] = latest.map((v) => Number(String(v.content).replace('pair-', '')));
        expect(a).toBe(b);
        expect(a).toBeGreaterThanOrEqual(n - 1);
      } else {
        expect(stats).toEqual([]);
      }
      reads++;
      await new Promise((r) => setImmediate(r));
    }
    expect(await exited, stderr).toBe(0);
    expect(reader.stats('race').map((r) => [r.shard, r.records, r.highWatermark])).toEqual([
      [0, appends, appends],
      [1, appends, appends],
    ]);
    expect(reads).toBeGreaterThan(1);
    expect(sawPartialProgress, 'the reader should have overlapped the writer at least once').toBe(true);
  });
});

describe('RecordStore files', () => {
  it('creates the directory, uses WAL, and works in memory too', () => {
    const file = tempFile();
    open({ file }).append([batch()]);
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('user_version', { simple: true })).toBe(3);
    } finally {
      raw.close();
    }
    const mem = open({ file: ':memory:' });
    expect(mem.append([batch()])[0]?.baseOffset).toBe(0);
  });

  it('refuses a file that is not a record store, saying what to do', () => {
    const file = tempFile();
    open({ file }).close();
    writeFileSync(file, 'this is not a database'.repeat(100));
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    expect(() => RecordStore.open({ file })).toThrow(/cannot open the sandbox record store .*Move the file away/);

    const newer = tempFile();
    RecordStore.open({ file: newer }).close();
    const raw = new Database(newer);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => RecordStore.open({ file: newer })).toThrow(StoreFailure);
    expect(() => RecordStore.open({ file: newer })).toThrow(/schema version 99/);
  });
});

describe('a version-1 file (raw batches, decoded on every read)', () => {
  it('is converted once at open: records readable as rows, offsets kept, an unreadable batch kept as counts', () => {
    const file = tempFile();
    mkdirSync(path.dirname(file), { recursive: true });
    const v1 = new Database(file);
    v1.exec(`
      CREATE TABLE batches (id INTEGER PRIMARY KEY, project TEXT NOT NULL, logstore TEXT NOT NULL, shard INTEGER NOT NULL,
        base_offset INTEGER NOT NULL, record_count INTEGER NOT NULL, magic INTEGER NOT NULL, first_timestamp INTEGER NOT NULL,
        max_timestamp INTEGER NOT NULL, log_append_time INTEGER NOT NULL, codec TEXT NOT NULL, client_id TEXT,
        expand_json INTEGER NOT NULL, bytes INTEGER NOT NULL, raw BLOB NOT NULL);
      CREATE INDEX batches_by_shard ON batches (project, logstore, shard, base_offset);
      CREATE INDEX batches_by_project ON batches (project, id);
      CREATE INDEX batches_by_logstore ON batches (project, logstore, id);
      CREATE TABLE shards (project TEXT NOT NULL, logstore TEXT NOT NULL, shard INTEGER NOT NULL, next_offset INTEGER NOT NULL,
        PRIMARY KEY (project, logstore, shard)) WITHOUT ROWID;
      CREATE TABLE totals (id INTEGER PRIMARY KEY CHECK (id = 1), batches INTEGER NOT NULL, bytes INTEGER NOT NULL);
      INSERT INTO totals VALUES (1, 0, 0);
      PRAGMA user_version = 1;
    `);
    const insert = v1.prepare(`INSERT INTO batches (project, logstore, shard, base_offset, record_count, magic, first_timestamp,
      max_timestamp, log_append_time, codec, client_id, expand_json, bytes, raw) VALUES ('p-1', 'l-1', 0, ?, ?, 2, 1, 1, 5, 'none', 'old', 0, 1, ?)`);
    insert.run(10, 2, blob(['old-a', 'old-b']));
    insert.run(12, 1, Buffer.from('damaged'));
    insert.run(13, 1, blob(['old-c']));
    v1.prepare(`INSERT INTO shards VALUES ('p-1', 'l-1', 0, 14)`).run();
    v1.close();

    const s = open({ file });
    const read = s.read({ project: 'p-1', limit: 10 });
    expect(read.records.map((r) => [r.offset, r.content, r.clientId])).toEqual([
      [13, 'old-c', 'old'],
      [11, 'old-b', 'old'],
      [10, 'old-a', 'old'],
    ]);
    expect(read.logstores[0]).toMatchObject({ records: 4, unviewableRecords: 1 });
    expect(s.append([batch({ project: 'p-1', logstore: 'l-1', values: ['new'] })])[0]?.baseOffset).toBe(14);
  });
});

describe('batches of small records, kept as one records section', () => {
  /** What the Produce handler hands the store for one client batch: its raw bytes and the checked section. */
  function kafkaBatch(values: string[], codec: 'none' | 'gzip' | 'zstd', over: Partial<StoredBatchInput> = {}): StoredBatchInput {
    const raw = encodeRecordBatch(
      values.map((v, i) => ({ value: Buffer.from(v), key: i % 2 ? Buffer.from(`k${i}`) : null, timestamp: 1_700_000_000_000 + i })),
      { codec },
    );
    const summary = inspectRecords(raw, { produceVersion: 7 });
    return { ...batch(), recordCount: summary.recordCount, codec, raw, section: summary.section, ...over };
  }
  // No decoder: a record shown here can only have come from its section.
  const sectionsOnly = (file: string) => {
    const s = RecordStore.open({ file });
    stores.push(s);
    return s;
  };

  it('stores them without per-record rows and reads back the newest, across codecs and batches, with offsets and keys', () => {
    const file = tempFile();
    const s = sectionsOnly(file);
    const many = Array.from({ length: 1000 }, (_, i) => `line-${i}`);
    s.append([kafkaBatch(many, 'none')]);
    s.append([kafkaBatch(['g0', 'g1', 'g2'], 'gzip'), kafkaBatch(['z0', 'z1'], 'zstd', { shard: 1 })]);
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 0 });
      expect(raw.prepare('SELECT codec FROM sections ORDER BY batch').all()).toEqual([{ codec: 'zstd' }, { codec: 'gzip' }, { codec: 'zstd' }]);
    } finally {
      raw.close();
    }
    expect(newest(s, { limit: 7 }).map((r) => [r.shard, r.offset, r.content, r.key, r.timestamp])).toEqual([
      [1, 1, 'z1', 'k1', 1_700_000_000_001],
      [1, 0, 'z0', null, 1_700_000_000_000],
      [0, 1002, 'g2', null, 1_700_000_000_002],
      [0, 1001, 'g1', 'k1', 1_700_000_000_001],
      [0, 1000, 'g0', null, 1_700_000_000_000],
      [0, 999, 'line-999', 'k999', 1_700_000_000_999],
      [0, 998, 'line-998', null, 1_700_000_000_998],
    ]);
    // Any cut through the 1000-record batch (its marks are every 128 records) gives the newest ones, in order.
    for (const limit of [6, 133, 134, 1005, 2000]) {
      const got = newest(s, { logstore: 'logs', limit }).filter((r) => r.shard === 0 && String(r.content).startsWith('line-'));
      const expected = Array.from({ length: Math.min(1000, limit - 5) }, (_, i) => 999 - i);
      expect(got.map((r) => r.offset), `limit ${limit}`).toEqual(expected);
      expect(got.map((r) => r.content)).toEqual(expected.map((i) => `line-${i}`));
    }
    expect(s.read({ project: 'test-project-1', limit: 1 }).logstores[0]).toMatchObject({ records: 1005, unviewableRecords: 0 });
    // A read-only connection (the HTTP side) reads the same sections.
    const reader = RecordStore.open({ file, readonly: true });
    stores.push(reader);
    expect(newest(reader, { limit: 2 }).map((r) => r.content)).toEqual(['z1', 'z0']);
  });

  it('keeps a compressed batch with neither marks nor its records as copies (nothing could find a record in it)', () => {
    const file = tempFile();
    // The endpoint's own decoder (this file's `decode` reads hand-made test blobs).
    const s = RecordStore.open({ file, decode: decodeForStore });
    stores.push(s);
    const b = kafkaBatch(['c0', 'c1', 'c2'], 'gzip');
    // The broker's check leaves out a compressed batch's inflated records (they were in a reused buffer).
    expect(b.section?.data).toBeUndefined();
    s.append([{ ...b, section: { ...b.section!, marks: undefined } }]);
    expect(contents(s, { limit: 10 })).toEqual(['c2', 'c1', 'c0']);
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.prepare('SELECT count(*) AS n FROM sections').get()).toEqual({ n: 0 });
      expect(raw.prepare('SELECT count(*) AS n FROM records').get()).toEqual({ n: 3 });
    } finally {
      raw.close();
    }
  });

  it('keeps a batch with a value past the section limit as cut copies instead', () => {
    const s = open({ file: tempFile() });
    const big = 'b'.repeat(2000);
    const b = kafkaBatch(['small', big], 'none');
    s.append([{ ...b, raw: blob(['small', big]) }]); // the decoder reads the test blob
    const read = s.read({ project: 'test-project-1', limit: 4096 });
    expect(read.records.map((r) => [r.offset, r.size])).toEqual([
      [1, 2000],
      [0, 5],
    ]);
    expect(read.valueCap).toBe(1024);
    expect(read.records[0]).toMatchObject({ truncated: true, sha256: expect.any(String) });
  });

  it('retention evicts sections like any batch', () => {
    const s = sectionsOnly(tempFile());
    for (let i = 0; i < 6; i++) s.append([kafkaBatch([`a${i}`, `b${i}`], 'none')]);
    const t = RecordStore.open({ file: tempFile(), logstoreMaxRecords: 4 });
    stores.push(t);
    for (let i = 0; i < 6; i++) t.append([kafkaBatch([`a${i}`, `b${i}`], 'gzip')]);
    expect(contents(t, { limit: 100 })).toEqual(['b5', 'a5', 'b4', 'a4']);
    expect(t.read({ project: 'test-project-1', limit: 1 }).evicted).toBe(8);
    expect(contents(s, { limit: 3 })).toEqual(['b5', 'a5', 'b4']);
  });

  it('a version-2 file gains the sections table at open and keeps its rows', () => {
    const file = tempFile();
    const v2 = open({ file });
    v2.append([batch({ values: ['from-v2'] })]);
    v2.close();
    const raw = new Database(file);
    raw.exec('DROP TABLE sections; ALTER TABLE batches DROP COLUMN sectioned; PRAGMA user_version = 2;');
    raw.close();
    const s = open({ file });
    s.append([kafkaBatch(['from-v3'], 'none')]);
    expect(contents(s, { limit: 10 })).toEqual(['from-v3', 'from-v2']);
  });
});
