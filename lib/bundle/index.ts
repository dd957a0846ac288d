/**
 * The download bundle's contents, as a pure function of the rendered result:
 * every file in a folder per agent (`beats/filebeat.yml`, `logstash/…`), a
 * README.md with the steps, `settings.json` without the AccessKey, and in
 * sandbox mode the sandbox CA, plus the deploy files and steps of the "Deploy
 * on" choice (lib/deploy/choice.ts: install scripts, compose files, or, via
 * ./kubernetes.ts, the manifests in place of the per-node agents' configs).
 * The browser zips these (./zip.ts); nothing of it goes through the server.
 *
 * settings.json leaves out the AccessKey ID as well as the secret: the file is
 * meant to be kept with the configs, checked in or sent to a colleague, and
 * the ID is half of the SASL password and names the RAM user to attack; it is
 * also not needed to reproduce the configs, which take it from the form (or,
 * for POST /api/render, from the two fields you add back).
 */
import { agentMeta, type AgentId } from '../agents/meta';
import { pick, type Lang } from '../i18n/core';
import type { Settings } from '../settings/schema';
import { SANDBOX_CA_FILE_NAME } from '../agents/context';
import type { RenderedFile, RenderResult } from '../agents/types';
import type { RenderOptions } from '../agents/context';
import { DEFAULT_DEPLOY_TARGET, deployPlan, type DeployPlan, type DeployTarget } from '../deploy/choice';
import { describeDeployFile } from '../deploy';
import { bundleReadme, readmeSay, type ReadmeFile } from './readme';

export interface BundleEntry {
  /** Path inside the zip, `/`-separated. */
  path: string;
  content: string;
}

export interface BundleInput {
  result: RenderResult;
  settings: Settings;
  /** PEM of the sandbox CA; included (for target sandbox) when given. */
  sandboxCaPem?: string;
  /** Link that reopens the settings in the wizard (no credentials). */
  shareUrl?: string;
  /** The options the result was rendered with (the sandbox target, the language), for install.sh, compose.yaml and the README. */
  renderOptions?: RenderOptions;
  /** "Deploy on": which deploy files and steps the zip carries (default host). */
  deploy?: DeployTarget;
}

export const README_PATH = 'README.md';
export const SETTINGS_JSON_PATH = 'settings.json';
export const SANDBOX_CA_PATH = SANDBOX_CA_FILE_NAME;

/** The folder of an agent's files inside the bundle: its id, as in the settings JSON. */
export function agentFolder(agent: AgentId): string {
  return agent;
}

export function bundlePath(file: Pick<RenderedFile, 'agent' | 'path'>): string {
  return `${agentFolder(file.agent)}/${file.path}`;
}

/** The settings without `accessKeyId` and `accessKeySecret`, pretty-printed, with every default spelled out. */
export function settingsJsonWithoutCredentials(settings: Settings): string {
  const { accessKeyId: _id, accessKeySecret: _secret, ...rest } = settings;
  return `${JSON.stringify(rest, null, 2)}\n`;
}

export function bundleEntries(input: BundleInput): BundleEntry[] {
  return bundleEntriesFor(input, bundlePlan(input));
}

/** The deploy plan of a bundle (its "Deploy on" choice, host by default). */
export function bundlePlan({ result, settings, renderOptions, deploy = DEFAULT_DEPLOY_TARGET }: BundleInput): DeployPlan {
  return deployPlan(deploy, settings, result, renderOptions);
}

/** bundleEntries with the plan already made (fullBundleEntries reuses its Kubernetes objects). */
export function bundleEntriesFor({ result, settings, sandboxCaPem, shareUrl, renderOptions, deploy = DEFAULT_DEPLOY_TARGET }: BundleInput, plan: DeployPlan): BundleEntry[] {
  const lang = renderOptions?.lang ?? 'en';
  const say = readmeSay(lang);
  // On Kubernetes the per-node agents' configs live in the ConfigMaps (kubernetes/ folder, added by fullBundleEntries).
  const configs = deploy === 'kubernetes' ? result.files.filter((f) => !plan.covered.has(f.agent)) : result.files;
  const files: BundleEntry[] = configs.map((file) => ({ path: bundlePath(file), content: file.content }));
  const described: ReadmeFile[] = configs.map((file) => ({
    path: bundlePath(file),
    description: say(file.language === 'jaas' ? 'fileJaas' : 'fileConfig', { agent: pick(agentMeta(file.agent).label, lang) }),
  }));
  // install.sh / compose.yaml: after the configs, before the holdsSecret scan (they never hold it).
  const deployEntries = plan.files.map((file) => ({ path: bundlePath(file), content: file.content }));
  described.push(...plan.files.map((file) => ({ path: bundlePath(file), description: describeDeployFile(file, lang) })));
  described.push({ path: SETTINGS_JSON_PATH, description: say('fileSettings') });
  // Kubernetes carries the CA as a Secret; the file is only for agents deployed another way.
  const includeCa = settings.target === 'sandbox' && sandboxCaPem !== undefined && (deploy !== 'kubernetes' || configs.length > 0);
  if (includeCa) described.push({ path: SANDBOX_CA_PATH, description: say('fileCa') });

  const secret = settings.accessKeySecret;
  const holdsSecret = secret.length > 0 && files.some((f) => f.content.includes(secret));
  const entries: BundleEntry[] = [
    ...files,
    ...deployEntries,
    { path: README_PATH, content: bundleReadme({ result: { ...result, steps: plan.steps }, settings, files: described, holdsSecret, shareUrl, deploy, lang }) },
    { path: SETTINGS_JSON_PATH, content: settingsJsonWithoutCredentials(settings) },
  ];
  if (includeCa) entries.push({ path: SANDBOX_CA_PATH, content: sandboxCaPem });
  return entries;
}


/** The zip's file name: `sls-kafka-<project>-<logstore>.zip` (both are already file-name safe). */
export function bundleFileName(settings: Pick<Settings, 'project' | 'logstore'>): string {
  return `sls-kafka-${settings.project}-${settings.logstore}.zip`;
}
