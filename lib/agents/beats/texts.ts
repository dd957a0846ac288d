/**
 * The Beats option section's strings (loaded with it, not in the first
 * load): the one-line introduction, help per option and choice labels.
 */
import type { AgentTexts } from '../types';

export const beatsTexts: AgentTexts = {
  intro: {
    en: 'One config per chosen Beat; the Kafka output is the same for all of them.',
    zh: '每个选中的 Beat 生成一份配置；它们的 Kafka 输出部分相同。',
  },
  help: {
    beats: { en: 'One <beat>.yml for each Beat you run.', zh: '为你运行的每个 Beat 生成一份 <beat>.yml。' },
    version: {
      en: 'The major version you run (filebeat version shows it); it decides zstd and the JSON header.',
      zh: '你运行的主版本（可用 filebeat version 查看），决定能否使用 zstd 和 JSON 请求头。',
    },
    mode: {
      en: 'Paste the output.kafka section into your existing <beat>.yml, or start from a complete minimal config with an input.',
      zh: '可只生成 output.kafka 部分，粘贴到现有的 <beat>.yml 中；也可生成带输入的完整最小配置。',
    },
    compression: { en: 'gzip works with every version; zstd needs Beats 9.', zh: 'gzip 适用于所有版本；zstd 需要 Beats 9。' },
    acks: { en: 'Who must confirm a batch before the Beat moves on.', zh: '批次需要由谁确认后，Beat 才继续发送。' },
    maxMessageBytes: {
      en: 'Larger events are dropped; SLS accepts log entries of up to 1 MB (1048576 bytes).',
      zh: '超过此大小的事件会被丢弃；SLS 单条日志最大 1 MB（1048576 字节）。',
    },
    paths: {
      en: 'One absolute path or glob per line, e.g. /var/log/*.log; blank lines are ignored.',
      zh: '每行一个绝对路径或通配符，例如 /var/log/*.log；空行会被忽略。',
    },
    heartbeatUrls: {
      en: 'One http:// or https:// URL per line; Heartbeat checks each one.',
      zh: '每行一个 http:// 或 https:// URL，Heartbeat 会逐个检测。',
    },
  },
  choices: {
    beats: {
      filebeat: { en: 'Filebeat', zh: 'Filebeat' },
      metricbeat: { en: 'Metricbeat', zh: 'Metricbeat' },
      packetbeat: { en: 'Packetbeat', zh: 'Packetbeat' },
      winlogbeat: { en: 'Winlogbeat', zh: 'Winlogbeat' },
      auditbeat: { en: 'Auditbeat', zh: 'Auditbeat' },
      heartbeat: { en: 'Heartbeat', zh: 'Heartbeat' },
    },
    version: {
      '7.17': { en: '7.17', zh: '7.17' },
      '8': { en: '8.x', zh: '8.x' },
      '9': { en: '9.x', zh: '9.x' },
    },
    mode: {
      output: { en: 'Output section only (output.kafka)', zh: '仅输出部分（output.kafka）' },
      complete: { en: 'Complete minimal config', zh: '完整的最小配置' },
    },
  },
};
