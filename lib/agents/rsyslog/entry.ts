/** rsyslog for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { ACKS_ORDER } from '../common/codecs';
import { agentSchemaEntry } from '../common/entry';
import { rsyslogOptionsSchema } from './schema';
import texts from './texts.json';

export const rsyslogEntry = agentSchemaEntry('rsyslog', rsyslogOptionsSchema, texts, { order: { acks: ACKS_ORDER }, relevant: {} });
