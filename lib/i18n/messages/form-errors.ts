/**
 * The settings schema's English error messages in Chinese: field names as the
 * messages start with them, phrases inside them, and one pattern per fix.
 * Loaded only when the form shows Chinese (components/form/use-error-text.ts).
 */

/** Field names as the schema's English messages start with them (`Label: fix`), in Chinese. */
export const schemaLabelsZh: Readonly<Record<string, string>> = {
  Region: '地域',
  Network: '网络类型',
  'Host form': '主机名形式',
  Project: '项目',
  Logstore: '日志库',
  'AccessKey ID': 'AccessKey ID',
  'AccessKey secret': 'AccessKey Secret',
  'Secret mode': 'Secret 存放方式',
  Target: '目标',
  'Expand JSON': '展开 JSON',
  Settings: '设置',
  Agents: '采集器',
  Beats: 'Beats',
  'Beats options': 'Beats 选项',
  'Beats version': 'Beats 版本',
  Mode: '生成内容',
  Compression: '压缩方式',
  'Required acks': '确认级别',
  Acks: '确认级别',
  'Max message bytes': '单条消息最大字节数',
  'Log paths': '日志路径',
  'Heartbeat URLs': 'Heartbeat 监测 URL',
  'OS family': '操作系统类型',
  'CA path': 'CA 证书路径',
  'Store rates': 'StoreRates',
  Format: '格式',
  'collectd options': 'collectd 选项',
  'Telegraf version': 'Telegraf 版本',
  Layout: '文件布局',
  'Max retries': '最大重试次数',
  'Telegraf options': 'Telegraf 选项',
  Package: '安装包',
  'Match pattern': '匹配模式',
  'Include tag': '添加 tag 字段',
  'Include time': '添加 time 字段',
  'Use event time': '使用事件时间',
  'CA mode': 'CA 证书来源',
  'Buffer path': '缓冲目录',
  'Flush interval': '刷新间隔',
  'Chunk limit size': '单块大小上限',
  'Total limit size': '缓冲总大小上限',
  'Kafka client log': 'Kafka 客户端日志',
  'Fluentd options': 'Fluentd 选项',
  'Logstash version': 'Logstash 版本',
  'JAAS mode': 'JAAS 配置方式',
  Truststore: '信任库',
  'PEM bundle path': 'PEM 证书包路径',
  'JKS path': 'JKS 文件路径',
  'JKS password': 'JKS 密码',
  'Client ID': '客户端 ID',
  Input: '输入',
  'Log file path': '日志文件路径',
  'Beats port': 'Beats 端口',
  'Logstash options': 'Logstash 选项',
};

/** Phrases the schema puts inside its messages (captured by the patterns below), in Chinese. */
export const schemaTermsZh: Readonly<Record<string, string>> = {
  'lowercase letters, digits and hyphens (-)': '小写字母、数字和连字符（-）',
  'lowercase letters, digits, hyphens (-) and underscores (_)': '小写字母、数字、连字符（-）和下划线（_）',
  'a space or other whitespace': '空格或其他空白字符',
  'It usually starts with “LTAI” and has 24 characters.': '通常以“LTAI”开头，共 24 个字符。',
  'It usually has 30 characters.': '通常为 30 个字符。',
};

/**
 * The text after `Label: ` in the schema's messages, and its Chinese. Named
 * groups are filled into `{name}` (through `schemaTermsZh` when listed there).
 * Order matters: specific patterns come before general ones.
 */
