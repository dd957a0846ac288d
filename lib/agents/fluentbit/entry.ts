/** Fluent Bit for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { agentSchemaEntry } from '../common/entry';
import { fluentbitOptionsSchema } from './schema';
import texts from './texts.json';

export const fluentbitEntry = agentSchemaEntry('fluentbit', fluentbitOptionsSchema, texts, {
  order: {},
  relevant: { logPath: (o) => o.mode === 'complete' },
});
