/**
 * The agents the wizard renders configs for and the shape of each one's
 * options, built from the agent registry (lib/agents/schemas.ts). `{}` means
 * the agent's defaults; an absent agent is not rendered.
 */
import { z } from 'zod';
import { strictObjectError } from '../agents/common/options-schema';
import { AGENT_IDS, type AgentId } from '../agents/meta';
import { AGENT_SCHEMA_ENTRIES, type AgentOptionsSchema } from '../agents/schemas';

export { AGENT_IDS, type AgentId } from '../agents/meta';
export type { AgentOptions } from '../agents/schemas';

type AgentsShape = { [K in AgentId]: z.ZodOptional<AgentOptionsSchema<K>> };

const shape = Object.fromEntries(AGENT_SCHEMA_ENTRIES.map((entry) => [entry.id, entry.schema.optional()])) as AgentsShape;

export const agentsSchema = z.strictObject(shape, {
  error: strictObjectError(
    ({ keys }) => `Unknown agent ${keys}: choose from ${AGENT_IDS.join(', ')}.`,
    'Agents: expected an object keyed by agent id, e.g. { "beats": {} }.',
  ),
});

export type AgentsSettings = z.output<typeof agentsSchema>;
