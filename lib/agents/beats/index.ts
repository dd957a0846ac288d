/** Everything Beats is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import type { AgentDefinition } from '../types';
import { beatsDeploy } from './deploy';
import { beatsEntry } from './entry';
import { beatsKubernetes } from './k8s';
import { readBackBeats } from './read-back';
import { renderBeatsConfig } from './render';
import type { beatsOptionsSchema } from './schema';

export const beatsAgent = {
  ...beatsEntry,
  render: renderBeatsConfig,
  deploy: beatsDeploy,
  readBack: readBackBeats,
  kubernetes: beatsKubernetes,
} satisfies AgentDefinition<'beats', typeof beatsOptionsSchema>;
