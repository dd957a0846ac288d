/** Everything rsyslog is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import type { AgentDefinition } from '../types';
import { rsyslogDeploy } from './deploy';
import { rsyslogEntry } from './entry';
import { readBackRsyslog } from './read-back';
import { renderRsyslogConfig } from './render';
import type { rsyslogOptionsSchema } from './schema';

export const rsyslogAgent = {
  ...rsyslogEntry,
  render: renderRsyslogConfig,
  readBack: readBackRsyslog,
  deploy: rsyslogDeploy,
} satisfies AgentDefinition<'rsyslog', typeof rsyslogOptionsSchema>;
