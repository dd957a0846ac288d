/**
 * The collectd option section's strings (loaded with it, not in the first
 * load): the one-line introduction, help per option and choice labels.
 */
import type { AgentTexts } from '../types';

export const collectdTexts: AgentTexts = {
  intro: {
    en: 'A write_kafka plugin block for collectd.conf that sends metrics as JSON.',
    zh: '生成 collectd.conf 的 write_kafka 插件配置，以 JSON 格式发送指标。',
  },
  help: {
    osFamily: {
      en: 'Decides the CA bundle, where the file goes and how to install the plugin.',
      zh: '决定 CA 证书包、配置文件的位置和插件的安装方式。',
    },
    caPath: {
      en: 'Leave empty to use the OS family’s system bundle; required for “Other”.',
      zh: '留空则使用该系统自带的证书包；选择“其他”时必填。',
    },
    compression: { en: 'librdkafka’s compression.codec.', zh: '即 librdkafka 的 compression.codec。' },
    acks: { en: 'librdkafka’s request.required.acks.', zh: '即 librdkafka 的 request.required.acks。' },
    storeRates: {
      en: 'Sends counters and derives as per-second rates, as collectd does by default.',
      zh: '以每秒速率发送计数器类指标，与 collectd 的默认行为一致。',
    },
    format: {
      en: 'JSON is the only format offered: SLS can index it or expand it into fields.',
      zh: '仅提供 JSON 格式：SLS 可以为其建立索引或展开为字段。',
    },
  },
  choices: {
    osFamily: {
      debian: { en: 'Debian / Ubuntu', zh: 'Debian / Ubuntu' },
      rhel: { en: 'RHEL / CentOS / Rocky / Alma', zh: 'RHEL / CentOS / Rocky / Alma' },
      alpine: { en: 'Alpine', zh: 'Alpine' },
      custom: { en: 'Other (enter the CA path)', zh: '其他（需填写 CA 路径）' },
    },
  },
};
