/** The producer snippets for the form and the settings schema: meta, options schema, the form's rules and strings. */
import { agentMeta } from '../meta';
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { clientsOptionsSchema } from './schema';
import texts from './texts.json';

export const clientsEntry = {
  ...agentMeta('clients'),
  schema: clientsOptionsSchema,
  form: { order: {}, relevant: {} },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'clients', typeof clientsOptionsSchema>;
