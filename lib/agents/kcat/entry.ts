/** kcat for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { kcatMeta } from './meta';
import { kcatOptionsSchema } from './schema';
import texts from './texts.json';

export const kcatEntry = {
  ...kcatMeta,
  schema: kcatOptionsSchema,
  form: { order: {}, relevant: {} },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'kcat', typeof kcatOptionsSchema>;
