/**
 * Strings of the output panel (components/output): the per-agent and per-file
 * tabs, copy feedback, the steps, the zip download and the share link, in
 * English and Simplified Chinese.
 */
import type { Messages } from '../core';

/**
 * The few strings the panel's shell shows before the panel itself has loaded;
 * a separate export, so the first load does not carry every string below.
 */
export const outputShellMessages = {
  title: { en: 'Your configuration', zh: '您的配置' },
  preparing: { en: 'Preparing your configuration…', zh: '正在生成您的配置…' },
  loadFailed: {
    en: 'The configuration panel could not be loaded ({reason}). Reload the page to try again.',
    zh: '无法加载配置面板（{reason}）。请刷新页面重试。',
  },
} as const satisfies Messages;

export const outputMessages = {
  ...outputShellMessages,
  intro: {
    en: 'Updates as you type. The AccessKey secret shows as ••••••••; Copy and Download put in the real value.',
    zh: '随输入实时更新。AccessKey Secret 显示为 ••••••••，复制和下载时写入真实值。',
  },
  noAgents: {
    en: 'No agent is chosen: pick at least one agent to generate its configuration.',
    zh: '尚未选择采集代理：请至少选择一个采集代理以生成配置。',
  },
  placeholdersNote: {
    en: 'Marked placeholders stand in for what is not filled in yet: {placeholders}. Fill them in on the left, or replace them after copying.',
    zh: '尚未填写的内容以醒目的占位符表示：{placeholders}。请在表单中填写，或在复制后自行替换。',
  },
  copiedPlaceholders: {
    en: 'It still has placeholders ({placeholders}): replace them before use.',
    zh: '其中仍有占位符（{placeholders}）：使用前请替换。',
  },
  downloadPlaceholders: {
    en: 'The files still have placeholders ({placeholders}): replace them before use.',
    zh: '文件中仍有占位符（{placeholders}）：使用前请替换。',
  },
  downloadWithPlaceholders: { en: 'Download all files (.zip, with placeholders)', zh: '下载全部文件（.zip，含占位符）' },
  blocked: {
    en: 'The configuration cannot be generated until this is fixed:',
    zh: '修正以下问题后才能生成配置：',
  },
  renderFailed: {
    en: 'The configuration could not be generated ({reason}). Change the option named there, or reload the page.',
    zh: '无法生成配置（{reason}）。请修改其中提到的选项，或刷新页面。',
  },
  platformLegend: { en: 'Steps for', zh: '操作步骤适用于' },
  'platform.linux': { en: 'Linux (deb/rpm)', zh: 'Linux（deb/rpm）' },
  'platform.windows': { en: 'Windows', zh: 'Windows' },
  'platform.docker': { en: 'Docker', zh: 'Docker' },
  'platform.kubernetes': { en: 'Kubernetes', zh: 'Kubernetes' },
  stale: {
    en: 'The form has a problem, so this is the last valid configuration (copy and download are paused). Fix:',
    zh: '表单中有待修正的内容，下面显示的是上一次有效的配置（暂停复制和下载）。请修正：',
  },
  staleMore: { en: 'and {count} more', zh: '以及另外 {count} 处' },
  agentsLabel: { en: 'Agents', zh: '采集代理' },
  filesLabel: { en: 'Files for {agent}', zh: '{agent} 的文件' },
  tabsHint: {
    en: 'Use the arrow keys to move between tabs.',
    zh: '使用方向键在标签页之间切换。',
  },
  fileCaption: { en: '{path} ({language})', zh: '{path}（{language}）' },
  copy: { en: 'Copy', zh: '复制' },
  copyFile: { en: 'Copy {path}', zh: '复制 {path}' },
  copyCommand: { en: 'Copy command', zh: '复制命令' },
  copied: { en: 'Copied', zh: '已复制' },
  copiedFile: { en: 'Copied {path} to the clipboard.', zh: '已将 {path} 复制到剪贴板。' },
  copiedCommand: { en: 'Copied the command to the clipboard.', zh: '已将命令复制到剪贴板。' },
  copyFailed: {
    en: 'Copy failed: the browser blocked the clipboard. Use “Download all files” instead.',
    zh: '复制失败：浏览器禁止访问剪贴板。请改用“下载全部文件”。',
  },
  secretHidden: {
    en: 'The AccessKey secret is shown as ••••••••; Copy puts in the real value.',
    zh: 'AccessKey Secret 显示为 ••••••••，“复制”时会写入真实值。',
  },
  highlighting: { en: 'Loading syntax highlighting…', zh: '正在加载语法高亮…' },
  stepsTitle: { en: 'Steps for {agent}', zh: '{agent} 的操作步骤' },
  warning: { en: 'Warning', zh: '注意' },
  download: { en: 'Download all files (.zip)', zh: '下载全部文件（.zip）' },
  downloading: { en: 'Preparing the zip…', zh: '正在生成 zip…' },
  downloaded: { en: 'Downloaded {name}.', zh: '已下载 {name}。' },
  downloadHelp: {
    en: 'Built in your browser: every file in a folder per agent, README.md with the steps, and settings.json without the AccessKey ID and secret.',
    zh: '在浏览器中生成：每个采集代理的文件各放一个文件夹，附带包含操作步骤的 README.md，以及不含 AccessKey ID 和 Secret 的 settings.json。',
  },
  downloadSecretWarning: {
    en: 'The zip contains your AccessKey secret in {files}: keep it private.',
    zh: 'zip 中的 {files} 包含您的 AccessKey Secret，请妥善保管。',
  },
  downloadFailed: {
    en: 'The zip could not be built ({reason}). Try again, or copy the files one by one.',
    zh: '无法生成 zip（{reason}）。请重试，或逐个复制文件。',
  },
  caMissing: {
    en: 'The sandbox CA could not be fetched ({reason}), so the zip has no sls-sandbox-ca.pem; download it from {url}.',
    zh: '无法获取沙箱 CA 证书（{reason}），因此 zip 中没有 sls-sandbox-ca.pem；请从 {url} 下载。',
  },
  share: { en: 'Copy share link', zh: '复制分享链接' },
  shareHelp: {
    en: 'The link holds your choices, never the AccessKey ID or secret.',
    zh: '链接只包含您的选项，不包含 AccessKey ID 和 Secret。',
  },
  shareCopied: { en: 'Share link copied.', zh: '分享链接已复制。' },
  shareLinkLabel: { en: 'Share link', zh: '分享链接' },
} as const satisfies Messages;

