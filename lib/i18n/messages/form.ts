/**
 * The settings form's strings in English and Simplified Chinese: endpoint,
 * credentials, Logstore options, target, the agent choice (`agent.<id>`, from
 * each agent's lib/agents/<id>/meta.json) and the status line. Two more files
 * are loaded only when needed, to keep the page's first load small:
 * form-agents.ts (option labels, help and choice labels; with the option
 * sections and the settings runtime) and form-errors.ts (the schema's error
 * messages in Chinese).
 */
import { AGENT_LABEL_MESSAGES } from '../../agents/meta';
import type { Message } from '../core';

export const formMessages = {
  'form.label': { en: 'Settings', zh: '设置' },

  // Endpoint
  'endpoint.legend': { en: 'Endpoint', zh: '接入点' },
  'endpoint.searchRegions': { en: 'Search regions', zh: '搜索地域' },
  'endpoint.searchPlaceholder': { en: 'e.g. hangzhou, 新加坡, eu-central-1', zh: '例如 hangzhou、新加坡、eu-central-1' },
  'endpoint.region': { en: 'Region', zh: '地域' },
  'endpoint.regionHelp': { en: 'Choose the region your project is in.', zh: '选择项目所在的地域。' },
  'endpoint.regionMatches': { en: '{count} regions match “{query}”.', zh: '有 {count} 个地域匹配“{query}”。' },
  'endpoint.regionMatchesOne': { en: '1 region matches “{query}”.', zh: '有 1 个地域匹配“{query}”。' },
  'endpoint.regionMatchesNone': {
    en: 'No region matches “{query}”; clear the search to see them all.',
    zh: '没有地域匹配“{query}”；清空搜索即可看到全部地域。',
  },
  'endpoint.closing': { en: 'being decommissioned', zh: '即将下线' },
  'endpoint.network': { en: 'Network', zh: '网络类型' },
  'endpoint.internet': { en: 'Internet (port 10012)', zh: '公网（端口 10012）' },
  'endpoint.intranet': {
    en: 'Intranet: classic network or VPC inside Alibaba Cloud (port 10011)',
    zh: '内网：阿里云内的经典网络或 VPC（端口 10011）',
  },
  'endpoint.hostForm': { en: 'Host name form', zh: '主机名形式' },
  'endpoint.hostProject': {
    en: 'With the project prefix (current SLS documentation)',
    zh: '带项目前缀（当前 SLS 文档的写法）',
  },
  'endpoint.hostRegion': { en: 'Region only (the 2019 document’s form)', zh: '仅地域，不带项目前缀（2019 年文档的写法）' },
  'endpoint.destination': { en: 'Destination', zh: '写入位置' },
  'endpoint.project': { en: 'Project', zh: '项目' },
  'endpoint.projectHelp': {
    en: '3–63 characters: lowercase letters, digits and hyphens. It is the SASL username.',
    zh: '3–63 个字符：小写字母、数字和连字符。它也是 SASL 用户名。',
  },
  'endpoint.logstore': { en: 'Logstore', zh: '日志库' },
  'endpoint.logstoreHelp': {
    en: '3–63 characters: lowercase letters, digits, hyphens and underscores. It is the Kafka topic.',
    zh: '3–63 个字符：小写字母、数字、连字符和下划线。它也是 Kafka Topic。',
  },

  // Endpoint summary
  'summary.title': { en: 'What your agent connects to', zh: '采集器连接的地址' },
  'summary.incomplete': { en: 'Complete the fields above to see the endpoint.', zh: '填写上面的字段后即可看到接入点。' },
  'summary.bootstrap': { en: 'Bootstrap server', zh: 'Bootstrap 服务器' },
  'summary.port': { en: 'Port', zh: '端口' },
  'summary.security': { en: 'Security protocol', zh: '安全协议' },
  'summary.mechanism': { en: 'with mechanism', zh: '，认证机制' },
  'summary.saslUsername': { en: 'SASL username', zh: 'SASL 用户名' },
  'summary.theProject': { en: '(the project)', zh: '（即项目名）' },
  'summary.saslPassword': { en: 'SASL password', zh: 'SASL 密码' },
  'summary.passwordShape': {
    en: '(AccessKey ID, “#”, AccessKey secret)',
    zh: '（AccessKey ID、“#”、AccessKey Secret 依次拼接）',
  },
  'summary.topic': { en: 'Topic', zh: 'Topic' },
  'summary.theLogstore': { en: '(the Logstore)', zh: '（即日志库名）' },
  'summary.topicJson': {
    en: '(the Logstore; the configs add “.json” or a header so SLS expands JSON)',
    zh: '（即日志库名；配置会加上“.json”后缀或请求头，让 SLS 展开 JSON）',
  },
  'summary.closing': {
    en: '{name} is being decommissioned: plan to move the project.',
    zh: '{name}即将下线：请规划迁移项目。',
  },
  'summary.special': {
    en: 'Needs a finance or government cloud account; SLS does not document the Kafka endpoint here.',
    zh: '需要金融云或政务云账号；SLS 未公开此地域的 Kafka 接入点。',
  },
  'summary.sandbox': {
    en: 'Sandbox mode is on: the generated configs dial the bundled sandbox endpoint, which stands in for this host.',
    zh: '已开启沙箱模式：生成的配置会连接内置的沙箱接入点，由它代替上面的地址。',
  },

  // Credentials
  'cred.legend': { en: 'Credentials', zh: '访问凭证' },
  'cred.ramNote': {
    en: 'Use the AccessKey of a RAM user that may only write to this Logstore (log:PostLogStoreLogs, with log:GetProject, log:GetLogStore and log:ListShards), not your Alibaba Cloud account’s AccessKey.',
    zh: '建议使用只对该日志库有写权限的 RAM 用户的 AccessKey（log:PostLogStoreLogs，以及 log:GetProject、log:GetLogStore、log:ListShards），不要使用阿里云主账号的 AccessKey。',
  },
  'cred.id': { en: 'AccessKey ID', zh: 'AccessKey ID' },
  'cred.idHelp': { en: 'Usually starts with LTAI and has 24 characters.', zh: '通常以 LTAI 开头，共 24 个字符。' },
  'cred.secret': { en: 'AccessKey secret', zh: 'AccessKey Secret' },
  'cred.secretHelp': {
    en: 'It stays in this browser: it is sent to the server only when you press Validate, and never put into a share link.',
    zh: '它只保存在本浏览器中：仅在点击“验证”时发送到服务器，也不会写入分享链接。',
  },
  'cred.show': { en: 'Show secret', zh: '显示 Secret' },
  'cred.shown': { en: 'The secret is visible.', zh: 'Secret 已显示。' },
  'cred.hidden': { en: 'The secret is hidden.', zh: 'Secret 已隐藏。' },
  'cred.secretMode': { en: 'Where the secret goes', zh: 'Secret 的存放方式' },
  'cred.inline': { en: 'Inline, in the config files', zh: '直接写入配置文件' },
  'cred.inlineHelp': {
    en: 'ID#secret is written into the config files: the simplest choice, but make the files readable by the agent only (for example chmod 600).',
    zh: '将 ID#Secret 直接写入配置文件：最简单，但请确保只有采集器能读取这些文件（例如 chmod 600）。',
  },
  'cred.env': { en: 'Keystore or environment variable', zh: '密钥库或环境变量' },
  'cred.envHelp': {
    en: 'The configs only reference SLS_KAFKA_PASSWORD; the steps show how to store ID#secret in the agent’s keystore or environment, so no file holds the secret.',
    zh: '配置文件只引用 SLS_KAFKA_PASSWORD；步骤中会说明如何把 ID#Secret 存入采集器的密钥库或环境变量，文件中不含密钥。',
  },

  // Logstore options
  'logstore.legend': { en: 'Logstore options', zh: '日志库选项' },
  'logstore.expandJson': { en: 'Expand JSON into fields', zh: '将 JSON 展开为字段' },
  'logstore.expandJsonHelp': {
    en: 'SLS stores each key of a JSON message as its own field instead of one content field. The configs write to the topic {topic}, or, for Beats 8 and 9, send the header data-parse-format: json.',
    zh: 'SLS 会把 JSON 消息中的每个键存为单独的字段，而不是整条存入 content 字段。配置会写入 Topic {topic}；Beats 8 和 9 则改为发送请求头 data-parse-format: json。',
  },

  // Target
  'target.legend': { en: 'Target', zh: '目标' },
  'target.sandbox': { en: 'Sandbox mode', zh: '沙箱模式' },
  'target.sandboxHelp': {
    en: 'Renders the configs against the sandbox endpoint bundled with this wizard instead of SLS, so you can try your agent without writing to your project.',
    zh: '生成的配置连接本向导内置的沙箱接入点而不是 SLS，无需写入你的项目即可试用采集器。',
  },
  'target.inbox': { en: 'Open the sandbox inbox', zh: '打开沙箱收件箱' },
  'target.newTab': { en: '(opens in a new tab)', zh: '（在新标签页中打开）' },

  // Agents
  'agents.legend': { en: 'Agents to generate', zh: '要生成配置的采集器' },
  'agents.help': {
    en: 'Tick every agent you run; each one gets its own files, steps and options below.',
    zh: '勾选你使用的采集器；每个采集器都有自己的配置文件、步骤和下方的选项。',
  },
  'agents.none': {
    en: 'Choose at least one agent to get a config.',
    zh: '请至少选择一个采集器，才能生成配置。',
  },
  'agents.options': { en: '{agent} options', zh: '{agent} 选项' },
  'agents.group.logs': { en: 'Log agents', zh: '日志采集器' },
  'agents.group.metrics': { en: 'Metric agents', zh: '指标采集器' },
  'agents.group.code': { en: 'From your code or the command line', zh: '从代码或命令行写入' },
  'status.ok': { en: 'All settings are valid: the configs are ready.', zh: '所有设置均有效，配置已生成。' },
  'status.todo': { en: 'Still to fill in or fix: {fields}.', zh: '还需填写或修正：{fields}。' },
  'status.separator': { en: ', ', zh: '、' },
  'status.placeholders': {
    en: 'The configs are ready, with placeholders for: {fields}.',
    zh: '配置已生成，以下内容以占位符表示：{fields}。',
  },
  'status.errors': { en: '{count} to fix: {fields}.', zh: '{count} 处需修正：{fields}。' },

  // The numbered flow
  'step.endpoint': { en: 'Endpoint', zh: '接入点' },
  'step.credentials': { en: 'Credentials', zh: '访问凭证' },
  'step.agents': { en: 'Agents', zh: '采集代理' },
  'step.configure': { en: 'Configure', zh: '配置选项' },
  'step.check': { en: 'Check the connection', zh: '检查连接' },
  'step.of': { en: 'Step {n}', zh: '第 {n} 步' },
  'agents.advanced': { en: 'Advanced options ({count})', zh: '高级选项（{count} 项）' },
  'cred.envNote': {
    en: 'The configs read the AccessKey from SLS_KAFKA_PASSWORD (or the agent’s keystore), set on the host as <AccessKeyId>#<AccessKeySecret>; the wizard does not need the secret.',
    zh: '配置从 SLS_KAFKA_PASSWORD（或采集器的 keystore）读取 AccessKey，请在主机上设置为 <AccessKeyId>#<AccessKeySecret>；向导不需要 Secret。',
  },
  'cred.envOptional': {
    en: 'Optional: type the AccessKey to run the connection check or for agents that cannot read a variable (collectd)',
    zh: '可选：如需检查连接，或用于无法读取环境变量的采集器（collectd），请填写 AccessKey',
  },
  'endpoint.regionList': { en: 'Matching regions', zh: '匹配的地域' },
  'endpoint.regionNone': { en: 'No region matches “{query}”.', zh: '没有地域匹配“{query}”。' },
  'endpoint.regionSelected': { en: 'Selected: {name}.', zh: '已选择：{name}。' },
  'status.agentField': { en: '{agent}: {field}', zh: '{agent}：{field}' },

  // Every agent's checkbox label (`agent.<id>`), from its folder.
  ...AGENT_LABEL_MESSAGES,
} as const satisfies Record<string, Message>;

export type FormMessageKey = keyof typeof formMessages;
