/**
 * Shared by the interop tests that run OUR rendered files (kcat, the client
 * snippets, rsyslog, syslog-ng): render for target sandbox (with the sandbox
 * CA fetched the way the steps say), N lines to feed them, and the checks
 * every run makes on the records read back through GET /api/sandbox/records.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { renderSettings, type RenderedFile } from '@/lib/agents';
import type { SettingsInput } from '@/lib/settings/schema';
import { INTEROP_PROJECT, pollRecords } from './kafka-clients';
import type { SandboxApp, SandboxRecord } from './sandbox-app';
import { exampleSettings } from './settings';

export const N = 200;

/** N JSON lines, each a distinct message with a tag, a sequence number and non-ASCII text. */
export function jsonLines(tag: string): string {
  return Array.from({ length: N }, (_, i) => JSON.stringify({ message: `${tag} ${i + 1} grüße 日志`, seq: i + 1 })).join('\n') + '\n';
}

/** Render `agents` for the sandbox, write every file into `dir`, and fetch the sandbox CA next to them. */
export async function renderInto(app: SandboxApp, dir: string, overrides: Partial<SettingsInput>): Promise<{ files: RenderedFile[]; steps: ReturnType<typeof renderSettings>['steps'] }> {
  const caUrl = `${app.url}/api/sandbox/ca`;
  const rendered = renderSettings(exampleSettings({ target: 'sandbox', expandJson: true, ...overrides }), {
    sandbox: { host: 'localhost', port: app.sandboxPort, caUrl },
  });
  for (const file of rendered.files) writeFileSync(path.join(dir, file.path), file.content, { mode: 0o600 });
  const ca = await fetch(caUrl);
  expect(ca.status).toBe(200);
  writeFileSync(path.join(dir, 'sls-sandbox-ca.pem'), await ca.text());
  return rendered;
}

/** Wait for N records of the run, then check: exactly once each, keyless, JSON expanded, on both shards. */
export async function expectDelivered(app: SandboxApp, logstore: string, tag: string): Promise<SandboxRecord[]> {
  const records = await pollRecords(app, INTEROP_PROJECT, logstore, (rs) => rs.length >= N, 30_000);
  // A moment more: a duplicate arriving late must be seen too.
  await new Promise((r) => setTimeout(r, 500));
  const all = (await app.records(INTEROP_PROJECT, logstore, 1000)).records;
  expect(all.length, `records in ${logstore}`).toBe(N);
  expect(records.length).toBe(N);
  expect(all.every((r) => r.key === null), 'every record keyless').toBe(true);
  const messages = all.map((r) => r.fields?.message);
  const pattern = new RegExp(`^${tag} (\\d+) grüße 日志$`);
  expect(messages.filter((m) => m === undefined || !pattern.test(m)), 'JSON expanded into fields').toEqual([]);
  const seqs = new Set(messages.map((m) => Number(pattern.exec(m!)![1])));
  expect(seqs.size).toBe(N);
  const perShard = [0, 1].map((s) => all.filter((r) => r.shard === s).length);
  expect(Math.min(...perShard), `spread over both shards: ${perShard.join('/')}`).toBeGreaterThan(0);
  return all;
}

/**
 * Render for the sandbox (the caller's `agents` name `caPath` as the CA file)
 * and follow the rendered "Download the sandbox CA" step: it names the CA URL,
 * and what that URL serves, saved at `caPath`, is the sandbox's CA.
 */
export async function renderFollowingCaStep(app: SandboxApp, caPath: string, overrides: Partial<SettingsInput>): Promise<ReturnType<typeof renderSettings>> {
  const caUrl = `${app.url}/api/sandbox/ca`;
  const rendered = renderSettings(exampleSettings({ target: 'sandbox', expandJson: true, ...overrides }), {
    sandbox: { host: 'localhost', port: app.sandboxPort, caUrl },
  });
  const caStep = rendered.steps.find((s) => /sandbox CA/.test(s.title));
  expect(caStep?.commands?.join('\n')).toContain(caUrl);
  const ca = await fetch(caUrl);
  expect(ca.status).toBe(200);
  mkdirSync(path.dirname(caPath), { recursive: true });
  writeFileSync(caPath, await ca.text());
  expect(readFileSync(caPath, 'utf8')).toBe(readFileSync(app.caFile, 'utf8'));
  return rendered;
}

/**
 * For a syslog daemon fed rfc5424Lines(runId, N): wait for N records, then
 * check exactly N, each message (in field `messageField`) once and of this
 * run, keyless, from the daemon's client id, on both shards.
 */
export async function expectSyslogDelivered(
  app: SandboxApp,
  logstore: string,
  runId: string,
  o: { messageField: string; clientId: string; daemonOutput: () => string },
): Promise<SandboxRecord[]> {
  const records = await pollRecords(app, INTEROP_PROJECT, logstore, (r) => r.length >= N, 60_000);
  // A moment more for late duplicates, then the full set.
  await new Promise((r) => setTimeout(r, 1_000));
  const all = (await app.records(INTEROP_PROJECT, logstore, 1000)).records;
  expect(records.length, o.daemonOutput()).toBeGreaterThanOrEqual(N);
  expect(all).toHaveLength(N);
  const messages = all.map((r) => r.fields?.[o.messageField]);
  expect(new Set(messages).size).toBe(N);
  expect(messages.filter((m) => m === undefined || !new RegExp(`^${runId} \\d+ grüße$`).test(m))).toEqual([]);
  expect(all.every((r) => r.key === null)).toBe(true);
  expect(new Set(all.map((r) => r.clientId))).toEqual(new Set([o.clientId]));
  const perShard = [0, 1].map((s) => all.filter((r) => r.shard === s).length);
  expect(perShard.every((n) => n > 0), `records per shard: ${perShard.join('/')}`).toBe(true);
  return all;
}
