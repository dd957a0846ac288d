/**
 * The agents the wizard renders configs for and the shape of each one's
 * options. `{}` means the agent's defaults; an absent agent is not rendered.
 */
import { z } from 'zod';
import { beatsOptionsSchema } from './agents/beats';
import { collectdOptionsSchema } from './agents/collectd';
import { fluentdOptionsSchema } from './agents/fluentd';
import { logstashOptionsSchema } from './agents/logstash';
import { telegrafOptionsSchema } from './agents/telegraf';

import { AGENT_IDS, type AgentId } from './agent-ids';

export { AGENT_IDS, AGENT_LABELS, type AgentId } from './agent-ids';

export const agentsSchema = z.strictObject(
  {
    beats: beatsOptionsSchema.optional(),
    collectd: collectdOptionsSchema.optional(),
    telegraf: telegrafOptionsSchema.optional(),
    fluentd: fluentdOptionsSchema.optional(),
    logstash: logstashOptionsSchema.optional(),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `Unknown agent ${iss.keys.map((k) => `“${k}”`).join(', ')}: choose from ${AGENT_IDS.join(', ')}.`
        : 'Agents: expected an object keyed by agent id, e.g. { "beats": {} }.',
  },
);

export type AgentsSettings = z.output<typeof agentsSchema>;
export type AgentOptions = { [K in AgentId]: NonNullable<AgentsSettings[K]> };
