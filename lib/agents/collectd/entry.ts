/** collectd for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { agentSchemaEntry } from '../common/entry';
import { collectdOptionsSchema } from './schema';
import texts from './texts.json';

// Every option matters for every choice; the schema lists acks recommended-first already.
export const collectdEntry = agentSchemaEntry('collectd', collectdOptionsSchema, texts);
