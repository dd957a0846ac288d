/** Everything Logstash is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import type { AgentDefinition } from '../types';
import { logstashDeploy } from './deploy';
import { logstashEntry } from './entry';
import { readBackLogstash } from './read-back';
import { renderLogstashConfig } from './render';
import type { logstashOptionsSchema } from './schema';

export const logstashAgent = {
  ...logstashEntry,
  render: renderLogstashConfig,
  deploy: logstashDeploy,
  readBack: readBackLogstash,
} satisfies AgentDefinition<'logstash', typeof logstashOptionsSchema>;