/** How each file's language is named in its caption. */
export const languageNames = {
  yaml: { en: 'YAML', zh: 'YAML' },
  toml: { en: 'TOML', zh: 'TOML' },
  collectd: { en: 'collectd config', zh: 'collectd 配置' },
  fluentd: { en: 'Fluentd config', zh: 'Fluentd 配置' },
  'fluentbit-classic': { en: 'Fluent Bit config (classic)', zh: 'Fluent Bit 配置（经典格式）' },
  logstash: { en: 'Logstash pipeline', zh: 'Logstash 管道配置' },
  jaas: { en: 'JAAS login config', zh: 'JAAS 登录配置' },
  properties: { en: 'properties file', zh: 'properties 配置文件' },
  shell: { en: 'shell script', zh: 'Shell 脚本' },
  rainerscript: { en: 'rsyslog config (RainerScript)', zh: 'rsyslog 配置（RainerScript）' },
  'syslog-ng': { en: 'syslog-ng config', zh: 'syslog-ng 配置' },
  python: { en: 'Python', zh: 'Python' },
  go: { en: 'Go', zh: 'Go' },
  javascript: { en: 'JavaScript (Node.js)', zh: 'JavaScript（Node.js）' },
  java: { en: 'Java', zh: 'Java' },
  pem: { en: 'PEM certificate', zh: 'PEM 证书' },
  text: { en: 'text', zh: '文本' },
} as const satisfies Messages;
