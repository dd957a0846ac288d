/** Everything Fluentd is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import { defineAgent } from '../common/entry';
import { fluentdEntry } from './entry';
import { fluentdKubernetes } from './k8s';
import { readBackFluentd } from './read-back';
import { renderFluentdConfig } from './render';

export const fluentdAgent = defineAgent(fluentdEntry, {
  render: renderFluentdConfig,
  readBack: readBackFluentd,
  kubernetes: fluentdKubernetes,
});
