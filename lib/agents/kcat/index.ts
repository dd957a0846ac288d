/** Everything kcat is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import { defineAgent } from '../common/entry';
import { kcatEntry } from './entry';
import { readBackKcat } from './read-back';
import { renderKcat } from './render';

export const kcatAgent = defineAgent(kcatEntry, {
  render: renderKcat,
  readBack: readBackKcat,
});
