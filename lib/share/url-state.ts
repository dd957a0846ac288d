/**
 * Share links: the wizard's state in the URL hash (`#s=…`), so it never reaches
 * a server log. Only the values that differ from the defaults are written
 * (agent options too, against that agent's own defaults), and never the
 * AccessKey ID or secret. Reading is forgiving: unknown keys are ignored and
 * every field is checked on its own with the one settings schema, so a link
 * from an older or newer wizard, or one edited by hand, restores what it can.
 *
 * Format: `#s=` + base64url(UTF-8 JSON) of `{ v: 1, region?, network?, …, agents?, platform? }`.
 * `platform` (not a setting: which platform's steps the output shows) is
 * written only when it is not the default, Linux; `deploy` (the output's
 * "Deploy on" choice) only when it is not the default, host.
 * `agents`, when present, lists every chosen agent with its non-default options
 * (`{}` = defaults); when absent the default choice (the agents flagged
 * `defaultSelected` in lib/agents, Beats today, with defaults) applies.
 */
import { AGENT_IDS, DEFAULT_AGENT_CHOICE, type AgentId } from '../agents/meta';
import { agentDefaults, agentSchemaEntry } from '../agents/schemas';
import { settingsSchema, type SettingsInput } from '../settings/schema';
import type { StepPlatform } from '../agents/types';
import { DEFAULT_DEPLOY_TARGET, isDeployTarget, type DeployTarget } from '../deploy/targets';

/** The platforms whose steps the output can show; the first is the default. */
const SHARE_PLATFORMS: readonly StepPlatform[] = ['linux', 'windows', 'docker', 'kubernetes'];

/** What a share link carries besides the settings. */
export interface ShareExtras {
  platform?: StepPlatform;
  deploy?: DeployTarget;
}

export const SHARE_PARAM = 's';
export const SHARE_FORMAT_VERSION = 1;
/** Longer hashes are not from this wizard; refusing them keeps decoding cheap. */
export const MAX_SHARE_HASH_LENGTH = 16_384;

/** Top-level settings a share link carries: everything but the credentials and `agents`. */
const SHARED_FIELDS = ['region', 'network', 'hostForm', 'project', 'logstore', 'secretMode', 'target', 'expandJson'] as const;
type SharedField = (typeof SHARED_FIELDS)[number];

type JsonObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The schema's default of each shared field; project and Logstore start empty in the form. */
const FIELD_DEFAULTS: Readonly<Record<SharedField, unknown>> = Object.fromEntries(
  SHARED_FIELDS.map((field) => {
    const parsed = settingsSchema.shape[field].safeParse(undefined);
    return [field, parsed.success ? parsed.data : ''];
  }),
) as Record<SharedField, unknown>;


/** The options of one agent that differ from its defaults. */
function optionsDiff(id: AgentId, options: unknown): JsonObject {
  if (!isPlainObject(options)) return {};
  const defaults = agentDefaults(id);
  const diff: JsonObject = {};
  for (const key of Object.keys(agentSchemaEntry(id).schema.shape)) {
    const value = options[key];
    if (value === undefined || sameValue(value, defaults[key])) continue;
    diff[key] = value;
  }
  return diff;
}

/**
 * Removes every string that contains a credential (say the secret was pasted
 * into a path field by mistake): a share link must never carry one.
 */
