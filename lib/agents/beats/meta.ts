/**
 * Beats as plain data (no zod): what the page's first load needs to
 * list the agent and name its options.
 */
import type { AgentMeta } from '../types';

export const beatsMeta = {
  id: 'beats',
  group: 'logs',
  title: 'Beats',
  label: { en: 'Beats (Filebeat, Metricbeat, …)', zh: 'Beats（Filebeat、Metricbeat 等）' },
  defaultSelected: true,
  optionLabels: {
    beats: { en: 'Which Beats', zh: '生成哪些 Beat' },
    version: { en: 'Beats version', zh: 'Beats 版本' },
    mode: { en: 'Config to generate', zh: '生成内容' },
    compression: { en: 'Compression', zh: '压缩方式' },
    acks: { en: 'Required acks', zh: '确认级别（required_acks）' },
    maxMessageBytes: { en: 'Max message bytes', zh: '单条消息最大字节数' },
    paths: { en: 'Log paths (Filebeat)', zh: '日志路径（Filebeat）' },
    heartbeatUrls: { en: 'Heartbeat URLs', zh: 'Heartbeat 监测 URL' },
  },
} as const satisfies AgentMeta;
