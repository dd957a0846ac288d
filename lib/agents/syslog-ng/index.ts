/** Everything syslog-ng is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import type { AgentDefinition } from '../types';
import { syslogNgDeploy } from './deploy';
import { syslogNgEntry } from './entry';
import { readBackSyslogNg } from './read-back';
import { renderSyslogNgConfig } from './render';
import type { syslogNgOptionsSchema } from './schema';

export const syslogNgAgent = {
  ...syslogNgEntry,
  render: renderSyslogNgConfig,
  readBack: readBackSyslogNg,
  deploy: syslogNgDeploy,
} satisfies AgentDefinition<'syslog-ng', typeof syslogNgOptionsSchema>;
