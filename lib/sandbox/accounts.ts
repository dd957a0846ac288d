/**
 * Which SLS projects, Logstores and AccessKeys the sandbox endpoint knows, and
 * how a Produce/Metadata topic resolves against them — with SLS's answers.
 *
 * Open mode (default): any well-formed project and AccessKey is accepted; every
 * well-formed Logstore exists with SANDBOX_SHARDS shards (default 2); a project has
 * no fixed region, so any SLS region named by the TLS SNI host is accepted.
 * Strict mode (SANDBOX_CONFIG names a YAML file): only the listed projects,
 * Logstores and AccessKeys exist, a key may write only where its `allow` patterns
 * say, and an SLS host must name the project's region.
 *
 * SLS accepts the SASL login and refuses at Metadata/Produce time (seed error
 * table: a bad AccessKey shows up as TopicAuthorizationException), so the login
 * check rejects only credentials that cannot be parsed, and `resolveTopic` applies
 * Kafka's precedence (KafkaApis.handleProduceRequest @2.1.1): authorization (29)
 * before existence (3).
 *
 * Decisions where SLS documents nothing:
 * - A topic that is not a valid Logstore name is UNKNOWN_TOPIC_OR_PARTITION (3),
 *   not INVALID_TOPIC_EXCEPTION (17): to SLS it is simply a Logstore that does not exist.
 * - The project prefix of an SLS host (`<project>.<region>.log.aliyuncs.com`) must be
 *   the SASL username, in both modes: SLS routes by that host, so a config whose host
 *   and username name different projects is broken even when the sandbox could serve it.
 * - An SLS host naming a region that lib/sls does not know is 3 in both modes (real
 *   SLS has no such endpoint); no SNI, or a non-SLS name (localhost, an IP, the
 *   sandbox's public host) is accepted in both modes, since users dial the sandbox directly.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { getScalarValue, load, parseEvents, EVENT_ID, YAMLException, type Event } from 'js-yaml';
import { z } from 'zod';
import { regionFromHost } from '../sls/endpoints';
import { findRegion } from '../sls/regions';
import {
  LOGSTORE_RULE,
  PROJECT_RULE,
  accessKeyIdProblem,
  accessKeySecretProblem,
  nameProblem,
} from '../settings/names';

/** Who authenticated on a connection: the SASL PLAIN username and the parsed password. */
export interface Principal {
  /** The SASL username, which SLS reads as the project. */
  project: string;
  accessKeyId: string;
  /** SHA-256 of the AccessKey secret (hex): the secret itself is not kept, so a logged principal leaks nothing. */
  secretSha256: string;
  /** Why SLS would refuse this key's shape (open mode answers 29 for it), or undefined. */
  keyProblem?: string;
}

export type LoginResult = { ok: true; principal: Principal } | { ok: false; message: string };

export type TopicResolution =
  | { ok: true; project: string; logstore: string; shards: number; expandJson: boolean }
  | { ok: false; errorCode: 29 | 3; reason: string };

export interface SandboxAccounts {
  mode: 'open' | 'strict';
  /** SASL PLAIN check. Kafka/SLS accept the login and reject at Metadata/Produce time, so this only rejects malformed credentials (password not `id#secret`, empty parts). */
  checkLogin(username: string, password: string): LoginResult;
  /** SLS semantics for one topic, in Kafka's precedence: authorization (TOPIC_AUTHORIZATION_FAILED 29: unknown key, wrong secret, key not allowed on project/logstore) before existence (UNKNOWN_TOPIC_OR_PARTITION 3: unknown project, unknown logstore, or project region ≠ the region named by the TLS SNI host). */
  resolveTopic(principal: Principal, topic: string, sniHost: string | undefined): TopicResolution;
  /** Logstores a project is known to have (strict mode: the configured ones; open mode: none, since every name exists on first use). For Metadata requests that ask for all topics. */
  knownLogstores(project: string): Array<{ name: string; shards: number }>;
}

