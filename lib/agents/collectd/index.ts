/** Everything collectd is, in one definition: meta, options schema, form rules, strings, renderer, read-back. */
import { defineAgent } from '../common/entry';
import { collectdDeploy } from './deploy';
import { collectdEntry } from './entry';
import { readBackCollectd } from './read-back';
import { renderCollectdConfig } from './render';

export const collectdAgent = defineAgent(collectdEntry, {
  render: renderCollectdConfig,
  readBack: readBackCollectd,
  deploy: collectdDeploy,
  // collectd has no way to read an environment variable, so the pair is written in every secret mode.
  inlineSecretAlways: true,
});
