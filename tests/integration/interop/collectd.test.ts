/**
 * collectd 5.12 `write_kafka` (Debian `collectd-core`, librdkafka 2.0.2) with
 * the write_kafka.conf OUR collectd template renders for target `sandbox`,
 * sending into the real app's sandbox; records read back through the records
 * API.
 *
 * How the run is set up, as the rendered steps tell a user to:
 * - settings: target sandbox, OS family `custom` with a CA path in a temp dir:
 *   the template then points ssl.ca.location at `sls-sandbox-ca.pem` next to
 *   it, and the "Download the sandbox CA certificate" step fetches it from
 *   GET /api/sandbox/ca — done here with fetch, into the path the file names;
 * - a main collectd.conf of our own (the template renders only the drop-in):
 *   Interval 1, logs on stdout, the `load` and `memory` read plugins, and
 *   `unixsock`, then `Include` of the rendered file.
 *
 * write_kafka has no delivery report, so counting happens on the sandbox's
 * side. For an exact count and exact values, N gauges with known values are
 * submitted through the unixsock plugin (PUTVAL, one Kafka message each, as
 * /work/shared/interop's collectd client does); load and memory show the
 * read plugins' JSON. With no Key line write_kafka draws a random 8-hex-digit
 * key per message, and its own partitioner callback (djb2 of the key, not
 * librdkafka's CRC-32) picks the shard, so records spread over both shards. collectd is stopped (SIGTERM) once everything is in.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectdString } from '@/lib/config-languages/collectd/quote';
import { renderSettings } from '@/lib/agents';
import {
  CODECS,
  INTEROP_PROJECT,
  collectdShard,
  expectBatches,
  expectDenseOffsets,
  findCollectdWriteKafka,
  logstoreFor,
  newRunId,
  pollRecords,
  sandboxProblems,
  startDaemon,
  storedBatches,
  type CodecName,
  useSandboxApp,
} from '../../support/kafka-clients';
import { collectdMainConfig } from '../../support/collectd-main';
import type { SandboxRecord } from '../../support/sandbox-app';
import { exampleSettings } from '../../support/settings';

const collectd = findCollectdWriteKafka();
/** Values submitted with PUTVAL per run: the exact-count part. */
const PUTVALS = 20;
const PUTVAL_PLUGIN = 'interop';

/** Log lines that mean write_kafka or librdkafka did not work (collectd-config.test.ts has the config-time ones). */
const COLLECTD_FAILURES =
  /cannot set kafka|cannot create kafka|cannot create topic|Could not (find|load) plugin|Parse error|SSL handshake failed|certificate verify failed|SASL authentication|Authentication failed|Failed to resolve|brokers are down|still in queue|Local: /i;

/** One collectd value list as write_kafka's `Format JSON` writes it (utils_format_json.c). */
interface ValueList {
  values: number[];
  dstypes: string[];
  dsnames: string[];
  time: number;
  interval: number;
  host: string;
  plugin: string;
  plugin_instance: string;
  type: string;
  type_instance: string;
}

function valueLists(record: SandboxRecord): ValueList[] {
  expect(record.contentEncoding).toBe('utf8');
  const parsed: unknown = JSON.parse(record.content ?? 'null');
  expect(Array.isArray(parsed), `a JSON array: ${record.content}`).toBe(true);
  return parsed as ValueList[];
}

/** PUTVAL lines one at a time over collectd's unix socket; each must answer `0 Success`. */
async function putvals(socketPath: string, lines: string[], timeoutMs: number): Promise<string[]> {
  const socket = net.createConnection(socketPath);
  socket.setEncoding('utf8');
  const answers: string[] = [];
  let buffered = '';
  let waiting: ((line: string) => void) | undefined;
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      waiting?.(line);
    }
  });
  const failed = new Promise<never>((_, reject) => {
    socket.on('error', reject);
    setTimeout(() => reject(new Error(`unixsock: no answer within ${timeoutMs} ms`)), timeoutMs).unref();
  });
  try {
    await Promise.race([new Promise((r) => socket.once('connect', r)), failed]);
    for (const line of lines) {
      const answer = new Promise<string>((r) => (waiting = r));
      socket.write(`${line}\n`);
      answers.push(await Promise.race([answer, failed]));
    }
  } finally {
    socket.destroy();
  }
  return answers;
}

async function waitForFile(file: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      readFileSync(file, { flag: 'r' });
    } catch (err) {
      // A socket cannot be read as a file (ENXIO/EOPNOTSUPP): it exists.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return true;
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    return true;
  }
  return false;
}

