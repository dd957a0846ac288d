/** The OpenTelemetry Collector for the form and the settings schema: meta, options schema, the form's rules and strings. */
import type { AgentSchemaEntry, AgentTexts } from '../types';
import { agentMeta } from '../meta';
import { otelcolOptionsSchema } from './schema';
import texts from './texts.json';

export const otelcolEntry = {
  ...agentMeta('otelcol'),
  schema: otelcolOptionsSchema,
  form: {
    order: {},
    relevant: {
      receiver: (o) => o.mode === 'complete',
      logPaths: (o) => o.mode === 'complete' && o.receiver === 'filelog',
      extraSignals: (o) => o.version === 'post124',
    },
  },
  texts: texts satisfies AgentTexts,
} satisfies AgentSchemaEntry<'otelcol', typeof otelcolOptionsSchema>;
