/** kcat for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { agentSchemaEntry } from '../common/entry';
import { kcatOptionsSchema } from './schema';
import texts from './texts.json';

export const kcatEntry = agentSchemaEntry('kcat', kcatOptionsSchema, texts);
