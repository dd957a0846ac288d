/**
 * Vector as plain data (no zod): what the page's first load needs to list
 * the agent and name its options (labels.json, English and Chinese).
 */
import type { AgentMeta } from '../types';
import labels from './labels.json';

export const vectorMeta = {
  id: 'vector',
  group: 'logs',
  title: 'Vector',
  label: labels.label,
  optionLabels: labels.options,
} as const satisfies AgentMeta;
