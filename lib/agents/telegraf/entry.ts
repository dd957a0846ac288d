/** Telegraf for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { ACKS_ORDER } from '../common/codecs';
import { agentSchemaEntry } from '../common/entry';
import { telegrafOptionsSchema } from './schema';
import texts from './texts.json';

export const telegrafEntry = agentSchemaEntry('telegraf', telegrafOptionsSchema, texts, {
  order: { acks: ACKS_ORDER },
  relevant: { caPath: (o) => o.osFamily === 'custom' },
});
