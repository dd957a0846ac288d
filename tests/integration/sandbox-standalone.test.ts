/**
 * `npm run sandbox` runs the endpoint alone; the app's sandbox routes answer
 * with clear errors for bad queries.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/app-server';
import { startSandboxApp, type SandboxApp } from '../support/sandbox-app';
import { RawKafkaClient } from '../support/raw-kafka';

const root = path.resolve(__dirname, '../..');

describe('npm run sandbox', () => {
  it('starts the endpoint alone, serves TLS Kafka, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sls-standalone-'));
    const port = await freePort();
    const child = spawn('npm', ['run', '--silent', 'sandbox'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dir, SANDBOX_PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      await expect.poll(() => out, { timeout: 30_000, interval: 200 }).toMatch(/Kafka endpoint on 127\.0\.0\.1:\d+ \(TLS, SASL PLAIN\), open mode/);
      const ca = readFileSync(path.join(dir, 'sandbox-ca.pem'), 'utf8');
      const client = await RawKafkaClient.connect({ port, ca, servername: 'localhost' });
      const versions = await client.apiVersions(2);
      expect(versions.errorCode).toBe(0);
      client.destroy();
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
      // The endpoint closed its listener: nothing accepts on the port any more.
      await expect.poll(() => RawKafkaClient.connectPlain({ port }).then((c) => (c.destroy(), 'open'), () => 'closed'), { timeout: 30_000 }).toBe('closed');
      expect(out).not.toMatch(/Error|not started/);
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad SANDBOX_PORT with a message naming it', async () => {
    const child = spawn('npm', ['run', '--silent', 'sandbox'], { cwd: root, env: { ...process.env, SANDBOX_PORT: 'ten' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(out).toContain('SANDBOX_PORT: “ten” is not a port number');
  });
});

describe('sandbox routes', () => {
  let app: SandboxApp;
  beforeAll(async () => {
    app = await startSandboxApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('serves the CA as a PEM download', async () => {
    const res = await fetch(`${app.url}/api/sandbox/ca`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('sls-sandbox-ca.pem');
    const pem = await res.text();
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(pem).toBe(readFileSync(app.caFile, 'utf8'));
  });

  it('answers bad record queries with the field and the fix', async () => {
    const bad = await fetch(`${app.url}/api/sandbox/records?project=Bad_Project&limit=5000`);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { fields: Array<{ field: string; message: string }> };
    expect(body.fields.map((f) => f.field).sort()).toEqual(['limit', 'project']);
    expect(body.fields.find((f) => f.field === 'limit')?.message).toBe('limit: at most 1000 records per request.');
    const missing = await fetch(`${app.url}/api/sandbox/records`);
    expect(missing.status).toBe(400);
    const empty = await app.records('nobody-here');
    expect(empty.records).toEqual([]);
  });
});
