/**
 * Strings of the Validate panel (components/validate) that the wizard page
 * needs at once: the button, the check target and the progress line. The
 * report's strings load with the report (validate-report.ts).
 */
import type { Messages } from '../core';

export const validateMessages = {
  title: { en: 'Check the connection', zh: '检查连接' },
  intro: {
    en: 'Validate connects the way your agent will (TLS, SASL PLAIN, Kafka metadata) and writes one test record, then reports every step.',
    zh: '“验证”会像您的采集代理一样连接（TLS、SASL PLAIN、Kafka 元数据）并写入一条测试记录，然后逐步报告结果。',
  },
  targetLegend: { en: 'Check against', zh: '检查对象' },
  targetSandbox: {
    en: 'The bundled sandbox endpoint, standing in for {endpoint}',
    zh: '内置沙箱接入点（代替 {endpoint} 进行检查）',
  },
  targetSandboxNoEndpoint: { en: 'The bundled sandbox endpoint, standing in for your SLS endpoint', zh: '内置沙箱接入点（代替您的 SLS 接入点进行检查）' },
  targetSandboxHelp: {
    en: 'Safe to run any time: nothing reaches Alibaba Cloud. The sandbox presents the SLS host name in TLS, so a wrong region or project shows up as it would on SLS.',
    zh: '随时可以运行，不会向阿里云发送任何数据。沙箱在 TLS 中使用 SLS 主机名，因此地域或项目填错时的表现与 SLS 一致。',
  },
  targetLive: { en: 'SLS itself (live check)', zh: 'SLS 本身（在线检查）' },
  targetLiveHelp: {
    en: 'Connects to the real SLS endpoint and writes one test record into your Logstore. The server must allow it (ALLOW_LIVE_CHECK=1).',
    zh: '连接真实的 SLS 接入点，并向您的日志库写入一条测试记录。需要服务器开启此功能（ALLOW_LIVE_CHECK=1）。',
  },
  button: { en: 'Validate', zh: '验证' },
  buttonRunning: { en: 'Checking…', zh: '正在检查…' },
  cancel: { en: 'Cancel', zh: '取消' },
  disabledReason: {
    en: 'Complete the form first: Validate needs a project, a Logstore, an AccessKey ID and secret, and no field errors.',
    zh: '请先填写完整表单：验证需要项目、日志库、AccessKey ID 和 AccessKey Secret，并且所有字段均无错误。',
  },
  running: { en: 'Checking the connection… {seconds} s (gives up after {limit} s)', zh: '正在检查连接… 已用 {seconds} 秒（{limit} 秒后放弃）' },
  announceRunning: { en: 'Checking the connection…', zh: '正在检查连接…' },

  stale: {
    en: 'The form changed after this check: run Validate again to check the current settings.',
    zh: '本次检查后表单已修改：请再次点击“验证”以检查当前设置。',
  },
  loadFailed: {
    en: 'The report view could not be loaded ({reason}). Check your connection and reload the page.',
    zh: '无法加载检查报告界面（{reason}）。请检查网络连接后刷新页面。',
  },
} as const satisfies Messages;

export type ValidateMessageKey = keyof typeof validateMessages;
