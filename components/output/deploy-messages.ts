/**
 * Strings of the output panel's "Deploy on" choice (host, Kubernetes, Docker),
 * in English and Simplified Chinese; kept beside the control rather than in
 * lib/i18n/messages so that the choice ships with the panel's lazy chunk.
 * Kubernetes and Docker are named by the output's platform labels.
 */
import type { Messages } from '@/lib/i18n/core';

export const deployMessages = {
  deployLegend: { en: 'Deploy on', zh: '部署到' },
  'deploy.host': { en: 'Host (install script)', zh: '主机（安装脚本）' },
  deployHelp: {
    en: 'The steps and the zip follow this choice: install scripts, Kubernetes manifests or compose files, plus the README.',
    zh: '操作步骤和下载的 zip 随此选择变化：安装脚本、Kubernetes 清单或 Compose 文件，以及 README。',
  },
} as const satisfies Messages;
