/** syslog-ng for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { agentSchemaEntry } from '../common/entry';
import { syslogNgOptionsSchema } from './schema';
import texts from './texts.json';

export const syslogNgEntry = agentSchemaEntry('syslog-ng', syslogNgOptionsSchema, texts);
