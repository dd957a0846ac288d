/**
 * Shared helpers for the interop tests, which produce into the sandbox with
 * real, independently written Kafka clients and read the records back through
 * GET /api/sandbox/records.
 *
 * - Finding the clients: system tools go through `findTool`; the Python
 *   clients are Debian packages, importable only by Debian's own interpreter
 *   (/usr/bin/python3, not a pyenv/venv `python3` earlier on PATH), so
 *   `findPythonModules` checks them there, with the same skip-or-fail rule.
 * - Running them: every external process gets a hard deadline (SIGTERM, then
 *   SIGKILL), and `killLeftovers` ends whatever a failed test left running.
 * - Messages: unique per run, with UTF-8 text, optional keys and headers and
 *   one large value (several compression blocks), so a codec bug cannot hide.
 * - Checking: `expectDelivered` compares what the sandbox stored with what
 *   was sent: exact count, values, keys, headers, client id, offsets per shard,
 *   the shard each key hashes to, and the spread over both shards.
 */
import { createHash } from 'node:crypto';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect } from 'vitest';
import { startSandboxApp, type SandboxApp, type SandboxRecord } from './sandbox-app';
import { EXAMPLE_INPUT, EXAMPLE_PASSWORD } from './settings';
import { findTool, isCI, type Tool } from './tools';

/** Credentials every interop test logs in with (open mode accepts any well-formed key). */
export const INTEROP_PROJECT = EXAMPLE_INPUT.project;
export const INTEROP_PASSWORD = EXAMPLE_PASSWORD;

export const CODECS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type CodecName = (typeof CODECS)[number];

// ---------------------------------------------------------------- finding clients

/** Debian's interpreter: the one python3-kafka & co. are installed for. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

export interface PythonModule {
  /** What `import` names, e.g. `kafka`. */
  module: string;
  /** The Debian package that provides it, e.g. `python3-kafka`. */
  debPackage: string;
}

/**
 * Debian's python3 when every module imports; otherwise `missing` names the
 * packages to install. Under CI=true a missing module fails (throws), as
 * `findTool` does for commands.
 */
export function findPythonModules(modules: readonly PythonModule[]): Tool {
  const python = findTool(SYSTEM_PYTHON, 'python3');
  if (!python.path) return python;
  const absent = modules.filter((m) => !pythonImports(python.path!, m.module));
  if (absent.length === 0) return python;
  const missing =
    `${absent.map((m) => m.module).join(', ')} not importable by ${SYSTEM_PYTHON}: ` +
    `install with \`apt-get install -y ${absent.map((m) => m.debPackage).join(' ')}\``;
  if (isCI) throw new Error(`CI=true and ${missing}`);
  console.warn(`[skip] ${missing}`);
  return { path: undefined, missing };
}

function pythonImports(python: string, module: string): boolean {
  // Output ignored: an ImportError traceback is noise next to the skip message.
  const res = spawnSync(python, ['-E', '-c', `import ${module}`], { stdio: 'ignore', timeout: 20_000 });
  return res.status === 0;
}

/** Where Debian's collectd-core keeps its plugins. */
export const COLLECTD_PLUGIN_DIR = '/usr/lib/collectd';

/**
 * Debian's collectd with a loadable write_kafka plugin. collectd-core ships
 * write_kafka.so but only *suggests* the libraries it links (librdkafka1,
 * libyajl2), so a plugin whose libraries are missing counts as missing too.
 */
export function findCollectdWriteKafka(): Tool {
  const collectd = findTool('/usr/sbin/collectd', 'collectd-core');
  if (!collectd.path) return collectd;
  const plugin = path.join(COLLECTD_PLUGIN_DIR, 'write_kafka.so');
  let missing: string | undefined;
  if (!existsSync(plugin)) {
    missing = `${plugin} not found: install it with \`apt-get install -y collectd-core\``;
  } else {
    const ldd = spawnSync('ldd', [plugin], { encoding: 'utf8', timeout: 10_000 });
    const absent = [...(ldd.stdout ?? '').matchAll(/^\s*(\S+) => not found/gm)].map((m) => m[1]);
    if (absent.length > 0) {
      missing = `${plugin} cannot load ${absent.join(', ')}: install them with \`apt-get install -y librdkafka1 libyajl2\``;
    }
  }
  if (!missing) return collectd;
  if (isCI) throw new Error(`CI=true and ${missing}`);
  console.warn(`[skip] ${missing}`);
  return { path: undefined, missing };
}

