/** collectd for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { agentMeta } from '../meta';
import { collectdOptionsSchema } from './schema';
import texts from './texts.json';

export const collectdEntry = {
  ...agentMeta('collectd'),
  schema: collectdOptionsSchema,
  // Every option matters for every choice; the schema lists acks recommended-first already.
  form: { order: {}, relevant: {} },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'collectd', typeof collectdOptionsSchema>;
