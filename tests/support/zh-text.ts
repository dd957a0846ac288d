/**
 * "Is this user-visible text left in English?" for the zh-CN checks (unit and
 * e2e): a text fails when it has no Chinese at all and still reads as English
 * words once code, names and commands are set aside. Allow-listed: product and
 * protocol names, option and file names (anything with . / _ = $ : or digits),
 * quoted log lines, URLs and placeholders.
 */

/** CJK ideographs and full-width punctuation. */
const CHINESE = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

/** Names that stay as they are in Chinese text (lower case). */
const NAMES = new Set(
  [
    'sls', 'kafka', 'accesskey', 'accesskeyid', 'accesskeysecret', 'ram', 'logstore', 'project',
    'filebeat', 'metricbeat', 'heartbeat', 'auditbeat', 'packetbeat', 'winlogbeat', 'beats', 'beat',
    'collectd', 'telegraf', 'fluentd', 'logstash', 'fluent', 'bit', 'vector', 'opentelemetry', 'otel', 'collector',
    'rsyslog', 'syslog-ng', 'kcat', 'librdkafka', 'sarama', 'kafkajs', 'confluent-kafka',
    'linux', 'windows', 'docker', 'kubernetes', 'powershell', 'debian', 'ubuntu', 'rhel', 'centos', 'rocky', 'alma', 'alpine',
    'python', 'go', 'node', 'java', 'jvm', 'tls', 'sasl', 'plain', 'ssl', 'tcp', 'dns', 'json', 'yaml', 'toml', 'zip', 'pem', 'jks',
    'ca', 'api', 'url', 'id', 'gzip', 'zstd', 'lz4', 'snappy', 'none', 'epel', 'systemd', 'openrc', 'keystore', 'sandbox',
    // Terms the Chinese SLS console keeps (Topic, AccessKey Secret), a distribution's name, the language switch's own name.
    'topic', 'secret', 'alibaba', 'cloud', 'english',
  ],
);

/** Words that read as English prose: letters only, at least two, not a name. */
export function englishWords(text: string): string[] {
  const prose = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/“[^”]*”|"[^"]*"|`[^`]*`|'[^'\s][^']*'/g, ' ')
    .replace(/\{[^}]*\}|<[^>]*>|\$\{[^}]*\}/g, ' ');
  return prose
    .split(/\s+/)
    .map((token) => token.replace(/^[(\[“"']+|[)\],.;:!?”"']+$/g, ''))
    .filter((word) => /^[A-Za-z][a-z]+$/.test(word) && !NAMES.has(word.toLowerCase()));
}

/** The text when it is English prose with no Chinese in it, else undefined. */
export function untranslated(text: string): string | undefined {
  if (CHINESE.test(text)) return undefined;
  return englishWords(text).length > 0 ? text : undefined;
}

/** The comments inside shell / PowerShell commands (`# …` after a space or at a line's start). */
export function commandComments(command: string): string[] {
  const out: string[] = [];
  for (const line of command.split('\n')) {
    const match = /(?:^|\s)#\s+(.*)$/.exec(line);
    if (match?.[1]) out.push(match[1]);
  }
  return out;
}
