/**
 * The Telegraf option section's strings (loaded with it, not in the first
 * load): the one-line introduction, help per option and choice labels.
 */
import type { AgentTexts } from '../types';

export const telegrafTexts: AgentTexts = {
  intro: { en: 'An [[outputs.kafka]] block for Telegraf.', zh: '生成 Telegraf 的 [[outputs.kafka]] 配置。' },
  help: {
    telegrafVersion: {
      en: 'Run telegraf --version. Before 1.25, TLS is only switched on by naming a CA file.',
      zh: '运行 telegraf --version 查看。1.25 之前的版本需要指定 CA 文件才会启用 TLS。',
    },
    layout: {
      en: 'Add one file to telegraf.d, or replace telegraf.conf with a complete one ([agent] and basic inputs).',
      zh: '在 telegraf.d 中添加一个文件，或用完整的 telegraf.conf（含 [agent] 和基础输入）替换现有文件。',
    },
    compression: { en: 'Written as Telegraf’s compression_codec number.', zh: '会写成 Telegraf 的 compression_codec 编号。' },
    acks: { en: 'Telegraf’s required_acks.', zh: '即 Telegraf 的 required_acks。' },
    maxRetry: { en: 'How often a failed batch is retried (0–100).', zh: '发送失败的批次最多重试几次（0–100）。' },
    osFamily: {
      en: 'Picks the CA bundle file for Telegraf 1.17–1.24; “Other” uses your CA path with every version.',
      zh: '为 Telegraf 1.17–1.24 选择 CA 证书包文件；选择“其他”时所有版本都使用你填写的 CA 路径。',
    },
    caPath: {
      en: 'The PEM file holding your CA bundle (a file, not a directory).',
      zh: '存放 CA 证书包的 PEM 文件（必须是文件，不能是目录）。',
    },
  },
  choices: {
    telegrafVersion: {
      '1.25+': { en: '1.25 or later', zh: '1.25 及以上' },
      '1.17-1.24': { en: '1.17 – 1.24', zh: '1.17 – 1.24' },
    },
    layout: {
      'drop-in': { en: 'Drop-in file for telegraf.d', zh: 'telegraf.d 中的独立文件' },
      complete: { en: 'Complete telegraf.conf', zh: '完整的 telegraf.conf' },
    },
    osFamily: {
      debian: { en: 'Debian / Ubuntu', zh: 'Debian / Ubuntu' },
      rhel: { en: 'RHEL / CentOS / Alibaba Cloud Linux', zh: 'RHEL / CentOS / Alibaba Cloud Linux' },
      suse: { en: 'SUSE', zh: 'SUSE' },
      custom: { en: 'Other (enter the CA path)', zh: '其他（需填写 CA 路径）' },
    },
  },
};
