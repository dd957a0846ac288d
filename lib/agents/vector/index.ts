/** Everything Vector is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import { defineAgent } from '../common/entry';
import { vectorDeploy } from './deploy';
import { vectorEntry } from './entry';
import { vectorKubernetes } from './k8s';
import { readBackVector } from './read-back';
import { renderVectorConfig } from './render';

export const vectorAgent = defineAgent(vectorEntry, {
  render: renderVectorConfig,
  readBack: readBackVector,
  kubernetes: vectorKubernetes,
  deploy: vectorDeploy,
});
