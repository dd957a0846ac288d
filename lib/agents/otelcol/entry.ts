/** The OpenTelemetry Collector for the form and the settings schema: meta, options schema, the form's rules and strings. */
import { agentSchemaEntry } from '../common/entry';
import { otelcolOptionsSchema } from './schema';
import texts from './texts.json';

export const otelcolEntry = agentSchemaEntry('otelcol', otelcolOptionsSchema, texts, {
  order: {},
  relevant: {
    receiver: (o) => o.mode === 'complete',
    logPaths: (o) => o.mode === 'complete' && o.receiver === 'filelog',
    extraSignals: (o) => o.version === 'post124',
  },
});
