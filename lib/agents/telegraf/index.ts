/** Everything Telegraf is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import { defineAgent } from '../common/entry';
import { telegrafDeploy } from './deploy';
import { telegrafEntry } from './entry';
import { readBackTelegraf } from './read-back';
import { renderTelegrafConfig } from './render';

export const telegrafAgent = defineAgent(telegrafEntry, {
  render: renderTelegrafConfig,
  readBack: readBackTelegraf,
  deploy: telegrafDeploy,
});
