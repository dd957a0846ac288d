/** Everything Fluentd is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import type { AgentDefinition } from '../types';
import { fluentdDeploy } from './deploy';
import { fluentdEntry } from './entry';
import { fluentdKubernetes } from './k8s';
import { readBackFluentd } from './read-back';
import { renderFluentdConfig } from './render';
import type { fluentdOptionsSchema } from './schema';

export const fluentdAgent = {
  ...fluentdEntry,
  render: renderFluentdConfig,
  deploy: fluentdDeploy,
  readBack: readBackFluentd,
  kubernetes: fluentdKubernetes,
} satisfies AgentDefinition<'fluentd', typeof fluentdOptionsSchema>;
