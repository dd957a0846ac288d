/**
 * The OpenTelemetry Collector (contrib) as plain data (no zod): what the
 * page's first load needs to list the agent and name its options.
 */
import type { AgentMeta } from '../types';
import labels from './labels.json';

export const otelcolMeta = {
  id: 'otelcol',
  group: 'logs',
  title: 'OTel Collector',
  label: labels.label,
  optionLabels: labels.options,
} as const satisfies AgentMeta;
