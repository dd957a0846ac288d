/**
 * Shared helpers for the hardening tests: the sandbox endpoint as its own
 * process (`node --import tsx scripts/sandbox.ts`, what `npm run sandbox`
 * runs), its memory read from /proc (VmRSS, VmHWM), its log, a real producer
 * (kcat, acks=all) and the store read back. Every attack helper is bounded in
 * bytes and time and dials loopback only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RecordStore } from '@/lib/sandbox/store';
import { freePort } from './app-server';
import { runProcess, withKcatDeliveries, type ProcessResult } from './kafka-clients';
import { RawKafkaClient, connectAuthenticated } from './raw-kafka';

const root = path.resolve(__dirname, '../..');
export const MiB = 1024 * 1024;

export const HOSTILE_PROJECT = 'hardening-project';
export const HOSTILE_PASSWORD = 'LTAI5tHardeningKeyId0001#HardeningSecret0123456789ab';

export interface SandboxProcess {
  pid: number;
  port: number;
  ca: string;
  caFile: string;
  dataDir: string;
  /** Everything the process printed (its log). */
  output(): string;
  /** Bytes the process printed so far. */
  outputBytes(): number;
  /** True while the process runs. */
  alive(): boolean;
  stop(): Promise<void>;
}

/** Start the endpoint alone with `env` (limits via their SANDBOX_* variables); resolves once it listens. */
export async function startSandboxProcess(env: Record<string, string> = {}): Promise<SandboxProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'sls-hardening-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/sandbox.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, SANDBOX_PORT: String(port), SANDBOX_PUBLIC_HOST: 'localhost', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let bytes = 0;
  const keep = (d: Buffer) => {
    bytes += d.length;
    // Keep the last 4 MiB of text: enough to assert on, bounded even if logging went wrong.
    out = (out + d.toString('utf8')).slice(-4 * MiB);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + 60_000;
  while (!/Kafka endpoint on .*:\d+ \(TLS, SASL PLAIN\)/.test(out)) {
    if (child.exitCode !== null) throw new Error(`sandbox exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`sandbox did not start within 60 s:\n${out}`);
    }
    await sleep(50);
  }
  const caFile = path.join(dataDir, 'sandbox-ca.pem');
  return {
    pid: child.pid!,
    port,
    ca: readFileSync(caFile, 'utf8'),
    caFile,
    dataDir,
    output: () => out,
    outputBytes: () => bytes,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resident memory now and at its peak (MiB), from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssMiB: number; peakMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

export function authed(sb: SandboxProcess, opts: { username?: string; host?: string } = {}): Promise<RawKafkaClient> {
  return connectAuthenticated({ port: sb.port, ca: sb.ca, username: opts.username ?? HOSTILE_PROJECT, password: HOSTILE_PASSWORD, ...(opts.host ? { host: opts.host } : {}) });
}

/** A TCP connection from `localAddress` (any 127.0.0.0/8 address) that never starts TLS. */
export function stalledTcp(port: number, localAddress = '127.0.0.1'): Promise<net.Socket> {
  if (!localAddress.startsWith('127.')) throw new Error('loopback only');
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: '127.0.0.1', port, localAddress });
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
}

/** A TLS connection from `localAddress` that authenticates, then stays idle. */
export function idleAuthenticated(sb: SandboxProcess, localAddress: string): Promise<RawKafkaClient> {
  return connectAuthenticated({ port: sb.port, ca: sb.ca, username: HOSTILE_PROJECT, password: HOSTILE_PASSWORD, localAddress });
}

/**
 * kcat -P: `count` records to `topic`, acks=all, credentials in a 0600 -F file.
 * Returns the run and the number of delivery reports.
 */
export async function kcatProduce(sb: SandboxProcess, kcat: string, topic: string, count = 1000): Promise<ProcessResult & { delivered: number; failed: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kcat-hardening-'));
  try {
    const config = path.join(dir, 'kcat.conf');
    const properties = {
      'security.protocol': 'sasl_ssl',
      'sasl.mechanisms': 'PLAIN',
      'sasl.username': HOSTILE_PROJECT,
      'sasl.password': HOSTILE_PASSWORD,
      'ssl.ca.location': sb.caFile,
      'request.required.acks': '-1',
      'message.timeout.ms': '25000',
    };
    writeFileSync(config, Object.entries(properties).map(([k, v]) => `${k}=${v}\n`).join(''), { mode: 0o600 });
    const input = Array.from({ length: count }, (_, i) => `hardening-${topic}-${i}`).join('\n') + '\n';
    const result = await runProcess(kcat, ['-P', '-F', config, '-b', `localhost:${sb.port}`, '-t', topic, '-v', '-v'], { timeoutMs: 30_000, input });
    return withKcatDeliveries(result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The values stored for HOSTILE_PROJECT/`logstore`, read back from the sandbox's store file. */
export function storedValues(sb: SandboxProcess, logstore: string, limit = 5000): string[] {
  const store = RecordStore.open({ file: path.join(sb.dataDir, 'records.sqlite'), readonly: true });
  try {
    return store.read({ project: HOSTILE_PROJECT, logstore, limit }).records.map((r) => r.content ?? JSON.stringify(r.fields));
  } finally {
    store.close();
  }
}
