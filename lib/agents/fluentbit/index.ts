/** Everything Fluent Bit is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import type { AgentDefinition } from '../types';
import { fluentbitDeploy } from './deploy';
import { fluentbitEntry } from './entry';
import { fluentbitKubernetes } from './k8s';
import { readBackFluentbit } from './read-back';
import { renderFluentbitConfig } from './render';
import type { fluentbitOptionsSchema } from './schema';

export const fluentbitAgent = {
  ...fluentbitEntry,
  render: renderFluentbitConfig,
  readBack: readBackFluentbit,
  kubernetes: fluentbitKubernetes,
  deploy: fluentbitDeploy,
} satisfies AgentDefinition<'fluentbit', typeof fluentbitOptionsSchema>;