export const DEFAULT_SHARDS = 2;
export const MAX_SHARDS = 64;
/** The topic suffix that makes SLS expand a JSON value into fields (docs/sls.md#json-parsing). */
export const JSON_TOPIC_SUFFIX = '.json';
/** A config file larger than this is certainly not a hand-written accounts file. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** A problem with SANDBOX_CONFIG or SANDBOX_SHARDS; the message says where and what to change. */
export class SandboxConfigError extends Error {
  override name = 'SandboxConfigError';
  constructor(
    message: string,
    readonly issues: ReadonlyArray<{ line: number | undefined; path: string; message: string }> = [],
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------
// The strict-mode file

const SHARDS_MESSAGE = `expected a whole number 1–${MAX_SHARDS}`;

/** names.ts messages start with the field label ("Project: …"); the config error names the field by its path instead. */
function withoutLabel(problem: string): string {
  return problem.replace(/^[A-Za-z ]+: /, '');
}

const text = (what: string) => z.string({ error: `expected ${what} as text` });

const projectName = text('a project name').check((ctx) => {
  const p = nameProblem(ctx.value, PROJECT_RULE);
  if (p) ctx.issues.push({ code: 'custom', message: withoutLabel(p), input: ctx.value });
});

const logstoreName = text('a Logstore name').check((ctx) => {
  const p = nameProblem(ctx.value, LOGSTORE_RULE);
  if (p) ctx.issues.push({ code: 'custom', message: withoutLabel(p), input: ctx.value });
});

const regionId = text('a region id').check((ctx) => {
  if (!findRegion(ctx.value)) {
    ctx.issues.push({
      code: 'custom',
      message: `“${ctx.value}” is not an SLS region id; use one such as cn-hangzhou or ap-southeast-1`,
      input: ctx.value,
    });
  }
});

const PATTERN = /^([a-z0-9*-]+)\/([a-z0-9_*-]+)$/;

const allowPattern = text('a “project/logstore” pattern').check((ctx) => {
  if (!PATTERN.test(ctx.value)) {
    ctx.issues.push({
      code: 'custom',
      message: `“${ctx.value}” is not a “project/logstore” pattern; write for example “test-project-1/*” (* matches any characters)`,
      input: ctx.value,
    });
  }
});

const mapping = (fields: string) =>
  ({
    error: (issue: { code: string; keys?: string[] }) =>
      issue.code === 'unrecognized_keys' ? undefined : `expected a mapping with ${fields}`,
  }) as const;

const logstoreSchema = z.strictObject(
  {
    name: logstoreName,
    shards: z
      .number({ error: SHARDS_MESSAGE })
      .int({ error: SHARDS_MESSAGE })
      .min(1, { error: SHARDS_MESSAGE })
      .max(MAX_SHARDS, { error: SHARDS_MESSAGE }),
  },
  mapping('name and shards'),
);

const projectSchema = z.strictObject(
  {
    name: projectName,
    region: regionId,
    logstores: z
      .array(logstoreSchema, { error: 'expected a list of Logstores' })
      .min(1, { error: 'list at least one Logstore' }),
  },
  mapping('name, region and logstores'),
);

const accessKeySchema = z.strictObject(
  {
    id: text('an AccessKey ID').check((ctx) => {
      const p = accessKeyIdProblem(ctx.value);
      if (p) ctx.issues.push({ code: 'custom', message: withoutLabel(p), input: ctx.value });
    }),
    secret: text('an AccessKey secret').check((ctx) => {
      const p = accessKeySecretProblem(ctx.value);
      if (p) ctx.issues.push({ code: 'custom', message: withoutLabel(p), input: ctx.value });
    }),
    allow: z
      .array(allowPattern, { error: 'expected a list of “project/logstore” patterns' })
      .min(1, { error: 'list at least one “project/logstore” pattern' }),
  },
  mapping('id, secret and allow'),
);

export const sandboxConfigSchema = z
  .strictObject(
    {
      projects: z
        .array(projectSchema, { error: 'expected a list of projects' })
        .min(1, { error: 'list at least one project' }),
      accessKeys: z
        .array(accessKeySchema, { error: 'expected a list of AccessKeys' })
        .min(1, { error: 'list at least one AccessKey' }),
    },
    mapping('projects and accessKeys'),
  )
  .check((ctx) => {
    const { projects, accessKeys } = ctx.value;
    const firstIndex = new Map<string, number>();
    projects.forEach((p, i) => {
      const prev = firstIndex.get(p.name);
      if (prev !== undefined) {
        ctx.issues.push({
          code: 'custom',
          path: ['projects', i, 'name'],
          message: `project “${p.name}” is already listed at projects[${prev}]`,
          input: p.name,
        });
      } else firstIndex.set(p.name, i);
      const stores = new Map<string, number>();
      p.logstores.forEach((l, j) => {
        const prevStore = stores.get(l.name);
        if (prevStore !== undefined) {
          ctx.issues.push({
            code: 'custom',
            path: ['projects', i, 'logstores', j, 'name'],
            message: `Logstore “${l.name}” is already listed at projects[${i}].logstores[${prevStore}]`,
            input: l.name,
          });
        } else stores.set(l.name, j);
      });
    });
    const keyIndex = new Map<string, number>();
    accessKeys.forEach((k, i) => {
      const prev = keyIndex.get(k.id);
      if (prev !== undefined) {
        ctx.issues.push({
          code: 'custom',
          path: ['accessKeys', i, 'id'],
          message: `this AccessKey ID is already listed at accessKeys[${prev}]`,
          input: k.id,
        });
      } else keyIndex.set(k.id, i);
      k.allow.forEach((pattern, j) => {
        const projectPart = PATTERN.exec(pattern)?.[1] ?? '';
        const re = globToRegExp(projectPart);
        if (!projects.some((p) => re.test(p.name))) {
          ctx.issues.push({
            code: 'custom',
            path: ['accessKeys', i, 'allow', j],
            message: `“${pattern}” matches no project in this file (projects: ${[...new Set(projects.map((p) => p.name))].join(', ')})`,
            input: pattern,
          });
        }
      });
    });
  });

export type SandboxConfig = z.infer<typeof sandboxConfigSchema>;

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/** Zod-style path text: `projects[0].logstores[1].shards`. */
function pathText(p: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of p) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

interface NodePosition {
  /** Offset of the mapping key that holds the node, when it has one. */
  key?: number;
  /** Offset where the node itself starts. */
  value: number;
}

/**
 * Where each node of the document starts, by path, read from js-yaml's event stream
 * (js-yaml 5 has no `listener` option; its events carry source offsets instead).
 */
function nodePositions(source: string, events: readonly Event[]): Map<string, NodePosition> {
  type Frame =
    | { kind: 'doc'; path: PropertyKey[] }
    | { kind: 'seq'; path: PropertyKey[] | null; index: number }
    | { kind: 'map'; path: PropertyKey[] | null; expectingKey: boolean; key: string | null; keyOffset: number };
  const out = new Map<string, NodePosition>();
  const stack: Frame[] = [];
  for (const ev of events) {
    if (ev.type === EVENT_ID.DOCUMENT) {
      stack.push({ kind: 'doc', path: [] });
      continue;
    }
    if (ev.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    const start =
      ev.type === EVENT_ID.SCALAR ? ev.valueStart : ev.type === EVENT_ID.ALIAS ? ev.anchorStart : ev.start;
    const parent = stack[stack.length - 1];
    // The path of this node, or null when it sits inside a complex mapping key (no path can name it).
    let nodePath: PropertyKey[] | null = null;
    let keyOffset: number | undefined;
    if (!parent) continue;
    if (parent.kind === 'doc') nodePath = parent.path;
    else if (parent.kind === 'seq') {
      nodePath = parent.path ? [...parent.path, parent.index] : null;
      parent.index += 1;
    } else if (parent.expectingKey) {
      parent.expectingKey = false;
      parent.key = ev.type === EVENT_ID.SCALAR ? getScalarValue(source, ev) : null;
      parent.keyOffset = start;
      if (ev.type === EVENT_ID.SEQUENCE) stack.push({ kind: 'seq', path: null, index: 0 });
      if (ev.type === EVENT_ID.MAPPING) stack.push({ kind: 'map', path: null, expectingKey: true, key: null, keyOffset: 0 });
      continue;
    } else {
      parent.expectingKey = true;
      nodePath = parent.path && parent.key !== null ? [...parent.path, parent.key] : null;
      keyOffset = parent.keyOffset;
    }
    if (nodePath) {
      const id = pathText(nodePath);
      if (!out.has(id)) out.set(id, { key: keyOffset, value: start });
    }
    if (ev.type === EVENT_ID.SEQUENCE) stack.push({ kind: 'seq', path: nodePath, index: 0 });
    if (ev.type === EVENT_ID.MAPPING) stack.push({ kind: 'map', path: nodePath, expectingKey: true, key: null, keyOffset: 0 });
  }
  return out;
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

function valueAt(root: unknown, p: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = root;
  for (const seg of p) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

/**
 * Parse and validate the strict-mode accounts file. Pure: `fileName` only labels messages.
 * Throws SandboxConfigError whose message names the line and the field of every problem.
 */
export function parseSandboxConfig(source: string, fileName: string): SandboxConfig {
  const where = `sandbox config ${fileName}`;
  let data: unknown;
  let events: Event[];
  try {
    // Aliases are refused: they buy nothing in this file and would let a small file
    // expand into an exponentially large tree for the validator to walk.
    data = load(source, { filename: fileName, maxAliases: 0 });
    events = parseEvents(source, { filename: fileName });
  } catch (err) {
    if (err instanceof YAMLException) {
      const line = err.mark ? err.mark.line + 1 : undefined;
      const reason = /maxAliases/.test(err.reason)
        ? 'aliases (*name) are not supported here; write the values out'
        : err.reason;
      throw new SandboxConfigError(`${where}${line ? ` line ${line}` : ''}: ${reason}`, [
        { line, path: '', message: reason },
      ]);
    }
    throw err;
  }

  const parsed = sandboxConfigSchema.safeParse(data);
  if (parsed.success) return parsed.data;

  const positions = nodePositions(source, events);
  const locate = (p: ReadonlyArray<PropertyKey>): number | undefined => {
    for (let n = p.length; n >= 0; n--) {
      const pos = positions.get(pathText(p.slice(0, n)));
      if (pos) return lineOf(source, n === p.length ? (pos.key ?? pos.value) : pos.value);
    }
    return undefined;
  };

  const issues = parsed.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const expected = expectedKeys(issue.path);
      return issue.keys.map((key) => {
        const p = [...issue.path, key];
        return {
          line: locate(p),
          path: pathText(p),
          message: `unknown field “${key}”${expected ? `; expected ${expected}` : ''}`,
        };
      });
    }
    const missing = issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined && issue.path.length > 0;
    return [
      {
        line: locate(issue.path),
        path: pathText(issue.path),
        message: missing ? 'required field is missing' : issue.message,
      },
    ];
  });
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const lines = issues.map(
    (i) => `${where}${i.line ? ` line ${i.line}` : ''}: ${i.path ? `${i.path}: ` : ''}${i.message}`,
  );
  throw new SandboxConfigError(lines.join('\n'), issues);
}

function expectedKeys(objectPath: ReadonlyArray<PropertyKey>): string | undefined {
  const depth = objectPath.filter((s) => typeof s === 'string');
  const last = depth[depth.length - 1];
  if (objectPath.length === 0) return 'projects, accessKeys';
  if (last === 'projects') return 'name, region, logstores';
  if (last === 'logstores') return 'name, shards';
  if (last === 'accessKeys') return 'id, secret, allow';
  return undefined;
}

// ---------------------------------------------------------------------------
// Login and topic resolution

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** An AccessKey ID shown in messages: enough to recognise, not the whole key. */
export function maskKeyId(id: string): string {
  return id.length <= 8 ? `${id.slice(0, 2)}…` : `${id.slice(0, 4)}…${id.slice(-4)}`;
}

function parseLogin(username: string, password: string, checkShape: boolean): LoginResult {
  if (username.length === 0) {
    return { ok: false, message: 'The SASL username is empty; set it to the SLS project name.' };
  }
  const parts = password.split('#');
  if (parts.length !== 2) {
    return {
      ok: false,
      message:
        parts.length < 2
          ? 'The SASL password must be “AccessKeyId#AccessKeySecret”; it has no “#”.'
          : `The SASL password must be “AccessKeyId#AccessKeySecret” with exactly one “#”; it has ${parts.length - 1}.`,
    };
  }
  const [accessKeyId = '', secret = ''] = parts;
  if (accessKeyId.length === 0) {
    return { ok: false, message: 'The SASL password has nothing before the “#”; put the AccessKey ID there.' };
  }
  if (secret.length === 0) {
    return { ok: false, message: 'The SASL password has nothing after the “#”; put the AccessKey secret there.' };
  }
  const keyProblem = checkShape ? (accessKeyIdProblem(accessKeyId) ?? accessKeySecretProblem(secret)) : undefined;
  const principal: Principal = { project: username, accessKeyId, secretSha256: sha256Hex(secret) };
  if (keyProblem) principal.keyProblem = keyProblem;
  return { ok: true, principal };
}

/** Split a topic into Logstore and JSON expansion, or say why it names no Logstore. */
export function topicToLogstore(topic: string): { logstore: string; expandJson: boolean } | { problem: string } {
  const expandJson = topic.endsWith(JSON_TOPIC_SUFFIX);
  const logstore = expandJson ? topic.slice(0, -JSON_TOPIC_SUFFIX.length) : topic;
  const p = nameProblem(logstore, LOGSTORE_RULE);
  if (p) return { problem: `topic “${topic}” names no Logstore (${withoutLabel(p)})` };
  return { logstore, expandJson };
}

type SniCheck = { ok: true; region: string | undefined } | { ok: false; reason: string };

/** What the TLS SNI host says about project and region; a missing or non-SLS host says nothing. */
function checkSni(project: string, sniHost: string | undefined): SniCheck {
  if (!sniHost) return { ok: true, region: undefined };
  const named = regionFromHost(sniHost);
  if (!named) return { ok: true, region: undefined };
  if (!findRegion(named.region)) {
    return { ok: false, reason: `the endpoint host “${sniHost}” names “${named.region}”, which is not an SLS region` };
  }
  const labels = sniHost.toLowerCase().replace(/\.$/, '').split('.');
  // <project>.<region>.log.aliyuncs.com has 5 labels; the no-prefix form has 4.
  const prefix = labels.length > 4 ? labels.slice(0, labels.length - 4).join('.') : undefined;
  if (prefix !== undefined && prefix !== project) {
    return {
      ok: false,
      reason: `the endpoint host “${sniHost}” is for project “${prefix}” but the SASL username is “${project}”`,
    };
  }
  return { ok: true, region: named.region };
}

export function openAccounts(shards: number = DEFAULT_SHARDS): SandboxAccounts {
  return {
    mode: 'open',
    checkLogin: (username, password) => parseLogin(username, password, true),
    resolveTopic(principal, topic, sniHost) {
      if (principal.keyProblem) return { ok: false, errorCode: 29, reason: principal.keyProblem };
      const projectProblem = nameProblem(principal.project, PROJECT_RULE);
      if (projectProblem) {
        return {
          ok: false,
          errorCode: 3,
          reason: `project “${principal.project}” cannot exist: ${withoutLabel(projectProblem)}`,
        };
      }
      const sni = checkSni(principal.project, sniHost);
      if (!sni.ok) return { ok: false, errorCode: 3, reason: sni.reason };
      const t = topicToLogstore(topic);
      if ('problem' in t) return { ok: false, errorCode: 3, reason: t.problem };
      return { ok: true, project: principal.project, logstore: t.logstore, shards, expandJson: t.expandJson };
    },
    knownLogstores: () => [],
  };
}

export function strictAccounts(config: SandboxConfig): SandboxAccounts {
  const projects = new Map(
    config.projects.map((p) => [p.name, { region: p.region, logstores: new Map(p.logstores.map((l) => [l.name, l.shards])) }]),
  );
  const keys = new Map(
    config.accessKeys.map((k) => [
      k.id,
      {
        secretSha256: Buffer.from(sha256Hex(k.secret), 'hex'),
        allow: k.allow.map((pattern) => {
          const m = PATTERN.exec(pattern);
          return { pattern, project: globToRegExp(m?.[1] ?? ''), logstore: globToRegExp(m?.[2] ?? '') };
        }),
      },
    ]),
  );
  return {
    mode: 'strict',
    checkLogin: (username, password) => parseLogin(username, password, false),
    resolveTopic(principal, topic, sniHost) {
      // Authorization first (29), as Kafka and SLS order it.
      const key = keys.get(principal.accessKeyId);
      const shownId = maskKeyId(principal.accessKeyId);
      if (!key) return { ok: false, errorCode: 29, reason: `AccessKey ID ${shownId} is not listed in the sandbox config` };
      if (!timingSafeEqual(key.secretSha256, Buffer.from(principal.secretSha256, 'hex'))) {
        return { ok: false, errorCode: 29, reason: `the AccessKey secret does not belong to AccessKey ID ${shownId}` };
      }
      const t = topicToLogstore(topic);
      const target = `${principal.project}/${'problem' in t ? topic : t.logstore}`;
      const allowed = key.allow.some(
        (a) => a.project.test(principal.project) && a.logstore.test('problem' in t ? topic : t.logstore),
      );
      if (!allowed) {
        return {
          ok: false,
          errorCode: 29,
          reason: `AccessKey ID ${shownId} may not write to ${target} (allowed: ${key.allow.map((a) => a.pattern).join(', ')})`,
        };
      }
      // Then existence (3).
      const project = projects.get(principal.project);
      if (!project) return { ok: false, errorCode: 3, reason: `project “${principal.project}” does not exist in the sandbox config` };
      const sni = checkSni(principal.project, sniHost);
      if (!sni.ok) return { ok: false, errorCode: 3, reason: sni.reason };
      if (sni.region !== undefined && sni.region !== project.region) {
        return {
          ok: false,
          errorCode: 3,
          reason: `project “${principal.project}” is in ${project.region}, but the endpoint host “${sniHost}” is for ${sni.region}`,
        };
      }
      if ('problem' in t) return { ok: false, errorCode: 3, reason: t.problem };
      const shards = project.logstores.get(t.logstore);
      if (shards === undefined) {
        return { ok: false, errorCode: 3, reason: `Logstore “${t.logstore}” does not exist in project “${principal.project}”` };
      }
      return { ok: true, project: principal.project, logstore: t.logstore, shards, expandJson: t.expandJson };
    },
    knownLogstores(projectName) {
      const project = projects.get(projectName);
      return project ? [...project.logstores].map(([name, shards]) => ({ name, shards })) : [];
    },
  };
}

/** Parse SANDBOX_SHARDS (open mode's shard count per Logstore). */
export function shardsFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_SHARDS;
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SHARDS) {
    throw new SandboxConfigError(`SANDBOX_SHARDS: ${SHARDS_MESSAGE}, got “${value}”.`);
  }
  return n;
}

