/**
 * The schema-side entry every agent's entry.ts builds: its meta, its options
 * schema, the form's rules for it (none unless given) and the option
 * sections' strings.
 */
import type { z } from 'zod';
import { agentMeta, type AgentId } from '../meta';
import type { AgentDefinition, AgentForm, AgentSchemaEntry, AgentTexts } from '../types';

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

/** What an agent's index.ts adds to its entry: renderer, read-back and the optional hooks. */
export type AgentParts<Schema extends z.ZodObject> = Omit<AgentDefinition<string, Schema>, keyof AgentSchemaEntry>;

/**
 * An agent's full definition: its entry plus its parts. The id and options
 * type come from the entry, so the renderer and hooks are checked against the
 * entry's own schema without restating it.
 */
export function defineAgent<Id extends AgentId, Schema extends z.ZodObject, Parts extends AgentParts<Schema>>(
  entry: AgentSchemaEntry<Id, Schema>,
  parts: Parts,
): AgentSchemaEntry<Id, Schema> & Parts {
  return { ...entry, ...parts };
}
