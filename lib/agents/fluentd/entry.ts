/** Fluentd for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { agentMeta } from '../meta';
import { fluentdOptionsSchema } from './schema';
import texts from './texts.json';

export const fluentdEntry = {
  ...agentMeta('fluentd'),
  schema: fluentdOptionsSchema,
  form: {
    order: {},
    relevant: { caPath: (o) => o.caMode === 'file' },
  },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'fluentd', typeof fluentdOptionsSchema>;
