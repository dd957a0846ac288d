/**
 * Each agent's options with the schema's defaults filled in, so every control
 * has a value from the start (`{}` and the partial options of a shared link
 * mean "the defaults for the rest"). Kept apart from the option sections so the
 * page's first load needs only the schemas it already has.
 */
import { AGENT_IDS, type AgentId } from '@/lib/settings/agents';
import { beatsOptionsSchema } from '@/lib/settings/agents/beats';
import { collectdOptionsSchema } from '@/lib/settings/agents/collectd';
import { fluentdOptionsSchema } from '@/lib/settings/agents/fluentd';
import { logstashOptionsSchema } from '@/lib/settings/agents/logstash';
import { telegrafOptionsSchema } from '@/lib/settings/agents/telegraf';

type Options = Readonly<Record<string, unknown>>;

/** The agent's short name, the same in both languages. */
export { AGENT_TITLES } from '@/lib/settings/agent-ids';

const SCHEMAS = {
  beats: beatsOptionsSchema,
  collectd: collectdOptionsSchema,
  telegraf: telegrafOptionsSchema,
  fluentd: fluentdOptionsSchema,
  logstash: logstashOptionsSchema,
} as const;

/** A fresh copy of the agent's defaults (what `{}` means). */
export function agentDefaults(agent: AgentId): Record<string, unknown> {
  return { ...SCHEMAS[agent].parse({}) };
}

/** The options with every missing option set to its default; the user's values (and unknown keys) kept. */
export function withAgentDefaults(agent: AgentId, options: Options | undefined): Record<string, unknown> {
  const filled: Record<string, unknown> = { ...(options ?? {}) };
  for (const [key, value] of Object.entries(agentDefaults(agent))) {
    if (filled[key] === undefined) filled[key] = value;
  }
  return filled;
}

/** Whether every option of the agent has a value. */
export function hasAllAgentOptions(agent: AgentId, options: Options | undefined): boolean {
  return options !== undefined && Object.keys(agentDefaults(agent)).every((key) => options[key] !== undefined);
}

export { AGENT_IDS };
