/** Fluentd for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { agentSchemaEntry } from '../common/entry';
import { fluentdOptionsSchema } from './schema';
import texts from './texts.json';

export const fluentdEntry = agentSchemaEntry('fluentd', fluentdOptionsSchema, texts, {
  order: {},
  relevant: { caPath: (o) => o.caMode === 'file' },
});
