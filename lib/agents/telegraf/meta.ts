/**
 * Telegraf as plain data (no zod): what the page's first load needs to
 * list the agent and name its options.
 */
import type { AgentMeta } from '../types';

export const telegrafMeta = {
  id: 'telegraf',
  group: 'metrics',
  title: 'Telegraf',
  label: { en: 'Telegraf', zh: 'Telegraf' },
  optionLabels: {
    telegrafVersion: { en: 'Telegraf version', zh: 'Telegraf 版本' },
    layout: { en: 'Layout', zh: '文件布局' },
    compression: { en: 'Compression', zh: '压缩方式' },
    acks: { en: 'Acks', zh: '确认级别（required_acks）' },
    maxRetry: { en: 'Max retries', zh: '最大重试次数' },
    osFamily: { en: 'OS family', zh: '操作系统类型' },
    caPath: { en: 'CA path', zh: 'CA 证书路径' },
  },
} as const satisfies AgentMeta;
