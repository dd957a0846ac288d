/** Everything Fluentd is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import type { AgentDefinition } from '../types';
import { fluentdEntry } from './entry';
import { readBackFluentd } from './read-back';
import { renderFluentdConfig } from './render';
import type { fluentdOptionsSchema } from './schema';

export const fluentdAgent = {
  ...fluentdEntry,
  render: renderFluentdConfig,
  readBack: readBackFluentd,
} satisfies AgentDefinition<'fluentd', typeof fluentdOptionsSchema>;
