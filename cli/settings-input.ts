/**
 * Where the CLI's settings come from: a settings JSON file (or `-`, stdin) as
 * the wizard's settings.json has it (without the AccessKey), flags over it, the
 * AccessKey ID from `--access-key-id`, SLS_ACCESS_KEY_ID or the file, and the
 * secret only from SLS_ACCESS_KEY_SECRET or a prompt without echo on a TTY:
 * never a flag (argv is visible to every user of the machine in `ps`) and never
 * the settings file (which is meant to be kept with the configs). Parsed with
 * the one settings schema; problems come out per field, as the routes name them.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isAgentId, AGENT_IDS } from '../lib/agents/meta';
import { jsonErrorPosition } from '../lib/http/errors';
import { fieldErrors, settingsSchema, type Settings } from '../lib/settings/schema';
import { CliError, EXIT } from './errors';
import { readSecret } from './prompt';

export const SECRET_ENV = 'SLS_ACCESS_KEY_SECRET';
export const KEY_ID_ENV = 'SLS_ACCESS_KEY_ID';

/** Flags that would put the secret in argv: refused before anything is parsed. */
export const SECRET_FLAGS = ['--access-key-secret', '--accessKeySecret', '--secret', '--password'] as const;

export interface SettingsFlags {
  settings?: string;
  agent?: string[];
  region?: string;
  network?: string;
  hostForm?: string;
  project?: string;
  logstore?: string;
  secretMode?: string;
  target?: string;
  expandJson?: boolean;
  accessKeyId?: string;
}

/** The settings flags every command that renders takes. */
export function addSettingsOptions(cmd: Command): Command {
  return cmd
    .option('--settings <file>', 'settings JSON (the wizard’s settings.json, without the AccessKey); `-` reads stdin')
    .option('--agent <id...>', `render only these agents (${AGENT_IDS.join(', ')}); default: the file’s, else beats`)
    .option('--region <id>', 'SLS region id, e.g. cn-hangzhou')
    .option('--network <type>', 'internet (port 10012) or intranet (port 10011)')
    .option('--host-form <form>', 'project (current host names) or region (the 2019 form)')
    .option('--project <name>', 'SLS project (the SASL username)')
    .option('--logstore <name>', 'SLS Logstore (the Kafka topic)')
    .option('--secret-mode <mode>', 'inline (the secret in the config) or env (a keystore or environment variable)')
    .option('--target <target>', 'sls, or sandbox for the bundled endpoint')
    .option('--expand-json', 'store JSON values as fields')
    .option('--access-key-id <id>', `AccessKey ID (not secret; else ${KEY_ID_ENV} or the settings file). The secret: ${SECRET_ENV} or a prompt`);
}

/** A refusal naming the flag (never echoing its value) for any secret-bearing flag in argv. */
export function secretFlagProblem(argv: readonly string[]): string | undefined {
  const hit = argv.find((a) => SECRET_FLAGS.some((f) => a === f || a.startsWith(`${f}=`)));
  if (!hit) return undefined;
  const flag = hit.split('=')[0];
  return (
    `${flag}: the AccessKey secret is never taken as a flag, since every user of this machine can read a command line (ps, /proc) and shells keep it in their history. ` +
    `Set ${SECRET_ENV} in the environment, or leave it unset on a terminal to be asked without echo. If you already typed the secret on a command line, consider rotating it.`
  );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > MAX_SETTINGS_BYTES) throw new CliError(`--settings -: stdin holds more than ${MAX_SETTINGS_BYTES / 1024} KiB; settings are a few kB.`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The same bound as the routes' bodies: settings are a few kB. */
const MAX_SETTINGS_BYTES = 64 * 1024;

/** The settings file as an object (not yet checked by the schema). */
export async function readSettingsFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  if (file === '-') text = await readStdin();
  else {
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new CliError(`--settings ${file}: cannot read it (${code ?? 'error'}); give the path of a settings JSON file, or - for stdin.`);
    }
    if (text.length > MAX_SETTINGS_BYTES) throw new CliError(`--settings ${file}: larger than ${MAX_SETTINGS_BYTES / 1024} KiB; settings are a few kB, check the file.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Where, never what: the file might hold a secret after all.
    throw new CliError(`--settings ${file}: not valid JSON (${jsonErrorPosition(text)}).`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliError(`--settings ${file}: expected one JSON object of settings, as the wizard’s settings.json.`);
  }
  const obj = parsed as Record<string, unknown>;
  if ('accessKeySecret' in obj) {
    throw new CliError(
      `--settings ${file}: accessKeySecret: the secret does not belong in a settings file (it is kept with the configs); remove it and set ${SECRET_ENV}, or let the command ask for it.`,
    );
  }
  return obj;
}

export interface SecretSource {
  env: NodeJS.ProcessEnv;
  /** Ask on the terminal when the environment has no secret (default: when stdin and stderr are TTYs). */
  interactive: boolean;
}

export async function accessKeySecret(source: SecretSource): Promise<string> {
  const fromEnv = source.env[SECRET_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!source.interactive) {
    throw new CliError(`AccessKey secret: set ${SECRET_ENV} (this is not a terminal, so it cannot be asked for; it is never taken as a flag).`);
  }
  return readSecret('AccessKey secret (not shown): ');
}

/**
 * The settings from file, flags and environment, checked by the schema.
 * Throws CliError (exit 2) listing every field's problem.
 */
export async function resolveSettings(flags: SettingsFlags, source: SecretSource): Promise<Settings> {
  const input: Record<string, unknown> = flags.settings ? await readSettingsFile(flags.settings) : {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) input[key] = value;
  };
  set('region', flags.region);
  set('network', flags.network);
  set('hostForm', flags.hostForm);
  set('project', flags.project);
  set('logstore', flags.logstore);
  set('secretMode', flags.secretMode);
  set('target', flags.target);
  set('expandJson', flags.expandJson);
  if (flags.agent && flags.agent.length > 0) {
    const fromFile = (typeof input.agents === 'object' && input.agents !== null ? input.agents : {}) as Record<string, unknown>;
    const agents: Record<string, unknown> = {};
    for (const id of flags.agent.flatMap((a) => a.split(',')).map((a) => a.trim()).filter(Boolean)) {
      if (!isAgentId(id)) throw new CliError(`--agent: “${id}” is not an agent; choose from ${AGENT_IDS.join(', ')}.`);
      agents[id] = fromFile[id] ?? {};
    }
    input.agents = agents;
  }
  const keyId = flags.accessKeyId ?? source.env[KEY_ID_ENV];
  if (keyId !== undefined && keyId !== '') input.accessKeyId = keyId;
  if (input.accessKeyId === undefined) {
    throw new CliError(`AccessKey ID: give --access-key-id, set ${KEY_ID_ENV}, or put accessKeyId in the settings file.`);
  }
  // Check everything else first, so a typo is reported before anyone is asked for a secret.
  const withoutSecret = settingsSchema.omit({ accessKeySecret: true }).safeParse(input);
  if (!withoutSecret.success) throw settingsProblem(fieldErrors(withoutSecret.error));
  input.accessKeySecret = await accessKeySecret(source);
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) throw settingsProblem(fieldErrors(parsed.error));
  return parsed.data;
}

function settingsProblem(fields: ReturnType<typeof fieldErrors>): CliError {
  const lines = fields.map((f) => `  ${f.field}: ${f.message}`);
  return new CliError(`${fields.length} setting${fields.length === 1 ? '' : 's'} need${fields.length === 1 ? 's' : ''} fixing:\n${lines.join('\n')}`, EXIT.usage);
}
