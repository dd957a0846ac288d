/**
 * collectd as plain data (no zod): what the page's first load needs to
 * list the agent and name its options (labels.json, English and Chinese).
 */
import type { AgentMeta } from '../types';
import labels from './labels.json';

export const collectdMeta = {
  id: 'collectd',
  group: 'metrics',
  title: 'collectd',
  label: labels.label,
  optionLabels: labels.options,
} as const satisfies AgentMeta;
