/**
 * The form's view of each agent's options, from the agent registry
 * (lib/agents/schemas.ts): the option fields described from its schema, in
 * the display order its folder gives, and which options matter for the
 * current choices (Filebeat paths only in a complete config, a CA path only
 * for a custom OS family, …). Options that do not matter are hidden, not
 * dropped: their values stay, and an option with an error is always shown.
 */
import { AGENT_IDS, type AgentId } from '@/lib/agents/meta';
import { agentSchemaEntry } from '@/lib/agents/schemas';
import { describeOptionsSchema, type OptionField } from './option-fields';

type Options = Readonly<Record<string, unknown>>;

const described = new Map<AgentId, OptionField[]>();

/** The agent's option fields, described once from its schema. */
export function agentOptionFields(agent: AgentId): OptionField[] {
  let fields = described.get(agent);
  if (!fields) {
    const entry = agentSchemaEntry(agent);
    fields = describeOptionsSchema(entry.schema, entry.form.order);
    described.set(agent, fields);
  }
  return fields;
}

/** Whether an option is shown for the agent's current (defaults-filled) options. */
export function isOptionRelevant(agent: AgentId, option: string, options: Options): boolean {
  const rule = agentSchemaEntry(agent).form.relevant[option];
  return rule ? rule(options) : true;
}

export { AGENT_IDS };