function withoutCredentials(value: unknown, credentials: readonly string[]): unknown {
  if (typeof value === 'string') return credentials.some((c) => value.includes(c)) ? undefined : value;
  if (Array.isArray(value)) {
    const kept = value.map((v) => withoutCredentials(v, credentials));
    return kept.includes(undefined) ? undefined : kept;
  }
  if (isPlainObject(value)) {
    const out: JsonObject = {};
    for (const [key, v] of Object.entries(value)) {
      const kept = withoutCredentials(v, credentials);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  }
  return value;
}

/** The share payload: the non-default values, without credentials. Exposed for tests and the bundle. */
export function sharePayload(values: SettingsInput, extras: ShareExtras = {}): JsonObject {
  const payload: JsonObject = { v: SHARE_FORMAT_VERSION };
  if (extras.platform && extras.platform !== SHARE_PLATFORMS[0] && SHARE_PLATFORMS.includes(extras.platform)) {
    payload.platform = extras.platform;
  }
  if (extras.deploy && extras.deploy !== DEFAULT_DEPLOY_TARGET && isDeployTarget(extras.deploy)) payload.deploy = extras.deploy;
  for (const field of SHARED_FIELDS) {
    const value = values[field];
    if (value === undefined || sameValue(value, FIELD_DEFAULTS[field])) continue;
    payload[field] = value;
  }
  if (isPlainObject(values.agents)) {
    const agents: JsonObject = {};
    for (const id of AGENT_IDS) {
      if (values.agents[id] !== undefined) agents[id] = optionsDiff(id, values.agents[id]);
    }
    if (!sameValue(agents, DEFAULT_AGENT_CHOICE)) payload.agents = agents;
  }
  // Credentials are never read above; this also drops any string that merely contains one.
  const credentials = [values.accessKeyId, values.accessKeySecret].filter(
    (c): c is string => typeof c === 'string' && c.length >= 8,
  );
  return credentials.length > 0 ? (withoutCredentials(payload, credentials) as JsonObject) : payload;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return undefined;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** `#s=…` for the current form values: only what differs from the defaults, never the AccessKey. */
export function shareHash(values: SettingsInput, extras: ShareExtras = {}): string {
  return `#${SHARE_PARAM}=${toBase64Url(JSON.stringify(sharePayload(values, extras)))}`;
}

/** One agent's options from a link: valid fields kept, defaults filled in, cross-field conflicts dropped. */
function readAgentOptions(id: AgentId, raw: JsonObject): JsonObject {
  const { schema } = agentSchemaEntry(id);
  const candidate: JsonObject = {};
  for (const [key, fieldSchema] of Object.entries(schema.shape)) {
    if (!Object.hasOwn(raw, key)) continue;
    const parsed = fieldSchema.safeParse(raw[key]);
    if (parsed.success) candidate[key] = parsed.data;
  }
  // Each field was valid alone; a pair that conflicts (zstd with Beats 8, say) loses the field the schema names.
  for (let round = 0; round <= Object.keys(schema.shape).length; round += 1) {
    const parsed = schema.safeParse(candidate);
    if (parsed.success) return parsed.data as JsonObject;
    const culprits = parsed.error.issues.map((issue) => issue.path[0]).filter((key) => typeof key === 'string' && key in candidate);
    if (culprits.length === 0) break;
    for (const key of culprits) delete candidate[key as string];
  }
  return agentDefaults(id);
}

/**
 * The settings a share hash restores, or null when there is no share hash or
 * it cannot be decoded at all. Unknown keys and invalid values are skipped one
 * by one; credentials are never read from a link.
 */
export function readShareHash(hash: string): Partial<SettingsInput> | null {
  const payload = decodePayload(hash);
  if (!payload) return null;
  return restoreSettings(payload);
}

/** What a share hash carries besides the settings (the platform of the steps, the "Deploy on" choice); empty when nothing valid. */
export function readShareExtras(hash: string): ShareExtras {
  const payload = decodePayload(hash);
  const extras: ShareExtras = {};
  const platform = payload?.platform;
  if (typeof platform === 'string' && (SHARE_PLATFORMS as readonly string[]).includes(platform)) extras.platform = platform as StepPlatform;
  if (isDeployTarget(payload?.deploy)) extras.deploy = payload.deploy;
  return extras;
}

function decodePayload(hash: string): JsonObject | null {
  if (typeof hash !== 'string' || hash.length === 0 || hash.length > MAX_SHARE_HASH_LENGTH) return null;
  const encoded = new URLSearchParams(hash.replace(/^#/, '')).get(SHARE_PARAM);
  if (!encoded) return null;
  const json = fromBase64Url(encoded);
  if (json === undefined) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return null;
  }
  return isPlainObject(payload) ? payload : null;
}

function restoreSettings(payload: JsonObject): Partial<SettingsInput> {
  const restored: JsonObject = {};
  for (const field of SHARED_FIELDS) {
    if (!Object.hasOwn(payload, field)) continue;
    const parsed = settingsSchema.shape[field].safeParse(payload[field]);
    if (parsed.success) restored[field] = parsed.data;
  }
  if (Object.hasOwn(payload, 'agents') && isPlainObject(payload.agents)) {
    const agents: JsonObject = {};
    for (const id of AGENT_IDS) {
      const raw = Object.hasOwn(payload.agents, id) ? payload.agents[id] : undefined;
      if (isPlainObject(raw)) agents[id] = readAgentOptions(id, raw);
    }
    restored.agents = agents;
  }
  // Every value above went through its own schema field, so it has the input type.
  return restored as Partial<SettingsInput>;
}
