/** Everything the OpenTelemetry Collector is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import type { AgentDefinition } from '../types';
import { otelcolDeploy } from './deploy';
import { otelcolEntry } from './entry';
import { otelcolKubernetes } from './k8s';
import { readBackOtelcol } from './read-back';
import { renderOtelcolConfig } from './render';
import type { otelcolOptionsSchema } from './schema';

export const otelcolAgent = {
  ...otelcolEntry,
  render: renderOtelcolConfig,
  readBack: readBackOtelcol,
  kubernetes: otelcolKubernetes,
  deploy: otelcolDeploy,
} satisfies AgentDefinition<'otelcol', typeof otelcolOptionsSchema>;
