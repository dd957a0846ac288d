/**
 * The shape of one agent, as every agent folder (lib/agents/<id>/) exports it,
 * and what renderers produce. Three layers, so each bundle loads only what it
 * needs:
 * - `AgentMeta`: plain data (meta.json), for the page's first load: id, group,
 *   names, whether it is chosen by default.
 * - `AgentSchemaEntry`: plus the options schema, the form's rules for it and
 *   the option-section strings (loaded a moment after the page).
 * - `AgentDefinition`: plus the renderer and the read-back (server, preview).
 * Adding an agent: one folder (meta.json, entry.ts, index.ts and what they
 * use), one id in lib/agents/meta.ts's AGENT_IDS plus one line in each of
 * meta.ts, schemas.ts and index.ts.
 */
import type { z } from 'zod';
import type { ConfigLanguage } from '../config-languages';
import type { Codec } from './common/codecs';
import type { RenderContext } from './context';
import type { AgentId } from './meta';
import type { Message } from '../i18n/core';
import type { K8sObjects } from '../deploy/k8s/objects';

export type { AgentId } from './meta';
export type { ConfigLanguage } from '../config-languages';

/** What an agent collects, for grouping in lists. */
export type AgentGroup = 'logs' | 'metrics' | 'code';

/** `Readonly<Record<option, …>>` keyed by option name. */
type PerOption<T> = Readonly<Record<string, T>>;

export interface AgentMeta<Id extends string = string> {
  id: Id;
  group: AgentGroup;
  /** The short name, the same in both languages (tabs, headings, the status line). */
  title: string;
  /** The name on the agent's checkbox, in both languages. */
  label: Message;
  /** Chosen (with its defaults) when nothing else is said: a fresh form, a share link without agents. */
  defaultSelected?: boolean;
}

export type ChoiceValue = string | number;

export interface AgentForm {
  /** Display order for choices whose schema loses it (zod enums of numeric-looking strings reorder). */
  order: PerOption<readonly ChoiceValue[]>;
  /** Options shown only when this returns true for the agent's (defaults-filled) options. */
  relevant: PerOption<(options: Readonly<Record<string, unknown>>) => boolean>;
}

/** The option sections' strings, loaded with them (not in the first load). */
export interface AgentTexts {
  /** One line under the section's legend. */
  intro: Message;
  /** Each option's label (also for the status line, which speaks once the schemas have loaded). */
  labels: PerOption<Message>;
  /** Help text per option. */
  help: PerOption<Message>;
  /** Choice labels per option and value; absent values fall back to the shared ones, then the raw value. */
  choices?: PerOption<Readonly<Record<string, Message>>>;
}

export interface AgentSchemaEntry<Id extends string = string, Schema extends z.ZodObject = z.ZodObject> extends AgentMeta<Id> {
  /** The options schema: `{}` means every default. */
  schema: Schema;
  form: AgentForm;
  texts: AgentTexts;
}

export interface RenderedFile {
  agent: AgentId;
  /** File name inside the agent's folder of the bundle, e.g. `filebeat.yml`. */
  path: string;
  language: ConfigLanguage;
  content: string;
}

export interface RenderStep {
  agent: AgentId;
  title: string;
  /** One or two sentences: why this step, what to look for. */
  detail?: string;
  /** Shell commands, each ready to paste. */
  commands?: string[];
  /** `warning`: a known pitfall the user must read. */
  kind?: 'step' | 'warning';
  /**
   * The platforms this step is for; absent = every platform. The wizard shows
   * the steps of the platform the user picked (components/output/step-filter.ts
   * falls back to the step's wording for steps without this tag).
   */
  platforms?: readonly StepPlatform[];
}

/** Where an agent runs, for filtering its steps. */
export type StepPlatform = 'linux' | 'windows' | 'docker' | 'kubernetes';

export interface AgentRender {
  files: RenderedFile[];
  steps: RenderStep[];
}

export interface RenderResult {
  files: RenderedFile[];
  steps: RenderStep[];
}

