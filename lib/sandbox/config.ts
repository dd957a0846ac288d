/**
 * The server's settings from the environment, parsed once with zod: the HTTP
 * port and binding, the sandbox endpoint (port, bind, advertised host/port,
 * shards, accounts file, durability, log level), DATA_DIR, the doctor's
 * limits and the HTTP front door's trust settings (TRUST_PROXY, ALLOWED_HOSTS).
 * Every reader (scripts/server.mjs, the sandbox runtime, pages and routes) takes
 * this object instead of re-reading process.env with its own fallback, so the
 * rendered configs, the inbox and the broker agree on one advertised port.
 * A bad value stops start-up with a message naming the variable and the fix.
 */
import { limitsFromEnv, type BrokerLimits } from '../kafka/broker/limits';
import {
  DEFAULT_LOGSTORE_MAX_BYTES,
  DEFAULT_LOGSTORE_MAX_RECORDS,
  DEFAULT_MAX_BYTES,
  MIN_LOGSTORE_MAX_BYTES,
  MIN_MAX_BYTES,
  type RetentionSettings,
} from './retention';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_SHARDS, MAX_SHARDS } from './accounts';

export const DEFAULT_HTTP_PORT = 3000;
export const DEFAULT_SANDBOX_PORT = 10012;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Environment variables as the process has them (process.env, or a test's own). */
export type ConfigEnv = Readonly<Record<string, string | undefined>>;

export interface RuntimeConfig {
  http: {
    port: number;
    /** Address the HTTP server listens on: the same as the sandbox's (SANDBOX_BIND). */
    bind: string;
    /** Host names (lower case, no port) a request's Host header may carry, besides loopback names. */
    allowedHosts: string[];
    /** Proxies (addresses or CIDR blocks) whose X-Forwarded-For is believed; empty: none. */
    trustProxy: string[];
  };
  sandbox: {
    enabled: boolean;
    port: number;
    bind: string;
    /** Host agents dial (Metadata, certificate, rendered configs). */
    publicHost: string;
    /** Port agents dial: SANDBOX_PUBLIC_PORT, else SANDBOX_PORT. */
    publicPort: number;
    /** SANDBOX_PUBLIC_PORT was set (the broker advertises it instead of its own port). */
    publicPortSet: boolean;
    mode: 'open' | 'strict';
    /** Shards of a Logstore created in open mode. */
    shards: number;
    /** SANDBOX_CONFIG (strict mode's accounts file), or undefined. */
    configFile: string | undefined;
    sync: 'normal' | 'full';
    log: 'quiet' | 'info' | 'debug';
    /** SANDBOX_WORKER: the broker and the store writer on their own thread (default) or on the HTTP thread. */
    worker: boolean;
    /** SANDBOX_MAX_BYTES, SANDBOX_LOGSTORE_MAX_BYTES, SANDBOX_LOGSTORE_MAX_RECORDS. */
    retention: RetentionSettings;
    /** The broker's limits set in the environment (SANDBOX_MAX_CONNECTIONS, …), over its defaults. */
    limits: Partial<BrokerLimits>;
  };
  dataDir: string;
  validate: { allowLiveCheck: boolean; burst: number; perSecond: number; deadlineMs: number };
}

const blank = (v: string | undefined) => v === undefined || v.trim() === '';

/**
 * An optional variable: unset or blank gives `fallback`; otherwise `read`
 * takes the trimmed text and gives the value, or undefined when it is not
 * one, which fails with `problem(raw)` (the message names the variable).
 */
function envVar<T>(fallback: T, read: (value: string) => T | undefined, problem: (raw: string) => string) {
  return z
    .string()
    .optional()
    .transform((v, ctx): T => {
      if (blank(v)) return fallback;
      const value = read(v!.trim());
      if (value === undefined) {
        ctx.addIssue({ code: 'custom', message: problem(v!) });
        return z.NEVER;
      }
      return value;
    });
}

/** A whole number written in digits, within `min`–`max`, or undefined. */
function digitsWithin(s: string, min: number, max: number): number | undefined {
  const n = /^\d+$/.test(s) ? Number(s) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

function port(name: string, fallback: number) {
  return envVar(
    fallback,
    (s) => digitsWithin(s, 0, 65535),
    (v) => `${name}: “${v}” is not a port number (0–65535); set it to a free port such as ${fallback}, or unset it for ${fallback}.`,
  );
}

function wholeNumber(name: string, fallback: number, min: number, max: number) {
  return envVar(
    fallback,
    (s) => digitsWithin(s, min, max),
    (v) => `${name}: expected a whole number ${min}–${max}, got “${v}”; unset it for ${fallback}.`,
  );
}

function oneOf<const T extends readonly string[]>(name: string, values: T, fallback: T[number]) {
  return envVar<T[number]>(
    fallback,
    (s) => values.find((x) => x === s),
    (v) => `${name}: “${v}” is not one of ${values.map((x) => `“${x}”`).join(', ')}; unset it for “${fallback}”.`,
  );
}

const UNITS: Readonly<Record<string, number>> = { '': 1, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3 };

/** A size such as `536870912`, `512MiB` or `64 KiB`. */
function size(name: string, fallback: number, min: number) {
  return envVar(
    fallback,
    (s) => {
      const m = /^(\d+)\s*(KiB|MiB|GiB)?$/i.exec(s);
      const n = m ? Number(m[1]) * (UNITS[(m[2] ?? '').toUpperCase()] ?? NaN) : NaN;
      return Number.isSafeInteger(n) && n >= min ? n : undefined;
    },
    (v) => `${name}: “${v}” is not a size of at least ${min} bytes (a whole number, optionally with KiB, MiB or GiB); unset it for ${fallback}.`,
  );
}

// A DNS name (letters, digits, hyphens, dots; optionally a trailing dot) or an IP literal.
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;

function hostProblem(value: string): boolean {
  return isIP(value) === 0 && !HOST_NAME.test(value);
}

function host(name: string, fallback: string) {
  return envVar(
    fallback,
    (s) => (hostProblem(s) ? undefined : s),
    (v) => `${name}: “${v}” is not a host name or IP address; set it to one (e.g. ${fallback}).`,
  );
}

/** Comma-separated list; each entry checked by `problem` (a message, or undefined). */
function list(name: string, problem: (entry: string) => string | undefined) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (blank(v)) return [];
      const entries = v!.split(',').map((e) => e.trim()).filter((e) => e !== '');
      for (const e of entries) {
        const p = problem(e);
        if (p) {
          ctx.addIssue({ code: 'custom', message: `${name}: “${e}” ${p}` });
          return z.NEVER;
        }
      }
      return entries;
    });
}

