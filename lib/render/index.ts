/**
 * The renderer registry: settings in, every chosen agent's files and steps out.
 * Pure and synchronous, so the browser (live preview, zip) and the server
 * (/api/render, /api/validate) run the very same code.
 */
import { AGENT_IDS, type AgentId, type AgentOptions } from '../settings/agents';
import type { Settings } from '../settings/schema';
import { renderBeatsConfig } from './beats';
import { renderCollectdConfig } from './collectd';
import { createRenderContext, type RenderContext, type RenderOptions } from './context';
import { renderFluentdConfig } from './fluentd';
import { renderLogstashConfig } from './logstash';
import { renderTelegrafConfig } from './telegraf';
import type { AgentRender, RenderResult } from './types';

export const AGENT_RENDERERS: { [K in AgentId]: (ctx: RenderContext, options: AgentOptions[K]) => AgentRender } = {
  beats: renderBeatsConfig,
  collectd: renderCollectdConfig,
  telegraf: renderTelegrafConfig,
  fluentd: renderFluentdConfig,
  logstash: renderLogstashConfig,
};

function renderAgent<K extends AgentId>(id: K, ctx: RenderContext, options: AgentOptions[K]): AgentRender {
  return AGENT_RENDERERS[id](ctx, options);
}

export function renderSettings(settings: Settings, options: RenderOptions = {}): RenderResult {
  const ctx = createRenderContext(settings, options);
  const result: RenderResult = { files: [], steps: [] };
  for (const id of AGENT_IDS) {
    const agentOptions = settings.agents[id];
    if (agentOptions === undefined) continue;
    const rendered = renderAgent(id, ctx, agentOptions);
    result.files.push(...rendered.files);
    result.steps.push(...rendered.steps);
  }
  return result;
}

export type { RenderedFile, RenderStep, RenderResult, ConfigLanguage } from './types';
export { createRenderContext, type RenderContext, type RenderOptions } from './context';
