/** Everything the OpenTelemetry Collector is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import { defineAgent } from '../common/entry';
import { otelcolDeploy } from './deploy';
import { otelcolEntry } from './entry';
import { otelcolKubernetes } from './k8s';
import { readBackOtelcol } from './read-back';
import { renderOtelcolConfig } from './render';

export const otelcolAgent = defineAgent(otelcolEntry, {
  render: renderOtelcolConfig,
  readBack: readBackOtelcol,
  kubernetes: otelcolKubernetes,
  deploy: otelcolDeploy,
});
