/** The producer snippets for the form and the settings schema: meta, options schema, the form's rules and strings. */
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { clientsMeta } from './meta';
import { clientsOptionsSchema } from './schema';
import texts from './texts.json';

export const clientsEntry = {
  ...clientsMeta,
  schema: clientsOptionsSchema,
  form: { order: {}, relevant: {} },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'clients', typeof clientsOptionsSchema>;
