/**
 * `sls-kafka render` and `sls-kafka bundle`, run as child processes: the files
 * they write are byte for byte what POST /api/render answers and what the
 * wizard's Download button zips (the same builder, lib/bundle) for the same
 * settings; the secret comes only from the environment and shows up only in
 * the configs that must hold it; bad input exits 2 naming the field.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSettings, type RenderedFile } from '@/lib/agents';
import { AGENT_IDS } from '@/lib/agents/meta';
import { README_PATH, settingsJsonWithoutCredentials } from '@/lib/bundle';
import { fullBundleEntries, kubernetesEntries } from '@/lib/bundle/kubernetes';
import { zipBundle } from '@/lib/bundle/zip';
import { deployFiles } from '@/lib/deploy';
import { parseRuntimeConfig } from '@/lib/sandbox/config';
import { sandboxTarget } from '@/lib/sandbox/target';
import { settingsSchema, type Settings, type SettingsInput } from '@/lib/settings/schema';
import { runCli } from '../support/cli';
import { describeRun } from '../support/kafka-clients';
import { startSandboxApp, type SandboxApp } from '../support/sandbox-app';
import { EXAMPLE_INPUT } from '../support/settings';

const SECRET = EXAMPLE_INPUT.accessKeySecret;
const ALL_AGENTS = Object.fromEntries(AGENT_IDS.map((id) => [id, {}]));

let app: SandboxApp;
let dir: string;
let cliEnv: Record<string, string>;

beforeAll(async () => {
  app = await startSandboxApp();
  dir = mkdtempSync(path.join(tmpdir(), 'cli-render-'));
  // What the app was started with, so /api/render and the CLI advertise the same sandbox address.
  cliEnv = { SANDBOX_PORT: String(app.sandboxPort), SANDBOX_PUBLIC_HOST: 'localhost', SLS_ACCESS_KEY_SECRET: SECRET };
}, 120_000);

afterAll(async () => {
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The settings file a user keeps: the wizard's settings.json plus the (not secret) AccessKey ID. */
function settingsFile(name: string, settings: Settings): string {
  const file = path.join(dir, `${name}.json`);
  const { accessKeySecret: _s, ...rest } = settings;
  writeFileSync(file, JSON.stringify(rest));
  return file;
}

async function apiRender(settings: Settings): Promise<RenderedFile[]> {
  const res = await fetch(`${app.url}/api/render`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { files: RenderedFile[] }).files;
}

