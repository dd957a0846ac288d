/**
 * The connection facts every renderer needs, derived once from the settings:
 * where to connect (SLS or the bundled sandbox), who to log in as, which topic.
 * Pure: the sandbox's public host and port come in as arguments because the
 * renderers also run in the browser.
 */
import type { Settings } from '../settings/schema';
import { kafkaEndpoint, type KafkaEndpoint } from '../sls/endpoints';
import type { Lang } from '../i18n/core';

/** Name of the environment variable / keystore key that holds `AccessKeyId#AccessKeySecret`. */
export const PASSWORD_ENV_VAR = 'SLS_KAFKA_PASSWORD';

/** File name the steps tell the user to save the sandbox CA certificate under. */
export const SANDBOX_CA_FILE_NAME = 'sls-sandbox-ca.pem';

export interface SandboxTarget {
  /** Host agents dial (the sandbox's SANDBOX_PUBLIC_HOST). */
  host: string;
  port: number;
  /** Where the user downloads the sandbox CA (GET /api/sandbox/ca on the wizard). */
  caUrl: string;
}

export const DEFAULT_SANDBOX_TARGET: SandboxTarget = {
  host: 'localhost',
  port: 10012,
  caUrl: 'http://localhost:3000/api/sandbox/ca',
};

export interface RenderOptions {
  sandbox?: SandboxTarget;
  /** The language of the steps' prose (titles, details, comments in commands); English when absent. Files do not change. */
  lang?: Lang;
}

export interface RenderContext {
  settings: Settings;
  target: Settings['target'];
  /** What the agent dials: the SLS endpoint, or the sandbox for target `sandbox`. */
  endpoint: KafkaEndpoint;
  /** The SLS endpoint of the settings, also when the agent dials the sandbox. */
  slsEndpoint: KafkaEndpoint;
  /** SASL PLAIN username: the project. */
  username: string;
  /** The full `AccessKeyId#AccessKeySecret`, for inline mode and for copying. */
  password: string;
  secretMode: Settings['secretMode'];
  passwordEnvVar: typeof PASSWORD_ENV_VAR;
  logstore: string;
  /** `<logstore>.json` when JSON values are to be expanded into fields, else the Logstore. */
  topic: string;
  expandJson: boolean;
  /** Present for target `sandbox`: agents must trust this CA instead of the system store. */
  sandbox?: SandboxTarget & { caFileName: string };
  /** The language of the steps' prose; the rendered files are the same in every language. */
  lang: Lang;
}

export function createRenderContext(settings: Settings, options: RenderOptions = {}): RenderContext {
  const slsEndpoint = kafkaEndpoint(settings);
  const sandboxTarget = options.sandbox ?? DEFAULT_SANDBOX_TARGET;
  const endpoint =
    settings.target === 'sandbox'
      ? { host: sandboxTarget.host, port: sandboxTarget.port, bootstrap: `${hostForBootstrap(sandboxTarget.host)}:${sandboxTarget.port}` }
      : slsEndpoint;
  return {
    settings,
    target: settings.target,
    endpoint,
    slsEndpoint,
    username: settings.project,
    password: `${settings.accessKeyId}#${settings.accessKeySecret}`,
    secretMode: settings.secretMode,
    passwordEnvVar: PASSWORD_ENV_VAR,
    logstore: settings.logstore,
    topic: settings.expandJson ? `${settings.logstore}.json` : settings.logstore,
    expandJson: settings.expandJson,
    sandbox: settings.target === 'sandbox' ? { ...sandboxTarget, caFileName: SANDBOX_CA_FILE_NAME } : undefined,
    lang: options.lang ?? 'en',
  };
}

/** IPv6 literals need brackets in `host:port`. */
function hostForBootstrap(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
