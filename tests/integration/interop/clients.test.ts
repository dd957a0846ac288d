/**
 * OUR rendered producer snippets run for real against the app's sandbox,
 * each from a private folder holding the rendered files and the sandbox CA,
 * with SLS_KAFKA_PASSWORD in the environment (env mode) or loaded from the
 * rendered sls-kafka.env as the steps say (inline mode, Python):
 * - producer.py by Debian's python3 with python3-confluent-kafka;
 * - producer.js by this Node with kafkajs from the repo's node_modules (NODE_PATH);
 * - main.go built by Debian's Go in GOPATH mode against Debian's sarama 1.22.1
 *   (GOPATH=<tmp>:/usr/share/gocode, GO111MODULE=off: no module downloads).
 * 200 JSON lines each; the records API must show each exactly once, keyless,
 * expanded into fields (`.json` topic) and spread over both shards.
 * Java is not run (no JVM here); its files are checked in the unit tests.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INTEROP_PASSWORD,
  SYSTEM_PYTHON,
  describeRun,
  findPythonModules,
  logstoreFor,
  newRunId,
  runProcess,
  sandboxProblems,
  useSandboxApp,
} from '../../support/kafka-clients';
import { expectDelivered, jsonLines, renderInto } from '../../support/rendered-run';
import { findTool, isCI, type Tool } from '../../support/tools';

/** A file a Debian package installs (Go sources): skip naming the package, or fail under CI. */
function findFile(file: string, debPackage: string): Tool {
  if (existsSync(file)) return { path: file, missing: undefined };
  const missing = `${file} not found: install it with \`apt-get install -y ${debPackage}\``;
  if (isCI) throw new Error(`CI=true and ${missing}`);
  console.warn(`[skip] ${missing}`);
  return { path: undefined, missing };
}

const python = findPythonModules([{ module: 'confluent_kafka', debPackage: 'python3-confluent-kafka' }]);
const bash = findTool('bash', 'bash');
const go = findTool('go', 'golang-go');
const SARAMA_SRC = '/usr/share/gocode';
const sarama = findFile(`${SARAMA_SRC}/src/github.com/Shopify/sarama/sync_producer.go`, 'golang-github-shopify-sarama-dev');
const NODE_MODULES = path.resolve(__dirname, '../../../node_modules');

describe('the rendered producer snippets → sandbox', () => {
  const sandbox = useSandboxApp();
  const folder = () => sandbox.tempDir('clients-interop-');

  it.skipIf(!python.path || !bash.path).each(['env', 'inline'] as const)('Python (confluent-kafka), %s mode: every line once, JSON fields, both shards', async (secretMode) => {
    const dir = folder();
    const runId = newRunId(`py-${secretMode}`);
    const logstore = logstoreFor('clients', runId);
    const { files } = await renderInto(sandbox.app, dir, { logstore, secretMode, agents: { clients: { languages: ['python'] } } });
    expect(files.map((f) => f.path)).toEqual(secretMode === 'inline' ? ['producer.py', 'sls-kafka.env'] : ['producer.py']);
    expect(files[0]!.content).not.toContain(INTEROP_PASSWORD);
    writeFileSync(path.join(dir, 'lines.jsonl'), jsonLines(runId));
    // As the steps say: inline mode loads the env file into the shell, env mode has the variable already.
    const script = `${secretMode === 'inline' ? 'set -a; . ./sls-kafka.env; set +a; ' : ''}exec ${SYSTEM_PYTHON} -E -B producer.py < lines.jsonl`;
    const env = { SLS_KAFKA_PASSWORD: secretMode === 'env' ? INTEROP_PASSWORD : '' };
    const r = await runProcess(bash.path!, ['-c', script], { cwd: dir, env, timeoutMs: 60_000 });
    expect(r.code, describeRun(r)).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toEqual({ sent: 200, failed: 0, errors: [] });
    const records = await expectDelivered(sandbox.app, logstore, runId);
    expect(new Set(records.map((rec) => rec.clientId))).toEqual(new Set(['sls-python']));
  });

  it('Node (kafkajs): every line once, JSON fields, both shards', async () => {
    const dir = folder();
    const runId = newRunId('js');
    const logstore = logstoreFor('clients', runId);
    const { files } = await renderInto(sandbox.app, dir, { logstore, secretMode: 'env', agents: { clients: { languages: ['node'] } } });
    expect(files.map((f) => f.path)).toEqual(['producer.js']);
    const r = await runProcess(process.execPath, ['producer.js'], {
      cwd: dir,
      input: jsonLines(runId),
      env: { SLS_KAFKA_PASSWORD: INTEROP_PASSWORD, NODE_PATH: NODE_MODULES },
      timeoutMs: 60_000,
    });
    expect(r.code, describeRun(r)).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toEqual({ sent: 200 });
    const records = await expectDelivered(sandbox.app, logstore, runId);
    expect(new Set(records.map((rec) => rec.clientId))).toEqual(new Set(['sls-node']));
  });

  it.skipIf(!go.path || !sarama.path)('Go (sarama 1.22.1, GOPATH mode): builds, every line once, JSON fields, both shards', { timeout: 300_000 }, async () => {
    const dir = folder();
    const runId = newRunId('go');
    const logstore = logstoreFor('clients', runId);
    const { files } = await renderInto(sandbox.app, dir, { logstore, secretMode: 'env', agents: { clients: { languages: ['go'] } } });
    expect(files.map((f) => f.path)).toEqual(['main.go']);
    const gopath = path.join(dir, 'gopath');
    const pkg = path.join(gopath, 'src', 'slsproducer');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(path.join(pkg, 'main.go'), files[0]!.content);
    const buildEnv = { GOPATH: `${gopath}:${SARAMA_SRC}`, GO111MODULE: 'off', GOFLAGS: '', GOCACHE: path.join(dir, 'gocache'), GOPROXY: 'off' };
    const binary = path.join(dir, 'sls-producer');
    const build = await runProcess(go.path!, ['build', '-o', binary, '.'], { cwd: pkg, env: buildEnv, timeoutMs: 240_000 });
    expect(build.code, describeRun(build)).toBe(0);
    const r = await runProcess(binary, [], { cwd: dir, input: jsonLines(runId), env: { SLS_KAFKA_PASSWORD: INTEROP_PASSWORD }, timeoutMs: 60_000 });
    expect(r.code, describeRun(r)).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toEqual({ sent: 200 });
    const records = await expectDelivered(sandbox.app, logstore, runId);
    expect(new Set(records.map((rec) => rec.clientId))).toEqual(new Set(['sls-go']));
  });

  it('the sandbox logged no protocol, TLS or SASL problems', () => {
    expect(sandboxProblems(sandbox.app.output())).toEqual([]);
  });
});
