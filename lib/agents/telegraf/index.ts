/** Everything Telegraf is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import type { AgentDefinition } from '../types';
import { telegrafDeploy } from './deploy';
import { telegrafEntry } from './entry';
import { readBackTelegraf } from './read-back';
import { renderTelegrafConfig } from './render';
import type { telegrafOptionsSchema } from './schema';

export const telegrafAgent = {
  ...telegrafEntry,
  render: renderTelegrafConfig,
  readBack: readBackTelegraf,
  deploy: telegrafDeploy,
} satisfies AgentDefinition<'telegraf', typeof telegrafOptionsSchema>;
