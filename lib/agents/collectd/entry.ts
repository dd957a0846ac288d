/** collectd for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import type { AgentSchemaEntry } from '../types';
import { collectdMeta } from './meta';
import { collectdOptionsSchema } from './schema';
import { collectdTexts } from './texts';

export const collectdEntry = {
  ...collectdMeta,
  schema: collectdOptionsSchema,
  // Every option matters for every choice; the schema lists acks recommended-first already.
  form: { order: {}, relevant: {} },
  texts: collectdTexts,
} satisfies AgentSchemaEntry<'collectd', typeof collectdOptionsSchema>;
