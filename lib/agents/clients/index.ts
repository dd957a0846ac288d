/** The producer snippets in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import { defineAgent } from '../common/entry';
import { clientsEntry } from './entry';
import { readBackClients } from './read-back';
import { renderClients } from './render';

export const clientsAgent = defineAgent(clientsEntry, {
  render: renderClients,
  readBack: readBackClients,
});
