/** rsyslog for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { ACKS_ORDER } from '../common/codecs';
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { agentMeta } from '../meta';
import { rsyslogOptionsSchema } from './schema';
import texts from './texts.json';

export const rsyslogEntry = {
  ...agentMeta('rsyslog'),
  schema: rsyslogOptionsSchema,
  form: { order: { acks: ACKS_ORDER }, relevant: {} },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'rsyslog', typeof rsyslogOptionsSchema>;