// ---------------------------------------------------------------- running clients

export interface ProcessResult {
  command: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The deadline passed and the process was killed. */
  timedOut: boolean;
  ms: number;
}

export interface RunOptions {
  /** Hard deadline: SIGTERM at this point, SIGKILL 2 s later. */
  timeoutMs: number;
  input?: string | Buffer;
  env?: Record<string, string>;
  /** `env` is the whole environment (not added to this process's). */
  replaceEnv?: boolean;
  cwd?: string;
}

const running = new Set<ChildProcess>();

/** End every process this module started that is still running (afterAll). */
export function killLeftovers(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  running.clear();
}

function track(command: string, args: readonly string[], options: Omit<RunOptions, 'input'>) {
  const started = Date.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: (options.replaceEnv ? { ...options.env } : { ...process.env, ...options.env }) as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // EPIPE when a client exits before reading all its input: its exit status tells the story.
  child.stdin.on('error', () => {});
  let killTimer: NodeJS.Timeout | undefined;
  const deadline = setTimeout(() => {
    timedOut = true;
    child.kill('SIGTERM');
    killTimer = setTimeout(() => child.kill('SIGKILL'), 2_000);
  }, options.timeoutMs);
  const done = new Promise<ProcessResult>((resolve) => {
    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(deadline);
      if (killTimer) clearTimeout(killTimer);
      running.delete(child);
      resolve({ command: [command, ...args].join(' '), code, signal, stdout, stderr, timedOut, ms: Date.now() - started });
    };
    child.on('error', (err) => {
      stderr += `\nspawn failed: ${err.message}`;
      finish(null, null);
    });
    child.on('close', finish);
  });
  return { child, done, output: () => stdout + stderr };
}

/** A kcat -P -v -v run with the messages it said were delivered and the ones it said failed. */
export function withKcatDeliveries(result: ProcessResult): ProcessResult & { delivered: number; failed: number } {
  return {
    ...result,
    delivered: (result.stderr.match(/Message delivered to partition/g) ?? []).length,
    failed: (result.stderr.match(/Delivery failed for message/g) ?? []).length,
  };
}

/** Run a command to completion, feeding `input` on stdin, within a hard deadline. */
export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<ProcessResult> {
  const { child, done } = track(command, args, options);
  child.stdin.end(options.input ?? '');
  return done;
}

export interface Daemon {
  pid: number | undefined;
  /** stdout and stderr so far. */
  output: () => string;
  /** Resolves when the process has exited (by itself, by `stop` or at the deadline). */
  exited: Promise<ProcessResult>;
  /** SIGTERM, SIGKILL after `graceMs`; resolves with the final result. */
  stop: (graceMs?: number) => Promise<ProcessResult>;
}

/** Start a long-running process (collectd -f) that the test stops itself; killed at the deadline anyway. */
export function startDaemon(command: string, args: readonly string[], options: Omit<RunOptions, 'input'>): Daemon {
  const { child, done, output } = track(command, args, options);
  child.stdin.end();
  return {
    pid: child.pid,
    output,
    exited: done,
    stop: (graceMs = 5_000) => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), graceMs);
        void done.then(() => clearTimeout(t));
      }
      return done;
    },
  };
}

/** A short, human-readable summary of a finished process for assertion messages. */
export function describeRun(r: ProcessResult): string {
  const tail = (s: string) => s.split('\n').slice(-25).join('\n');
  return `${r.command}\nexit ${r.code} signal ${r.signal}${r.timedOut ? ' (deadline reached)' : ''} after ${r.ms} ms\n--- stdout\n${tail(r.stdout)}\n--- stderr\n${tail(r.stderr)}`;
}

