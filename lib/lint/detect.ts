/**
 * Which agent wrote a config: markers in the content (the Kafka output's
 * header in each agent's syntax), the file name as a tie-breaker, and a list
 * of other kinds we recognise but do not lint, to say what a file is.
 */
import type { AgentId } from '../agents/meta';

export type LintKind = { agent: AgentId; jaas?: boolean };

const MARKERS: { kind: LintKind; re: RegExp }[] = [
  { kind: { agent: 'telegraf' }, re: /^[ \t]*\[\[[ \t]*outputs\.kafka[ \t]*\]\]/m },
  { kind: { agent: 'collectd' }, re: /^[ \t]*<Plugin[ \t]+"?write_kafka"?[ \t]*>/im },
  { kind: { agent: 'fluentd' }, re: /^[ \t]*@type[ \t]+(?:kafka2|kafka|kafka_buffered|rdkafka2?)[ \t]*$/m },
  { kind: { agent: 'logstash' }, re: /^[ \t]*output[ \t]*\{[\s\S]*?\bkafka[ \t]*\{/m },
  { kind: { agent: 'beats' }, re: /^(?:output\.kafka[ \t]*:|output[ \t]*:[ \t]*\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[ \t]+kafka[ \t]*:)/m },
  { kind: { agent: 'logstash', jaas: true }, re: /^[ \t]*KafkaClient[ \t]*\{/m },
];

/** Kinds we recognise but do not lint (yet): named in the 422 answer. */
const OTHER_KINDS: { name: string; re: RegExp }[] = [
  { name: 'a Fluent Bit config ([OUTPUT] section)', re: /^\s*\[OUTPUT\]/im },
  { name: 'a Vector config (sinks)', re: /^\s*\[sinks\.|^sinks\s*:/m },
  { name: 'an OpenTelemetry Collector config (exporters)', re: /^exporters\s*:/m },
  { name: 'an rsyslog config (omkafka)', re: /omkafka/ },
  { name: 'a syslog-ng config (kafka-c)', re: /kafka(?:-c)?\s*\(/ },
  { name: 'a Java/librdkafka properties file', re: /^\s*(?:bootstrap\.servers|metadata\.broker\.list)\s*=/m },
  { name: 'a collectd config without write_kafka', re: /^\s*(?:LoadPlugin|<Plugin)\b/m },
  { name: 'a Fluentd config without a Kafka output', re: /^\s*<(?:match|source)\b/m },
  { name: 'a Logstash pipeline without a kafka output', re: /^\s*(?:input|output)\s*\{/m },
  { name: 'a Telegraf config without [[outputs.kafka]]', re: /^\s*\[\[(?:inputs|outputs)\./m },
  { name: 'a Beats config without output.kafka', re: /^(?:filebeat|metricbeat|output)\.?\w*\s*:/m },
  { name: 'a PEM certificate or key', re: /-----BEGIN [A-Z ]+-----/ },
  { name: 'an HTML page', re: /^\s*<!doctype html|<html[\s>]/i },
  { name: 'a JSON document', re: /^\s*[{[]\s*"/ },
];

const FILENAME_HINTS: { kind: LintKind; re: RegExp }[] = [
  { kind: { agent: 'beats' }, re: /beat[^/]*\.ya?ml$/i },
  { kind: { agent: 'telegraf' }, re: /telegraf[^/]*\.(?:conf|toml)$|\.toml$/i },
  { kind: { agent: 'collectd' }, re: /collectd[^/]*\.conf$|write_kafka\.conf$/i },
  { kind: { agent: 'fluentd' }, re: /(?:fluentd?|td-agent)[^/]*\.conf$/i },
  { kind: { agent: 'logstash', jaas: true }, re: /jaas[^/]*\.conf$/i },
  { kind: { agent: 'logstash' }, re: /(?:logstash|pipeline)[^/]*\.conf$/i },
];

/** Every agent kind whose marker the content has (best first, the file name breaking ties). */
export function detectKinds(content: string, filename?: string): LintKind[] {
  const found = MARKERS.filter((m) => m.re.test(content)).map((m) => m.kind);
  const hint = filename ? FILENAME_HINTS.find((h) => h.re.test(filename))?.kind : undefined;
  if (hint) found.sort((a, b) => Number(b.agent === hint.agent && !!b.jaas === !!hint.jaas) - Number(a.agent === hint.agent && !!a.jaas === !!hint.jaas));
  return found;
}

/** What else the content looks like, for the error message. */
export function recogniseOther(content: string): string | undefined {
  if (/[\u0000-\u0008\u000e-\u001f]/.test(content.slice(0, 4096)) || content.includes('\uFFFD')) return 'binary data, not a text config';
  if (content.trim() === '') return 'an empty file';
  return OTHER_KINDS.find((k) => k.re.test(content))?.name;
}