export const schemaMessagePatternsZh: ReadonlyArray<{ en: RegExp; zh: string }> = [
  // Names (lib/settings/names.ts)
  { en: /^enter a name \((?<range>\d+–\d+) characters, (?<words>.+)\)\.$/, zh: '请输入名称（{range} 个字符，可使用{words}）。' },
  { en: /^remove the whitespace; names cannot contain spaces, tabs or line breaks\.$/, zh: '请删除空白字符；名称中不能有空格、制表符或换行。' },
  { en: /^use lowercase letters only; try “(?<suggestion>.+)”\.$/, zh: '只能使用小写字母；可以改为“{suggestion}”。' },
  { en: /^use lowercase letters only\.$/, zh: '只能使用小写字母。' },
  { en: /^(?<char>.+?) is not allowed; use only (?<words>.+)\.$/s, zh: '不能使用{char}；只能使用{words}。' },
  { en: /^“(?<value>.*)” has (?<n>\d+) characters; use (?<range>\d+–\d+)\.$/s, zh: '“{value}”只有 {n} 个字符；请使用 {range} 个字符。' },
  { en: /^this name has (?<n>\d+) characters; shorten it to at most (?<max>\d+)\.$/, zh: '名称有 {n} 个字符；请缩短到最多 {max} 个。' },
  { en: /^start and end with a lowercase letter or digit \(for example “(?<example>.+)”\)\.$/, zh: '请以小写字母或数字开头和结尾（例如“{example}”）。' },
  // AccessKeys
  { en: /^enter the AccessKey ID of a RAM user that may write to the Logstore\.$/, zh: '请输入对该日志库有写权限的 RAM 用户的 AccessKey ID。' },
  {
    en: /^temporary STS credentials do not work over the Kafka endpoint; use a RAM user's permanent AccessKey\.$/,
    zh: 'STS 临时凭证无法用于 Kafka 接入点；请使用 RAM 用户的永久 AccessKey。',
  },
  { en: /^enter the secret that belongs to the AccessKey ID\.$/, zh: '请输入与该 AccessKey ID 对应的 Secret。' },
  {
    en: /^remove the whitespace; it usually comes from copying the key with a trailing space or line break\.$/,
    zh: '请删除空白字符；它通常是复制密钥时带上的末尾空格或换行。',
  },
  { en: /^remove the quotes; paste the key alone\.$/, zh: '请删除引号，只粘贴密钥本身。' },
  {
    en: /^remove the “#”; enter the ID and the secret in their own fields \(the wizard joins them as ID#secret\)\.$/,
    zh: '请删除“#”；ID 和 Secret 请分别填在各自的字段中（向导会把它们拼接为 ID#Secret）。',
  },
  {
    en: /^remove the character that is not a letter or digit; AccessKeys have only letters and digits\.$/,
    zh: '请删除字母和数字以外的字符；AccessKey 只包含字母和数字。',
  },
  { en: /^(?<char>.+?) is not allowed; AccessKeys have only letters and digits\.$/s, zh: '不能使用{char}；AccessKey 只包含字母和数字。' },
  {
    en: /^it has (?<n>\d+) characters, expected (?<min>\d+)–(?<max>\d+)\. (?<usual>.+?) Check that you copied all of it\.$/,
    zh: '当前有 {n} 个字符，应为 {min}–{max} 个。{usual}请检查是否复制完整。',
  },
  // Region and generic type messages
  { en: /^choose a region from the list\.$/, zh: '请从列表中选择地域。' },
  {
    en: /^“(?<id>.*)” is not an SLS region id; choose one from the list \(for example cn-hangzhou\)\.$/s,
    zh: '“{id}”不是 SLS 地域 ID；请从列表中选择（例如 cn-hangzhou）。',
  },
  { en: /^(?<name>.+) \((?<id>[^)]+)\) is closed; choose the region your project is in now\.$/, zh: '{name}（{id}）已关闭；请选择项目现在所在的地域。' },
  { en: /^this field is required\.$/, zh: '此项必填。' },
  { en: /^expected text\.$/, zh: '应为文本。' },
  { en: /^expected text, (?:such as|e\.g\.) (?<example>.+)\.$/, zh: '应为文本，例如 {example}。' },
  { en: /^expected true or false\.$/, zh: '应为“是”或“否”。' },
  { en: /^expected a list such as (?<example>.+)\.$/, zh: '应为列表，例如 {example}。' },
  // Beats
  { en: /^choose at least one Beat, for example filebeat\.$/, zh: '请至少选择一个 Beat，例如 filebeat。' },
  { en: /^(?<beat>\w+) is listed twice; keep it once\.$/, zh: '{beat} 重复出现；请只保留一个。' },
  {
    en: /^Beats (?<version>[\d.]+) has no zstd; choose gzip \(or lz4, snappy, none\), or set Beats version to 9\.$/,
    zh: 'Beats {version} 不支持 zstd；请选择 gzip（或 lz4、snappy、none），或把 Beats 版本设为 9。',
  },
  { en: /^enter a whole number such as (?<example>\d+)\.$/, zh: '请输入整数，例如 {example}。' },
  { en: /^enter at least (?<min>\d+) \(the default is (?<default>\d+)\)\.$/, zh: '请输入不小于 {min} 的数（默认为 {default}）。' },
  { en: /^enter at most (?<max>\d+); SLS accepts log entries of up to 1 MB\.$/, zh: '请输入不大于 {max} 的数；SLS 单条日志最大 1 MB。' },
  { en: /^enter a path such as (?<example>\S+), or remove the empty entry\.$/, zh: '请输入路径，例如 {example}，或删除空行。' },
  { en: /^shorten this (?:path|URL) to at most (?<max>\d+) characters\.$/, zh: '请缩短到最多 {max} 个字符。' },
  {
    en: /^remove the line break or control character; each path is one line of text\.$/,
    zh: '请删除换行符或控制字符；每个路径只能占一行。',
  },
  { en: /^remove the spaces at the start or end of the path\.$/, zh: '请删除路径开头或结尾的空格。' },
  { en: /^use an absolute path such as (?<a>\S+) or (?<b>\S+)\.$/, zh: '请使用绝对路径，例如 {a} 或 {b}。' },
  { en: /^enter at least one, for example (?<example>.+)\.$/, zh: '请至少填写一项，例如 {example}。' },
  { en: /^enter at most (?<max>\d+); use wildcards to cover more\.$/, zh: '最多填写 {max} 项；可以用通配符覆盖更多。' },
  { en: /^enter a URL such as (?<example>\S+), or remove the empty entry\.$/, zh: '请输入 URL，例如 {example}，或删除空行。' },
  {
    en: /^remove spaces, line breaks and control characters; write a space inside a URL as %20\.$/,
    zh: '请删除空格、换行和控制字符；URL 中的空格请写作 %20。',
  },
  {
    en: /^enter a full URL with scheme and host, such as (?<example>\S+)\.$/,
    zh: '请输入包含协议和主机名的完整 URL，例如 {example}。',
  },
  {
    en: /^use an http:\/\/ or https:\/\/ URL; the http monitor checks web endpoints\.$/,
    zh: '请使用 http:// 或 https:// 开头的 URL；http 监测器用于检查 Web 端点。',
  },
  // collectd
  {
    en: /^enter the absolute path of the CA bundle collectd should trust, such as (?<example>\S+) \(required when OS family is custom\)\.$/,
    zh: '请输入 collectd 应信任的 CA 证书包的绝对路径，例如 {example}（操作系统类型为“其他”时必填）。',
  },
  {
    en: /^remove the line break or other control character \((?<code>U\+[0-9A-F]+)\); a collectd\.conf string cannot hold it\.$/,
    zh: '请删除换行符或其他控制字符（{code}）；collectd.conf 的字符串无法包含它。',
  },
  { en: /^enter an absolute path such as (?<example>\S+)\.$/, zh: '请输入绝对路径，例如 {example}。' },
  // Telegraf
  { en: /^enter a whole number from (?<min>\d+) to (?<max>\d+)\.$/, zh: '请输入 {min} 到 {max} 之间的整数。' },
  { en: /^shorten the path to at most (?<max>\d+) characters\.$/, zh: '请把路径缩短到最多 {max} 个字符。' },
  { en: /^the path contains a broken character; type it again\.$/, zh: '路径中有损坏的字符；请重新输入。' },
  { en: /^remove the line break, tab or other control character from the path\.$/, zh: '请删除路径中的换行符、制表符或其他控制字符。' },
  // The same checks on text that is not a path (lib/agents/common/options-schema.ts textValueProblem).
  { en: /^shorten the value to at most (?<max>\d+) characters\.$/, zh: '请把取值缩短到最多 {max} 个字符。' },
  { en: /^the value contains a broken character; type it again\.$/, zh: '取值中有损坏的字符；请重新输入。' },
  { en: /^remove the line break, tab or other control character from the value\.$/, zh: '请删除取值中的换行符、制表符或其他控制字符。' },
  {
    en: /^name a PEM file, not a directory \(Telegraf reads tls_ca as one file\), e\.g\. (?<example>\S+)\.$/,
    zh: '请填写 PEM 文件而不是目录（Telegraf 把 tls_ca 当作单个文件读取），例如 {example}。',
  },
  {
    en: /^enter the PEM file that holds your CA bundle \(required when OS family is “custom”\), e\.g\. (?<example>\S+)\.$/,
    zh: '请填写存放 CA 证书包的 PEM 文件（操作系统类型为“其他”时必填），例如 {example}。',
  },
  // Fluentd
  { en: /^enter a tag pattern such as \*\* \(all events\) or app\.\*\*\.$/, zh: '请输入 tag 匹配模式，例如 **（全部事件）或 app.**。' },
  { en: /^shorten it to (?<max>\d+) characters or fewer\.$/, zh: '请缩短到 {max} 个字符以内。' },
  {
    en: /^separate patterns with single spaces and remove spaces at the start and end\.$/,
    zh: '多个模式之间用单个空格分隔，并删除开头和结尾的空格。',
  },
  {
    en: /^use only letters, digits, “_”, “-”, “\.”, “\*”, “\{”, “\}” and “,” \(for example app\.\*\* or \{nginx,apache\}\.access\)\.$/,
    zh: '只能使用字母、数字、“_”、“-”、“.”、“*”、“{”、“}”和“,”（例如 app.** 或 {nginx,apache}.access）。',
  },
  { en: /^use braces as \{a,b\}, one level deep and balanced\.$/, zh: '花括号请写成 {a,b} 的形式，只能一层并且成对出现。' },
  { en: /^remove the line break or control character\.$/, zh: '请删除换行符或控制字符。' },
  { en: /^remove the broken \(unpaired surrogate\) character\.$/, zh: '请删除损坏的字符（不成对的代理项）。' },
  { en: /^remove the spaces at the start and end\.$/, zh: '请删除开头和结尾的空格。' },
  {
    en: /^enter the PEM file to trust, such as (?<example>\S+), or set CA mode to “system”\.$/,
    zh: '请填写要信任的 PEM 文件，例如 {example}，或把 CA 证书来源改为“系统信任库”。',
  },
  { en: /^remove the comma; Fluentd reads this setting as a comma-separated list\.$/, zh: '请删除逗号；Fluentd 会把此项当作逗号分隔的列表读取。' },
  { en: /^enter a number of seconds such as (?<example>\d+)\.$/, zh: '请输入秒数，例如 {example}。' },
  { en: /^enter whole seconds such as (?<example>\d+)\.$/, zh: '请输入整数秒，例如 {example}。' },
  { en: /^enter at least 1 second\.$/, zh: '请输入至少 1 秒。' },
  { en: /^enter at most (?<max>\d+) seconds \(one hour\)\.$/, zh: '最多 {max} 秒（1 小时）。' },
  { en: /^enter a size such as (?<example>\w+)\.$/, zh: '请输入大小，例如 {example}。' },
  { en: /^enter a number with k, m or g, such as (?<example>\w+)\.$/, zh: '请输入带单位 k、m 或 g 的数字，例如 {example}。' },
  { en: /^choose a size from (?<min>\w+) to (?<max>\w+)\.$/, zh: '请选择 {min} 到 {max} 之间的大小。' },
  // Logstash
  { en: /^remove line breaks, tabs and other control characters\.$/, zh: '请删除换行符、制表符和其他控制字符。' },
  {
    en: /^remove the backslash \(\\\); Logstash keeps or drops backslashes depending on config\.support_escapes, so use forward slashes \(\/\) in paths\.$/,
    zh: '请删除反斜杠（\\）；Logstash 是否保留反斜杠取决于 config.support_escapes，路径中请使用正斜杠（/）。',
  },
  {
    en: /^use either double quotes \("\) or single quotes \('\), not both; a Logstash string cannot hold both kinds\.$/,
    zh: '双引号（"）和单引号（\'）只能用其中一种；Logstash 字符串无法同时包含两种引号。',
  },
  {
    en: /^remove “\$\{”; Logstash would read it as a \$\{VARIABLE\} reference and there is no way to escape it\.$/,
    zh: '请删除“${”；Logstash 会把它当作 ${VARIABLE} 变量引用，而且无法转义。',
  },
  { en: /^use at least 6 characters \(keytool refuses shorter store passwords\)\.$/, zh: '请至少使用 6 个字符（keytool 不接受更短的密码）。' },
  { en: /^enter 1–255 characters, for example (?<example>\S+)\.$/, zh: '请输入 1–255 个字符，例如 {example}。' },
  { en: /^enter a port number such as (?<example>\d+)\.$/, zh: '请输入端口号，例如 {example}。' },
  { en: /^enter a port from 1 to 65535\.$/, zh: '请输入 1 到 65535 之间的端口号。' },
  {
    en: /^PEM truststores need logstash-integration-kafka 10\.12\.0 or later, which (?<label>.+) does not bundle; choose “auto”, “sls-jks” or “jks”, or pick Logstash 7\.17, 8\.x or 9\.x\.$/,
    zh: 'PEM 信任库需要 logstash-integration-kafka 10.12.0 或更高版本，而 {label} 未自带；请改用“自动”、“SLS 发布的 JKS”或“JKS”，或选择 Logstash 7.17、8.x 或 9.x。',
  },
  {
    en: /^zstd needs logstash-integration-kafka 10\.10\.0 or later, which (?<label>.+) does not bundle; choose gzip\.$/,
    zh: 'zstd 需要 logstash-integration-kafka 10.10.0 或更高版本，而 {label} 未自带；请选择 gzip。',
  },
  // Enum messages a form control cannot produce (the server can): a general fix.
  { en: /^choose /, zh: '请从给定的选项中选择一项。' },
];

/** The three tables together, as components/form/schema-error-text.ts takes them. */
export const zhErrorTables = { labels: schemaLabelsZh, terms: schemaTermsZh, patterns: schemaMessagePatternsZh };