/** What a rendered file really tells the agent's Kafka producer to do, read back by parsing it. */
export interface ProducerSettings {
  agent: AgentId;
  path: string;
  bootstrap?: string;
  topic?: string;
  username?: string;
  /** The literal password, or the reference the agent resolves (`${SLS_KAFKA_PASSWORD}`, …). */
  password?: string;
  mechanism?: string;
  tls: boolean;
  /** A constant message key (what breaks shard spread), if the file sets one. */
  constantKey?: string;
  codec: Codec;
  acks: -1 | 0 | 1;
}

export interface AgentDefinition<Id extends string = string, Schema extends z.ZodObject = z.ZodObject>
  extends AgentSchemaEntry<Id, Schema> {
  render(ctx: RenderContext, options: z.output<Schema>): AgentRender;
  /**
   * The producer settings of one of this agent's files, or undefined when the
   * file is not a producer config (steps, truststores, JAAS files). `files` is
   * the agent's whole output, for configs that point at a second file.
   */
  readBack(file: RenderedFile, files: readonly RenderedFile[]): ProducerSettings | undefined;
  /**
   * True when this agent may write the AccessKey pair literally even in `env`
   * secret mode (collectd has no way to read an environment variable).
   */
  inlineSecretAlways?: boolean;
  /** Per-node log agents: the Kubernetes objects (Secret, ConfigMap, DaemonSet) from an env-mode context and the agent's env-mode files; undefined when nothing runs per node. */
  kubernetes?: (ctx: RenderContext, options: z.output<Schema>, files: readonly RenderedFile[]) => K8sObjects | undefined;
  /** Optional: how to install the rendered files on a Linux host (install.sh) and in Docker Compose. */
  deploy?: AgentDeploy<z.output<Schema>>;
}

/**
 * One file an install script places: copied from the agent's bundle folder
 * (`source`, relative to it; `../x` for a bundle-root file such as the sandbox
 * CA) or written from `content` (small non-secret files such as a systemd
 * drop-in). Owner, group and mode as the agent's steps name them.
 */
export interface InstallFile {
  dest: string;
  source?: string;
  content?: string;
  owner: string;
  group: string;
  mode: string;
  /** Put this machine's short host name in place of HOSTNAME_HERE (client.id) while placing. */
  hostName?: boolean;
  /** Other names of `group`, tried in order when it does not exist here (Fluentd: `_fluentd` on deb, `fluentd` on rpm). */
  altGroups?: string[];
}

/**
 * A `KEY=value` line (or any line starting with `key`) that must be in a file
 * the script does not own (the Logstash service environment, Fluentd's main
 * config): appended when no line starts with `key`, never rewritten. `line`
 * may hold HOSTNAME_HERE (this host's short name) and RANDOM_HERE (48 random
 * hex digits, for a generated keystore password).
 */
export interface InstallLine {
  /** Candidate files: the first whose folder exists (under DESTDIR); else the last. */
  dest: string[];
  key: string;
  line: string;
  owner: string;
  group: string;
  mode: string;
  /** Source the file (set -a) before the keystore commands and the check. */
  load?: boolean;
}

/**
 * A keystore that takes the password instead of an environment file (Beats,
 * Logstash): created when `file` is missing, the key added from standard input
 * when `list` does not print it (or with --replace-secret), then `file` given
 * owner and mode. Commands run with the `load` lines sourced.
 */
export interface InstallKeystore {
  key: string;
  file: string;
  create: InstallArg[];
  list: InstallArg[];
  /** Reads the value from standard input (never from argv). */
  add: InstallArg[];
  owner: string;
  group: string;
  mode: string;
}

/** A step the script runs only when `unless` (a shell test, DESTDIR-aware) fails: a truststore download, a plugin install. */
export interface InstallAction {
  what: string;
  unless: string;
  run: string;
}

/** A command argument: literal text, an installed path (prefixed with DESTDIR when set), or a program next to the agent's own (logstash-keystore). */
export type InstallArg = string | { path: string } | { sibling: string };

