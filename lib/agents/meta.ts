/**
 * The agents the wizard knows, as plain data (no zod, no code: each agent's
 * meta.json), so that code in the page's first load can list them without
 * pulling in the schemas. `AGENT_IDS` decides `AgentId` and the order agents
 * are listed, rendered and bundled in; lib/agents/schemas.ts and
 * lib/agents/index.ts list the same agents in the same order
 * (tests/unit/agents/registry.test.ts checks).
 */
import type { Message } from '../i18n/core';
import type { AgentMeta } from './types';
import beatsMeta from './beats/meta.json';
import clientsMeta from './clients/meta.json';
import collectdMeta from './collectd/meta.json';
import fluentbitMeta from './fluentbit/meta.json';
import fluentdMeta from './fluentd/meta.json';
import kcatMeta from './kcat/meta.json';
import logstashMeta from './logstash/meta.json';
import otelcolMeta from './otelcol/meta.json';
import rsyslogMeta from './rsyslog/meta.json';
import syslogNgMeta from './syslog-ng/meta.json';
import telegrafMeta from './telegraf/meta.json';
import vectorMeta from './vector/meta.json';

export const AGENT_IDS = ['beats', 'collectd', 'telegraf', 'fluentd', 'logstash', 'fluentbit', 'vector', 'otelcol', 'rsyslog', 'syslog-ng', 'kcat', 'clients'] as const;
export type AgentId = (typeof AGENT_IDS)[number];

// JSON imports type `id` as string; the registry test checks each file's id against AGENT_IDS.
export const AGENT_METAS = [beatsMeta, collectdMeta, telegrafMeta, fluentdMeta, logstashMeta, fluentbitMeta, vectorMeta, otelcolMeta, rsyslogMeta, syslogNgMeta, kcatMeta, clientsMeta] as readonly AgentMeta<AgentId>[];

export function isAgentId(value: unknown): value is AgentId {
  return AGENT_METAS.some((meta) => meta.id === value);
}

export function agentMeta<K extends AgentId>(id: K): AgentMeta<K> {
  // Every AgentId has a meta.json (tests/unit/agents/registry.test.ts).
  return AGENT_METAS.find((meta) => meta.id === id) as AgentMeta<K>;
}

/** The agent's short name, the same in both languages. */
export function agentTitle(id: AgentId): string {
  return agentMeta(id).title;
}

/** The agents chosen when nothing else is said (`{ beats: {} }` today): those flagged `defaultSelected`. */
export const DEFAULT_AGENT_CHOICE: Readonly<Partial<Record<AgentId, Record<string, never>>>> = Object.fromEntries(
  AGENT_METAS.filter((meta) => meta.defaultSelected).map((meta) => [meta.id, {}]),
);

/** The form's first-load strings of every agent: `agent.<id>`, the checkbox label. */
export const AGENT_LABEL_MESSAGES = Object.fromEntries(
  AGENT_METAS.map((meta) => [`agent.${meta.id}`, meta.label]),
  // Every agent has a label, so each `agent.<id>` key is there.
) as Readonly<Record<`agent.${AgentId}`, Message>>;
