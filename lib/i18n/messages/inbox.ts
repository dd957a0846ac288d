/**
 * Strings of the sandbox inbox page (/sandbox, components/inbox), in English
 * and Simplified Chinese.
 */
import type { Messages } from '../core';

export const inboxMessages = {
  title: { en: 'Sandbox inbox', zh: '沙箱收件箱' },
  lede: {
    en: 'Watch what your agent sends to the bundled sandbox endpoint, record by record, as SLS would store it.',
    zh: '逐条查看采集代理发送到内置沙箱接入点的数据，显示方式与 SLS 存储的结果一致。',
  },
  backToWizard: { en: '← Back to the wizard', zh: '← 返回配置向导' },

  pickTitle: { en: 'Which Logstore to watch', zh: '选择要查看的日志库' },
  project: { en: 'Project', zh: '项目' },
  projectHelp: { en: 'The SASL username your agent logs in with.', zh: '采集代理登录时使用的 SASL 用户名。' },
  logstore: { en: 'Logstore', zh: '日志库' },
  logstoreHelp: {
    en: 'The Kafka topic your agent writes to (without a .json suffix). Leave empty to see every Logstore of the project.',
    zh: '采集代理写入的 Kafka Topic（不含 .json 后缀）。留空则显示该项目下的所有日志库。',
  },
  show: { en: 'Show records', zh: '查看记录' },
  credentials: { en: 'Kafka password (AccessKeyId#AccessKeySecret)', zh: 'Kafka 密码（AccessKeyId#AccessKeySecret）' },
  credentialsHelp: {
    en: 'Strict mode: the password of an AccessKey allowed to write this project. Kept in this tab only and sent in a request header, never in the address.',
    zh: '严格模式：须为有权写入此项目的 AccessKey 的密码。仅保存在当前标签页中，通过请求头发送，不会出现在地址中。',
  },
  evicted: {
    en: '{count} older records of this project were dropped by the sandbox’s retention limit.',
    zh: '此项目中有 {count} 条较早的记录因沙箱的保留上限被删除。',
  },

  connectTitle: { en: 'How to connect an agent to the sandbox', zh: '如何将采集代理连接到沙箱' },
  connectIntro: {
    en: 'Point your agent (or render its config in the wizard with “Sandbox mode” on) at these settings:',
    zh: '将采集代理指向以下设置（也可以在向导中开启“沙箱模式”生成配置）：',
  },
  bootstrap: { en: 'Bootstrap server', zh: 'Bootstrap 服务器' },
  security: { en: 'Security protocol', zh: '安全协议' },
  securityValue: { en: 'SASL_SSL with mechanism PLAIN', zh: 'SASL_SSL，认证机制 PLAIN' },
  username: { en: 'SASL username', zh: 'SASL 用户名' },
  usernameValue: { en: 'the project name', zh: '项目名称' },
  password: { en: 'SASL password', zh: 'SASL 密码' },
  passwordOpen: {
    en: 'AccessKeyId#AccessKeySecret: this sandbox accepts any well-formed AccessKey (open mode).',
    zh: 'AccessKeyId#AccessKeySecret：此沙箱接受任何格式正确的 AccessKey（开放模式）。',
  },
  passwordStrict: {
    en: 'AccessKeyId#AccessKeySecret of an AccessKey listed in the sandbox accounts file (strict mode).',
    zh: 'AccessKeyId#AccessKeySecret，须为沙箱账号文件中列出的 AccessKey（严格模式）。',
  },
  topic: { en: 'Topic', zh: 'Topic' },
  topicValue: {
    en: 'the Logstore name; add “.json” to store JSON values as fields',
    zh: '日志库名称；加上“.json”后缀可将 JSON 值展开为字段',
  },
  ca: { en: 'CA certificate', zh: 'CA 证书' },
  caLink: { en: 'Download the sandbox CA (sls-sandbox-ca.pem)', zh: '下载沙箱 CA 证书（sls-sandbox-ca.pem）' },
  caHelp: {
    en: 'The sandbox uses its own certificate authority: your agent must trust this file (SLS itself uses a public CA).',
    zh: '沙箱使用自己的证书颁发机构，采集代理必须信任此文件（SLS 本身使用公共 CA）。',
  },
  kcatTitle: { en: 'Try it with kcat', zh: '用 kcat 试一试' },
  kcatHelp: {
    en: 'Sends each line you type as one record. Replace the AccessKey placeholders; the secret stays on your machine.',
    zh: '将输入的每一行作为一条记录发送。请替换 AccessKey 占位符；密钥只留在您自己的机器上。',
  },
  sandboxOff: {
    en: 'The sandbox endpoint is not running in this server (it was started with SANDBOX=off): nothing can arrive here.',
    zh: '此服务器未运行沙箱接入点（启动时设置了 SANDBOX=off），因此不会收到任何数据。',
  },
  shardsPerLogstore: {
    en: 'Every Logstore has {shards} shards in this sandbox.',
    zh: '此沙箱中每个日志库有 {shards} 个分片。',
  },

  statusWaiting: { en: 'Enter a project to start watching.', zh: '请输入项目名称开始查看。' },
  statusPolling: { en: 'Watching {target}: updates every 2 s.', zh: '正在查看 {target}：每 2 秒刷新一次。' },
  statusPaused: {
    en: 'Paused while this tab is hidden; updates resume when you come back.',
    zh: '此标签页处于后台，已暂停刷新；回到此页后自动继续。',
  },
  lastUpdate: { en: 'Last update: {time}', zh: '最近更新：{time}' },
  neverUpdated: { en: 'Loading…', zh: '正在加载…' },
  retry: { en: 'Retry', zh: '重试' },
  stopped: { en: 'Updates stopped.', zh: '已停止刷新。' },
  errorHttp: { en: 'The server answered HTTP {status}: {message}', zh: '服务器返回 HTTP {status}：{message}' },
  errorSandboxOff: {
    en: 'The sandbox endpoint is not running in this server (SANDBOX=off).',
    zh: '此服务器未运行沙箱接入点（SANDBOX=off）。',
  },
  errorNetwork: {
    en: 'Could not reach the wizard’s server ({reason}). Check that it is still running.',
    zh: '无法连接到向导服务器（{reason}）。请确认服务器仍在运行。',
  },
  errorTimeout: {
    en: 'The server did not answer within {seconds} s.',
    zh: '服务器在 {seconds} 秒内没有响应。',
  },
  errorBadResponse: { en: 'The server sent something that is not a list of records.', zh: '服务器返回的内容不是记录列表。' },

  shardsTitle: { en: 'Records per Logstore and shard', zh: '各日志库与分片的记录数' },
  shardsEmpty: { en: 'No records yet for this project.', zh: '该项目暂无记录。' },
  colLogstore: { en: 'Logstore', zh: '日志库' },
  colShard: { en: 'Shard', zh: '分片' },
  colRecords: { en: 'Records', zh: '记录数' },
  colBytes: { en: 'Bytes', zh: '字节数' },
  colNextOffset: { en: 'Next offset', zh: '下一个 Offset' },
  logstoreTotal: { en: '{records} records in {shards} shards', zh: '共 {records} 条记录，分布在 {shards} 个分片' },

  recordsTitle: { en: 'Newest records', zh: '最新记录' },
  logstoresTitle: { en: 'Logstores with data', zh: '有数据的日志库' },
  logstoresEmpty: { en: 'No Logstore of this project has records yet.', zh: '该项目的日志库暂无记录。' },
  logstoreSummary: { en: '{records} records, {bytes} bytes', zh: '{records} 条记录，{bytes} 字节' },
  logstoreEvicted: { en: '{count} records evicted (retention limit)', zh: '{count} 条记录已被清除（保留上限）' },
  logstoreUnviewable: { en: '{count} records too large to show', zh: '{count} 条记录过大，无法显示' },
  logstoreWatch: { en: 'Watch {logstore}', zh: '查看 {logstore}' },
  logstoreAll: { en: 'All Logstores', zh: '所有日志库' },
  pause: { en: 'Pause updates', zh: '暂停刷新' },
  resume: { en: 'Resume updates', zh: '继续刷新' },
  statusUserPaused: { en: 'Paused: press “Resume updates” to continue.', zh: '已暂停：点击“继续刷新”恢复。' },
  filter: { en: 'Filter records', zh: '筛选记录' },
  filterHelp: { en: 'Shows only records whose key, content, fields or headers contain this text.', zh: '只显示 Key、内容、字段或 Headers 中包含此文本的记录。' },
  filterCount: { en: '{shown} of {total} records match.', zh: '{total} 条记录中有 {shown} 条匹配。' },
  showMore: { en: 'Show {count} more', zh: '再显示 {count} 条' },
  shownCount: { en: 'Showing {shown} of {total}.', zh: '显示 {total} 条中的 {shown} 条。' },
  recordSize: { en: '{size} bytes', zh: '{size} 字节' },
  recordCut: { en: 'shown cut short: {size} bytes were sent', zh: '显示内容已截断：实际发送 {size} 字节' },
  json: { en: 'JSON', zh: 'JSON' },
  jsonKeys: { en: 'JSON object, {count} keys', zh: 'JSON 对象，{count} 个键' },
  jsonItems: { en: 'JSON array, {count} items', zh: 'JSON 数组，{count} 项' },
  colSize: { en: 'Size', zh: '大小' },
  recordsCaption: { en: 'The newest {count} records, newest first.', zh: '最新的 {count} 条记录，按时间倒序排列。' },
  recordsEmpty: {
    en: 'No records yet. Start your agent (or the kcat command above); records appear here within seconds.',
    zh: '暂无记录。启动采集代理（或上面的 kcat 命令）后，记录会在几秒内出现在这里。',
  },
  colTime: { en: 'Time', zh: '时间' },
  colOffset: { en: 'Offset', zh: 'Offset' },
  colKey: { en: 'Key', zh: 'Key' },
  colContent: { en: 'Content or fields', zh: '内容或字段' },
  colHeaders: { en: 'Headers', zh: 'Headers' },
  colClientId: { en: 'Client ID', zh: 'Client ID' },
  noKey: { en: '(none)', zh: '（无）' },
  base64: { en: 'not UTF-8, shown as base64', zh: '非 UTF-8，以 base64 显示' },
  timeReceived: { en: 'no record timestamp: time received', zh: '记录未带时间戳：使用接收时间' },
  truncated: { en: '… ({length} characters in all)', zh: '…（共 {length} 个字符）' },

  spreadOk: {
    en: 'Logstore {logstore}: the last {count} records reached shards {shards}.',
    zh: '日志库 {logstore}：最近 {count} 条记录分布在分片 {shards}。',
  },
  spreadKeyTitle: {
    en: 'Logstore {logstore}: every record lands on one shard',
    zh: '日志库 {logstore}：所有记录都写入了同一个分片',
  },
  spreadKeyBody: {
    en: 'The last {count} records all went to shard {shard}, but the Logstore has {shardCount} shards. They all carry the same message key “{key}”: a Kafka client sends every record with the same key to the same partition, so a constant key pins all your data to one shard. That shard’s write limit then caps your throughput while the other shards stay idle.',
    zh: '最近 {count} 条记录全部写入了分片 {shard}，而该日志库共有 {shardCount} 个分片。这些记录的消息 Key 都是“{key}”：Kafka 客户端会把相同 Key 的记录发往同一个分区，因此固定的 Key 会把所有数据钉在一个分片上。该分片的写入上限会限制整体吞吐量，其他分片则一直空闲。',
  },
  spreadKeyFix: {
    en: 'Fix: remove the message key from the agent’s Kafka output, or use a key that differs between records. Beats: delete “key” under output.kafka. Telegraf: remove routing_key and routing_tag. Fluentd: remove default_message_key and message_key_key. Logstash: remove message_key. collectd: remove the Key option of write_kafka.',
    zh: '解决方法：从采集代理的 Kafka 输出中删除消息 Key，或者使用每条记录都不同的 Key。Beats：删除 output.kafka 下的“key”。Telegraf：删除 routing_key 和 routing_tag。Fluentd：删除 default_message_key 和 message_key_key。Logstash：删除 message_key。collectd：删除 write_kafka 的 Key 选项。',
  },
  spreadNoKeyTitle: {
    en: 'Logstore {logstore}: the newest records are all on one shard',
    zh: '日志库 {logstore}：最新的记录都在同一个分片上',
  },
  spreadNoKeyBody: {
    en: 'The last {count} records all went to shard {shard} of {shardCount}. They have no key, so the client picks the shard: librdkafka and Java clients use a sticky partitioner that fills one shard per batch and then moves on, so this is normal for a short burst. If it persists over many batches, check the agent’s partitioner setting (Beats: partition.round_robin).',
    zh: '最近 {count} 条记录全部写入了分片 {shard}（共 {shardCount} 个分片）。这些记录没有 Key，由客户端选择分片：librdkafka 和 Java 客户端使用粘性分区策略，一个批次写满一个分片后再换下一个，因此短时间内出现这种情况是正常的。如果持续多个批次都如此，请检查采集代理的分区设置（Beats：partition.round_robin）。',
  },
  spreadMixedTitle: {
    en: 'Logstore {logstore}: every record lands on one shard',
    zh: '日志库 {logstore}：所有记录都写入了同一个分片',
  },
  spreadMixedBody: {
    en: 'The last {count} records all went to shard {shard}, but the Logstore has {shardCount} shards. Check the agent’s message key and partitioner settings: a key that rarely changes, or a fixed partition, keeps records on one shard.',
    zh: '最近 {count} 条记录全部写入了分片 {shard}，而该日志库共有 {shardCount} 个分片。请检查采集代理的消息 Key 和分区设置：很少变化的 Key 或固定的分区都会让记录集中在一个分片上。',
  },

  'name.enter': { en: '{label}: enter a name.', zh: '{label}：请输入名称。' },
  'name.rule.project': {
    en: '3–63 characters: lowercase letters, digits and hyphens (-), starting and ending with a letter or digit.',
    zh: '3–63 个字符，只能包含小写字母、数字和连字符（-），并以小写字母或数字开头和结尾。',
  },
  'name.rule.logstore': {
    en: '3–63 characters: lowercase letters, digits, hyphens (-) and underscores (_), starting and ending with a letter or digit.',
    zh: '3–63 个字符，只能包含小写字母、数字、连字符（-）和下划线（_），并以小写字母或数字开头和结尾。',
  },
  'name.whitespace': { en: '{label}: remove the whitespace.', zh: '{label}：请删除空格；名称中不能包含空格、制表符或换行。' },
  'name.lowercase': { en: '{label}: use lowercase letters only.', zh: '{label}：只能使用小写字母。' },
  'name.lowercaseTry': { en: '{label}: use lowercase letters only; try “{suggestion}”.', zh: '{label}：只能使用小写字母，可以改为“{suggestion}”。' },
  'name.badChar': { en: '{label}: {char} is not allowed.', zh: '{label}：不允许使用 {char}。' },
  'name.tooShort': { en: '{label}: too short.', zh: '{label}：“{value}”只有 {count} 个字符，名称须为 3–63 个字符。' },
  'name.tooLong': { en: '{label}: too long.', zh: '{label}：名称有 {count} 个字符，请缩短到 63 个字符以内。' },
  'name.edges': { en: '{label}: start and end with a letter or digit.', zh: '{label}：名称须以小写字母或数字开头和结尾（例如“{example}”）。' },
} as const satisfies Messages;

export type InboxMessageKey = keyof typeof inboxMessages;
