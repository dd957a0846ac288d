/**
 * Strings of the "Check my config" page (/check, components/lint), in English
 * and Simplified Chinese. Kept next to the components (not in lib/i18n) so the
 * page's code and text load only on /check.
 */
import type { Messages } from '@/lib/i18n/core';

export const lintMessages = {
  title: { en: 'Check my existing config', zh: '检查现有配置' },
  lede: {
    en: 'Paste or drop the agent config you already have (filebeat.yml, telegraf.conf, a Logstash pipeline, fluent-bit.conf, …). Every problem SLS’s Kafka endpoint would have with it is shown at its line, with the fixed file to copy.',
    zh: '粘贴或拖入现有的采集代理配置（filebeat.yml、telegraf.conf、Logstash 管道、fluent-bit.conf 等）。SLS Kafka 接入点会遇到的每个问题都标在对应行上，并给出可复制的修正后文件。',
  },
  backToWizard: { en: '← Back to the wizard', zh: '← 返回配置向导' },
  inputLabel: { en: 'Your config file', zh: '您的配置文件' },
  inputHelp: {
    en: 'Paste it here (it is checked at once), or drop a file on this box. The check runs on this server and nothing is stored; an AccessKey secret in the file is masked in everything shown.',
    zh: '粘贴到此处（粘贴后立即检查），或将文件拖到此框中。检查在本服务器上进行，不保存任何内容；文件中的 AccessKey Secret 在所有显示内容中都会被遮盖。',
  },
  chooseFile: { en: 'Or choose a file', zh: '或选择文件' },
  check: { en: 'Check', zh: '检查' },
  checking: { en: 'Checking…', zh: '正在检查…' },
  clear: { en: 'Clear', zh: '清空' },
  empty: { en: 'Paste a config first.', zh: '请先粘贴配置。' },
  tooBig: { en: 'This file is {size} KB; the checker reads configs of up to 60 KB. Paste the Kafka output section.', zh: '此文件为 {size} KB，检查器最多读取 60 KB。请只粘贴 Kafka 输出部分。' },
  failed: { en: 'The check failed: {message}', zh: '检查失败：{message}' },
  network: { en: 'The server could not be reached. Try again.', zh: '无法连接服务器，请重试。' },

  summaryTitle: { en: 'Result', zh: '结果' },
  summary: {
    en: '{agent} config ({language}){detected}. Errors: {errors}, warnings: {warnings}, notes: {infos}.',
    zh: '{agent} 配置（{language}）{detected}。错误：{errors}，警告：{warnings}，提示：{infos}。',
  },
  detected: { en: ', recognised from its content', zh: '，根据内容识别' },
  clean: { en: 'No problem found: this config should work with SLS.', zh: '未发现问题：此配置应可用于 SLS。' },
  findingsTitle: { en: 'Findings', zh: '发现的问题' },
  sourceTitle: { en: 'Your file, with the findings beside their lines', zh: '您的文件（问题标注在对应行旁）' },
  sourceRegion: { en: 'Your file with line numbers', zh: '带行号的文件内容' },
  lineLabel: { en: 'Line {line}', zh: '第 {line} 行' },
  goToLine: { en: 'Line {line}: {message}', zh: '第 {line} 行：{message}' },
  fix: { en: 'Fix:', zh: '修正：' },
  severity_error: { en: 'Error', zh: '错误' },
  severity_warning: { en: 'Warning', zh: '警告' },
  severity_info: { en: 'Note', zh: '提示' },

  fixedTitle: { en: 'The fixed file', zh: '修正后的文件' },
  fixedEdited: { en: 'Your file with every fixable finding fixed; everything else (comments too) is kept.', zh: '已修正所有可自动修正的问题；其余内容（包括注释）保持不变。' },
  fixedRendered: { en: 'The wizard’s own file for the settings read from yours (yours needed too many changes).', zh: '根据从您的文件读取的设置生成的向导文件（原文件需要的修改过多）。' },
  noFixed: { en: 'Nothing to change automatically.', zh: '没有可自动修正的内容。' },
  diffLabel: { en: 'Changes from your file to the fixed file', zh: '从您的文件到修正后文件的变更' },
  diffRemoved: { en: 'removed', zh: '删除' },
  diffAdded: { en: 'added', zh: '新增' },
  unchanged: { en: '… {count} unchanged lines', zh: '… {count} 行未改变' },
  copyFixed: { en: 'Copy the fixed file', zh: '复制修正后的文件' },
  copied: { en: 'Copied the fixed file to the clipboard.', zh: '已将修正后的文件复制到剪贴板。' },
  copyFailed: { en: 'Copying was refused by the browser; use Download instead.', zh: '浏览器拒绝了复制，请改用下载。' },
  download: { en: 'Download', zh: '下载' },

  wizardTitle: { en: 'Continue in the wizard', zh: '在向导中继续' },
  wizardHelp: {
    en: 'Opens the wizard with what was read from your file (region, project, Logstore, agent options). Type your AccessKey ID and secret there; they are never put in a link.',
    zh: '用从您的文件读取的内容（地域、项目、日志库、代理选项）打开向导。请在向导中输入 AccessKey ID 和 Secret；它们不会写入链接。',
  },
  openWizard: { en: 'Open in the wizard', zh: '在向导中打开' },
} satisfies Messages;
