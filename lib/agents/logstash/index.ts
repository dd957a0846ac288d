/** Everything Logstash is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import { defineAgent } from '../common/entry';
import { logstashEntry } from './entry';
import { readBackLogstash } from './read-back';
import { renderLogstashConfig } from './render';

export const logstashAgent = defineAgent(logstashEntry, {
  render: renderLogstashConfig,
  readBack: readBackLogstash,
});