/** What `install.sh` does for one agent on a Linux host (lib/deploy/host.ts writes the script). */
export interface InstallPlan {
  /** With several plans per agent: the script is `install-<scriptName>.sh`. */
  scriptName?: string;
  /** The agent's command, looked up on PATH, e.g. `collectd`; the check's first word when it is the same. */
  binary: string;
  /** Absolute paths tried when `binary` is not on PATH (packages that install under /opt). */
  binaryFallbacks?: string[];
  /** Directories the service needs (state, offsets), created when missing. */
  directories?: { path: string; mode: string }[];
  /** How to install the agent when `binary` is missing. */
  installCommands: string[];
  files: InstallFile[];
  /**
   * Env mode: read the password from standard input into this environment file
   * (`NAME=value`, mode 600), after `extraLines` (non-secret settings the service
   * reads from the same file, such as VECTOR_CONFIG).
   */
  envFile?: { path: string; variable: string; owner: string; group: string; extraLines?: string[] };
  /** Lines ensured in files the script does not own (after the files are placed). */
  lines?: InstallLine[];
  /** Env mode for agents with a keystore: the password goes there, not into an environment file. */
  keystore?: InstallKeystore;
  /** Idempotent extra steps before the check. */
  actions?: InstallAction[];
  /** The agent's own config check; run with the env file loaded when `withEnv`; as `asUser` when root and that user exists. */
  check?: { argv: InstallArg[]; withEnv?: boolean; asUser?: string };
  /** The systemd unit restarted when something changed. */
  service: string;
  /** Printed at the end: how to watch for the first records. */
  watch: string[];
}

/** One Compose service for the agent (lib/deploy/compose.ts writes compose.yaml). */
export interface ComposeSpec {
  service: string;
  image: string;
  /** Where the image tag comes from (a comment in the file). */
  imageNote: string;
  command?: string[];
  /** Read-only bind mounts; `source` relative to the agent's bundle folder. */
  mounts: { source: string; target: string }[];
  /** Env mode: the file the user creates with `NAME=value`; never part of the bundle. */
  envFile?: { path: string; variable: string };
  /** Named (read-write) volumes for the agent's state. */
  volumes?: { name: string; target: string }[];
  user?: string;
  /** More service keys (network_mode, cap_add, pid) as Compose names them. */
  extra?: { network_mode?: string; cap_add?: string[]; pid?: string; ports?: string[]; environment?: Record<string, string> };
  /** Files written next to compose.yaml for this service (a main config the image needs). */
  files?: { name: string; content: string }[];
  /** Comment lines for the file's header (what the image lacks, what to add). */
  notes?: string[];
}

/**
 * A Windows install script (install.ps1) for agents that run as a Windows
 * service (the Beats): files placed under the install folder, the password
 * into the keystore from a secure prompt in env mode, the config test, Restart-Service.
 */
export interface WindowsInstallPlan {
  /** Script file name inside the agent's folder, e.g. `install-winlogbeat.ps1`. */
  scriptName: string;
  title: string;
  /** The install folder, e.g. `C:\\Program Files\\Winlogbeat`. */
  dir: string;
  /** The agent's executable inside `dir`. */
  exe: string;
  service: string;
  /** Files copied from the bundle folder (`source`) into `dir` (`dest`, a file name or relative path). */
  files: { source: string; dest: string; hostName?: boolean }[];
  keystore?: { key: string };
  /** The config file (a `files` dest) that `<exe> test config -c` checks (the script adds the service's --path.data). */
  config: string;
  installHint: string;
}

/** Undefined from a hook: no script for these options (e.g. collectd's custom OS family). */
export interface AgentDeploy<Options> {
  /** One plan gives `install.sh`; several (one per Beat) give `install-<scriptName>.sh` each. */
  host?(ctx: RenderContext, options: Options, files: readonly RenderedFile[]): InstallPlan | InstallPlan[] | undefined;
  windows?(ctx: RenderContext, options: Options, files: readonly RenderedFile[]): WindowsInstallPlan[] | undefined;
  compose?(ctx: RenderContext, options: Options, files: readonly RenderedFile[]): ComposeSpec | ComposeSpec[] | undefined;
}
