/**
 * The agent registry: ONE list of every agent's definition (lib/agents/<id>/),
 * and the registry-driven renderer: settings in, every chosen agent's files
 * and steps out. Pure and synchronous, so the browser (live preview, zip) and
 * the server (/api/render, /api/validate) run the very same code. Same agents,
 * same order as lib/agents/meta.ts.
 */
import type { Settings } from '../settings/schema';
import { createRenderContext, type RenderContext, type RenderOptions } from './context';
import { withHostFormNote } from './host-form';
import type { AgentId } from './meta';
import type { AgentDefinition, AgentRender, RenderResult } from './types';
import { beatsAgent } from './beats';
import { clientsAgent } from './clients';
import { collectdAgent } from './collectd';
import { fluentbitAgent } from './fluentbit';
import { fluentdAgent } from './fluentd';
import { kcatAgent } from './kcat';
import { logstashAgent } from './logstash';
import { otelcolAgent } from './otelcol';
import { rsyslogAgent } from './rsyslog';
import { syslogNgAgent } from './syslog-ng';
import { telegrafAgent } from './telegraf';
import { vectorAgent } from './vector';

export const AGENTS = [beatsAgent, collectdAgent, telegrafAgent, fluentdAgent, logstashAgent, fluentbitAgent, vectorAgent, otelcolAgent, rsyslogAgent, syslogNgAgent, kcatAgent, clientsAgent] as const;

/** One agent's definition, by id (options typed loosely: the caller has parsed them with its schema). */
export function agentDefinition(id: AgentId): AgentDefinition<AgentId> {
  // Every AgentId has a definition (tests/unit/agents/registry.test.ts); the
  // cast forgets each renderer's own options type, which the schema guarantees.
  return AGENTS.find((agent) => agent.id === id) as unknown as AgentDefinition<AgentId>;
}

/**
 * One agent's files and steps; `options` must have been parsed by that agent's
 * schema. Settings-wide notes every agent must carry (the region-only host
 * form) are added here, so no renderer can leave them out.
 */
export function renderAgent(id: AgentId, ctx: RenderContext, options: unknown): AgentRender {
  const rendered = (agentDefinition(id).render as (ctx: RenderContext, options: unknown) => AgentRender)(ctx, options);
  return withHostFormNote(id, ctx, rendered);
}

export function renderSettings(settings: Settings, options: RenderOptions = {}): RenderResult {
  const ctx = createRenderContext(settings, options);
  const result: RenderResult = { files: [], steps: [] };
  for (const agent of AGENTS) {
    const agentOptions = settings.agents[agent.id];
    if (agentOptions === undefined) continue;
    const rendered = renderAgent(agent.id, ctx, agentOptions);
    result.files.push(...rendered.files);
    result.steps.push(...rendered.steps);
  }
  return result;
}

export { AGENT_IDS, AGENT_METAS, agentMeta, isAgentId, type AgentId } from './meta';
export type {
  AgentDefinition,
  AgentRender,
  ConfigLanguage,
  ProducerSettings,
  RenderedFile,
  RenderResult,
  RenderStep,
} from './types';
export { createRenderContext, type RenderContext, type RenderOptions } from './context';
export { hostFormNote, HOST_FORM_MARKER } from './host-form';