function walk(root: string, sub = ''): string[] {
  return readdirSync(path.join(root, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(root, path.posix.join(sub, e.name)) : [path.posix.join(sub, e.name)],
  );
}

const CASES: Array<{ name: string; input: Partial<SettingsInput>; ca: boolean }> = [
  { name: 'sls-inline', input: { agents: ALL_AGENTS }, ca: false },
  { name: 'sls-env-intranet', input: { agents: ALL_AGENTS, secretMode: 'env', network: 'intranet', region: 'cn-shanghai', expandJson: true }, ca: false },
  { name: 'sandbox', input: { agents: ALL_AGENTS, target: 'sandbox' }, ca: true },
];

describe.each(CASES)('$name', ({ name, input, ca }) => {
  const settings = settingsSchema.parse({ ...EXAMPLE_INPUT, ...input });
  const caArgs = () => (ca ? ['--ca', app.caFile] : []);

  it('render --out DIR writes exactly /api/render’s files, a folder per agent, with STEPS.md and settings.json', async () => {
    const out = path.join(dir, `render-${name}`);
    const run = await runCli(['render', '--settings', settingsFile(name, settings), '--wizard-url', app.url, '--out', out, ...caArgs()], { env: cliEnv });
    expect(run.code, describeRun(run)).toBe(0);

    const api = await apiRender(settings);
    expect(api.length).toBeGreaterThanOrEqual(AGENT_IDS.length);
    for (const file of api) expect(readFileSync(path.join(out, file.agent, file.path), 'utf8'), `${file.agent}/${file.path}`).toBe(file.content);
    const config = parseRuntimeConfig(cliEnv);
    // Deploy on host (the default): no kubernetes/ folder although per-node agents are chosen.
    const k8s = await kubernetesEntries({ settings, renderOptions: { sandbox: sandboxTarget(app.url, config) }, sandboxCaPem: ca ? readFileSync(app.caFile, 'utf8') : undefined });
    expect(k8s.length).toBeGreaterThan(0);
    expect(existsSync(path.join(out, 'kubernetes'))).toBe(false);
    // Plus the host's deploy files (issue 16): the install scripts of the agents that have them, no compose.yaml.
    const deploy = deployFiles(settings, { files: [], steps: [] }).filter((f) => f.kind === 'host').map((f) => `${f.agent}/${f.path}`);
    expect(deploy).toContain('collectd/install.sh');
    const expected = [...api.map((f) => `${f.agent}/${f.path}`), ...deploy, 'STEPS.md', 'settings.json', ...(ca ? ['sls-sandbox-ca.pem'] : [])].sort();
    expect(walk(out).sort()).toEqual(expected);
    expect(readFileSync(path.join(out, 'settings.json'), 'utf8')).toBe(settingsJsonWithoutCredentials(settings));

    // The secret only where a config must hold it, and those files owner-only.
    for (const rel of walk(out)) {
      const content = readFileSync(path.join(out, rel), 'utf8');
      const apiFile = api.find((f) => `${f.agent}/${f.path}` === rel);
      const k8sSecret = /^kubernetes\/[a-z-]+\/secret\.yaml$/.test(rel);
      expect(content.includes(SECRET), rel).toBe(apiFile ? apiFile.content.includes(SECRET) : k8sSecret);
      if (content.includes(SECRET)) expect(statSync(path.join(out, rel)).mode & 0o077, rel).toBe(0);
    }
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it('bundle --out FILE.zip: the same bytes as the browser’s builder (fullBundleEntries + zipBundle), and the same files as render', async () => {
    const zip = path.join(dir, `${name}.zip`);
    const args = ['bundle', '--settings', settingsFile(name, settings), '--wizard-url', app.url, '--out', zip, ...caArgs()];
    const run = await runCli(args, { env: cliEnv });
    expect(run.code, describeRun(run)).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(SECRET);

    const config = parseRuntimeConfig(cliEnv);
    const renderOptions = { sandbox: sandboxTarget(app.url, config) };
    const result = renderSettings(settings, renderOptions);
    const sandboxCaPem = ca ? readFileSync(app.caFile, 'utf8') : undefined;
    const browserEntries = await fullBundleEntries({ result, settings, renderOptions, sandboxCaPem });
    // Deploy on host (the default of both): install scripts, no manifests.
    expect(browserEntries.some((e) => e.path.startsWith('kubernetes/'))).toBe(false);
    // The deploy files (issue 16) come from the shared builder on both paths.
    for (const deployFile of ['collectd/install.sh', 'rsyslog/install.sh', 'fluentbit/install.sh']) {
      expect(browserEntries.map((e) => e.path), deployFile).toContain(deployFile);
    }
    const browser = await zipBundle(browserEntries);
    const written = readFileSync(zip);
    expect(Buffer.compare(written, Buffer.from(browser))).toBe(0);

    // Reproducible: a second run gives the same bytes.
    const again = path.join(dir, `${name}-again.zip`);
    const run2 = await runCli(args.map((a) => (a === zip ? again : a)), { env: cliEnv });
    expect(run2.code, describeRun(run2)).toBe(0);
    expect(Buffer.compare(readFileSync(again), written)).toBe(0);

    // The zip's entries are render's files (README.md there is STEPS.md here).
    const entries = unzipSync(new Uint8Array(written));
    expect(Object.keys(entries).sort()).toEqual(browserEntries.map((e) => e.path).sort());
    const out = path.join(dir, `render-${name}`);
    for (const [entry, bytes] of Object.entries(entries)) {
      const rel = entry === README_PATH ? 'STEPS.md' : entry;
      expect(readFileSync(path.join(out, rel), 'utf8'), entry).toBe(strFromU8(bytes));
    }

    // --deploy kubernetes|docker: the same bytes as the browser's zip for that choice.
    for (const deploy of ['kubernetes', 'docker'] as const) {
      const other = path.join(dir, `${name}-${deploy}.zip`);
      const runOther = await runCli([...args.map((a) => (a === zip ? other : a)), '--deploy', deploy], { env: cliEnv });
      expect(runOther.code, describeRun(runOther)).toBe(0);
      const expected = await fullBundleEntries({ result, settings, renderOptions, sandboxCaPem, deploy });
      if (deploy === 'kubernetes') expect(expected.some((e) => e.path.startsWith('kubernetes/fluentbit/'))).toBe(true);
      expect(expected.some((e) => /\/install(-[a-z]+)?\.(sh|ps1)$/.test(e.path)), deploy).toBe(false);
      expect(Buffer.compare(readFileSync(other), Buffer.from(await zipBundle(expected))), deploy).toBe(0);
    }
  });

  it('bundle --deploy: refuses a target that is not host, kubernetes or docker', async () => {
    const run = await runCli(['bundle', '--settings', settingsFile(name, settings), '--deploy', 'swarm', '--out', path.join(dir, 'x.zip')], { env: cliEnv });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--deploy.*swarm|swarm.*--deploy|Allowed choices are host, kubernetes, docker/);
  });
});

describe('bad input: exit 2, the field named, the secret never echoed', () => {
  const base = ['render', '--out', '/nonexistent-never-written', '--access-key-id', EXAMPLE_INPUT.accessKeyId];

  it('a bad project and Logstore name each field, as the routes do', async () => {
    const run = await runCli([...base, '--project', 'Bad_Project', '--logstore', 'x'], { env: { SLS_ACCESS_KEY_SECRET: SECRET } });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(/^\s+project: Project: /m);
    expect(run.stderr).toMatch(/^\s+logstore: Logstore: /m);
  });

  it('an unknown field in the settings file is named', async () => {
    const file = path.join(dir, 'unknown-field.json');
    writeFileSync(file, JSON.stringify({ project: 'test-project-1', logstore: 'test-logstore-1', colour: 'blue' }));
    const run = await runCli([...base, '--settings', file], { env: { SLS_ACCESS_KEY_SECRET: SECRET } });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(/colour/);
  });

  it('--access-key-secret is refused with the reason, without echoing the value', async () => {
    const run = await runCli([...base, '--project', 'test-project-1', '--logstore', 'test-logstore-1', `--access-key-secret=${SECRET}`]);
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(/--access-key-secret: the AccessKey secret is never taken as a flag/);
    expect(run.stderr).toMatch(/SLS_ACCESS_KEY_SECRET/);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it('a secret in the settings file is refused', async () => {
    const file = path.join(dir, 'with-secret.json');
    writeFileSync(file, JSON.stringify({ ...EXAMPLE_INPUT }));
    const run = await runCli([...base, '--settings', file]);
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(/accessKeySecret: the secret does not belong in a settings file/);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  it('no secret and no terminal: exit 2 naming SLS_ACCESS_KEY_SECRET', async () => {
    const run = await runCli([...base, '--project', 'test-project-1', '--logstore', 'test-logstore-1']);
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(/set SLS_ACCESS_KEY_SECRET/);
  });

  it('settings from stdin (`--settings -`), and a JSON error says where, not what', async () => {
    const run = await runCli([...base, '--settings', '-'], { input: '{"project": "test-project-1", "logstore": ', env: { SLS_ACCESS_KEY_SECRET: SECRET } });
    expect(run.code, describeRun(run)).toBe(2);
    expect(run.stderr).toMatch(/not valid JSON \(line 1, column \d+/);
  });

  it('an unknown flag and a missing command are usage errors; --help is not', async () => {
    expect((await runCli(['render', '--no-such-flag'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
    for (const cmd of ['render', 'bundle', 'lint', 'doctor', 'sandbox']) {
      const help = await runCli([cmd, '--help']);
      expect(help.code, describeRun(help)).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`Usage: sls-kafka ${cmd}`));
    }
    const top = await runCli(['--help']);
    expect(top.stdout).toMatch(/Exit codes:/);
  });
});
