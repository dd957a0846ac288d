/** Everything syslog-ng is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import { defineAgent } from '../common/entry';
import { syslogNgDeploy } from './deploy';
import { syslogNgEntry } from './entry';
import { readBackSyslogNg } from './read-back';
import { renderSyslogNgConfig } from './render';

export const syslogNgAgent = defineAgent(syslogNgEntry, {
  render: renderSyslogNgConfig,
  readBack: readBackSyslogNg,
  deploy: syslogNgDeploy,
});
