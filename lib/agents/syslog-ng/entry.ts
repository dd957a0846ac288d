/** syslog-ng for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { agentMeta } from '../meta';
import { syslogNgOptionsSchema } from './schema';
import texts from './texts.json';

export const syslogNgEntry = {
  ...agentMeta('syslog-ng'),
  schema: syslogNgOptionsSchema,
  form: { order: {}, relevant: {} },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'syslog-ng', typeof syslogNgOptionsSchema>;
