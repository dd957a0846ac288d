/**
 * `sls-kafka doctor`: the connection doctor (lib/kafka/client, the same as
 * POST /api/validate) from this host. With settings (file, flags, environment)
 * it runs lib/validation's check: render, read back, then every step against
 * real SLS (the default here: this is the user's own host) or, with
 * `--sandbox HOST:PORT --ca FILE`, against a sandbox standing in for the SLS
 * host. With `--config FILE` it reads an agent's config back (the agent's
 * readBack, what the linter reads) and checks with exactly what the file says.
 * Each step prints as it ends, with its time; a failure names the step, the SLS
 * error and the hint. The password only ever goes into the SASL token.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { agentDefinition, renderSettings, AGENT_IDS, isAgentId, type AgentId, type ProducerSettings, type RenderedFile } from '../../lib/agents';
import { PASSWORD_ENV_VAR } from '../../lib/agents/context';
import { runDoctor, type DoctorTarget, type DoctorTimeouts } from '../../lib/kafka/client/doctor';
import type { Diagnosis } from '../../lib/kafka/client/diagnosis';
import { settingsSchema } from '../../lib/settings/schema';
import { validateSettings, type ValidationResult, type ValidationStep } from '../../lib/validation/validate-settings';
import { CliError, EXIT, errorMessage } from '../errors';
import type { Io } from '../io';
import { accessKeySecret, KEY_ID_ENV, resolveSettings, type SettingsFlags } from '../settings-input';

export interface DoctorFlags extends SettingsFlags {
  sandbox?: string;
  ca?: string;
  config?: string;
  json?: boolean;
  deadline: string;
}

const MAX_CONFIG_BYTES = 1024 * 1024;
const STEP_MS = 5_000;

/** `host:port`, `[v6]:port`. */
export function parseHostPort(value: string, flag: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:\s]+)):(\d{1,5})$/.exec(value.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || !(port >= 1 && port <= 65535)) throw new CliError(`${flag}: “${value}” is not HOST:PORT (e.g. 127.0.0.1:10012).`);
  return { host: (m[1] ?? m[2])!, port };
}

function deadlineOf(value: string): DoctorTimeouts {
  const ms = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!(ms >= 100 && ms <= 120_000)) throw new CliError(`--deadline: “${value}” is not a whole number of milliseconds from 100 to 120000.`);
  return { deadlineMs: ms, stepMs: Math.min(STEP_MS, ms) };
}

function readCa(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`--ca ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'}); give the CA certificate file (the sandbox's is DATA_DIR/sandbox-ca.pem).`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new CliError(`--ca ${file}: not a PEM certificate.`);
  return pem;
}

function stepLine(step: ValidationStep): string {
  return `${step.ok ? 'ok  ' : 'FAIL'}  ${step.name.padEnd(17)} ${`${step.ms.toFixed(1)} ms`.padStart(10)}  ${step.detail}`;
}

function diagnosisLines(step: string | undefined, error: Diagnosis): string[] {
  return [`failed at ${step ?? 'an unknown step'}: ${error.name} (${String(error.code)})`, `hint: ${error.hint}`];
}

/** The agent and config language of a file name, from what the renderers write (e.g. filebeat.yml → beats, yaml). */
function knownFiles(): RenderedFile[] {
  // Any valid settings with every agent: only the file names and languages are used.
  const settings = settingsSchema.parse({
    project: 'example-project',
    logstore: 'example-logstore',
    accessKeyId: 'LTAI5tExampleKeyId000000',
    accessKeySecret: 'ExampleSecret0123456789abcdef0',
    agents: Object.fromEntries(AGENT_IDS.map((id) => [id, {}])),
  });
  return renderSettings(settings).files;
}

