/** Everything Beats is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import { defineAgent } from '../common/entry';
import { beatsEntry } from './entry';
import { beatsKubernetes } from './k8s';
import { readBackBeats } from './read-back';
import { renderBeatsConfig } from './render';

export const beatsAgent = defineAgent(beatsEntry, {
  render: renderBeatsConfig,
  readBack: readBackBeats,
  kubernetes: beatsKubernetes,
});
