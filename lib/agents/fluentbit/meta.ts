/**
 * Fluent Bit as plain data (no zod): what the page's first load needs to
 * list the agent and name its options (labels.json, English and Chinese).
 */
import type { AgentMeta } from '../types';
import labels from './labels.json';

export const fluentbitMeta = {
  id: 'fluentbit',
  group: 'logs',
  title: 'Fluent Bit',
  label: labels.label,
  optionLabels: labels.options,
} as const satisfies AgentMeta;
