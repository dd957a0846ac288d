/**
 * The schema-side entry every agent's entry.ts builds: its meta, its options
 * schema, the form's rules for it (none unless given) and the option
 * sections' strings.
 */
import type { z } from 'zod';
import { agentMeta, type AgentId } from '../meta';
import type { AgentForm, AgentSchemaEntry, AgentTexts } from '../types';

/** Every option shown for every choice, in the schema's own order. */
const NO_FORM_RULES: AgentForm = { order: {}, relevant: {} };

export function agentSchemaEntry<Id extends AgentId, Schema extends z.ZodObject>(
  id: Id,
  schema: Schema,
  texts: AgentTexts,
  form: AgentForm = NO_FORM_RULES,
): AgentSchemaEntry<Id, Schema> {
  return { ...agentMeta(id), schema, form, texts };
}