/** A private temporary directory (0700); remove it with `rmSync(dir, { recursive: true })`. */
export function privateTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  chmodSync(dir, 0o700);
  return dir;
}

export interface InteropApp {
  /** The running app; only inside the block's tests (started in its beforeAll). */
  readonly app: SandboxApp;
  /** A private temporary directory, removed after the block. */
  tempDir: (prefix: string) => string;
}

/**
 * For one describe block of interop tests: start the app (with `env`) before
 * its tests; after them end every client process still running, stop the app
 * and remove the folders `tempDir` gave out.
 */
export function useSandboxApp(env: Record<string, string> = {}): InteropApp {
  let app: SandboxApp | undefined;
  const dirs: string[] = [];
  beforeAll(async () => {
    app = await startSandboxApp(env);
  });
  afterAll(async () => {
    killLeftovers();
    await app?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get app() {
      if (!app) throw new Error('the sandbox app is not running: use it inside a test of the block that called useSandboxApp');
      return app;
    },
    tempDir: (prefix) => {
      const dir = privateTempDir(prefix);
      dirs.push(dir);
      return dir;
    },
  };
}

// ---------------------------------------------------------------- messages

export interface TestMessage {
  key: string | null;
  value: string;
  /** In order, duplicates allowed; null is a header without a value. kcat gives every message the same headers. */
  headers: Array<[string, string | null]>;
}

let runCounter = 0;

/** A run id unique across processes and runs: goes into every value, so stray records cannot match. */
export function newRunId(tag: string): string {
  runCounter += 1;
  return `${tag}-${process.pid.toString(36)}${Date.now().toString(36)}-${runCounter}`;
}

/**
 * A Logstore name for one test case: fresh per run (the data dir is fresh
 * anyway) so every case's records, offsets and shard counts are its own.
 */
export function logstoreFor(...parts: string[]): string {
  const name = parts.join('-').toLowerCase().replace(/[^a-z0-9_-]+/g, '-');
  return name.length <= 63 ? name : name.slice(0, 63).replace(/[-_]+$/, '');
}

/**
 * Deterministic pseudo-random words: compressible by every codec (snappy and
 * lz4 have no entropy coding, and clients such as kafka-python send a batch
 * uncompressed when compressing does not make it smaller), but not to nothing.
 */
function noise(length: number, seed: number): string {
  const words = ['kafka', 'shard', 'logstore', 'record', 'batch', 'sandbox', 'gzip', 'lz4', 'zstd', 'snappy', 'ack', 'offset', 'grüße', '日志', 'α', '0123'];
  let x = seed >>> 0 || 1;
  let out = '';
  while (out.length < length) {
    // xorshift32
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out += `${words[x % words.length]}${x % 7 === 0 ? (x % 1000).toString() : ''} `;
  }
  return out.slice(0, length);
}

export interface MessageOptions {
  runId: string;
  /** Client and codec, written into each value for readable failures. */
  label: string;
  count: number;
  /** Which messages get a key: none, all (`k-<n>`), or every other one. */
  keys: 'none' | 'all' | 'alternate';
  headers?: Array<[string, string | null]>;
  /** Make the first value ~150 KB, more than two 64 KiB LZ4 blocks and several 32 KiB xerial chunks. */
  large?: boolean;
}

/**
 * Messages whose values are unique (run id + sequence number), one line each
 * (kcat reads lines), without ':' (kcat's key delimiter), with non-ASCII UTF-8.
 */
export function testMessages(o: MessageOptions): TestMessage[] {
  const out: TestMessage[] = [];
  for (let i = 1; i <= o.count; i++) {
    const seq = String(i).padStart(4, '0');
    const body = i === 1 && o.large ? noise(150_000, i * 7919) : `grüße 日志 ✓ ${'x'.repeat(i * 3)} ${noise(20 + i, i)}`;
    const key = o.keys === 'all' || (o.keys === 'alternate' && i % 2 === 0) ? `k-${o.runId}-${i}` : null;
    out.push({ key, value: `${o.runId} ${o.label} ${seq} ${body}`, headers: o.headers ?? [] });
  }
  return out;
}

// ---------------------------------------------------------------- partitioners

const require = createRequire(import.meta.url);
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (key: Buffer | string) => number;

/** Java's (and kafkajs's, kafka-python's) default partitioner for a keyed record. */
export function murmur2Shard(key: string, shards: number): number {
  return (kafkajsMurmur2(Buffer.from(key, 'utf8')) & 0x7fffffff) % shards;
}

/** librdkafka's default `consistent_random` partitioner for a keyed record: CRC-32 of the key. */
export function crc32Shard(key: string, shards: number): number {
  return crc32(Buffer.from(key, 'utf8')) % shards;
}

/**
 * collectd write_kafka's own partitioner (src/write_kafka.c `kafka_partition`,
 * set as the topic's partitioner callback): djb2 over the key bytes from the
 * last to the first, modulo the shard count (it moves on to the next shard only
 * when librdkafka says the chosen one is unavailable, which never happens here).
 */
export function collectdShard(key: string, shards: number): number {
  const bytes = Buffer.from(key, 'utf8');
  let hash = 5381;
  for (let i = bytes.length - 1; i >= 0; i--) {
    // keydata is `const char *`: bytes ≥ 0x80 are negative on x86. Random keys are hex, so ASCII.
    const c = bytes[i]! >= 0x80 ? bytes[i]! - 0x100 : bytes[i]!;
    hash = (Math.imul(hash, 33) + c) >>> 0;
  }
  return hash % shards;
}

// ---------------------------------------------------------------- reading records back

/** Every record of one Logstore (the records API returns at most 1000). */
export async function logstoreRecords(app: SandboxApp, project: string, logstore: string): Promise<SandboxRecord[]> {
  const { records } = await app.records(project, logstore, 1000);
  if (records.length >= 1000) throw new Error(`${logstore}: 1000 records or more; the test must send fewer`);
  return records;
}

/**
 * Poll until `ready(records)` holds or the deadline passes; returns the last
 * records either way (the caller's assertions then say what is missing).
 */
export async function pollRecords(
  app: SandboxApp,
  project: string,
  logstore: string,
  ready: (records: SandboxRecord[]) => boolean,
  timeoutMs: number,
): Promise<SandboxRecord[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const records = await logstoreRecords(app, project, logstore);
    if (ready(records) || Date.now() > deadline) return records;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Records once `count` have arrived (no delivery report: acks=0, collectd),
 * plus a short settle so that duplicates arriving late are seen too.
 */
export async function waitForCount(app: SandboxApp, project: string, logstore: string, count: number, timeoutMs: number) {
  await pollRecords(app, project, logstore, (r) => r.length >= count, timeoutMs);
  await new Promise((r) => setTimeout(r, 500));
  return logstoreRecords(app, project, logstore);
}

export interface DeliveryExpectation {
  clientId: string;
  /** The shard a keyed record must be on (the client's partitioner), when it is predictable. */
  shardOfKey?: (key: string) => number;
  /** Assert that both shards (0 and 1) got records. */
  bothShards: boolean;
  shards?: number;
  /** Time window (ms) the record timestamps must fall in. */
  sentBetween?: [number, number];
}

/** Every record is on a shard that exists, and a fresh Logstore's offsets run 0, 1, 2, … on every shard. */
export function expectDenseOffsets(records: SandboxRecord[], shards: number, label: string): void {
  expect(records.filter((r) => !Number.isInteger(r.shard) || r.shard < 0 || r.shard >= shards), `${label}: shard out of range`).toEqual([]);
  for (let shard = 0; shard < shards; shard++) {
    const offsets = records.filter((r) => r.shard === shard).map((r) => r.offset).sort((a, b) => a - b);
    expect(offsets, `${label}: offsets on shard ${shard}`).toEqual(offsets.map((_, i) => i));
  }
}

/**
 * What the sandbox stored equals what was sent: the same number of records,
 * each value exactly once with its key and headers, the client id as the
 * client sent it, dense offsets from 0 on every shard of the fresh Logstore,
 * keyed records on the shard the key hashes to, and both shards used.
 */
export function expectDelivered(records: SandboxRecord[], sent: TestMessage[], e: DeliveryExpectation): void {
  const shards = e.shards ?? 2;
  const label = sent[0]?.value.split(' ').slice(1, 2).join(' ') ?? '';
  expect(records.length, `${label}: number of records stored`).toBe(sent.length);

  const byValue = (a: { value: string }, b: { value: string }) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  // The sandbox keeps large values cut (display budgets) with the whole value's size and
  // SHA-256: a cut value counts as the sent value it is a prefix of, with the same size and hash.
  const sentBySha = new Map(sent.map((m) => [createHash('sha256').update(m.value).digest('hex'), m.value]));
  const shown = (r: SandboxRecord): string => {
    const content = r.content ?? `<no content: ${JSON.stringify(r.fields ?? null)}>`;
    if (!r.truncated) return content;
    const full = r.sha256 === undefined ? undefined : sentBySha.get(r.sha256);
    if (full === undefined || !full.startsWith(content) || Buffer.byteLength(full) !== r.size) {
      return `<cut value of ${r.size} bytes, sha256 ${r.sha256}, not a prefix of anything sent: ${content.slice(0, 60)}…>`;
    }
    return full;
  };
  const got = records
    .map((r) => ({
      value: shown(r),
      contentEncoding: r.contentEncoding,
      key: r.key,
      keyEncoding: r.keyEncoding,
      headers: r.headers,
    }))
    .sort(byValue);
  const want = [...sent]
    .map((m) => ({
      value: m.value,
      contentEncoding: 'utf8',
      key: m.key,
      keyEncoding: 'utf8',
      headers: m.headers.map(([key, value]) => ({ key, value, encoding: 'utf8' })),
    }))
    .sort(byValue);
  // Compare shortened values first so a failure prints readably, then the full text.
  const short = (xs: Array<{ value: string }>) => xs.map((x) => ({ ...x, value: x.value.length > 120 ? `${x.value.slice(0, 120)}…(${x.value.length})` : x.value }));
  expect(short(got), `${label}: values, keys and headers`).toEqual(short(want));
  for (let i = 0; i < want.length; i++) expect(got[i]!.value === want[i]!.value, `${label}: full value #${i}`).toBe(true);

  expect(new Set(records.map((r) => r.clientId)), `${label}: client id`).toEqual(new Set([e.clientId]));

  expectDenseOffsets(records, shards, label);
  if (e.shardOfKey) {
    const misplaced = records
      .filter((r) => r.key !== null)
      .map((r) => ({ key: r.key!, shard: r.shard, expected: e.shardOfKey!(r.key!) }))
      .filter((x) => x.shard !== x.expected);
    expect(misplaced, `${label}: keyed records on the shard their key hashes to`).toEqual([]);
  }
  if (e.bothShards) {
    expect(new Set(records.map((r) => r.shard)), `${label}: shards used`).toEqual(new Set([0, 1]));
  }
  if (e.sentBetween) {
    const [from, to] = e.sentBetween;
    const outside = records.filter((r) => r.timestamp < from - 2_000 || r.timestamp > to + 2_000);
    expect(outside.map((r) => r.timestamp), `${label}: record timestamps within the run`).toEqual([]);
    expect(records.every((r) => r.__time__ === Math.floor(r.timestamp / 1000))).toBe(true);
  }
}

/**
 * Log lines of the app (lib/sandbox/runtime consoleLog) that mean a client's
 * request was refused or broke something: a well-behaved client run must
 * leave none. (connection.closed is routine and only logged at debug level.)
 */
export function sandboxProblems(output: string): string[] {
  const problem =
    /^\[sandbox\] (connection\.internal_error|produce\.invalid_records|produce\.store_failed|sasl\.failed|sasl\.mechanism_rejected|tls\.failed|server\.error|metadata\.topic_error)\b.*$/gm;
  return output.match(problem) ?? [];
}

// ---------------------------------------------------------------- the batches as received

export interface StoredBatch {
  shard: number;
  /** 0/1: a message set (its first, wrapper, message); 2: a record batch. */
  magic: number;
  /** The codec named by the attributes, as the sandbox read them. */
  codec: string;
  recordCount: number;
  /** First bytes of the compressed data: the records of a batch, the value of a wrapper message. */
  payloadHead: Buffer;
  /** Record batch header fields (KIP-98): -1n / -1 for a producer that is not idempotent, and for magic 0/1. */
  producerId: bigint;
  baseSequence: number;
}

/** Where the compressed data starts: after the 61-byte v2 header, or at a magic 0/1 message's value. */
function payloadStart(raw: Buffer, magic: number): number | undefined {
  if (magic === 2) return raw.length >= 61 ? 61 : undefined;
  // offset int64, size int32, crc int32, magic int8, attributes int8, [timestamp int64 (magic 1)], key bytes, value bytes
  const keyAt = magic === 1 ? 26 : 18;
  if (raw.length < keyAt + 4) return undefined;
  const keyLength = raw.readInt32BE(keyAt);
  const valueAt = keyAt + 4 + Math.max(keyLength, 0);
  return raw.length >= valueAt + 4 ? valueAt + 4 : undefined;
}

/**
 * The batches of one Logstore as the sandbox stored them, read straight from
 * its SQLite file (read-only): the records API shows decoded records only, and
 * this is how a test sees which message format the client used, that it
 * really compressed, and how it framed the compressed data.
 */
export function storedBatches(app: SandboxApp, project: string, logstore: string): StoredBatch[] {
  const db = new Database(path.join(app.dataDir, 'records.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      // The store keeps each batch's first bytes (`head`): its header and the start of the compressed data.
      .prepare(
        `SELECT b.shard, b.magic, b.codec, b.record_count AS recordCount, b.head AS raw FROM batches b JOIN logstores l ON l.id = b.ls
         WHERE l.project = ? AND l.logstore = ? ORDER BY b.id`,
      )
      .all(project, logstore) as Array<{ shard: number; magic: number; codec: string; recordCount: number; raw: Buffer }>;
    // Record batch v2 header: ... producerId @43 (int64), producerEpoch @51, baseSequence @53, count @57, records @61.
    return rows.map(({ raw, ...row }) => {
      const start = payloadStart(raw, row.magic);
      const v2 = row.magic === 2 && start !== undefined;
      return {
        ...row,
        payloadHead: start === undefined ? Buffer.alloc(0) : raw.subarray(start, start + 8),
        producerId: v2 ? raw.readBigInt64BE(43) : -1n,
        baseSequence: v2 ? raw.readInt32BE(53) : -1,
      };
    });
  } finally {
    db.close();
  }
}

/** How each codec's compressed data starts (gzip RFC 1952, LZ4 frame, zstd frame, snappy-java's xerial header). */
const FRAME_MAGIC: Record<string, Buffer> = {
  gzip: Buffer.from([0x1f, 0x8b]),
  lz4: Buffer.from([0x04, 0x22, 0x4d, 0x18]),
  zstd: Buffer.from([0x28, 0xb5, 0x2f, 0xfd]),
  xerial: Buffer.from([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00]),
};

export interface BatchExpectation {
  /** Message format: 2 (record batches, the default) or 1/0 (message sets). */
  magic?: 0 | 1 | 2;
  /** snappy: `raw` (one block: librdkafka, kafkajs-snappy) or `xerial` (snappy-java, kafka-python). */
  snappy?: 'raw' | 'xerial';
  /**
   * The client sends a batch uncompressed when compressing does not make it
   * smaller (librdkafka rdkafka_msgset_writer.c, kafka-python
   * DefaultRecordBatchBuilder._maybe_compress): then some batches may be `none`,
   * but at least one must use the codec.
   */
  uncompressedWhenLarger?: boolean;
}

/** Every batch has the expected format and codec, its compressed data framed as that codec's frame. */
export function expectBatches(batches: StoredBatch[], codec: CodecName, e: BatchExpectation = {}): void {
  const magic = e.magic ?? 2;
  expect(batches.length, `${codec}: batches stored`).toBeGreaterThan(0);
  const allowed = new Set([`magic ${magic} ${codec}`, ...(e.uncompressedWhenLarger ? [`magic ${magic} none`] : [])]);
  const seen = batches.map((b) => `magic ${b.magic} ${b.codec}`);
  expect(seen.filter((x) => !allowed.has(x)), `batch format and codec (want magic ${magic} ${codec})`).toEqual([]);
  expect(seen, `at least one magic ${magic} ${codec} batch`).toContain(`magic ${magic} ${codec}`);
  const frame = codec === 'snappy' ? (e.snappy === 'xerial' ? FRAME_MAGIC.xerial : undefined) : FRAME_MAGIC[codec];
  for (const b of batches.filter((x) => x.codec === codec && codec !== 'none')) {
    expect(b.payloadHead.length, `${codec}: compressed data present`).toBeGreaterThan(0);
    if (frame) expect(b.payloadHead.subarray(0, frame.length).toString('hex'), `${codec} framing`).toBe(frame.toString('hex'));
    if (codec === 'snappy' && e.snappy === 'raw') expect(b.payloadHead.subarray(0, 8).equals(FRAME_MAGIC.xerial!), 'raw snappy, not xerial').toBe(false);
  }
}

// ---------------------------------------------------------------- kcat

export interface KcatRun {
  kcat: string;
  app: SandboxApp;
  topic: string;
  codec: CodecName;
  clientId: string;
  messages: TestMessage[];
  /** Extra librdkafka properties, e.g. `sticky.partitioning.linger.ms`. */
  properties?: Record<string, string>;
  timeoutMs?: number;
}

export interface KcatResult extends ProcessResult {
  /** "Message delivered" delivery reports (-v -v). */
  delivered: number;
  failed: number;
}

/**
 * `kcat -P` with the credentials in a 0600 `-F` file (not on the command
 * line), one message per stdin line, `-K:` when any message has a key (a line
 * without ':' is then a keyless message), the shared headers with `-H`.
 */
export async function runKcat(run: KcatRun): Promise<KcatResult> {
  const headers = run.messages[0]?.headers ?? [];
  if (run.messages.some((m) => JSON.stringify(m.headers) !== JSON.stringify(headers))) {
    throw new Error('kcat gives every message the same headers (-H)');
  }
  const keyed = run.messages.some((m) => m.key !== null);
  for (const m of run.messages) {
    if (m.value.includes('\n') || (keyed && m.key === null && m.value.includes(':')) || (m.key ?? '').includes(':')) {
      throw new Error(`kcat cannot carry this message line: ${m.value.slice(0, 60)}`);
    }
  }
  const dir = privateTempDir('kcat-');
  try {
    const config = path.join(dir, 'kcat.conf');
    const properties: Record<string, string> = {
      'security.protocol': 'sasl_ssl',
      'sasl.mechanisms': 'PLAIN',
      'sasl.username': INTEROP_PROJECT,
      'sasl.password': INTEROP_PASSWORD,
      'ssl.ca.location': run.app.caFile,
      'client.id': run.clientId,
      'compression.codec': run.codec,
      'message.timeout.ms': String(Math.max(5_000, (run.timeoutMs ?? 30_000) - 5_000)),
      ...run.properties,
    };
    writeFileSync(config, Object.entries(properties).map(([k, v]) => `${k}=${v}\n`).join(''), { mode: 0o600 });
    const args = ['-P', '-F', config, '-b', run.app.bootstrap, '-t', run.topic, '-v', '-v'];
    if (keyed) args.push('-K:');
    // `-H name=value`; a bare `-H name` is a header with a null value.
    for (const [k, v] of headers) args.push('-H', v === null ? k : `${k}=${v}`);
    const input = run.messages.map((m) => (m.key === null ? m.value : `${m.key}:${m.value}`)).join('\n') + '\n';
    const result = await runProcess(run.kcat, args, { timeoutMs: run.timeoutMs ?? 30_000, input });
    return withKcatDeliveries(result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- Python drivers

/** The drivers under tests/integration/clients. */
export const CLIENTS_DIR = path.resolve(__dirname, '../integration/clients');

export interface DriverRun {
  topic: string;
  codec: CodecName;
  acks?: -1 | 0 | 1;
  messages: TestMessage[];
}

/**
 * A keyed run of a librdkafka producer (kcat, confluent-kafka) as stored: every
 * record once, each key on its CRC-32 shard, both shards, within [t0, t1];
 * snappy batches as one raw block (librdkafka does not write xerial).
 */
export async function expectLibrdkafkaRun(app: SandboxApp, logstore: string, sent: TestMessage[], codec: CodecName, clientId: string, sentBetween: [number, number]): Promise<void> {
  expectDelivered(await logstoreRecords(app, INTEROP_PROJECT, logstore), sent, { clientId, shardOfKey: (key) => crc32Shard(key, 2), bothShards: true, sentBetween });
  expectBatches(storedBatches(app, INTEROP_PROJECT, logstore), codec, { snappy: 'raw', uncompressedWhenLarger: true });
}

export interface DriverSpec {
  bootstrap: string;
  ca: string;
  user: string;
  password: string;
  clientId: string;
  /** The driver's own watchdog, in seconds (the caller's deadline is a few seconds longer). */
  deadline: number;
  runs: DriverRun[];
  /** Driver-specific settings (kafka-python: `apiVersion`). */
  [extra: string]: unknown;
}

/** The connection part of a driver spec: the sandbox over TLS with its CA, the interop account, a 25 s watchdog. */
export function driverConnection(app: SandboxApp, clientId: string): Pick<DriverSpec, 'bootstrap' | 'ca' | 'user' | 'password' | 'clientId' | 'deadline'> {
  return { bootstrap: app.bootstrap, ca: app.caFile, user: INTEROP_PROJECT, password: INTEROP_PASSWORD, clientId, deadline: 25 };
}

export interface DriverRunResult {
  topic: string;
  codec: string;
  ok: number;
  failed: number;
  errors: string[];
}

export interface DriverResult {
  process: ProcessResult;
  /** The driver's JSON result line, when it printed one. */
  report?: { client: string; runs: DriverRunResult[]; [extra: string]: unknown };
}

/** Run a Python driver with its JSON spec on stdin; it prints one JSON result line last. */
export async function runPythonDriver(python: string, script: string, spec: DriverSpec): Promise<DriverResult> {
  // -E: ignore PYTHONPATH/PYTHONHOME of a pyenv or venv in the caller's environment;
  // -B: no .pyc files; -u: unbuffered, so a killed driver's output is not lost.
  const proc = await runProcess(python, ['-E', '-B', '-u', path.join(CLIENTS_DIR, script)], {
    timeoutMs: (spec.deadline + 5) * 1000,
    input: JSON.stringify(spec),
  });
  const last = proc.stdout.trim().split('\n').pop() ?? '';
  let report: DriverResult['report'];
  try {
    const parsed: unknown = JSON.parse(last);
    if (parsed && typeof parsed === 'object' && 'runs' in parsed) report = parsed as DriverResult['report'];
  } catch {
    report = undefined;
  }
  return { process: proc, report };
}
