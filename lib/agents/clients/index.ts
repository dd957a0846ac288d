/** The producer snippets in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import type { AgentDefinition } from '../types';
import { clientsEntry } from './entry';
import { readBackClients } from './read-back';
import { renderClients } from './render';
import type { clientsOptionsSchema } from './schema';

export const clientsAgent = {
  ...clientsEntry,
  render: renderClients,
  readBack: readBackClients,
} satisfies AgentDefinition<'clients', typeof clientsOptionsSchema>;
