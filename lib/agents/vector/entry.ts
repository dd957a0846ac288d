/** Vector for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { agentSchemaEntry } from '../common/entry';
import { vectorOptionsSchema } from './schema';
import texts from './texts.json';

export const vectorEntry = agentSchemaEntry('vector', vectorOptionsSchema, texts, {
  order: {},
  relevant: {
    inputs: (o) => o.mode === 'output-only',
    logPaths: (o) => o.mode === 'complete',
  },
});
