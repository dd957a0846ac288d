/** Beats for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { ACKS_ORDER } from '../common/codecs';
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { agentMeta } from '../meta';
import { BEATS_VERSIONS, beatsOptionsSchema } from './schema';
import texts from './texts.json';

const includes = (value: unknown, item: string): boolean => Array.isArray(value) && value.includes(item);

export const beatsEntry = {
  ...agentMeta('beats'),
  schema: beatsOptionsSchema,
  form: {
    order: { version: BEATS_VERSIONS, acks: ACKS_ORDER },
    relevant: {
      paths: (o) => o.mode === 'complete' && includes(o.beats, 'filebeat'),
      heartbeatUrls: (o) => o.mode === 'complete' && includes(o.beats, 'heartbeat'),
      codec: (o) => includes(o.beats, 'filebeat'),
    },
  },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'beats', typeof beatsOptionsSchema>;
