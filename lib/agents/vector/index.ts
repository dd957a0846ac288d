/** Everything Vector is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import type { AgentDefinition } from '../types';
import { vectorDeploy } from './deploy';
import { vectorEntry } from './entry';
import { vectorKubernetes } from './k8s';
import { readBackVector } from './read-back';
import { renderVectorConfig } from './render';
import type { vectorOptionsSchema } from './schema';

export const vectorAgent = {
  ...vectorEntry,
  render: renderVectorConfig,
  readBack: readBackVector,
  kubernetes: vectorKubernetes,
  deploy: vectorDeploy,
} satisfies AgentDefinition<'vector', typeof vectorOptionsSchema>;
