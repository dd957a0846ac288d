/**
 * Strings of the validation report (components/validate/ValidateReport.tsx,
 * loaded when a check runs): each doctor step's label, SLS error
 * explanations and every HTTP or network failure, in English and Simplified Chinese.
 */
import type { Messages } from '../core';

export const validateReportMessages = {
  resultOk: { en: 'All steps passed: the endpoint accepted a test record.', zh: '所有步骤均已通过：接入点已接受测试记录。' },
  resultFailed: { en: 'Failed at “{step}”: {name}.', zh: '在“{step}”步骤失败：{name}。' },
  resultFailedNoStep: { en: 'The check failed: {name}.', zh: '检查失败：{name}。' },
  checkedSandbox: {
    en: 'Checked against the bundled sandbox, standing in for {endpoint}.',
    zh: '检查对象：内置沙箱（代替 {endpoint}）。',
  },
  checkedLive: { en: 'Checked against SLS itself: {endpoint}.', zh: '检查对象：SLS 在线接入点 {endpoint}。' },
  checkedAt: { en: 'Checked at {time}.', zh: '检查时间：{time}。' },
  sandboxInboxLink: { en: 'See the test record in the sandbox inbox', zh: '在沙箱收件箱中查看测试记录' },

  stepsTitle: { en: 'Steps', zh: '步骤' },
  stepPassed: { en: 'passed', zh: '通过' },
  stepFailed: { en: 'failed', zh: '失败' },
  stepNotReached: { en: 'not reached', zh: '未执行' },
  stepSkippedDns: {
    en: 'skipped: the endpoint was dialled by IP address, so there was nothing to look up',
    zh: '已跳过：按 IP 地址连接接入点，无需 DNS 解析',
  },
  stepMs: { en: '{ms} ms', zh: '{ms} 毫秒' },

  'step.config': { en: 'Generated configs read back', zh: '回读生成的配置' },
  'step.dns': { en: 'DNS lookup of the endpoint', zh: '解析接入点域名（DNS）' },
  'step.tcp': { en: 'TCP connection', zh: 'TCP 连接' },
  'step.tls': { en: 'TLS handshake (certificate and host name)', zh: 'TLS 握手（证书与主机名）' },
  'step.api-versions': { en: 'Kafka API versions', zh: 'Kafka API 版本协商' },
  'step.sasl-handshake': { en: 'SASL handshake (PLAIN)', zh: 'SASL 握手（PLAIN）' },
  'step.sasl-authenticate': { en: 'SASL login (project and AccessKey)', zh: 'SASL 登录（项目与 AccessKey）' },
  'step.metadata': { en: 'Logstore metadata (shards)', zh: '日志库元数据（分片）' },
  'step.produce': { en: 'Write a test record to every shard', zh: '向每个分片写入测试记录' },
  'step.acknowledgment': { en: 'Acknowledgment from the endpoint', zh: '接入点确认写入' },

  errorTitle: { en: 'What went wrong', zh: '出错原因' },
  errorCode: { en: 'code {code}', zh: '错误码 {code}' },
  errorMeaning: { en: 'What it means: ', zh: '含义：' },
  errorHint: { en: 'What to do: ', zh: '处理方法：' },
  'meaning.TopicAuthorizationException': {
    en: 'Authentication failed: the AccessKey is invalid, or it has no permission to write to this project or Logstore.',
    zh: '鉴权失败：AccessKey 无效，或该 AccessKey 没有写入此项目或日志库的权限。',
  },
  'hint.TopicAuthorizationException': {
    en: 'Use a valid AccessKey (preferably a RAM user’s) and grant it write permission (log:PostLogStoreLogs) on the project and Logstore.',
    zh: '请使用有效的 AccessKey（建议使用 RAM 用户的 AccessKey），并为其授予该项目和日志库的写入权限（log:PostLogStoreLogs）。',
  },
  'meaning.UnknownTopicOrPartitionException': {
    en: 'The project or Logstore does not exist, or the project is in a different region than the endpoint you used.',
    zh: '项目或日志库不存在，或者项目所在地域与所用接入点的地域不一致。',
  },
  'hint.UnknownTopicOrPartitionException': {
    en: 'Create the project and the Logstore first, and make sure the endpoint’s region is the project’s region.',
    zh: '请先创建项目和日志库，并确认接入点的地域就是项目所在的地域。',
  },
  'meaning.NetworkException': {
    en: 'A network error occurred between the client and SLS.',
    zh: '客户端与 SLS 之间发生了网络错误。',
  },
  'hint.NetworkException': { en: 'Wait 1 second and try again.', zh: '请等待 1 秒后重试。' },
  'meaning.KafkaStorageException': { en: 'A server-side error occurred in SLS.', zh: 'SLS 服务端发生了错误。' },
  'hint.KafkaStorageException': { en: 'Wait 1 second and try again.', zh: '请等待 1 秒后重试。' },
  'meaning.TimeoutException': {
    en: 'The endpoint did not answer in time.',
    zh: '接入点没有在规定时间内响应。',
  },
  'meaning.SslAuthenticationException': {
    en: 'The TLS handshake failed: the certificate is not trusted or does not name the host.',
    zh: 'TLS 握手失败：证书不受信任，或证书中的主机名与所连接的主机不符。',
  },
  'meaning.ConnectionQuotaExceed': {
    en: 'The endpoint refused the connection because its connection limit is reached.',
    zh: '接入点的连接数已达上限，拒绝了这个连接。',
  },
  'meaning.UnknownHostException': {
    en: 'The endpoint’s host name does not resolve.',
    zh: '接入点的主机名无法解析。',
  },
  'meaning.TemplateError': {
    en: 'A generated config does not match your settings: this is a bug in the wizard.',
    zh: '生成的配置与您的设置不一致：这是向导的缺陷。',
  },
  serverHintNote: { en: 'Details from the server: ', zh: '服务器给出的详细信息：' },

  invalidTitle: { en: 'The server rejected these settings', zh: '服务器拒绝了这些设置' },
  invalidIntro: {
    en: 'Fix these fields in the form and run Validate again:',
    zh: '请在表单中修改以下字段，然后再次验证：',
  },
  fieldLabel: { en: 'Field {field}', zh: '字段 {field}' },
  liveDisabledTitle: { en: 'Live checks are turned off on this server', zh: '此服务器未开启在线检查' },
  liveDisabledBody: {
    en: 'This server does not connect to SLS itself (an administrator can enable it with ALLOW_LIVE_CHECK=1). Check against the bundled sandbox instead: it runs the same steps and gives SLS’s answers.',
    zh: '此服务器不会直接连接 SLS（管理员可以设置 ALLOW_LIVE_CHECK=1 开启）。请改为针对内置沙箱检查：步骤相同，返回的也是 SLS 的错误信息。',
  },
  useSandbox: { en: 'Check against the sandbox instead', zh: '改为针对沙箱检查' },
  rateLimitedTitle: { en: 'Too many checks', zh: '检查过于频繁' },
  rateLimitedBody: {
    en: 'Each check opens a real connection, so the server limits how often one client may run it. Wait {seconds} s and try again.',
    zh: '每次检查都会建立真实连接，因此服务器限制了单个客户端的检查频率。请等待 {seconds} 秒后重试。',
  },
  rateLimitedBodyNoWait: {
    en: 'Each check opens a real connection, so the server limits how often one client may run it. Wait a few seconds and try again.',
    zh: '每次检查都会建立真实连接，因此服务器限制了单个客户端的检查频率。请稍等几秒后重试。',
  },
  sandboxOffTitle: { en: 'The sandbox is not running', zh: '沙箱未运行' },
  sandboxOffBody: {
    en: 'This server was started without the sandbox endpoint (SANDBOX=off), so there is nothing to check against. Start it with the sandbox, or check against SLS if live checks are enabled.',
    zh: '此服务器启动时没有开启沙箱接入点（SANDBOX=off），因此无法检查。请开启沙箱后重新启动；如果已开启在线检查，也可以改为针对 SLS 检查。',
  },
  serverErrorTitle: { en: 'The server could not run the check (HTTP {status})', zh: '服务器无法执行检查（HTTP {status}）' },
  serverErrorBody: { en: 'Try again in a moment. The server said:', zh: '请稍后重试。服务器返回：' },
  networkTitle: { en: 'Could not reach the wizard’s server', zh: '无法连接到向导服务器' },
  networkBody: {
    en: 'The request did not get an answer ({reason}). Check your network connection and that the wizard server is still running, then try again.',
    zh: '请求没有得到响应（{reason}）。请检查网络连接，并确认向导服务器仍在运行，然后重试。',
  },
  timeoutTitle: { en: 'No answer within {seconds} s', zh: '{seconds} 秒内没有响应' },
  timeoutBody: {
    en: 'The check was stopped after {seconds} s. The server may be busy or the endpoint unreachable; try again, and if it keeps happening check the region and network type.',
    zh: '检查在 {seconds} 秒后被中止。服务器可能繁忙，或接入点无法访问；请重试，若多次出现请检查地域和网络类型。',
  },
  cancelled: { en: 'The check was cancelled.', zh: '检查已取消。' },
  badResponseTitle: { en: 'Unexpected answer from the server', zh: '服务器返回了无法识别的结果' },
  badResponseBody: {
    en: 'The server answered with something that is not a validation report (HTTP {status}). Try again; if it persists, report it.',
    zh: '服务器返回的内容不是验证报告（HTTP {status}）。请重试；如果问题持续存在，请反馈给我们。',
  },
} as const satisfies Messages;

export type ValidateReportMessageKey = keyof typeof validateReportMessages;
