/**
 * The Logstash option section's strings (loaded with it, not in the first
 * load): the one-line introduction, help per option and choice labels.
 */
import type { AgentTexts } from '../types';

export const logstashTexts: AgentTexts = {
  intro: {
    en: 'A pipeline with the kafka output, plus the JAAS and truststore files it needs.',
    zh: '生成带 kafka 输出的管道配置，以及所需的 JAAS 和信任库文件。',
  },
  help: {
    version: {
      en: 'Decides the bundled Kafka plugin: JAAS, PEM truststores and zstd depend on it.',
      zh: '决定自带的 Kafka 插件版本，JAAS、PEM 信任库和 zstd 是否可用都取决于它。',
    },
    jaasMode: {
      en: 'Automatic uses sasl_jaas_config where the bundled plugin has it, otherwise a JAAS file.',
      zh: '“自动”会在自带插件支持时使用 sasl_jaas_config，否则使用 JAAS 文件。',
    },
    truststore: {
      en: 'The JVM’s default cacerts verifies SLS on Logstash 7.10.1 and later.',
      zh: 'Logstash 7.10.1 及以上版本使用 JVM 默认的 cacerts 即可验证 SLS。',
    },
    pemBundlePath: { en: 'An absolute path with forward slashes.', zh: '使用正斜杠的绝对路径。' },
    jksPath: { en: 'Where the steps build the truststore.', zh: '步骤中生成信任库的位置。' },
    jksPassword: {
      en: 'Guards the store of public CA certificates (at least 6 characters); it is not the AccessKey secret.',
      zh: '用于保护存放公共 CA 证书的信任库（至少 6 个字符），不是 AccessKey Secret。',
    },
    compression: { en: 'zstd needs Logstash 7.17, 8.0 or later.', zh: 'zstd 需要 Logstash 7.17、8.0 或更高版本。' },
    acks: { en: 'The kafka output’s acks setting.', zh: '即 kafka 输出的 acks 设置。' },
    clientId: { en: 'Shows up with each record in SLS.', zh: '会随每条记录一起出现在 SLS 中。' },
    input: {
      en: 'None writes only the output section, to add to an existing pipeline.',
      zh: '选择“无”时只生成输出部分，用于加入现有的管道。',
    },
    filePath: { en: 'An absolute path or glob, e.g. /var/log/app/*.log.', zh: '绝对路径或通配符，例如 /var/log/app/*.log。' },
    beatsPort: { en: 'The port Beats send to (1–65535).', zh: 'Beats 发送数据的端口（1–65535）。' },
  },
  choices: {
    version: {
      '6': { en: 'Logstash 6.x', zh: 'Logstash 6.x' },
      '7.0-7.9': { en: 'Logstash 7.0 – 7.9', zh: 'Logstash 7.0 – 7.9' },
      '7.10-7.16': { en: 'Logstash 7.10 – 7.16', zh: 'Logstash 7.10 – 7.16' },
      '7.17': { en: 'Logstash 7.17', zh: 'Logstash 7.17' },
      '8.0-8.2': { en: 'Logstash 8.0 – 8.2', zh: 'Logstash 8.0 – 8.2' },
      '8.3-8.19': { en: 'Logstash 8.3 – 8.19', zh: 'Logstash 8.3 – 8.19' },
      '9': { en: 'Logstash 9.x', zh: 'Logstash 9.x' },
    },
    jaasMode: {
      auto: { en: 'Automatic (by version)', zh: '自动（按版本选择）' },
      inline: { en: 'Inline (sasl_jaas_config)', zh: '内联（sasl_jaas_config）' },
      file: { en: 'JAAS file (jaas_path)', zh: 'JAAS 文件（jaas_path）' },
    },
    truststore: {
      jvm: { en: 'JVM default (cacerts)', zh: 'JVM 默认（cacerts）' },
      pem: { en: 'PEM bundle', zh: 'PEM 证书包' },
      jks: { en: 'JKS built with keytool', zh: '用 keytool 生成的 JKS' },
    },
    acks: {
      '0': { en: '0: no confirmation (data can be lost)', zh: '0：不确认（可能丢数据）' },
      '1': { en: '1: the shard leader confirms (recommended)', zh: '1：分片主副本确认（推荐）' },
      all: { en: 'all: every replica confirms', zh: 'all：所有副本确认' },
    },
    input: {
      none: { en: 'None (output section only)', zh: '无（仅输出部分）' },
      file: { en: 'Log files', zh: '日志文件' },
      beats: { en: 'Beats (listen on a port)', zh: 'Beats（监听端口）' },
    },
  },
};
