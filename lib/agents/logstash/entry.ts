/** Logstash for the form and the settings schema: meta, options schema, the form's rules and strings (no renderer). */
import { agentSchemaEntry } from '../common/entry';
import { logstashOptionsSchema } from './schema';
import texts from './texts.json';
import { LOGSTASH_VERSIONS } from './versions';

export const logstashEntry = agentSchemaEntry('logstash', logstashOptionsSchema, texts, {
  order: { version: LOGSTASH_VERSIONS },
  relevant: {
    pemBundlePath: (o) => o.truststore === 'pem',
    jksPath: (o) => o.truststore === 'jks',
    jksPassword: (o) => o.truststore === 'jks',
    filePath: (o) => o.input === 'file',
    beatsPort: (o) => o.input === 'beats',
  },
});
