/** Everything rsyslog is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import { defineAgent } from '../common/entry';
import { rsyslogDeploy } from './deploy';
import { rsyslogEntry } from './entry';
import { readBackRsyslog } from './read-back';
import { renderRsyslogConfig } from './render';

export const rsyslogAgent = defineAgent(rsyslogEntry, {
  render: renderRsyslogConfig,
  readBack: readBackRsyslog,
  deploy: rsyslogDeploy,
});
