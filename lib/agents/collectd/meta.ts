/**
 * collectd as plain data (no zod): what the page's first load needs to
 * list the agent and name its options.
 */
import type { AgentMeta } from '../types';

export const collectdMeta = {
  id: 'collectd',
  group: 'metrics',
  title: 'collectd',
  label: { en: 'collectd', zh: 'collectd' },
  optionLabels: {
    osFamily: { en: 'OS family', zh: '操作系统类型' },
    caPath: { en: 'CA path', zh: 'CA 证书路径' },
    compression: { en: 'Compression', zh: '压缩方式' },
    acks: { en: 'Acks', zh: '确认级别（acks）' },
    storeRates: { en: 'Store counters as rates (StoreRates)', zh: '将计数器存为速率（StoreRates）' },
    format: { en: 'Format', zh: '格式' },
  },
} as const satisfies AgentMeta;
