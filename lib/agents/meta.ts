/**
 * The agents the wizard knows, as plain data (no zod), so that code in the
 * page's first load can list them without pulling in the schemas. This list
 * decides `AgentId` and the order agents are listed, rendered and bundled in;
 * lib/agents/schemas.ts and lib/agents/index.ts list the same agents in the
 * same order (tests/unit/agents/registry.test.ts checks).
 */
import type { Message } from '../i18n/core';
import { beatsMeta } from './beats/meta';
import { collectdMeta } from './collectd/meta';
import { clientsMeta } from './clients/meta';
import { fluentdMeta } from './fluentd/meta';
import { kcatMeta } from './kcat/meta';
import { logstashMeta } from './logstash/meta';
import { telegrafMeta } from './telegraf/meta';

export const AGENT_METAS = [beatsMeta, collectdMeta, telegrafMeta, fluentdMeta, logstashMeta, kcatMeta, clientsMeta] as const;

export type AgentId = (typeof AGENT_METAS)[number]['id'];
export const AGENT_IDS: readonly AgentId[] = AGENT_METAS.map((meta) => meta.id);

export function isAgentId(value: unknown): value is AgentId {
  return AGENT_METAS.some((meta) => meta.id === value);
}

export function agentMeta(id: AgentId): (typeof AGENT_METAS)[number] {
  // Every AgentId is in the list by construction.
  return AGENT_METAS.find((meta) => meta.id === id)!;
}

/** The agent's short name, the same in both languages. */
export function agentTitle(id: AgentId): string {
  return agentMeta(id).title;
}

/** The agents chosen when nothing else is said (`{ beats: {} }` today): those flagged `defaultSelected`. */
export const DEFAULT_AGENT_CHOICE: Readonly<Partial<Record<AgentId, Record<string, never>>>> = Object.fromEntries(
  AGENT_METAS.filter((meta) => 'defaultSelected' in meta && meta.defaultSelected).map((meta) => [meta.id, {}]),
);

/** The form's first-load strings of every agent: `agent.<id>` (checkbox label) and `field.<id>.<option>`. */
export const AGENT_LABEL_MESSAGES = Object.fromEntries(
  AGENT_METAS.flatMap((meta) => [
    [`agent.${meta.id}`, meta.label] as const,
    ...Object.entries(meta.optionLabels).map(([option, label]) => [`field.${meta.id}.${option}`, label] as const),
  ]),
  // Every agent has a label, so each `agent.<id>` key is there.
) as Readonly<Record<`agent.${AgentId}` | `field.${AgentId}.${string}`, Message>>;
