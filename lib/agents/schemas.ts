/**
 * Every agent's options schema with the form's rules and strings, and no
 * renderer: what the settings schema, the form and share links need. Kept
 * apart from lib/agents/index.ts so that the wizard's lazily loaded settings
 * runtime does not pull in the renderers. Same agents, same order as
 * lib/agents/meta.ts.
 */
import type { z } from 'zod';
import { defaultsOf, withDefaults } from './common/options-schema';
import type { AgentId } from './meta';
import type { AgentSchemaEntry } from './types';
import { beatsEntry } from './beats/entry';
import { clientsEntry } from './clients/entry';
import { collectdEntry } from './collectd/entry';
import { fluentbitEntry } from './fluentbit/entry';
import { fluentdEntry } from './fluentd/entry';
import { kcatEntry } from './kcat/entry';
import { logstashEntry } from './logstash/entry';
import { otelcolEntry } from './otelcol/entry';
import { rsyslogEntry } from './rsyslog/entry';
import { syslogNgEntry } from './syslog-ng/entry';
import { telegrafEntry } from './telegraf/entry';
import { vectorEntry } from './vector/entry';

export const AGENT_SCHEMA_ENTRIES = [beatsEntry, collectdEntry, telegrafEntry, fluentdEntry, logstashEntry, fluentbitEntry, vectorEntry, otelcolEntry, rsyslogEntry, syslogNgEntry, kcatEntry, clientsEntry] as const;

type Entry = (typeof AGENT_SCHEMA_ENTRIES)[number];
/** The options schema of one agent, by id. */
export type AgentOptionsSchema<K extends AgentId> = Extract<Entry, { id: K }>['schema'];
/** The parsed (defaults-filled) options of one agent, by id. */
export type AgentOptions = { [K in AgentId]: z.output<AgentOptionsSchema<K>> };

export function agentSchemaEntry(id: AgentId): AgentSchemaEntry<AgentId> {
  // Every AgentId has an entry (tests/unit/agents/registry.test.ts).
  return AGENT_SCHEMA_ENTRIES.find((entry) => entry.id === id)!;
}

/** What `{}` means for the agent: a fresh copy of every option's default. */
export function agentDefaults(id: AgentId): Record<string, unknown> {
  return defaultsOf(agentSchemaEntry(id).schema);
}

/** The options with every missing option set to its default; the user's values (and unknown keys) kept. */
export function withAgentDefaults(id: AgentId, options: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  return withDefaults(agentSchemaEntry(id).schema, options);
}

/** Whether every option of the agent has a value (so the form can show its controls). */
export function hasAllAgentOptions(id: AgentId, options: Readonly<Record<string, unknown>> | undefined): boolean {
  return options !== undefined && Object.keys(agentSchemaEntry(id).schema.shape).every((key) => options[key] !== undefined);
}