/** `addr` or `addr/prefix` (IPv4 or IPv6): the forms TRUST_PROXY takes. */
export function parseCidr(entry: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
  const [address = '', prefixText, extra] = entry.split('/');
  if (extra !== undefined) return undefined;
  const v = isIP(address);
  if (v === 0) return undefined;
  const max = v === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : /^\d+$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return undefined;
  return { address, prefix, family: v === 4 ? 'ipv4' : 'ipv6' };
}

const envSchema = z.object({
  PORT: port('PORT', DEFAULT_HTTP_PORT),
  SANDBOX_PORT: port('SANDBOX_PORT', DEFAULT_SANDBOX_PORT),
  SANDBOX_PUBLIC_PORT: z.string().optional(),
  SANDBOX_BIND: host('SANDBOX_BIND', '127.0.0.1'),
  SANDBOX_PUBLIC_HOST: host('SANDBOX_PUBLIC_HOST', 'localhost'),
  SANDBOX_SHARDS: wholeNumber('SANDBOX_SHARDS', DEFAULT_SHARDS, 1, MAX_SHARDS),
  SANDBOX_CONFIG: z
    .string()
    .optional()
    .transform((v) => (blank(v) ? undefined : v!.trim())),
  SANDBOX_SYNC: oneOf('SANDBOX_SYNC', ['normal', 'full'] as const, 'normal'),
  SANDBOX_LOG: oneOf('SANDBOX_LOG', ['quiet', 'info', 'debug'] as const, 'info'),
  SANDBOX: oneOf('SANDBOX', ['on', 'off'] as const, 'on'),
  SANDBOX_WORKER: oneOf('SANDBOX_WORKER', ['on', 'off'] as const, 'on'),
  SANDBOX_MAX_BYTES: size('SANDBOX_MAX_BYTES', DEFAULT_MAX_BYTES, MIN_MAX_BYTES),
  SANDBOX_LOGSTORE_MAX_BYTES: size('SANDBOX_LOGSTORE_MAX_BYTES', DEFAULT_LOGSTORE_MAX_BYTES, MIN_LOGSTORE_MAX_BYTES),
  SANDBOX_LOGSTORE_MAX_RECORDS: wholeNumber('SANDBOX_LOGSTORE_MAX_RECORDS', DEFAULT_LOGSTORE_MAX_RECORDS, 1, Number.MAX_SAFE_INTEGER),
  DATA_DIR: z
    .string()
    .optional()
    .transform((v) => (blank(v) ? '.data' : v!)),
  ALLOW_LIVE_CHECK: oneOf('ALLOW_LIVE_CHECK', ['0', '1'] as const, '0'),
  VALIDATE_BURST: wholeNumber('VALIDATE_BURST', 5, 1, 10_000),
  VALIDATE_PER_SECOND: envVar(
    0.5,
    (s) => {
      const n = Number(s);
      return Number.isFinite(n) && n > 0 && n <= 10_000 ? n : undefined;
    },
    (v) => `VALIDATE_PER_SECOND: expected a number above 0 (checks per second, e.g. 0.5), got “${v}”; unset it for 0.5.`,
  ),
  VALIDATE_DEADLINE_MS: wholeNumber('VALIDATE_DEADLINE_MS', 5_000, 100, 120_000),
  TRUST_PROXY: list('TRUST_PROXY', (e) => (parseCidr(e) ? undefined : 'is not an IP address or CIDR block (e.g. 10.0.0.5 or 10.0.0.0/8); list the proxies in front of this server, comma-separated.')),
  ALLOWED_HOSTS: list('ALLOWED_HOSTS', (e) =>
    hostProblem(e) ? 'is not a host name; list the names clients use to reach this server, comma-separated, without ports.' : undefined,
  ),
});

