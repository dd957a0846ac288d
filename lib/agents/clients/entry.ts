/** The producer snippets for the form and the settings schema: meta, options schema, the form's rules and strings. */
import { agentSchemaEntry } from '../common/entry';
import { clientsOptionsSchema } from './schema';
import texts from './texts.json';

export const clientsEntry = agentSchemaEntry('clients', clientsOptionsSchema, texts);
