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

export { COMPOSE_FILE_NAME } from './compose';
export { INSTALL_SCRIPT_NAME, installScriptName } from './host';

export interface DeployFile {
  agent: AgentId;
  /** File name inside the agent's folder. */
  path: string;
  /** The "Deploy on" choice that needs this file. */
  kind: 'host' | 'docker';
  content: string;
  description: string;
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
      out.push({ agent: id, path: name, kind: 'host', content: renderInstallScript(title, plan), description: `${title} install script for a Linux host (sudo sh ${name}; --dry-run shows what it would do)` });
    }
    for (const plan of deploy.windows?.(ctx, options, files) ?? []) {
      out.push({ agent: id, path: plan.scriptName, kind: 'host', content: renderWindowsInstallScript(plan), description: `${plan.title} install script for Windows (PowerShell as Administrator: .\\${plan.scriptName}; -WhatIf shows what it would do)` });
    }
    const spec = deploy.compose?.(ctx, options, files);
    if (spec && (!Array.isArray(spec) || spec.length > 0)) {
      out.push({ agent: id, path: COMPOSE_FILE_NAME, kind: 'docker', content: renderComposeFile(definition.title, spec), description: `${definition.title} in Docker Compose (docker compose up -d)` });
      for (const extra of (Array.isArray(spec) ? spec : [spec]).flatMap((s) => s.files ?? [])) {
        out.push({ agent: id, path: extra.name, kind: 'docker', content: extra.content, description: `${definition.title} main config for Docker Compose (mounted by compose.yaml)` });
      }
    }
  }
  const secret = settings.accessKeySecret;
  for (const file of out) {
    if (secret.length > 0 && file.content.includes(secret)) throw new Error(`${file.agent}/${file.path} would hold the AccessKey secret; this is a bug.`);
  }
  return out;
}
