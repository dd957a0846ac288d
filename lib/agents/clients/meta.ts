/**
 * The producer-code snippets as plain data (no zod): what the page's first
 * load needs to list the agent and name its options (labels.json).
 */
import type { AgentMeta } from '../types';
import labels from './labels.json';

export const clientsMeta = {
  id: 'clients',
  group: 'code',
  title: 'Code',
  label: labels.label,
  optionLabels: labels.options,
} as const satisfies AgentMeta;
