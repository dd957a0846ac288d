/**
 * What the form needs to know per agent beyond its options schema: the
 * display order of choices and which options matter for the current choices
 * (Filebeat paths only in a complete config, a CA path only for a custom OS
 * family, …). Options that do not matter are hidden, not dropped: their
 * values stay, and an option with an error is always shown.
 */
import type { z } from 'zod';
import { AGENT_IDS, type AgentId } from '@/lib/settings/agents';
import { BEATS_VERSIONS, beatsOptionsSchema } from '@/lib/agents/beats/schema';
import { collectdOptionsSchema } from '@/lib/agents/collectd/schema';
import { fluentdOptionsSchema } from '@/lib/agents/fluentd/schema';
import { LOGSTASH_VERSIONS } from '@/lib/agents/logstash/versions';
import { logstashOptionsSchema } from '@/lib/agents/logstash/schema';
import { telegrafOptionsSchema } from '@/lib/agents/telegraf/schema';
import { describeOptionsSchema, type ChoiceOrder, type OptionField } from './option-fields';

type Options = Readonly<Record<string, unknown>>;

export interface AgentForm {
  id: AgentId;
  schema: z.ZodObject;
  order: ChoiceOrder;
  /** Options shown only when this returns true for the agent's (defaults-filled) options. */
  relevant: Readonly<Record<string, (options: Options) => boolean>>;
}

const includes = (value: unknown, item: string): boolean => Array.isArray(value) && value.includes(item);

// Acknowledgement choices with the recommended one first, as collectd's schema lists them.
const ACKS_ORDER = [1, -1, 0] as const;

export const AGENT_FORMS: Readonly<Record<AgentId, AgentForm>> = {
  beats: {
    id: 'beats',
    schema: beatsOptionsSchema,
    order: { version: BEATS_VERSIONS, acks: ACKS_ORDER },
    relevant: {
      paths: (o) => o.mode === 'complete' && includes(o.beats, 'filebeat'),
      heartbeatUrls: (o) => o.mode === 'complete' && includes(o.beats, 'heartbeat'),
    },
  },
  collectd: { id: 'collectd', schema: collectdOptionsSchema, order: {}, relevant: {} },
  telegraf: {
    id: 'telegraf',
    schema: telegrafOptionsSchema,
    order: { acks: ACKS_ORDER },
    relevant: { caPath: (o) => o.osFamily === 'custom' },
  },
  fluentd: {
    id: 'fluentd',
    schema: fluentdOptionsSchema,
    order: {},
    relevant: { caPath: (o) => o.caMode === 'file' },
  },
  logstash: {
    id: 'logstash',
    schema: logstashOptionsSchema,
    order: { version: LOGSTASH_VERSIONS },
    relevant: {
      pemBundlePath: (o) => o.truststore === 'pem',
      jksPath: (o) => o.truststore === 'jks',
      jksPassword: (o) => o.truststore === 'jks',
      filePath: (o) => o.input === 'file',
      beatsPort: (o) => o.input === 'beats',
    },
  },
};

const described = new Map<AgentId, OptionField[]>();

/** The agent's option fields, described once from its schema. */
export function agentOptionFields(agent: AgentId): OptionField[] {
  let fields = described.get(agent);
  if (!fields) {
    const form = AGENT_FORMS[agent];
    fields = describeOptionsSchema(form.schema, form.order);
    described.set(agent, fields);
  }
  return fields;
}

/** Whether an option is shown for the agent's current (defaults-filled) options. */
export function isOptionRelevant(agent: AgentId, option: string, options: Options): boolean {
  const rule = AGENT_FORMS[agent].relevant[option];
  return rule ? rule(options) : true;
}

export { AGENT_IDS };