describe.skipIf(!collectd.path)('collectd write_kafka with the rendered write_kafka.conf → sandbox', () => {
  const sandbox = useSandboxApp();

  it.concurrent.each(CODECS)('%s: exact PUTVAL values once each, load/memory JSON, both shards', async (codec: CodecName) => {
    const runId = newRunId(`cd-${codec}`);
    const logstore = logstoreFor('collectd', codec, runId);
    const dir = sandbox.tempDir('collectd-interop-');

    // 1. Render exactly what the wizard would give this user.
    const caUrl = `${sandbox.app.url}/api/sandbox/ca`;
    const settings = exampleSettings({
      target: 'sandbox',
      logstore,
      agents: { collectd: { osFamily: 'custom', caPath: path.join(dir, 'ca', 'ca-bundle.crt'), compression: codec } },
    });
    const rendered = renderSettings(settings, { sandbox: { host: 'localhost', port: sandbox.app.sandboxPort, caUrl } });
    const dropIn = rendered.files.find((f) => f.agent === 'collectd' && f.path === 'write_kafka.conf');
    expect(dropIn, 'rendered write_kafka.conf').toBeDefined();
    const caLocation = /Property "ssl\.ca\.location" "([^"]+)"/.exec(dropIn!.content)?.[1];
    expect(caLocation).toBe(path.join(dir, 'ca', 'sls-sandbox-ca.pem'));
    expect(dropIn!.content).toContain(`Property "metadata.broker.list" "localhost:${sandbox.app.sandboxPort}"`);
    expect(dropIn!.content).toContain(`Property "compression.codec" "${codec}"`);
    const caStep = rendered.steps.find((s) => s.agent === 'collectd' && /sandbox CA/.test(s.title));
    expect(caStep?.commands?.join('\n')).toContain(caLocation!);
    expect(caStep?.commands?.join('\n')).toContain(caUrl);

    // 2. The CA download step, then the files.
    const ca = await fetch(caUrl);
    expect(ca.status).toBe(200);
    const caPem = await ca.text();
    expect(caPem).toBe(readFileSync(sandbox.app.caFile, 'utf8'));
    mkdirSync(path.dirname(caLocation!), { recursive: true });
    writeFileSync(caLocation!, caPem);
    const dropInPath = path.join(dir, 'write_kafka.conf');
    // The install step's sed: this machine's short host name into client.id.
    const installStep = rendered.steps.find((s) => s.agent === 'collectd' && s.title.startsWith('Save write_kafka.conf'));
    expect(installStep?.commands?.some((c) => c.startsWith('sed -i "s/HOSTNAME_HERE/$(hostname -s)/g"'))).toBe(true);
    const shortHost = hostname().split('.')[0]!;
    writeFileSync(dropInPath, dropIn!.content.replaceAll('HOSTNAME_HERE', shortHost), { mode: 0o600 });
    const socketPath = path.join(dir, 'collectd.sock');
    const mainConfig = path.join(dir, 'collectd.conf');
    const plugins = ['LoadPlugin unixsock', '<Plugin unixsock>', `  SocketFile ${collectdString(socketPath)}`, '</Plugin>', 'LoadPlugin load', 'LoadPlugin memory'];
    writeFileSync(mainConfig, collectdMainConfig({ hostname: runId, dir, interval: 1, timestamps: true, plugins, include: dropInPath }), { mode: 0o600 });

    // 3. Run collectd in the foreground; submit the known values; wait for them and for load.
    const t0 = Date.now();
    const daemon = startDaemon(collectd.path!, ['-f', '-C', mainConfig], { timeoutMs: 45_000 });
    let records: SandboxRecord[] = [];
    try {
      const ours = (rs: SandboxRecord[]) => rs.filter((r) => (r.content ?? '').includes(`"plugin":"${PUTVAL_PLUGIN}"`));
      const hasLoad = (rs: SandboxRecord[]) => rs.some((r) => (r.content ?? '').includes('"plugin":"load"'));
      // First records from the read plugins: the producer is connected. Until then write_kafka's
      // partitioner skips shards librdkafka does not yet know a leader for, so early keys may
      // land on the next shard instead of their hash's.
      const first = await pollRecords(sandbox.app, INTEROP_PROJECT, logstore, hasLoad, 15_000);
      expect(hasLoad(first), `no load record within 15 s\n${daemon.output()}`).toBe(true);
      const connectedRecords = new Set(first.map((r) => `${r.shard}/${r.offset}`));

      expect(await waitForFile(socketPath, 5_000), `unixsock socket\n${daemon.output()}`).toBe(true);
      const sentValues = new Map<string, number>();
      const lines = Array.from({ length: PUTVALS }, (_, i) => {
        const instance = `seq${String(i + 1).padStart(3, '0')}`;
        const value = 1000 + i + 0.25;
        sentValues.set(instance, value);
        return `PUTVAL ${JSON.stringify(`${runId}/${PUTVAL_PLUGIN}-${codec}/gauge-${instance}`)} interval=1 N:${value}`;
      });
      const answers = await putvals(socketPath, lines, 10_000);
      expect(answers.every((a) => a.startsWith('0 Success')), answers.join('\n')).toBe(true);

      await pollRecords(
        sandbox.app,
        INTEROP_PROJECT,
        logstore,
        (rs) => ours(rs).length >= PUTVALS && new Set(rs.map((r) => r.shard)).size === 2,
        15_000,
      );
      // A second longer for late duplicates, then stop collectd and read everything it sent.
      await new Promise((r) => setTimeout(r, 1_000));
      // What collectd logged while running: the load/memory reads go on every second, and
      // write_kafka destroys its producer at shutdown without flushing (docs/agents/collectd.md#shutdown),
      // so the last interval's values may be "still in queue" then; that is not a delivery failure
      // of what this test sent, which is all in the store already.
      const runningLog = daemon.output();
      await daemon.stop(5_000);
      records = (await sandbox.app.records(INTEROP_PROJECT, logstore, 1000)).records;
      const t1 = Date.now();
      const log = daemon.output();
      const shutdownLog = log.slice(runningLog.length);

      expect(log).toContain('write_kafka plugin: created KAFKA handle');
      expect(log).toContain(`write_kafka plugin: handle created for topic : ${logstore}`);
      expect(runningLog.split('\n').filter((l) => COLLECTD_FAILURES.test(l))).toEqual([]);
      expect(shutdownLog.split('\n').filter((l) => COLLECTD_FAILURES.test(l) && !/still in queue/i.test(l))).toEqual([]);

      // Every record: one JSON value list from this collectd, a random hex key, librdkafka's default client id.
      expect(records.length).toBeGreaterThan(PUTVALS);
      expectDenseOffsets(records, 2, `collectd/${codec}`);
      expect(new Set(records.map((r) => r.shard)), 'both shards').toEqual(new Set([0, 1]));
      // client.id names agent and host (librdkafka's default would be "rdkafka").
      expect(new Set(records.map((r) => r.clientId))).toEqual(new Set([`collectd-${shortHost}`]));
      for (const r of records) {
        expect(r.key, 'write_kafka random key').toMatch(/^[0-9A-F]{8}$/);
        // Sent once connected: on the shard write_kafka's djb2 partitioner picks for the key.
        if (!connectedRecords.has(`${r.shard}/${r.offset}`) && ours([r]).length === 1) {
          expect(r.shard, `shard of key ${r.key}`).toBe(collectdShard(r.key!, 2));
        }
        expect(r.headers).toEqual([]);
        const lists = valueLists(r);
        expect(lists.length).toBe(1);
        const vl = lists[0]!;
        expect(vl.host).toBe(runId);
        expect(['load', 'memory', PUTVAL_PLUGIN]).toContain(vl.plugin);
        expect(vl.values.length).toBe(vl.dsnames.length);
        expect(vl.values.every((v) => typeof v === 'number')).toBe(true);
        expect(vl.interval).toBe(1);
        expect(vl.time * 1000).toBeGreaterThanOrEqual(t0 - 2_000);
        expect(vl.time * 1000).toBeLessThanOrEqual(t1 + 2_000);
        expect(r.timestamp).toBeGreaterThanOrEqual(t0 - 2_000);
      }
      const load = records.map((r) => valueLists(r)[0]!).filter((vl) => vl.plugin === 'load');
      expect(load.length).toBeGreaterThan(0);
      expect(load[0]).toMatchObject({ type: 'load', dsnames: ['shortterm', 'midterm', 'longterm'], dstypes: ['gauge', 'gauge', 'gauge'] });

      // The PUTVAL values: exactly once each, exact numbers.
      const got = ours(records)
        .map((r) => valueLists(r)[0]!)
        .map((vl) => ({ plugin_instance: vl.plugin_instance, type: vl.type, type_instance: vl.type_instance, values: vl.values }))
        .sort((a, b) => a.type_instance.localeCompare(b.type_instance));
      expect(got).toEqual(
        [...sentValues].map(([instance, value]) => ({ plugin_instance: codec, type: 'gauge', type_instance: instance, values: [value] })),
      );

      // What librdkafka put on the wire: v2 batches with this codec (snappy: one raw block);
      // a batch that does not shrink goes uncompressed.
      expectBatches(storedBatches(sandbox.app, INTEROP_PROJECT, logstore), codec, { snappy: 'raw', uncompressedWhenLarger: true });
    } finally {
      await daemon.stop(2_000);
    }
  });

  it('the sandbox logged no protocol, TLS or SASL problems', () => {
    expect(sandboxProblems(sandbox.app.output())).toEqual([]);
  });
});
