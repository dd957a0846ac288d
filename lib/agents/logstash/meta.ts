/**
 * Logstash as plain data (no zod): what the page's first load needs to
 * list the agent and name its options.
 */
import type { AgentMeta } from '../types';

export const logstashMeta = {
  id: 'logstash',
  group: 'logs',
  title: 'Logstash',
  label: { en: 'Logstash', zh: 'Logstash' },
  optionLabels: {
    version: { en: 'Logstash version', zh: 'Logstash 版本' },
    jaasMode: { en: 'JAAS configuration', zh: 'JAAS 配置方式' },
    truststore: { en: 'Truststore', zh: '信任库' },
    pemBundlePath: { en: 'PEM bundle path', zh: 'PEM 证书包路径' },
    jksPath: { en: 'JKS path', zh: 'JKS 文件路径' },
    jksPassword: { en: 'JKS password', zh: 'JKS 密码' },
    compression: { en: 'Compression', zh: '压缩方式' },
    acks: { en: 'Acks', zh: '确认级别（acks）' },
    clientId: { en: 'Client ID', zh: '客户端 ID' },
    input: { en: 'Input', zh: '输入' },
    filePath: { en: 'Log file path', zh: '日志文件路径' },
    beatsPort: { en: 'Beats port', zh: 'Beats 端口' },
  },
} as const satisfies AgentMeta;
