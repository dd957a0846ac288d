/** Telegraf for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { ACKS_ORDER } from '../common/codecs';
import type { AgentSchemaEntry } from '../types';
import { telegrafMeta } from './meta';
import { telegrafOptionsSchema } from './schema';
import { telegrafTexts } from './texts';

export const telegrafEntry = {
  ...telegrafMeta,
  schema: telegrafOptionsSchema,
  form: {
    order: { acks: ACKS_ORDER },
    relevant: { caPath: (o) => o.osFamily === 'custom' },
  },
  texts: telegrafTexts,
} satisfies AgentSchemaEntry<'telegraf', typeof telegrafOptionsSchema>;
