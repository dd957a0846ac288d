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
}

/** A check-command argument: literal text, or an installed path (prefixed with DESTDIR when set). */
export type InstallArg = string | { path: string };

/** What `install.sh` does for one agent on a Linux host (lib/deploy/host.ts writes the script). */
export interface InstallPlan {
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
  /** The agent's own config check; run with the env file loaded when `withEnv`. */
  check?: { argv: InstallArg[]; withEnv?: boolean };
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
}

/** Undefined from a hook: no script for these options (e.g. collectd's custom OS family). */
export interface AgentDeploy<Options> {
  host?(ctx: RenderContext, options: Options, files: readonly RenderedFile[]): InstallPlan | undefined;
  compose?(ctx: RenderContext, options: Options, files: readonly RenderedFile[]): ComposeSpec | undefined;
}
