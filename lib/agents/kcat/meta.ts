/**
 * kcat as plain data (no zod): what the page's first load needs to list the
 * agent and name its options (labels.json, English and Chinese).
 */
import type { AgentMeta } from '../types';
import labels from './labels.json';

export const kcatMeta = {
  id: 'kcat',
  group: 'code',
  title: 'kcat',
  label: labels.label,
  optionLabels: labels.options,
} as const satisfies AgentMeta;
