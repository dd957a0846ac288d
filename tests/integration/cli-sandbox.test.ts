/**
 * `sls-kafka sandbox` as CI runs it: started as a child process, healthy on
 * GET /healthz, takes a kcat produce (librdkafka over TLS + SASL PLAIN), shows
 * the records through GET /api/sandbox/records, and on SIGTERM stops cleanly
 * (exit 0) with every acknowledged record in the store.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordStore } from '@/lib/sandbox/store';
import { procCmdline, startCliSandbox, type CliSandbox } from '../support/cli';
import { INTEROP_PASSWORD, INTEROP_PROJECT, describeRun, newRunId, runKcat, testMessages } from '../support/kafka-clients';
import type { SandboxApp, SandboxRecordsResponse } from '../support/sandbox-app';
import { findTool } from '../support/tools';

const kcat = findTool('kcat', 'kcat');

describe.skipIf(!kcat.path)('sls-kafka sandbox (kcat from Debian `kcat`)', () => {
  let sandbox: CliSandbox;

  beforeAll(async () => {
    sandbox = await startCliSandbox('cli-sandbox');
  }, 90_000);

  afterAll(() => sandbox?.close());

  it('answers its health check', async () => {
    const res = await fetch(`${sandbox.http}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, mode: 'open', kafka: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
  });

  it('takes a kcat produce, shows it in the records API, and keeps every acknowledged record through SIGTERM', async () => {
    const runId = newRunId('cli-sandbox');
    const logstore = `cli-sandbox-${runId.slice(-12).toLowerCase().replace(/[^a-z0-9]/g, '')}`;
    const sent = testMessages({ runId, label: 'cli-sandbox', count: 25, keys: 'alternate' });
    const app = { bootstrap: `localhost:${sandbox.kafkaPort}`, caFile: sandbox.caFile } as SandboxApp;
    const result = await runKcat({ kcat: kcat.path!, app, topic: logstore, codec: 'lz4', clientId: 'cli-sandbox-kcat', messages: sent, timeoutMs: 30_000 });
    expect(result.code, describeRun(result)).toBe(0);
    expect(result.delivered, describeRun(result)).toBe(sent.length);

    const q = new URLSearchParams({ project: INTEROP_PROJECT, logstore, limit: '1000' });
    const res = await fetch(`${sandbox.http}/api/sandbox/records?${q}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as SandboxRecordsResponse;
    expect(body.records.map((r) => r.content).sort()).toEqual(sent.map((m) => m.value).sort());

    // The project's password (the kcat config holds it) is nowhere on the sandbox's command line.
    expect(procCmdline(sandbox.daemon.pid)).not.toContain(INTEROP_PASSWORD.split('#')[1]);

    const stopped = await sandbox.daemon.stop(20_000);
    expect(stopped.code, describeRun(stopped)).toBe(0);
    expect(stopped.signal).toBeNull();
    expect(stopped.stdout).toMatch(/SIGTERM: stopping/);
    expect(stopped.stdout).toMatch(/sandbox stopped; records stored\./);

    // After the process is gone: the store on disk has every acknowledged record.
    const store = RecordStore.open({ file: path.join(sandbox.dataDir, 'records.sqlite'), readonly: true });
    try {
      const stored = store.read({ project: INTEROP_PROJECT, logstore, limit: 1000 });
      expect(stored.records.length).toBe(sent.length);
    } finally {
      store.close();
    }
  });
});
