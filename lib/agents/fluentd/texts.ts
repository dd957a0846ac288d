/**
 * The Fluentd option section's strings (loaded with it, not in the first
 * load): the one-line introduction, help per option and choice labels.
 */
import type { AgentTexts } from '../types';

export const fluentdTexts: AgentTexts = {
  intro: {
    en: 'A <match> block with the kafka2 output of fluent-plugin-kafka.',
    zh: '生成使用 fluent-plugin-kafka 的 kafka2 输出的 <match> 配置。',
  },
  help: {
    package: {
      en: 'fluent-package is Fluentd v5 and later (/etc/fluent); td-agent 4 is end of life (/etc/td-agent).',
      zh: 'fluent-package 即 Fluentd v5 及以上（/etc/fluent）；td-agent 4 已停止维护（/etc/td-agent）。',
    },
    match: {
      en: 'Tags of the events to send, e.g. ** (all events) or app.**.',
      zh: '要发送的事件的 tag，例如 **（全部事件）或 app.**。',
    },
    compression: { en: 'gzip is built in; the others need a gem (see the steps).', zh: 'gzip 为内置；其他方式需要安装额外的 gem（见步骤）。' },
    acks: {
      en: 'Who must confirm a chunk before Fluentd drops it from the buffer.',
      zh: '缓冲块需要由谁确认后，Fluentd 才会将其从缓冲中删除。',
    },
    format: {
      en: 'Send the whole record as JSON, or only its message field as plain text.',
      zh: '以 JSON 发送整条记录，或只以纯文本发送其中的 message 字段。',
    },
    includeTag: { en: 'Lets you tell sources apart in SLS.', zh: '便于在 SLS 中区分数据来源。' },
    includeTime: { en: 'In ISO 8601 format.', zh: '采用 ISO 8601 格式。' },
    useEventTime: { en: 'SLS stores it as __time__.', zh: 'SLS 会将其存为 __time__。' },
    caMode: {
      en: 'Which certificates verify SLS; ignored in sandbox mode, which uses the sandbox CA.',
      zh: '用哪些证书验证 SLS；沙箱模式下会改用沙箱 CA，此项不生效。',
    },
    caPath: { en: 'The PEM file to trust.', zh: '要信任的 PEM 文件。' },
    bufferPath: {
      en: 'Leave empty for the package’s default directory under /var/log.',
      zh: '留空则使用安装包在 /var/log 下的默认目录。',
    },
    flushInterval: { en: 'How often the buffer is sent (1–3600).', zh: '缓冲发送的间隔（1–3600）。' },
    chunkLimitSize: {
      en: 'One chunk is sent as one batch; keep it near 1m (64k–8m).',
      zh: '每个缓冲块作为一个批次发送；建议保持在 1m 左右（64k–8m）。',
    },
    totalLimitSize: {
      en: 'Caps the buffer on disk so an outage cannot fill the disk (16m–512g).',
      zh: '限制磁盘上的缓冲大小，避免故障期间写满磁盘（16m–512g）。',
    },
    kafkaClientLog: {
      en: 'Writes ruby-kafka’s own log lines into the Fluentd log, for troubleshooting.',
      zh: '把 ruby-kafka 自身的日志写入 Fluentd 日志，便于排查问题。',
    },
  },
  choices: {
    package: {
      'fluent-package': { en: 'fluent-package (v5 and later)', zh: 'fluent-package（v5 及以上）' },
      'td-agent': { en: 'td-agent 4', zh: 'td-agent 4' },
    },
    acks: {
      all: { en: 'all: every replica (required_acks -1)', zh: 'all：所有副本确认（required_acks -1）' },
      leader: { en: 'leader: the shard leader (required_acks 1)', zh: 'leader：分片主副本确认（required_acks 1）' },
    },
    format: {
      json: { en: 'json (the whole record)', zh: 'json（整条记录）' },
      single_value: { en: 'single_value (the message field)', zh: 'single_value（仅 message 字段）' },
    },
    caMode: {
      system: { en: 'System trust store', zh: '系统信任库' },
      file: { en: 'A PEM file', zh: '指定的 PEM 文件' },
    },
  },
};
