/** Vector for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { agentMeta } from '../meta';
import { vectorOptionsSchema } from './schema';
import texts from './texts.json';

export const vectorEntry = {
  ...agentMeta('vector'),
  schema: vectorOptionsSchema,
  form: {
    order: {},
    relevant: {
      inputs: (o) => o.mode === 'output-only',
      logPaths: (o) => o.mode === 'complete',
    },
  },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'vector', typeof vectorOptionsSchema>;
