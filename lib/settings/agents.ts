/**
 * The agents the wizard renders configs for and the shape of each one's
 * options. `{}` means the agent's defaults; an absent agent is not rendered.
 */
import { z } from 'zod';

export const AGENT_IDS = ['beats', 'collectd', 'telegraf', 'fluentd', 'logstash'] as const;
export type AgentId = (typeof AGENT_IDS)[number];

export const agentsSchema = z
  .strictObject(
    {
      beats: z.strictObject({}).optional(),
      collectd: z.strictObject({}).optional(),
      telegraf: z.strictObject({}).optional(),
      fluentd: z.strictObject({}).optional(),
      logstash: z.strictObject({}).optional(),
    },
    { error: (iss) => (iss.code === 'unrecognized_keys' ? undefined : 'agents: expected an object keyed by agent id') },
  );
