/** Fluent Bit for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { agentMeta } from '../meta';
import { fluentbitOptionsSchema } from './schema';
import texts from './texts.json';

export const fluentbitEntry = {
  ...agentMeta('fluentbit'),
  schema: fluentbitOptionsSchema,
  form: {
    order: {},
    relevant: { logPath: (o) => o.mode === 'complete' },
  },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'fluentbit', typeof fluentbitOptionsSchema>;
