/**
 * Budget: the doctor's full successful run against the local sandbox (TCP,
 * TLS, ApiVersions with fall-back, SASL, Metadata, Produce to every shard, the
 * acknowledgment) has a median under 50 ms. Run: node --import tsx bench/doctor.mts [RUNS=200]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox } from '../lib/sandbox/runtime';
import { validateSettings } from '../lib/validation/validate-settings';
import { settingsSchema } from '../lib/settings/schema';

const RUNS = Number(process.argv[2] ?? 200);
const dir = mkdtempSync(path.join(tmpdir(), 'sls-doctor-bench-'));
const sandbox = await startSandbox({ DATA_DIR: dir, SANDBOX_PORT: '0', SANDBOX_LOG: 'quiet' });
const settings = settingsSchema.parse({
  project: 'bench-project',
  logstore: 'bench-logstore',
  accessKeyId: 'LTAI5tBenchBenchBenchBenc',
  accessKeySecret: 'BenchSecretBenchSecretBenchSe1',
  target: 'sandbox',
  agents: { beats: {} },
});
const env = { sandbox: { host: sandbox.broker.host, port: sandbox.broker.port, caPem: sandbox.tls.caCertPem }, allowLiveCheck: false };

const times: number[] = [];
for (let i = 0; i < RUNS + 10; i++) {
  const t0 = performance.now();
  const result = await validateSettings(settings, env);
  const ms = performance.now() - t0;
  if (!result.ok) throw new Error(`doctor run failed: ${JSON.stringify(result.error)}`);
  if (i >= 10) times.push(ms); // the first runs warm up the JIT and the TLS session code
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
const median = at(0.5);
console.log(
  `BENCH doctor full run (validate: config check + 9 steps) over ${RUNS} runs: median ${median.toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(1)} ms (target median < 50 ms) ${median < 50 ? 'OK' : 'OVER BUDGET'}`,
);
await sandbox.close();
rmSync(dir, { recursive: true, force: true });
