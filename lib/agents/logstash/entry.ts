/** Logstash for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { agentMeta } from '../meta';
import { logstashOptionsSchema } from './schema';
import texts from './texts.json';
import { LOGSTASH_VERSIONS } from './versions';

export const logstashEntry = {
  ...agentMeta('logstash'),
  schema: logstashOptionsSchema,
  form: {
    order: { version: LOGSTASH_VERSIONS },
    relevant: {
      pemBundlePath: (o) => o.truststore === 'pem',
      jksPath: (o) => o.truststore === 'jks',
      jksPassword: (o) => o.truststore === 'jks',
      filePath: (o) => o.input === 'file',
      beatsPort: (o) => o.input === 'beats',
    },
  },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'logstash', typeof logstashOptionsSchema>;