/** Parse the environment. Throws ConfigError naming the variable(s) and the fix. Pure. */
export function parseRuntimeConfig(env: ConfigEnv): RuntimeConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => i.message).join('\n'));
  }
  const e = parsed.data;
  const publicPortSet = !blank(env.SANDBOX_PUBLIC_PORT);
  const publicPort = publicPortSet ? port('SANDBOX_PUBLIC_PORT', e.SANDBOX_PORT).safeParse(env.SANDBOX_PUBLIC_PORT) : undefined;
  if (publicPort && !publicPort.success) throw new ConfigError(publicPort.error.issues.map((i) => i.message).join('\n'));
  const advertised = publicPort?.data ?? e.SANDBOX_PORT;
  let limits: Partial<BrokerLimits>;
  try {
    limits = limitsFromEnv(env);
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err));
  }
  if (publicPortSet && advertised === 0) {
    throw new ConfigError('SANDBOX_PUBLIC_PORT: 0 is not a port agents can dial; set the port the forwarding exposes, or unset it.');
  }
  return {
    http: {
      port: e.PORT,
      bind: e.SANDBOX_BIND,
      allowedHosts: e.ALLOWED_HOSTS.map((h) => h.toLowerCase().replace(/\.$/, '')),
      trustProxy: e.TRUST_PROXY,
    },
    sandbox: {
      enabled: e.SANDBOX === 'on',
      port: e.SANDBOX_PORT,
      bind: e.SANDBOX_BIND,
      publicHost: e.SANDBOX_PUBLIC_HOST,
      publicPort: advertised,
      publicPortSet,
      mode: e.SANDBOX_CONFIG ? 'strict' : 'open',
      shards: e.SANDBOX_SHARDS,
      configFile: e.SANDBOX_CONFIG,
      sync: e.SANDBOX_SYNC,
      log: e.SANDBOX_LOG,
      worker: e.SANDBOX_WORKER === 'on',
      retention: {
        maxBytes: e.SANDBOX_MAX_BYTES,
        logstoreMaxBytes: e.SANDBOX_LOGSTORE_MAX_BYTES,
        logstoreMaxRecords: e.SANDBOX_LOGSTORE_MAX_RECORDS,
      },
      limits,
    },
    dataDir: e.DATA_DIR,
    validate: {
      allowLiveCheck: e.ALLOW_LIVE_CHECK === '1',
      burst: e.VALIDATE_BURST,
      perSecond: e.VALIDATE_PER_SECOND,
      deadlineMs: e.VALIDATE_DEADLINE_MS,
    },
  };
}

const GLOBAL_KEY = Symbol.for('sls-kafka-wizard.config');
type GlobalWithConfig = typeof globalThis & { [GLOBAL_KEY]?: RuntimeConfig };

/**
 * The process's configuration, parsed from process.env on first use and kept on
 * globalThis: the server script, instrumentation and the route bundles (separate
 * module instances) share one parse.
 */
export function getRuntimeConfig(): RuntimeConfig {
  const g = globalThis as GlobalWithConfig;
  g[GLOBAL_KEY] ??= parseRuntimeConfig(process.env);
  return g[GLOBAL_KEY];
}

/** Replace the process's configuration (tests); `undefined` makes the next read parse process.env again. */
export function setRuntimeConfig(config: RuntimeConfig | undefined): void {
  (globalThis as GlobalWithConfig)[GLOBAL_KEY] = config;
}

/** Whether an address only this machine can reach: 127.0.0.0/8, ::1 (also IPv4-mapped), or the name localhost. */
export function isLoopback(address: string): boolean {
  const a = address.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (a === 'localhost' || a.endsWith('.localhost')) return true;
  const v = isIP(a);
  if (v === 0) return false;
  const loopback = new BlockList();
  loopback.addSubnet('127.0.0.0', 8, 'ipv4');
  loopback.addAddress('::1', 'ipv6');
  loopback.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');
  return loopback.check(a, v === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The loud warning for a listener reachable beyond this machine, or undefined
 * for a loopback one. `what` names the listener ("HTTP server", "sandbox endpoint").
 */
export function exposureWarning(what: string, bind: string, listenPort: number): string | undefined {
  if (isLoopback(bind)) return undefined;
  const line = '!'.repeat(78);
  return [
    line,
    `WARNING: the ${what} listens on ${bind}:${listenPort}, reachable from other machines.`,
    'Anyone who can reach it can use the wizard and the sandbox. Set SANDBOX_BIND=127.0.0.1 to keep it',
    'on this machine; otherwise use strict mode (SANDBOX_CONFIG), list the names clients use in',
    'ALLOWED_HOSTS / SANDBOX_PUBLIC_HOST, and name any reverse proxy in TRUST_PROXY.',
    line,
  ].join('\n');
}
