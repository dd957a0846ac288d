/**
 * The download bundle's contents, as a pure function of the rendered result:
 * every file in a folder per agent (`beats/filebeat.yml`, `logstash/…`), a
 * README.md with the steps, `settings.json` without the AccessKey, and in
 * sandbox mode the sandbox CA. The browser zips these (./zip.ts); nothing of
 * it goes through the server.
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
import { bundleReadme, readmeSay, type ReadmeFile } from './readme';
import { COMPOSE_FILE_NAME, INSTALL_SCRIPT_NAME, deployFiles } from '../deploy';

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

export function bundleEntries({ result, settings, sandboxCaPem, shareUrl, renderOptions }: BundleInput): BundleEntry[] {
  const lang = renderOptions?.lang ?? 'en';
  const say = readmeSay(lang);
  const files: BundleEntry[] = result.files.map((file) => ({ path: bundlePath(file), content: file.content }));
  const described: ReadmeFile[] = result.files.map((file) => ({
    path: bundlePath(file),
    description: say(file.language === 'jaas' ? 'fileJaas' : 'fileConfig', { agent: pick(agentMeta(file.agent).label, lang) }),
  }));
  // install.sh / compose.yaml: after the configs, before the holdsSecret scan (they never hold it).
  const deploy = deployFiles(settings, result, renderOptions);
  const deployEntries = deploy.map((file) => ({ path: bundlePath(file), content: file.content }));
  described.push(...deploy.map((file) => ({ path: bundlePath(file), description: deployDescription(file, lang) })));
  described.push({ path: SETTINGS_JSON_PATH, description: say('fileSettings') });
  const includeCa = settings.target === 'sandbox' && sandboxCaPem !== undefined;
  if (includeCa) described.push({ path: SANDBOX_CA_PATH, description: say('fileCa') });

  const secret = settings.accessKeySecret;
  const holdsSecret = secret.length > 0 && files.some((f) => f.content.includes(secret));
  const entries: BundleEntry[] = [
    ...files,
    ...deployEntries,
    { path: README_PATH, content: bundleReadme({ result, settings, files: described, holdsSecret, shareUrl, lang }) },
    { path: SETTINGS_JSON_PATH, content: settingsJsonWithoutCredentials(settings) },
  ];
  if (includeCa) entries.push({ path: SANDBOX_CA_PATH, content: sandboxCaPem });
  return entries;
}

/** A deploy file's line in the README: lib/deploy's English one, or the translation of the two kinds it writes. */
function deployDescription(file: ReturnType<typeof deployFiles>[number], lang: Lang): string {
  const kind = file.path === INSTALL_SCRIPT_NAME ? 'fileInstall' : file.path === COMPOSE_FILE_NAME ? 'fileCompose' : undefined;
  if (lang === 'en' || kind === undefined) return file.description;
  return readmeSay(lang)(kind, { agent: agentMeta(file.agent).title });
}

/** The zip's file name: `sls-kafka-<project>-<logstore>.zip` (both are already file-name safe). */
export function bundleFileName(settings: Pick<Settings, 'project' | 'logstore'>): string {
  return `sls-kafka-${settings.project}-${settings.logstore}.zip`;
}
