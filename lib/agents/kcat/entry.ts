/** kcat for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { agentMeta } from '../meta';
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { kcatOptionsSchema } from './schema';
import texts from './texts.json';

export const kcatEntry = {
  ...agentMeta('kcat'),
  schema: kcatOptionsSchema,
  form: { order: {}, relevant: {} },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'kcat', typeof kcatOptionsSchema>;
