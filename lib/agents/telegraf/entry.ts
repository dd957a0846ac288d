/** Telegraf for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { ACKS_ORDER } from '../common/codecs';
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { agentMeta } from '../meta';
import { telegrafOptionsSchema } from './schema';
import texts from './texts.json';

export const telegrafEntry = {
  ...agentMeta('telegraf'),
  schema: telegrafOptionsSchema,
  form: {
    order: { acks: ACKS_ORDER },
    relevant: { caPath: (o) => o.osFamily === 'custom' },
  },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'telegraf', typeof telegrafOptionsSchema>;
