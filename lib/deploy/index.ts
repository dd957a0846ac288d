/**
 * The deploy files of the bundle, per agent that has a `deploy` hook:
 * `<agent>/install.sh` or one `install-<part>.sh` per part (the Beats;
 * lib/deploy/host.ts), `install-<beat>.ps1` for the Beats on Windows
 * (lib/deploy/windows.ts) and `<agent>/compose.yaml` with the files it mounts
 * (lib/deploy/compose.ts); lib/deploy/choice.ts picks those of the "Deploy on" choice. Computed from the settings and the same render
 * options as the rendered files, so the browser and `sls-kafka bundle` give the
 * same entries. Neither file ever holds the secret (asserted here too).
 */
import { agentDefinition } from '../agents';
import { createRenderContext, type RenderOptions } from '../agents/context';
import type { AgentId } from '../agents/meta';
import type { AgentDeploy, RenderResult } from '../agents/types';
import type { Settings } from '../settings/schema';
import { COMPOSE_FILE_NAME, renderComposeFile } from './compose';
import { installScriptName, renderInstallScript } from './host';
import { renderWindowsInstallScript } from './windows';
import { sayer } from '../agents/common/say';
import type { Lang } from '../i18n/core';
import deployTexts from './step-texts.json';

export { COMPOSE_FILE_NAME } from './compose';
export { INSTALL_SCRIPT_NAME, installScriptName } from './host';

export interface DeployFile {
  agent: AgentId;
  /** File name inside the agent's folder. */
  path: string;
  /** The "Deploy on" choice that needs this file. */
  kind: 'host' | 'docker';
  content: string;
  /** What the file is and whose, for the README line in any language. */
  describe: { key: 'fileInstall' | 'fileInstallWindows' | 'fileCompose' | 'fileComposeMain'; title: string };
}

/** A deploy file's README line in `lang`. */
export function describeDeployFile(file: Pick<DeployFile, 'path' | 'describe'>, lang: Lang = 'en'): string {
  return sayer(deployTexts, lang)(file.describe.key, { title: file.describe.title, file: file.path });
}

function deployFile(agent: AgentId, path: string, kind: DeployFile['kind'], content: string, describe: DeployFile['describe']): DeployFile {
  return { agent, path, kind, content, describe };
}

export function deployFiles(settings: Settings, result: RenderResult, renderOptions: RenderOptions = {}): DeployFile[] {
  const ctx = createRenderContext(settings, renderOptions);
  const out: DeployFile[] = [];
  for (const [id, options] of Object.entries(settings.agents) as [AgentId, unknown][]) {
    if (options === undefined) continue;
    const definition = agentDefinition(id);
    // The options were parsed by this agent's schema; the registry forgets the type.
    const deploy = definition.deploy as AgentDeploy<unknown> | undefined;
    if (!deploy) continue;
    const files = result.files.filter((f) => f.agent === id);
    const host = deploy.host?.(ctx, options, files);
    for (const plan of host === undefined ? [] : Array.isArray(host) ? host : [host]) {
      const name = installScriptName(plan);
      const title = plan.scriptName ? `${definition.title} (${plan.scriptName})` : definition.title;
      out.push(deployFile(id, name, 'host', renderInstallScript(title, plan), { key: 'fileInstall', title }));
    }
    for (const plan of deploy.windows?.(ctx, options, files) ?? []) {
      out.push(deployFile(id, plan.scriptName, 'host', renderWindowsInstallScript(plan), { key: 'fileInstallWindows', title: plan.title }));
    }
    const spec = deploy.compose?.(ctx, options, files);
    if (spec && (!Array.isArray(spec) || spec.length > 0)) {
      out.push(deployFile(id, COMPOSE_FILE_NAME, 'docker', renderComposeFile(definition.title, spec), { key: 'fileCompose', title: definition.title }));
      for (const extra of (Array.isArray(spec) ? spec : [spec]).flatMap((s) => s.files ?? [])) {
        out.push(deployFile(id, extra.name, 'docker', extra.content, { key: 'fileComposeMain', title: definition.title }));
      }
    }
  }
  const secret = settings.accessKeySecret;
  for (const file of out) {
    if (secret.length > 0 && file.content.includes(secret)) throw new Error(`${file.agent}/${file.path} would hold the AccessKey secret; this is a bug.`);
  }
  return out;
}
