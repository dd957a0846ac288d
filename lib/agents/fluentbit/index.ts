/** Everything Fluent Bit is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import { defineAgent } from '../common/entry';
import { fluentbitDeploy } from './deploy';
import { fluentbitEntry } from './entry';
import { fluentbitKubernetes } from './k8s';
import { readBackFluentbit } from './read-back';
import { renderFluentbitConfig } from './render';

export const fluentbitAgent = defineAgent(fluentbitEntry, {
  render: renderFluentbitConfig,
  readBack: readBackFluentbit,
  kubernetes: fluentbitKubernetes,
  deploy: fluentbitDeploy,
});
