/**
 * Which agent wrote a config: markers in the content (the Kafka output's
 * header in each agent's syntax), the file name as a tie-breaker, and a list
 * of other kinds we recognise but do not lint, to say what a file is.
 */
import type { AgentId } from '../agents/meta';
import { KCAT_COMMAND } from './agents/kcat';

export type LintKind = { agent: AgentId; jaas?: boolean };

const MARKERS: { kind: LintKind; re: RegExp }[] = [
  { kind: { agent: 'telegraf' }, re: /^[ \t]*\[\[[ \t]*outputs\.kafka[ \t]*\]\]/m },
  { kind: { agent: 'collectd' }, re: /^[ \t]*<Plugin[ \t]+"?write_kafka"?[ \t]*>/im },
  { kind: { agent: 'fluentd' }, re: /^[ \t]*@type[ \t]+(?:kafka2|kafka|kafka_buffered|rdkafka2?)[ \t]*$/m },
  { kind: { agent: 'logstash' }, re: /^[ \t]*output[ \t]*\{[\s\S]*?\bkafka[ \t]*\{/m },
  { kind: { agent: 'beats' }, re: /^(?:output\.kafka[ \t]*:|output[ \t]*:[ \t]*\r?\n(?:[ \t]*(?:#.*)?\r?\n)*[ \t]+kafka[ \t]*:)/m },
  { kind: { agent: 'logstash', jaas: true }, re: /^[ \t]*KafkaClient[ \t]*\{/m },
  { kind: { agent: 'fluentbit' }, re: /^[ \t]*\[OUTPUT\][^[]*?^[ \t]+name[ \t]+kafka[ \t]*\r?$/im },
  { kind: { agent: 'fluentbit' }, re: /^pipeline[ \t]*:[\s\S]*?^[ \t]+outputs[ \t]*:[\s\S]*?-[ \t]*name[ \t]*:[ \t]*['"]?kafka['"]?[ \t]*\r?$/m },
  { kind: { agent: 'vector' }, re: /^[ \t]*\[sinks\.[^\]]+\][^[]*?^[ \t]*type[ \t]*=[ \t]*["']kafka["']/m },
  { kind: { agent: 'vector' }, re: /^sinks[ \t]*:[\s\S]*?^[ \t]+type[ \t]*:[ \t]*['"]?kafka['"]?[ \t]*\r?$/m },
  { kind: { agent: 'otelcol' }, re: /^exporters[ \t]*:[\s\S]*?^[ \t]+kafka(?:\/[\w.-]+)?[ \t]*:/m },
  { kind: { agent: 'rsyslog' }, re: /\baction[ \t]*\([^)]{0,4000}?\btype[ \t]*=[ \t]*"omkafka"/i },
  { kind: { agent: 'syslog-ng' }, re: /^[ \t]*destination\b[^{]*\{[\s\S]*?\bkafka(?:-c|_c)?[ \t]*\(/m },
  { kind: { agent: 'kcat' }, re: KCAT_COMMAND },
  // A librdkafka properties file (kcat -F); a Java client's (sasl.jaas.config) is told apart in lintConfig.
  { kind: { agent: 'kcat' }, re: /^[ \t]*(?:sasl\.mechanisms|sasl\.username|security\.protocol|metadata\.broker\.list)[ \t]*=/m },
];

/**
 * Application code the wizard's "Client libraries" agent writes: recognised,
 * but not linted (its settings live in code, not in a config file). Named in
 * the 422 answer with what to do instead.
 */
export const CLIENT_KINDS: { name: string; re: RegExp }[] = [
  { name: 'Python code using confluent-kafka', re: /\bfrom[ \t]+confluent_kafka[ \t]+import\b|\bimport[ \t]+confluent_kafka\b|\bkafka-python\b|\bfrom[ \t]+kafka[ \t]+import\b/ },
  { name: 'Node.js code using kafkajs', re: /require\(\s*['"]kafkajs['"]\s*\)|from[ \t]+['"]kafkajs['"]/ },
  { name: 'Go code using sarama', re: /"github\.com\/(?:Shopify|IBM)\/sarama"/ },
  { name: 'Java code or properties for kafka-clients', re: /\bsasl\.jaas\.config[ \t]*=|org\.apache\.kafka\.clients\.producer|\bkafka-clients\b|^[ \t]*(?:key|value)\.serializer[ \t]*=|^[ \t]*ssl\.truststore\.\w+[ \t]*=/m },
];

/** Kinds we recognise but do not lint (yet): named in the 422 answer. */
const OTHER_KINDS: { name: string; re: RegExp }[] = [
  { name: 'a Fluent Bit config without a kafka output', re: /^\s*\[(?:OUTPUT|INPUT|SERVICE)\]/im },
  { name: 'a Vector config without a kafka sink', re: /^\s*\[(?:sinks|sources)\.|^(?:sinks|sources)\s*:/m },
  { name: 'an OpenTelemetry Collector config without a kafka exporter', re: /^(?:exporters|receivers)\s*:/m },
  { name: 'an rsyslog config without an omkafka action', re: /^\s*(?:module|action|input)\s*\(/m },
  { name: 'a syslog-ng config without a kafka-c() destination', re: /^\s*(?:destination|source|log)\s*[\w{]/m },
  { name: 'a properties file', re: /^\s*[\w.]+\s*=/m },
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
  { kind: { agent: 'fluentbit' }, re: /fluent-?bit[^/]*\.(?:conf|ya?ml)$/i },
  { kind: { agent: 'vector' }, re: /vector[^/]*\.(?:toml|ya?ml)$/i },
  { kind: { agent: 'otelcol' }, re: /otel[^/]*\.ya?ml$|^config\.ya?ml$/i },
  { kind: { agent: 'rsyslog' }, re: /rsyslog[^/]*\.conf$|^\d+-[^/]*\.conf$/i },
  { kind: { agent: 'syslog-ng' }, re: /syslog-ng[^/]*\.conf$/i },
  { kind: { agent: 'kcat' }, re: /kcat[^/]*\.(?:conf|sh)$|\.properties$/i },
];

/** Every agent kind whose marker the content has (best first, the file name breaking ties). */
export function detectKinds(content: string, filename?: string): LintKind[] {
  const found = MARKERS.filter((m) => m.re.test(content)).map((m) => m.kind);
  const hint = filename ? FILENAME_HINTS.find((h) => h.re.test(filename))?.kind : undefined;
  if (hint) found.sort((a, b) => Number(b.agent === hint.agent && !!b.jaas === !!hint.jaas) - Number(a.agent === hint.agent && !!a.jaas === !!hint.jaas));
  return found;
}

/** What else the content looks like, for the error message. */
export function recogniseClient(content: string): string | undefined {
  return CLIENT_KINDS.find((k) => k.re.test(content))?.name;
}

export function recogniseOther(content: string): string | undefined {
  if (/[\u0000-\u0008\u000e-\u001f]/.test(content.slice(0, 4096)) || content.includes('\uFFFD')) return 'binary data, not a text config';
  if (content.trim() === '') return 'an empty file';
  return OTHER_KINDS.find((k) => k.re.test(content))?.name;
}
