/**
 * Step pieces several agents' setup steps share word for word: the step type
 * an agent's step builders return (the registry adds the agent id), the
 * warning for a codec the SLS examples do not show, where to look for the
 * records, the sandbox records URL and check, the sandbox CA download and the
 * systemd environment file of the librdkafka syslog daemons, and the final
 * "drop the absent steps, tag the rest" pass.
 */
import { shellWord } from '../../config-languages/shell/quote';
import type { RenderContext } from '../context';
import type { RenderStep } from '../types';
import type { Lang } from '../../i18n/core';
import { sayer } from './say';
import texts from './step-texts.json';

/** A step before the agent id is added. */
export type StepInput = Omit<RenderStep, 'agent'>;

/** Warns for any codec but gzip and none (the ones the SLS examples show); undefined for those. */
export function compressionWarning(compression: string, lang: Lang): StepInput | undefined {
  if (compression === 'gzip' || compression === 'none') return undefined;
  const say = sayer(texts, lang);
  return { kind: 'warning', title: say('compressionTitle', { codec: compression }), detail: say('compressionDetail') };
}

/** Where the user sees the records arrive: the sandbox inbox, or the Logstore in the SLS console. */
export function recordsPlace(ctx: RenderContext): string {
  const say = sayer(texts, ctx.lang);
  return ctx.sandbox ? say('placeSandbox') : say('placeSls', { logstore: ctx.logstore });
}

/** GET /api/sandbox/records next to the CA URL, for this project and Logstore (the last 5 records). */
export function sandboxRecordsUrl(caUrl: string, project: string, logstore: string): string {
  const url = new URL('records', caUrl);
  url.search = new URLSearchParams({ project, logstore, limit: '5' }).toString();
  return url.toString();
}

/** Download the sandbox CA to `path`, readable by the agent's user (every agent's CA step runs these). */
export function sandboxCaCommands(caUrl: string, path: string): string[] {
  return [`sudo curl -fsSo ${shellWord(path)} ${shellWord(caUrl)}`, `sudo chmod 644 ${shellWord(path)}`];
}

/** An agent's sandbox CA step, in its own words: download the CA to `path`; undefined outside the sandbox. */
export function sandboxCaStep(ctx: RenderContext, path: string | undefined, text: { title: string; detail: string }): StepInput | undefined {
  if (!ctx.sandbox || !path) return undefined;
  return { ...text, commands: sandboxCaCommands(ctx.sandbox.caUrl, path) };
}

/** rsyslog's and syslog-ng's CA step: download the sandbox CA to `ca`, the file their ssl.ca.location names. */
export function sandboxCaDownloadStep(caUrl: string, ca: string, lang: Lang): StepInput {
  const say = sayer(texts, lang);
  return { title: say('caTitle'), detail: say('caDetail', { path: ca }), commands: sandboxCaCommands(caUrl, ca) };
}

/**
 * Bash commands that read the password (`name`) without echoing it into
 * `envFile` (mode 600) and make the service read that file through a systemd
 * drop-in in `dropInDir` (rsyslog, syslog-ng).
 */
export function systemdEnvFileCommands(name: string, envFile: string, dropInDir: string): string[] {
  return [
    `read -rsp 'AccessKeyId#AccessKeySecret: ' ${name} && echo`,
    `printf '${name}=%s\\n' "$${name}" | sudo install -m 600 /dev/stdin ${envFile} && unset ${name}`,
    `sudo mkdir -p ${dropInDir}`,
    `printf '[Service]\\nEnvironmentFile=${envFile}\\n' | sudo tee ${dropInDir}/sls-kafka.conf > /dev/null`,
    'sudo systemctl daemon-reload',
  ];
}

/** The steps that apply, in order, each tagged with the agent id. */
export function agentSteps(agent: RenderStep['agent'], steps: (StepInput | undefined)[]): RenderStep[] {
  return steps.filter((step): step is StepInput => step !== undefined).map((step) => ({ agent, ...step }));
}

/** kcat's and the producer snippets' last step with the sandbox as target: list what arrived (GET /api/sandbox/records). */
export function sandboxArrivalStep(caUrl: string, project: string, logstore: string, lang: Lang): StepInput {
  const say = sayer(texts, lang);
  const url = new URL('/api/sandbox/records', caUrl);
  url.search = new URLSearchParams({ project, logstore }).toString();
  return {
    title: say('arrivalTitle'),
    detail: say('arrivalDetail'),
    commands: [`curl -fsS ${shellWord(url.toString())}`],
  };
}
