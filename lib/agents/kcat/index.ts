/** Everything kcat is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import type { AgentDefinition } from '../types';
import { kcatEntry } from './entry';
import { readBackKcat } from './read-back';
import { renderKcat } from './render';
import type { kcatOptionsSchema } from './schema';

export const kcatAgent = {
  ...kcatEntry,
  render: renderKcat,
  readBack: readBackKcat,
} satisfies AgentDefinition<'kcat', typeof kcatOptionsSchema>;
