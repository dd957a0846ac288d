/** Beats for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { ACKS_ORDER } from '../common/codecs';
import { agentSchemaEntry } from '../common/entry';
import { BEATS_VERSIONS, beatsOptionsSchema } from './schema';
import texts from './texts.json';

const includes = (value: unknown, item: string): boolean => Array.isArray(value) && value.includes(item);

export const beatsEntry = agentSchemaEntry('beats', beatsOptionsSchema, texts, {
  order: { version: BEATS_VERSIONS, acks: ACKS_ORDER },
  relevant: {
    paths: (o) => o.mode === 'complete' && includes(o.beats, 'filebeat'),
    heartbeatUrls: (o) => o.mode === 'complete' && includes(o.beats, 'heartbeat'),
    codec: (o) => includes(o.beats, 'filebeat'),
  },
});
