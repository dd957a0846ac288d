/**
 * Fluentd as plain data (no zod): what the page's first load needs to
 * list the agent and name its options.
 */
import type { AgentMeta } from '../types';

export const fluentdMeta = {
  id: 'fluentd',
  group: 'logs',
  title: 'Fluentd',
  label: { en: 'Fluentd', zh: 'Fluentd' },
  optionLabels: {
    package: { en: 'Package', zh: '安装包' },
    match: { en: 'Match pattern', zh: '匹配模式' },
    compression: { en: 'Compression', zh: '压缩方式' },
    acks: { en: 'Acks', zh: '确认级别（acks）' },
    format: { en: 'Format', zh: '格式' },
    includeTag: { en: 'Add the tag as field “tag”', zh: '将 tag 添加为字段“tag”' },
    includeTime: { en: 'Add the event time as field “time”', zh: '将事件时间添加为字段“time”' },
    useEventTime: { en: 'Use the event time as the record timestamp', zh: '将事件时间用作记录时间戳' },
    caMode: { en: 'CA certificates', zh: 'CA 证书来源' },
    caPath: { en: 'CA path', zh: 'CA 证书路径' },
    bufferPath: { en: 'Buffer path', zh: '缓冲目录' },
    flushInterval: { en: 'Flush interval (seconds)', zh: '刷新间隔（秒）' },
    chunkLimitSize: { en: 'Chunk limit size', zh: '单块大小上限' },
    totalLimitSize: { en: 'Total buffer limit', zh: '缓冲总大小上限' },
    kafkaClientLog: { en: 'Log Kafka client messages', zh: '输出 Kafka 客户端日志' },
  },
} as const satisfies AgentMeta;