/** The environment variables the account model reads: SANDBOX_CONFIG and SANDBOX_SHARDS. */
export type SandboxAccountsEnv = Readonly<Record<string, string | undefined>>;

/**
 * The account model from the environment: strict when SANDBOX_CONFIG names a file,
 * open otherwise. I/O: reads that file. Throws SandboxConfigError on any problem,
 * so start-up stops with a message naming the line and field.
 */
export function loadAccounts(env: SandboxAccountsEnv = process.env): SandboxAccounts {
  const configFile = env.SANDBOX_CONFIG?.trim();
  if (!configFile) return openAccounts(shardsFromEnv(env.SANDBOX_SHARDS));
  const file = path.resolve(configFile);
  let source: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_CONFIG_BYTES) {
      throw new SandboxConfigError(`sandbox config ${file}: the file has ${size} bytes; an accounts file is at most 1 MiB.`);
    }
    source = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof SandboxConfigError) throw err;
    const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
    const why =
      code === 'ENOENT'
        ? 'the file does not exist'
        : code === 'EACCES'
          ? 'the file cannot be read (permissions)'
          : code === 'EISDIR'
            ? 'it is a directory'
            : messageOf(err);
    throw new SandboxConfigError(`sandbox config ${file}: ${why}; SANDBOX_CONFIG must name a readable YAML file (unset it for open mode).`);
  }
  return strictAccounts(parseSandboxConfig(source, file));
}