function readBackConfig(file: string, agentFlag: string | undefined): ProducerSettings {
  let content: string;
  try {
    if (readFileSync(file).length > MAX_CONFIG_BYTES) throw new CliError(`--config ${file}: larger than 1 MiB; an agent config is a few kB.`);
    content = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`--config ${file}: cannot read it (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const base = path.basename(file);
  const known = knownFiles();
  if (agentFlag !== undefined && !isAgentId(agentFlag)) throw new CliError(`--agent: “${agentFlag}” is not an agent; choose from ${AGENT_IDS.join(', ')}.`);
  const agent: AgentId | undefined = (agentFlag as AgentId | undefined) ?? known.find((f) => f.path === base)?.agent;
  if (!agent) {
    throw new CliError(`--config ${file}: cannot tell which agent reads “${base}”; add --agent (${AGENT_IDS.join(', ')}).`);
  }
  const definition = agentDefinition(agent);
  const own = known.filter((f) => f.agent === agent);
  const candidates = [own.find((f) => f.path === base), ...own].filter((f): f is RenderedFile => f !== undefined);
  for (const candidate of candidates) {
    const rendered: RenderedFile = { agent, path: base, language: candidate.language, content };
    let read: ProducerSettings | undefined;
    try {
      read = definition.readBack(rendered, [rendered]);
    } catch (err) {
      throw new CliError(`--config ${file}: does not parse as ${agent}’s ${candidate.language}: ${errorMessage(err)}`);
    }
    if (read) return read;
  }
  throw new CliError(`--config ${file}: not a ${agent} producer config (no Kafka output found).`);
}

function printReport(io: Io, result: ValidationResult, flags: DoctorFlags, streamed: boolean): number {
  if (flags.json) {
    io.out(JSON.stringify(result, null, 2));
  } else {
    if (!streamed) for (const step of result.steps) io.out(stepLine(step));
    if (result.ok) io.out(`OK: ${result.endpoint} accepted a test record on every shard.`);
    else if (result.error) for (const line of diagnosisLines(result.steps.find((s) => !s.ok)?.name, result.error)) io.out(line);
  }
  return result.ok ? EXIT.ok : EXIT.findings;
}

export async function doctorCommand(io: Io, flags: DoctorFlags): Promise<number> {
  const timeouts = deadlineOf(flags.deadline);
  const caPem = readCa(flags.ca);
  const sandbox = flags.sandbox !== undefined ? parseHostPort(flags.sandbox, '--sandbox') : undefined;
  if (sandbox && caPem === undefined) throw new CliError('--sandbox: give the sandbox CA with --ca FILE (DATA_DIR/sandbox-ca.pem, or GET /api/sandbox/ca).');
  // Text: a line per step as it ends. JSON: the report alone on stdout, progress on stderr when someone watches.
  const progress = flags.json ? (io.isTTY ? io.err : undefined) : io.out;
  const onStep = progress ? (step: ValidationStep) => progress(stepLine(step)) : undefined;

  if (flags.config !== undefined) {
    const read = readBackConfig(flags.config, flags.agent?.[0]);
    return doctorConfig(io, read, { ...flags, sandboxAddress: sandbox, caPem, timeouts, onStep });
  }

  const settings = await resolveSettings(flags, { env: io.env, interactive: io.interactive });
  if (settings.target === 'sandbox' && !sandbox) {
    throw new CliError('--target sandbox: say where the sandbox listens with --sandbox HOST:PORT and its CA with --ca FILE.');
  }
  const target = sandbox ? 'sandbox' : 'sls';
  if (!flags.json) io.out(`doctor: ${settings.project}/${settings.logstore} at ${target === 'sls' ? 'SLS' : `the sandbox ${flags.sandbox}`}, deadline ${timeouts.deadlineMs} ms`);
  const result = await validateSettings(
    { ...settings, target },
    {
      sandbox: sandbox && caPem ? { host: sandbox.host, port: sandbox.port, caPem } : undefined,
      allowLiveCheck: true,
      timeouts,
      onStep,
    },
  );
  return printReport(io, result, flags, onStep !== undefined && !flags.json);
}

interface ConfigRun extends DoctorFlags {
  sandboxAddress: { host: string; port: number } | undefined;
  caPem: string | undefined;
  timeouts: DoctorTimeouts;
  onStep: ((step: ValidationStep) => void) | undefined;
}

async function doctorConfig(io: Io, read: ProducerSettings, run: ConfigRun): Promise<number> {
  const t0 = performance.now();
  const where = `${read.agent}/${read.path}`;
  const endpoint = read.bootstrap ?? '(none)';
  if (!run.json) io.out(`doctor: ${where} → ${endpoint}${run.sandboxAddress ? ` (the sandbox at ${run.sandbox} answering)` : ''}, deadline ${run.timeouts.deadlineMs} ms`);
  const problems: string[] = [];
  const bootstrap = read.bootstrap ? (() => {
    try {
      return parseHostPort(read.bootstrap, 'bootstrap');
    } catch {
      problems.push(`bootstrap server “${read.bootstrap}” is not HOST:PORT`);
      return undefined;
    }
  })() : undefined;
  if (!read.bootstrap) problems.push('no bootstrap server');
  if (!read.topic) problems.push('no topic');
  if (!read.username) problems.push('no SASL username');
  if (read.mechanism !== 'PLAIN') problems.push(`SASL mechanism is ${read.mechanism ?? 'missing'}; SLS takes PLAIN only`);
  if (!read.tls) problems.push('TLS is off; SLS takes TLS only (SASL_SSL)');

  // The password: literal in the file, or the reference the agent resolves from its environment or keystore.
  let password = read.password;
  let passwordSource = 'from the file';
  if (password === undefined) problems.push('no SASL password');
  else if (password.includes('${') || !password.includes('#')) {
    const fromEnv = io.env[PASSWORD_ENV_VAR];
    if (fromEnv) {
      password = fromEnv;
      passwordSource = `from ${PASSWORD_ENV_VAR}`;
    } else {
      const id = run.accessKeyId ?? io.env[KEY_ID_ENV];
      if (!id) {
        throw new CliError(`--config: the file references the password (${PASSWORD_ENV_VAR}); set ${PASSWORD_ENV_VAR}, or the AccessKey ID (--access-key-id or ${KEY_ID_ENV}) and its secret.`);
      }
      password = `${id}#${await accessKeySecret({ env: io.env, interactive: io.interactive })}`;
      passwordSource = 'from the AccessKey you gave';
    }
  }
  const configStep: ValidationStep = {
    name: 'config',
    ok: problems.length === 0,
    ms: Math.round((performance.now() - t0) * 10) / 10,
    detail:
      problems.length === 0
        ? `${where}: bootstrap ${read.bootstrap}, topic ${read.topic}, user ${read.username}, password ${passwordSource}, ${read.codec}, acks=${read.acks}`
        : `${where}: ${problems.join('; ')}`,
  };
  run.onStep?.(configStep);
  if (!configStep.ok || !bootstrap || password === undefined) {
    return printReport(
      io,
      {
        ok: false,
        target: run.sandboxAddress ? 'sandbox' : 'sls',
        endpoint,
        steps: [configStep],
        error: { code: 'CONFIG', name: 'ConfigError', hint: `Fix ${where}: ${problems.join('; ')}. \`sls-kafka lint\` shows each problem with its fix.` },
      },
      run,
      run.onStep !== undefined && !run.json,
    );
  }
  const target: DoctorTarget = run.sandboxAddress
    ? { dialHost: run.sandboxAddress.host, dialPort: run.sandboxAddress.port, serverName: bootstrap.host, ca: run.caPem }
    : { dialHost: bootstrap.host, dialPort: bootstrap.port, serverName: bootstrap.host, ca: run.caPem };
  const report = await runDoctor(
    target,
    { username: read.username!, password, topic: read.topic!, codec: read.codec, acks: read.acks, clientId: `sls-kafka-doctor-${read.agent}` },
    run.timeouts,
    run.onStep,
  );
  return printReport(
    io,
    { ok: report.ok, target: run.sandboxAddress ? 'sandbox' : 'sls', endpoint, steps: [configStep, ...report.steps], ...(report.error ? { error: report.error } : {}) },
    run,
    run.onStep !== undefined && !run.json,
  );
}
